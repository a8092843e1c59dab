"""`prospecting`: prospecting entries per closed period, against the prorated number asked."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import CONFIG, Seen, check_json, collective, member, seen

NAME = "prospecting"
APRIL = "2026-04-01"
PROSPECT = "- {{date: {day}, hours: 1, kind: prospecting}}\n"
FULL = (
    "prospecting entries by {who} in {period}: {count}, below the minimum of {required} that "
    "the charter asks of every member: log the prospecting done, or find a member at ease with "
    "it to coach them"
)
PRORATED = (
    "prospecting entries by {who} in {period}: {count}, below the minimum of {required} for "
    "the days they were a member and not on a pause ({actions} for a whole period): log the "
    "prospecting done, or find a member at ease with it to coach them"
)


def config(period: str = "quarter", actions: int = 1) -> str:
    return CONFIG + f"  prospecting: {{period: {period}, actions: {actions}}}\n"


def prospected(*days: str) -> str:
    return "".join(PROSPECT.format(day=day) for day in days)


def found(root: Path, as_of: str = APRIL, since: str | None = None) -> list[Seen]:
    return seen(root, as_of, NAME, since)


def test_a_member_who_prospected(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {
            "members/ana.yaml": member("ana"),
            "contributions/ana/2026-02.yaml": prospected("2026-02-12"),
        },
    )
    assert found(root) == []


def test_a_member_who_did_not(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {
            "members/ana.yaml": member("ana"),
            "contributions/ana/2026-02.yaml": "- {date: 2026-02-12, hours: 6, kind: meeting}\n",
        },
    )
    assert found(root) == [
        (
            NAME,
            "member:ana",
            "members/ana.yaml",
            1,
            "2026-Q1",
            FULL.format(who="ana", period="Q1 2026", count=0, required=1),
        )
    ]


def test_entries_are_counted_not_hours(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {
            "members/ana.yaml": member("ana"),
            "contributions/ana/2026-02.yaml": "- {date: 2026-02-12, hours: 9, kind: prospecting}\n",
        },
        config=config(actions=2),
    )
    assert [message for *_, message in found(root)] == [
        FULL.format(who="ana", period="Q1 2026", count=1, required=2)
    ]


def test_a_partial_period_rounds_down(tmp_path: Path) -> None:
    # paused until 2026-02-13: 46 of 90 days; 1 x 46/90 rounds down to 0, 3 x 46/90 to 1
    files = {"members/ana.yaml": member("ana", pauses="[{from: 2026-01-01, to: 2026-02-13}]")}
    assert found(collective(tmp_path / "one", files)) == []
    three = collective(tmp_path / "three", files, config=config(actions=3))
    assert [message for *_, message in found(three)] == [
        PRORATED.format(who="ana", period="Q1 2026", count=0, required=1, actions=3)
    ]


def test_left_in_the_period(tmp_path: Path) -> None:
    # left 2026-03-01: 59 of 90 days, 2 x 59/90 rounds down to 1
    files = {
        "members/leo.yaml": member("leo", left="2026-03-01"),
        "contributions/leo/2026-01.yaml": prospected("2026-01-20"),
    }
    assert found(collective(tmp_path, files, config=config(actions=2))) == []


def test_a_pause_over_part_of_the_period(tmp_path: Path) -> None:
    # paused 2026-01-01 to 2026-03-15: 16 of 90 days active, 4 x 16/90 rounds down to 0
    pause = "\n  - {from: 2025-12-01, to: 2026-03-15, reason: congé parental}"
    files = {"members/sam.yaml": member("sam", pauses=pause)}
    assert found(collective(tmp_path / "four", files, config=config(actions=4))) == []
    # with 6 asked: 6 x 16/90 = 1.07, one is due
    six = collective(tmp_path / "six", files, config=config(actions=6))
    assert [message for *_, message in found(six)] == [
        PRORATED.format(who="sam", period="Q1 2026", count=0, required=1, actions=6)
    ]


def test_the_last_quarter_is_checked_in_the_new_year(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {
            "members/ana.yaml": member("ana"),
            "contributions/ana/2026-01.yaml": prospected("2026-01-05"),
        },
    )
    assert [period for *_, period, _ in found(root, "2026-01-10")] == ["2025-Q4"]


def test_an_entry_counts_by_its_own_date(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {
            "members/ana.yaml": member("ana"),
            "contributions/ana/2026-01.yaml": prospected("2025-12-30"),
        },
    )
    assert found(root, "2026-01-10") == []


def test_since_looks_at_every_closed_quarter(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {
            "members/ana.yaml": member("ana", joined="2025-01-01"),
            "contributions/ana/2025-05.yaml": prospected("2025-05-05"),
            "contributions/ana/2026-01.yaml": prospected("2026-01-05"),
        },
    )
    # 2025-Q1 is the quarter ana joined in: newcomers owe nothing for it
    assert [period for *_, period, _ in found(root, APRIL, since="2025-02-01")] == [
        "2025-Q3",
        "2025-Q4",
    ]


def test_newcomers_owe_nothing_for_the_quarter_they_join(tmp_path: Path) -> None:
    files = {"members/ana.yaml": member("ana", joined="2026-02-14")}
    assert found(collective(tmp_path, files, config=config(actions=3))) == []


def test_monthly_prospecting(tmp_path: Path) -> None:
    root = collective(tmp_path, {"members/ana.yaml": member("ana")}, config=config("month"))
    assert [period for *_, period, _ in found(root)] == ["2026-03"]


def test_through_the_cli(tmp_path: Path) -> None:
    root = collective(tmp_path, {"members/ana.yaml": member("ana")})
    code, document = check_json(root, "--as-of", APRIL, "--only", NAME)
    assert code == 0  # a warning does not fail the check
    assert document["findings"] == [
        {
            "check": NAME,
            "severity": "warning",
            "subject": "member:ana",
            "file": "members/ana.yaml",
            "line": 1,
            "period": "2026-Q1",
            "message": FULL.format(who="ana", period="Q1 2026", count=0, required=1),
            "details": {"member": "ana", "count": 0, "required": 1},
        }
    ]
