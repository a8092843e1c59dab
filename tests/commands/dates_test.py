"""Dates on the command line: `YYYY-MM-DD` only, within the dates the files may hold."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from collectif.commands.dates import parse_day, parse_since
from collectif.errors import CollectifError
from collectif.i18n import render
from tests.helpers import collective, member, run


def test_only_yyyy_mm_dd_within_range_is_a_date() -> None:
    assert parse_day("--date", "2026-11-26") == date(2026, 11, 26)
    assert parse_day("--date", "1900-01-01") == date(1900, 1, 1)
    assert parse_day("--date", "2999-12-31") == date(2999, 12, 31)
    assert parse_day("--date", None, date(2026, 1, 1)) == date(2026, 1, 1)
    for written in ("20261126", "2026-11-26T00:00", " 2026-11-26", "2026-W48-4", "2026-11-26\n"):
        with pytest.raises(CollectifError) as refused:
            parse_day("--as-of", written)
        assert "is not a date; write it YYYY-MM-DD" in render(refused.value.message, "en")
    for far in ("0001-01-01", "1899-12-31", "3000-01-01", "9999-12-31"):
        with pytest.raises(CollectifError) as refused:
            parse_day("--as-of", far)
        assert render(refused.value.message, "en") == (
            f"--as-of: {far} is out of range: collectif takes dates from 1900-01-01 to 2999-12-31."
        )


def test_since_comes_on_or_before_the_as_of_date() -> None:
    assert parse_since("2026-01-01", date(2026, 1, 1)) == date(2026, 1, 1)
    assert parse_since(None, date(2026, 1, 1)) is None
    with pytest.raises(CollectifError) as refused:
        parse_since("2026-06-01", date(2026, 1, 1))
    assert refused.value.exit_code == 2


@pytest.mark.parametrize(
    ("args", "english", "french"),
    [
        (
            ("--as-of", "20261126"),
            "--as-of: `20261126` is not a date; write it YYYY-MM-DD",
            "n'est pas une date",
        ),
        (("--as-of", "9999-12-31"), "--as-of: 9999-12-31 is out of range", "hors limites"),
        (("--as-of", "0001-01-01"), "--as-of: 0001-01-01 is out of range", "hors limites"),
        (
            ("--as-of", "2026-01-01", "--since", "2026-06-01"),
            "--since 2026-06-01 comes after the as-of date 2026-01-01",
            "--since 2026-06-01 vient après la date de vérification 2026-01-01",
        ),
    ],
)
def test_check_refuses_bad_dates_as_misuse(
    tmp_path: Path, args: tuple[str, ...], english: str, french: str
) -> None:
    root = collective(tmp_path, {"members/ana.yaml": member("ana")})
    for lang, expected in (("en", english), ("fr", french)):
        done = run("check", "--repo", str(root), *args, "--lang", lang)
        assert done.returncode == 2, done.stdout + done.stderr
        assert expected in done.stderr and "Unexpected" not in done.stderr
