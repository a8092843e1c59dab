"""`overload`: volunteer hours per closed month, alone and as a share of everyone's."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.helpers import CONFIG, Seen, check_json, collective, findings, member, seen

NAME = "overload"
APRIL = "2026-04-01"
H = "\u00a0h"
TOO_MANY = (
    "{who} gave {hours}" + H + " of volunteer time in {period}, above the 30" + H + " a month "
    "the charter sees as sustainable: share the load with other members before it turns into "
    "burnout"
)
TOO_LARGE = (
    "{who} gave {share}% of all the members' volunteer time in {period} ({hours}" + H + " of "
    "{total}" + H + "), above the 40% maximum: spread the work so that the collective does not "
    "rest on one member"
)
MEMBERS = {f"members/{who}.yaml": member(who) for who in ("ana", "emma", "leo")}


def gave(day: str, hours: str, kind: str = "support", ref: str = "tresorerie") -> str:
    """Entries of `hours` on `day`, in as many entries as it takes (each at most 24 h)."""
    left, text = Decimal(hours), ""
    while left > 0:
        part = min(left, Decimal(24))
        text += f"- {{date: {day}, hours: {part}, kind: {kind}, ref: {ref}}}\n"
        left -= part
    return text


def found(root: Path, as_of: str = APRIL, since: str | None = None) -> list[Seen]:
    return seen(root, as_of, NAME, since)


def test_an_even_load_within_the_limit(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {
            **MEMBERS,
            "contributions/ana/2026-03.yaml": gave("2026-03-03", "10"),
            "contributions/emma/2026-03.yaml": gave("2026-03-04", "10"),
            "contributions/leo/2026-03.yaml": gave("2026-03-05", "10"),
        },
    )
    assert found(root) == []


def test_more_hours_than_the_monthly_limit(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {
            **MEMBERS,
            "contributions/ana/2026-03.yaml": gave("2026-03-03", "20") + gave("2026-03-10", "11"),
            "contributions/emma/2026-03.yaml": gave("2026-03-04", "30"),
            "contributions/leo/2026-03.yaml": gave("2026-03-05", "29"),
        },
    )
    assert found(root) == [
        (
            NAME,
            "member:ana",
            "members/ana.yaml",
            1,
            "2026-03",
            TOO_MANY.format(who="ana", hours="31", period="2026-03"),
        )
    ]


def test_more_than_the_maximum_share(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {
            **MEMBERS,
            "contributions/ana/2026-03.yaml": gave("2026-03-03", "9", "meeting", "pole")
            + gave("2026-03-13", "9", "meeting", "pole"),
            "contributions/emma/2026-03.yaml": gave("2026-03-04", "5") + gave("2026-03-14", "5"),
            "contributions/leo/2026-03.yaml": gave("2026-03-05", "6", "reflection", "pole")
            + gave("2026-03-15", "6", "reflection", "pole"),
        },
    )
    assert found(root) == [
        (
            NAME,
            "member:ana",
            "members/ana.yaml",
            1,
            "2026-03",
            TOO_LARGE.format(who="ana", share=45, period="2026-03", hours=18, total=40),
        )
    ]
    assert findings(root, APRIL, only=NAME)[0].details == {
        "member": "ana",
        "hours": 18,
        "total": 40,
    }


def test_the_first_to_log_a_quiet_month_is_not_overloaded(tmp_path: Path) -> None:
    """2 hours out of 2 is all of the month, but under `share_floor_hours` (10)."""
    files = {**MEMBERS, "contributions/ana/2026-03.yaml": gave("2026-03-03", "2")}
    assert found(collective(tmp_path, files)) == []


def test_both_breaches_are_two_findings(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {**MEMBERS, "contributions/ana/2026-03.yaml": gave("2026-03-03", "32")},
    )
    assert [message for *_, message in found(root)] == [
        TOO_MANY.format(who="ana", hours="32", period="2026-03"),
        TOO_LARGE.format(who="ana", share=100, period="2026-03", hours=32, total=32),
    ]


def test_paid_project_time_is_not_volunteer_time(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {
            **MEMBERS,
            "contributions/ana/2026-03.yaml": gave("2026-03-03", "120", "project", "site")
            + gave("2026-03-04", "5"),
            "contributions/emma/2026-03.yaml": gave("2026-03-04", "5"),
            "contributions/leo/2026-03.yaml": gave("2026-03-05", "5"),
        },
    )
    assert found(root) == []


def test_december_is_checked_in_january(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {
            **MEMBERS,
            # filed in January, but dated in December: it counts for December
            "contributions/ana/2026-01.yaml": gave("2025-12-31", "31") + gave("2026-01-02", "40"),
            "contributions/emma/2025-12.yaml": gave("2025-12-04", "30"),
            "contributions/leo/2025-12.yaml": gave("2025-12-05", "30"),
        },
    )
    assert [(period, message) for *_, period, message in found(root, "2026-01-10")] == [
        ("2025-12", TOO_MANY.format(who="ana", hours="31", period="2025-12"))
    ]


def test_since_looks_at_every_closed_month(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {
            **MEMBERS,
            "contributions/ana/2026-01.yaml": gave("2026-01-03", "31"),
            "contributions/emma/2026-01.yaml": gave("2026-01-03", "30"),
            "contributions/leo/2026-01.yaml": gave("2026-01-03", "30"),
            "contributions/ana/2026-03.yaml": gave("2026-03-03", "2"),
            "contributions/ana/2026-04.yaml": gave("2026-04-03", "50"),
        },
    )
    assert [
        (who, period) for _, who, _, _, period, _ in found(root, "2026-04-15", "2026-01-01")
    ] == [
        ("member:ana", "2026-01"),  # 2026-03: 2 h alone is under the share floor
    ]


def test_through_the_cli(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {
            **MEMBERS,
            "contributions/emma/2026-03.yaml": gave("2026-03-04", "6") + gave("2026-03-05", "6"),
        },
    )
    code, document = check_json(root, "--as-of", APRIL, "--only", NAME)
    assert code == 0
    assert document["findings"] == [
        {
            "check": NAME,
            "severity": "warning",
            "subject": "member:emma",
            "file": "members/emma.yaml",
            "line": 1,
            "period": "2026-03",
            "message": TOO_LARGE.format(
                who="emma", share=100, period="2026-03", hours=12, total=12
            ),
            "details": {"member": "emma", "hours": "12", "total": "12"},
        }
    ]


def test_a_different_charter(tmp_path: Path) -> None:
    config = CONFIG + '  overload: {volunteer_hours_per_month: 12, max_share: "0.5"}\n'
    root = collective(
        tmp_path,
        {
            **MEMBERS,
            "contributions/ana/2026-03.yaml": gave("2026-03-03", "12"),
            "contributions/emma/2026-03.yaml": gave("2026-03-04", "12.5"),
        },
        config=config,
    )
    assert [message for *_, message in found(root)] == [
        "emma gave 12.5" + H + " of volunteer time in 2026-03, above the 12" + H + " a month the "
        "charter sees as sustainable: share the load with other members before it turns into "
        "burnout",
        "emma gave 51% of all the members' volunteer time in 2026-03 (12.5"
        + H
        + " of 24.5"
        + H
        + "), above the 50% maximum: spread the work so that the collective does not rest on one "
        "member",
    ]
