"""The field types: ids end at the end of the text, numbers and dates stay in a sane range."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from pydantic import TypeAdapter, ValidationError

from collectif.i18n import render
from collectif.model.files import Holding
from collectif.model.message import Message
from collectif.model.rules import validate
from collectif.model.types import ID_PATTERN, MONTH_PATTERN, Id, places
from collectif.store import load
from tests.helpers import check_json, collective, findings, member

AS_OF = "2026-11-26"

# Ids and months -----------------------------------------------------------------------------


def test_a_trailing_newline_is_not_part_of_an_id_or_a_month() -> None:
    assert re.match(ID_PATTERN, "evil") and not re.match(ID_PATTERN, "evil\n")
    assert re.match(MONTH_PATTERN, "2026-03") and not re.match(MONTH_PATTERN, "2026-03\n")
    # pydantic's own regex engine (Rust) reads the schema pattern's `$` as the end of the text
    with pytest.raises(ValidationError):
        TypeAdapter(Id).validate_python("evil\n")
    with pytest.raises(ValidationError):
        validate(Holding, {"member": "evil\n", "since": "2026-01-01"})
    assert isinstance(load.classify("members/evil\n.yaml"), Message)
    assert isinstance(load.classify("contributions/evil\n/2026-03.yaml"), Message)
    assert isinstance(load.classify("contributions/ana/2026-03\n.yaml"), Message)
    assert load.classify("members/evil.yaml") == load.FileId(load.Kind.MEMBER, "evil")


def test_a_file_named_with_a_newline_is_not_a_member(tmp_path: Path) -> None:
    root = collective(tmp_path, {"members/evil\n.yaml": member("Evil")})
    [finding] = findings(root, AS_OF, only="schema")
    assert "is not a valid id" in render(finding.message, "en")


# Numbers ------------------------------------------------------------------------------------


def test_places_are_counted_without_rounding() -> None:
    cases = {"0.00": 0, "1.50": 1, "0.001": 3, "12": 0, "1E+5": 0, "1E-999999999": 999999999}
    for text, expected in cases.items():
        assert places(Decimal(text)) == expected, text


PROJECT = "title: P\nclient: C\nclient_kind: ess\nstatus: active\nstart: 2026-01-01\n"
ENTRY = "- date: 2026-10-25\n  hours: {}\n  kind: meeting\n"


@pytest.mark.parametrize(
    ("path", "text", "line", "english", "french"),
    [
        (
            "contributions/ana/2026-10.yaml",
            ENTRY.format("1e309"),
            2,
            "expected more than 0 and at most 24 hours, found the number 1E+309",
            "attendu plus de 0 et au plus 24 heures, trouvé le nombre 1E+309",
        ),
        (
            "contributions/ana/2026-10.yaml",
            ENTRY.format("1e999999999"),
            2,
            "found the number 1E+999999999",
            "au plus 24 heures",
        ),
        (
            "contributions/ana/2026-10.yaml",
            ENTRY.format("10000000000000000000000000000"),
            2,
            "found the number 10000000000000000000000000000",
            "trouvé le nombre",
        ),
        ("contributions/ana/2026-10.yaml", ENTRY.format("0"), 2, "more than 0", "plus de 0"),
        ("contributions/ana/2026-10.yaml", ENTRY.format("24.5"), 2, "at most 24", "au plus 24"),
        (
            "contributions/ana/2026-10.yaml",
            ENTRY.format("2.555"),
            2,
            "expected hours with at most 2 decimals",
            "au plus 2 décimales",
        ),
        (
            "projects/p.yaml",
            PROJECT + "lines:\n  - {member: ana, amount: 12345678901234567890123456789.123}\n",
            7,
            "expected an amount between 0 and 1,000,000,000, found the number "
            "12345678901234567890123456789.123",
            "attendu un montant entre 0 et 1\u202f000\u202f000\u202f000",
        ),
        (
            "projects/p.yaml",
            PROJECT + "lines:\n  - {member: ana, amount: 123456789012345678901234567890}\n",
            7,
            "expected an amount between 0 and 1,000,000,000",
            "attendu un montant",
        ),
        (
            "projects/p.yaml",
            PROJECT + "lines:\n  - {member: ana, days: 1e40, rate: 450}\n",
            7,
            "expected a number of days between 0 and 10,000, found the number 1E+40",
            "attendu un nombre de jours entre 0 et 10\u202f000",
        ),
        (
            "projects/p.yaml",
            PROJECT + "lines:\n  - {member: ana, days: 0.125, rate: 450}\n",
            7,
            "expected days with at most 2 decimals",
            "au plus 2 décimales",
        ),
        (
            "projects/p.yaml",
            PROJECT + "payouts:\n  - {member: ana, amount: 2000,00}\n",
            7,
            "a key that is a number (0): inside `{ }` a comma separates keys",
            "virgule",
        ),
        (
            "projects/p.yaml",
            PROJECT + "payouts:\n  - member: ana\n    amount: 2000,50\n",
            8,
            'expected a number, found the text "2000,50": write it with a decimal point, 2000.50',
            "avec un point décimal, 2000.50",
        ),
        (
            "collectif.yaml",
            "name: A\ncharter:\n  overload: {max_share: 0.1234567}\n",
            3,
            "expected a rate with at most 6 decimals",
            "au plus 6 décimales",
        ),
        (
            "collectif.yaml",
            "name: A\ncharter:\n  clients: {window_months: 100000000000000000000}\n",
            3,
            "expected at most 1,200, found the number 100000000000000000000",
            "attendu au plus 1\u202f200",
        ),
        (
            "collectif.yaml",
            "name: A\ncharter:\n  minimum: {hours: 1e30}\n",
            3,
            "expected hours between 0 and 10,000",
            "attendu des heures entre 0 et 10\u202f000",
        ),
    ],
)
def test_numbers_out_of_range_are_schema_findings(
    tmp_path: Path, path: str, text: str, line: int, english: str, french: str
) -> None:
    root = collective(tmp_path, {"members/ana.yaml": member("ana"), path: text})
    found = [f for f in findings(root, AS_OF) if f.check == "schema"]
    assert len(found) == 1, [render(f.message, "en") for f in found]
    assert (found[0].file, found[0].line) == (path, line)
    assert english in render(found[0].message, "en")
    assert french in render(found[0].message, "fr")


def test_the_largest_sane_values_are_valid(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {
            "members/ana.yaml": member("ana"),
            "projects/p.yaml": PROJECT
            + "lines:\n  - {member: ana, amount: 1000000000}\n"
            + "  - {member: ana, days: 10000, rate: '1000000000.00'}\n",
            "contributions/ana/2026-10.yaml": ENTRY.format("24"),
        },
        config="name: A\ncharter:\n  overload: {max_share: '0.123456'}\n"
        "  clients: {window_months: 1200}\n  minimum: {hours: 10000}\n",
    )
    assert [f for f in findings(root, AS_OF) if f.check == "schema"] == []


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("contributions/ana/2026-10.yaml", ENTRY.format("1e309")),
        ("contributions/ana/2026-10.yaml", ENTRY.format("1e999999999")),
        ("contributions/ana/2026-10.yaml", ENTRY.format("10000000000000000000000000000")),
        (
            "projects/p.yaml",
            PROJECT + "signed: 2026-06-01\nbrought_by: [ana]\n"
            "lines:\n  - {member: ana, amount: 12345678901234567890123456789.123}\n",
        ),
        (
            "projects/p.yaml",
            PROJECT + "signed: 2026-06-01\nbrought_by: [ana]\n"
            "lines:\n  - {member: ana, days: 1e40, rate: 450}\n",
        ),
    ],
)
def test_extreme_numbers_never_stop_the_command_or_a_check(
    tmp_path: Path, path: str, text: str
) -> None:
    root = collective(tmp_path, {"members/ana.yaml": member("ana"), path: text})
    code, document = check_json(root, "--as-of", AS_OF)
    assert code == 1
    assert [f["file"] for f in document["findings"] if f["check"] == "schema"] == [path]
    assert not [f for f in document["findings"] if "unexpected error" in f["message"]]


# Dates --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "text", "line"),
    [
        ("contributions/ana/9999-12.yaml", "- {date: 9999-12-31, hours: 1, kind: meeting}\n", 1),
        ("contributions/ana/2026-10.yaml", "- {date: 0206-10-01, hours: 1, kind: meeting}\n", 1),
        ("members/bea.yaml", member("bea", left="9999-12-31"), 5),
        ("members/bea.yaml", member("bea", joined="0001-01-01"), 3),
    ],
)
def test_dates_outside_1900_to_2999_are_schema_findings(
    tmp_path: Path, path: str, text: str, line: int
) -> None:
    root = collective(tmp_path, {"members/ana.yaml": member("ana"), path: text})
    found = [f for f in findings(root, AS_OF) if f.check == "schema"]
    assert [(f.file, f.line) for f in found] == [(path, line)]
    english = render(found[0].message, "en")
    assert "expected a date between 1900-01-01 and 2999-12-31" in english
    # only an end date is told that no end is written by leaving it out
    assert ("leave it out" in english) == (path == "members/bea.yaml" and "left" in text)
    assert "attendu une date entre le 1900-01-01 et le 2999-12-31" in render(found[0].message, "fr")


def test_a_valid_entry_in_a_far_month_file_does_not_stop_a_check(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {
            "members/ana.yaml": member("ana"),
            "contributions/ana/9999-12.yaml": "- {date: 2026-10-02, hours: 1, kind: meeting}\n",
        },
    )
    code, document = check_json(root, "--as-of", AS_OF)
    assert code == 1
    assert not [f for f in document["findings"] if "unexpected error" in f["message"]]
    assert [f["file"] for f in document["findings"] if f["check"] == "references"] == [
        "contributions/ana/9999-12.yaml"
    ]
