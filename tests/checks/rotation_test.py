"""`rotation`: members who have held the same role continuously for too long."""

from __future__ import annotations

from pathlib import Path

from collectif.i18n import render
from tests.helpers import CONFIG, Seen, check_json, collective, findings, member, rated

AS_OF = "2026-11-01"
NAME = "rotation"


def role(*holdings: str, kind: str = "support", extra: str = "") -> str:
    lines = ["title: Trésorerie", f"kind: {kind}", "holders:"]
    lines += [f"  - {{{holding}}}" for holding in holdings]
    return "\n".join(lines) + "\n" + extra


def people(**members: str) -> dict[str, str]:
    files = {f"members/{m}.yaml": member(m.capitalize()) for m in ("camille", "leo")}
    return {**files, **{f"members/{m}.yaml": text for m, text in members.items()}}


def treasury(tmp_path: Path, *holdings: str, extra: str = "", **members: str) -> Path:
    """camille and leo (and `members`' files), and a treasury role with these holdings."""
    treasurers = role(*holdings, extra=extra)
    return collective(tmp_path, {**people(**members), "roles/tresorerie.yaml": treasurers})


def found(root: Path, as_of: str = AS_OF) -> list[Seen]:
    return rated(root, as_of, NAME)


def test_recent_holders_pass(tmp_path: Path) -> None:
    root = treasury(
        tmp_path, "member: camille, since: 2025-01-01", "member: leo, since: 2026-04-01"
    )
    assert found(root) == []


def test_holder_past_the_limit(tmp_path: Path) -> None:
    root = treasury(
        tmp_path, "member: leo, since: 2026-04-01", "member: camille, since: 2024-01-15"
    )
    assert found(root) == [
        (
            NAME,
            "role:tresorerie",
            "roles/tresorerie.yaml",
            5,
            "warning",
            "camille has held Trésorerie continuously since 2024-01-15, 33 whole months, more "
            "than the charter's limit of 24: time to hand it over. Train a successor "
            "(`collectif role train tresorerie`), then camille leaves it "
            "(`collectif role leave tresorerie`)",
        )
    ]
    (finding,) = findings(root, AS_OF, only=NAME)
    assert finding.details == {
        "member": "camille",
        "since": "2024-01-15",
        "months": 33,
        "max_tenure_months": 24,
    }


def test_limit_is_whole_months(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {**people(), "roles/tresorerie.yaml": role("member: camille, since: 2024-10-01")},
    )
    # 2024-10-01 to 2026-10-31: 24 whole months; on 2026-11-01, 25
    assert found(root, "2026-10-31") == []
    assert [row[5][:80] for row in found(root, "2026-11-01")] == [
        "camille has held Trésorerie continuously since 2024-10-01, 25 whole months, more"
    ]


def test_back_to_back_holdings_are_one(tmp_path: Path) -> None:
    root = treasury(
        tmp_path,
        "member: camille, since: 2023-01-01, until: 2024-12-31",
        "member: leo, since: 2025-01-01",
        "member: camille, since: 2025-01-01",
    )
    rows = found(root)
    assert [(row[3], row[5][:60]) for row in rows] == [
        (6, "camille has held Trésorerie continuously since 2023-01-01, 4")
    ]


def test_overlapping_holdings_are_one(tmp_path: Path) -> None:
    root = treasury(
        tmp_path,
        "member: camille, since: 2025-06-01",
        "member: camille, since: 2022-01-01, until: 2025-09-30",
        "member: camille, since: 2020-01-01, until: 2021-12-30",
    )
    # the holding of 2020-2021 ends two days before the next begins: a gap of one day
    (finding,) = findings(root, AS_OF, only=NAME)
    assert (finding.line, finding.details) == (
        4,
        {"member": "camille", "since": "2022-01-01", "months": 58, "max_tenure_months": 24},
    )


def test_a_day_off_restarts_the_count(tmp_path: Path) -> None:
    root = treasury(
        tmp_path,
        "member: camille, since: 2020-01-01, until: 2024-12-30",
        "member: camille, since: 2025-01-01",
    )
    assert found(root) == []


def test_holding_that_outlived_its_member_is_not_counted(tmp_path: Path) -> None:
    root = treasury(
        tmp_path, "member: leo, since: 2020-01-01", leo=member("Leo", left="2026-06-01")
    )
    assert [row[5][:20] for row in found(root, "2026-05-31")] == ["leo has held Trésore"]
    assert found(root, "2026-06-01") == []


def test_tenure_starts_when_the_member_joined(tmp_path: Path) -> None:
    # written from before leo joined (a `references` finding): counts from his first day
    root = treasury(
        tmp_path, "member: leo, since: 2020-01-01", leo=member("Leo", joined="2025-03-15")
    )
    assert found(root) == []
    assert findings(root, "2027-04-14", only=NAME) == []
    (finding,) = findings(root, "2027-04-15", only=NAME)
    assert finding.details is not None
    assert (finding.details["since"], finding.details["months"]) == ("2025-03-15", 25)


def test_ended_or_future_holdings_are_not_current(tmp_path: Path) -> None:
    root = treasury(
        tmp_path,
        "member: camille, since: 2020-01-01, until: 2026-10-31",
        "member: leo, since: 2026-12-01",
    )
    assert found(root) == []


def test_every_kind_of_role(tmp_path: Path) -> None:
    files = {**people()}
    for kind in ("support", "mission", "facilitation", "coaching"):
        files[f"roles/{kind}.yaml"] = role("member: leo, since: 2020-01-01", kind=kind)
    root = collective(tmp_path, files)
    assert [row[1] for row in found(root)] == [
        "role:coaching",
        "role:facilitation",
        "role:mission",
        "role:support",
    ]


def test_retired_role_is_ignored(tmp_path: Path) -> None:
    root = treasury(tmp_path, "member: camille, since: 2020-01-01", extra="active: false\n")
    assert found(root) == []


def test_max_tenure_setting(tmp_path: Path) -> None:
    files = {**people(), "roles/tresorerie.yaml": role("member: camille, since: 2025-01-01")}
    root = collective(tmp_path, files, config=CONFIG + "  roles: {max_tenure_months: 12}\n")
    (row,) = found(root)
    assert row[5].startswith(
        "camille has held Trésorerie continuously since 2025-01-01, 22 whole months, more than "
        "the charter's limit of 12:"
    )


def test_severity_override(tmp_path: Path) -> None:
    files = {**people(), "roles/tresorerie.yaml": role("member: camille, since: 2020-01-01")}
    error = collective(tmp_path / "e", files, config=CONFIG + "checks: {rotation: error}\n")
    assert [row[4] for row in found(error)] == ["error"]
    off = collective(tmp_path / "o", files, config=CONFIG + "checks: {rotation: off}\n")
    assert found(off) == []


def test_french(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {**people(), "roles/tresorerie.yaml": role("member: camille, since: 2024-01-15")},
    )
    (finding,) = findings(root, AS_OF, only=NAME)
    assert render(finding.message, "fr") == (
        "camille tient le rôle Trésorerie sans interruption depuis le 2024-01-15, soit 33 mois "
        "entiers, plus que la limite de 24 fixée par la charte\u00a0: il est temps de passer la "
        "main. Formez quelqu'un pour prendre la suite (`collectif role train tresorerie`), puis "
        "camille quitte le rôle (`collectif role leave tresorerie`)"
    )


def test_cli_end_to_end(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {**people(), "roles/tresorerie.yaml": role("member: camille, since: 2024-01-15")},
    )
    code, document = check_json(root, "--as-of", AS_OF, "--only", NAME)
    assert code == 0
    (finding,) = document["findings"]
    assert (finding["check"], finding["severity"], finding["subject"]) == (
        NAME,
        "warning",
        "role:tresorerie",
    )
    assert (finding["file"], finding["line"]) == ("roles/tresorerie.yaml", 4)
    assert finding["details"]["months"] == 33
