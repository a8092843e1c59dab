"""`minimum`: volunteer hours per closed period, against the minimum prorated for each member."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from collectif.checks import minimum
from collectif.checks.periods import period_of
from collectif.checks.shares import owed_days
from collectif.i18n import render
from collectif.model.files import Member, Pause, PeriodKind
from collectif.model.rules import validate
from tests.helpers import (
    CONFIG,
    Seen,
    check_json,
    collective,
    findings,
    git,
    git_repo,
    member,
    run,
    run_check,
    seen,
    write,
)

NAME = "minimum"
APRIL = "2026-04-01"
SUPPORT = "- {{date: {day}, hours: {hours}, kind: support, ref: tresorerie}}\n"
H = "\u00a0h"  # hours keep their unit on the same line
FULL = (
    "{who} gave {hours}" + H + " of collective time in {period}, below the 4" + H + " minimum: "
    "log any time not yet recorded, or record a pause for leave or illness"
)
PRORATED = (
    "{who} gave {hours}" + H + " of collective time in {period}, below the 4" + H + " minimum "
    "(prorated: {required}" + H + " for the days they were a member and not on a pause): log "
    "any time not yet recorded, or record a pause for leave or illness"
)


def config(period: str = "month", hours: str = "4") -> str:
    return CONFIG + f"  minimum: {{period: {period}, hours: {hours}}}\n"


def entries(*days_hours: tuple[str, str]) -> str:
    return "".join(SUPPORT.format(day=day, hours=hours) for day, hours in days_hours)


def found(root: Path, as_of: str = APRIL, since: str | None = None) -> list[Seen]:
    return seen(root, as_of, NAME, since)


def messages(root: Path, as_of: str = APRIL, since: str | None = None) -> list[str]:
    return [message for *_, message in found(root, as_of, since)]


def test_a_member_who_gave_the_minimum(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {
            "members/camille.yaml": member("camille"),
            "contributions/camille/2026-03.yaml": entries(
                ("2026-03-04", "2.5"), ("2026-03-20", "1.5")
            ),
        },
    )
    assert found(root) == []


def test_a_member_below_the_minimum(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {
            "members/camille.yaml": member("camille"),
            "contributions/camille/2026-03.yaml": entries(("2026-03-04", "1.5")),
        },
    )
    assert found(root) == [
        (
            NAME,
            "member:camille",
            "members/camille.yaml",
            1,
            "2026-03",
            FULL.format(who="camille", hours="1.5", period="2026-03"),
        )
    ]
    assert findings(root, APRIL, only=NAME)[0].details == {
        "member": "camille",
        "counted": Decimal("1.5"),
        "required": Decimal("4.00"),
        "minimum": Decimal("4"),
    }


def test_only_the_counted_kinds_count(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {
            "members/camille.yaml": member("camille"),
            "contributions/camille/2026-03.yaml": (
                "- {date: 2026-03-02, hours: 10, kind: project, ref: site}\n"
                "- {date: 2026-03-03, hours: 3, kind: meeting}\n"
            ),
        },
        config=CONFIG + "  minimum: {counts: [meeting, support]}\n",
    )
    assert messages(root) == [FULL.format(who="camille", hours="3", period="2026-03")]


PAUSED_TO_10 = "[{from: 2026-03-01, to: 2026-03-10}]"


def test_newcomers_owe_nothing_for_the_month_they_join(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {
            "members/camille.yaml": member("camille", joined="2026-03-11"),
            "contributions/camille/2026-03.yaml": entries(("2026-03-12", "1.5")),
        },
    )
    assert messages(root) == []
    assert [f.period for f in findings(root, "2026-05-01", only=NAME)] == ["2026-04"]


def test_a_partial_month_is_prorated(tmp_path: Path) -> None:
    # paused for 10 days: 21 of 31 days owed, 4 x 21 / 31 = 2.71 h
    root = collective(
        tmp_path,
        {
            "members/camille.yaml": member("camille", pauses=PAUSED_TO_10),
            "contributions/camille/2026-03.yaml": entries(("2026-03-12", "1.5")),
        },
    )
    assert messages(root) == [
        PRORATED.format(who="camille", hours="1.5", period="2026-03", required="2.7")
    ]
    assert findings(root, APRIL, only=NAME)[0].details["required"] == Decimal("2.71")


@pytest.mark.parametrize(
    ("who", "absent", "day", "enough", "short", "required"),
    [
        # left on the 16th: active 15 days, 4 x 15 / 31 = 1.94 h
        ("leo", {"left": "2026-03-16"}, "2026-03-02", "1.94", "1.5", "1.9"),
        # paused 20 days of 31: 4 x 11 / 31 = 1.42 h
        (
            "sam",
            {"pauses": "\n  - {from: 2026-02-15, to: 2026-03-20, reason: congé}"},
            "2026-03-25",
            "1.5",
            "1",
            "1.4",
        ),
    ],
    ids=["left mid-month", "a pause"],
)
def test_days_away_prorate_the_minimum(
    tmp_path: Path,
    who: str,
    absent: dict[str, str],
    day: str,
    enough: str,
    short: str,
    required: str,
) -> None:
    def logged(folder: str, hours: str) -> Path:
        files = {
            f"members/{who}.yaml": member(who, **absent),
            f"contributions/{who}/2026-03.yaml": entries((day, hours)),
        }
        return collective(tmp_path / folder, files)

    assert found(logged("enough", enough)) == []
    assert messages(logged("short", short)) == [
        PRORATED.format(who=who, hours=short, period="2026-03", required=required)
    ]


def test_a_member_gone_before_the_period_owes_nothing(tmp_path: Path) -> None:
    root = collective(tmp_path, {"members/leo.yaml": member("leo", left="2026-03-01")})
    assert found(root) == []


def test_a_pause_over_the_whole_period_asks_nothing(tmp_path: Path) -> None:
    pause = "\n  - {from: 2026-01-01, reason: maladie}"
    root = collective(tmp_path, {"members/sam.yaml": member("sam", pauses=pause)})
    assert found(root) == []


def test_overlapping_pauses_count_their_days_once(tmp_path: Path) -> None:
    pauses = "\n  - {from: 2026-03-01, to: 2026-03-20}\n  - {from: 2026-03-10, to: 2026-03-25}"
    root = collective(tmp_path, {"members/sam.yaml": member("sam", pauses=pauses)})
    # paused 25 days, active 6: 4 x 6 / 31 = 0.77 h
    assert messages(root) == [
        PRORATED.format(who="sam", hours="0", period="2026-03", required="0.8")
    ]


def test_an_entry_counts_by_its_own_date_wherever_it_is_filed(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {
            "members/camille.yaml": member("camille"),
            "contributions/camille/2026-03.yaml": entries(("2026-03-04", "2")),
            "contributions/camille/2026-04.yaml": entries(("2026-03-31", "2")),
        },
    )
    assert found(root) == []


def test_half_a_hundredth_of_slack(tmp_path: Path) -> None:
    # on a pause until 2026-03-23: 8 of 31 days, 4 x 8 / 31 = 1.0323 h; entries have 2 decimals
    paused = "pauses: [{from: 2026-03-01, to: 2026-03-23}]\n"
    files = {"members/camille.yaml": member("camille") + paused}
    within = {"contributions/camille/2026-03.yaml": entries(("2026-03-24", "1.03"))}
    assert found(collective(tmp_path / "within", {**files, **within})) == []
    below = {"contributions/camille/2026-03.yaml": entries(("2026-03-24", "1.02"))}
    assert messages(collective(tmp_path / "below", {**files, **below})) == [
        PRORATED.format(who="camille", hours="1.02", period="2026-03", required="1.03")
    ]


def test_december_is_checked_in_january(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {
            "members/camille.yaml": member("camille"),
            "contributions/camille/2025-12.yaml": entries(("2025-12-31", "1")),
            "contributions/camille/2026-01.yaml": entries(("2026-01-02", "5")),
        },
    )
    assert [(period, message) for *_, period, message in found(root, "2026-01-05")] == [
        ("2025-12", FULL.format(who="camille", hours="1", period="2025-12"))
    ]


def test_the_last_quarter_is_checked_in_the_new_year(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {
            "members/camille.yaml": member("camille"),
            "contributions/camille/2025-10.yaml": entries(("2025-10-01", "2")),
            "contributions/camille/2025-12.yaml": entries(("2025-12-31", "1.5")),
        },
        config=config("quarter"),
    )
    assert [(period, message) for *_, period, message in found(root, "2026-01-10")] == [
        ("2025-Q4", FULL.format(who="camille", hours="3.5", period="Q4 2025"))
    ]


def test_a_leap_february_has_29_days(tmp_path: Path) -> None:
    # paused until 2024-02-14: 15 of 29 days, 4 x 15 / 29 = 2.069 h (2.14 h in a 28-day month)
    pause = "[{from: 2024-02-01, to: 2024-02-14}]"
    files = {"members/camille.yaml": member("camille", pauses=pause)}
    enough = {"contributions/camille/2024-02.yaml": entries(("2024-02-29", "2.07"))}
    assert found(collective(tmp_path / "enough", {**files, **enough}), "2024-03-01") == []
    short = {"contributions/camille/2024-02.yaml": entries(("2024-02-29", "2"))}
    assert messages(collective(tmp_path / "short", {**files, **short}), "2024-03-01") == [
        PRORATED.format(who="camille", hours="2", period="2024-02", required="2.1")
    ]


def test_a_yearly_minimum(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {
            "members/camille.yaml": member("camille"),
            "contributions/camille/2025-06.yaml": entries(
                ("2025-06-04", "20"), ("2025-06-05", "10")
            ),
        },
        config=config("year", "40"),
    )
    assert messages(root, "2026-02-01") == [
        f"camille gave 30{H} of collective time in 2025, below the 40{H} minimum: log any time "
        "not yet recorded, or record a pause for leave or illness"
    ]


def test_since_looks_at_every_closed_period(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {
            "members/camille.yaml": member("camille"),
            "contributions/camille/2026-02.yaml": entries(("2026-02-10", "4")),
            "contributions/camille/2026-04.yaml": entries(("2026-04-10", "1")),
        },
    )
    assert [period for *_, period, _ in found(root, "2026-04-15", since="2026-01-20")] == [
        "2026-01",
        "2026-03",
    ]


def test_through_the_cli(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {
            "members/camille.yaml": member("camille", pauses=PAUSED_TO_10),
            "contributions/camille/2026-03.yaml": entries(("2026-03-12", "1.5")),
        },
    )
    code, document = check_json(root, "--as-of", APRIL, "--only", NAME)
    assert code == 1
    assert document["findings"] == [
        {
            "check": NAME,
            "severity": "error",
            "subject": "member:camille",
            "file": "members/camille.yaml",
            "line": 1,
            "period": "2026-03",
            "message": PRORATED.format(
                who="camille", hours="1.5", period="2026-03", required="2.7"
            ),
            "details": {
                "member": "camille",
                "counted": "1.5",
                "required": "2.71",
                "minimum": "4",
            },
        }
    ]


# property: prorating never asks more than the full minimum ---------------------------------

DAYS = st.integers(min_value=0, max_value=800).map(lambda n: date(2024, 1, 1) + timedelta(n))


@st.composite
def members(draw: st.DrawFn) -> Member:
    joined = draw(DAYS)
    left = draw(st.none() | DAYS)
    pauses = [
        validate(Pause, {"from": start, "to": draw(st.none() | DAYS)})
        for start in draw(st.lists(DAYS, max_size=3))
    ]
    return Member(name="M", email="m@example.org", joined=joined, left=left, pauses=pauses)


@given(
    someone=members(),
    day=DAYS,
    kind=st.sampled_from(["month", "quarter", "year"]),
    hours=st.integers(min_value=0, max_value=10_000).map(lambda n: Decimal(n).scaleb(-2)),
)
def test_prorating_never_asks_more_than_the_full_minimum(
    someone: Member, day: date, kind: PeriodKind, hours: Decimal
) -> None:
    period = period_of(day, kind)
    days = owed_days(someone, period)
    assert 0 <= days <= period.days
    assert minimum.required(hours, days, period) <= hours
    active = [
        d
        for d in period.each_day()
        if someone.joined <= d
        and (someone.left is None or d < someone.left)
        and not any(p.start <= d and (p.to is None or d <= p.to) for p in someone.pauses)
    ]
    assert days == len(active)


def adopted_config(earlier: str = "") -> str:
    """Version 2026-05, adopted on 2026-05-10, raises the minimum from 4 h to 6 h."""
    return CONFIG + "  adopted: 2026-05-10\n  minimum: {hours: 6}\n" + earlier


def raised(tmp_path: Path, earlier: str = "") -> Path:
    return collective(
        tmp_path,
        {
            "collectif.yaml": adopted_config(earlier),
            "members/camille.yaml": member("camille"),
            "contributions/camille/2026-04.yaml": entries(("2026-04-10", "5")),
            "contributions/camille/2026-05.yaml": entries(("2026-05-10", "5")),
            "contributions/camille/2026-06.yaml": entries(("2026-06-10", "5")),
        },
    )


def test_a_raised_minimum_applies_from_the_first_period_begun_after_its_adoption(
    tmp_path: Path,
) -> None:
    root = raised(tmp_path, "  earlier:\n    minimum: {hours: 4}\n")
    # April and May began before 2026-05-10: 5 h is above the 4 h asked then.
    assert found(root, as_of="2026-05-12") == []
    assert found(root, as_of="2026-06-05") == []
    # June began after: 6 h are asked.
    [june] = messages(root, as_of="2026-07-01")
    assert june.startswith("camille gave 5" + H + " of collective time in 2026-06, below the 6")
    assert "charter.earlier" not in june
    assert len(found(root, as_of="2026-07-01", since="2026-04-01")) == 1


def test_earlier_rules_left_out_keep_the_current_ones(tmp_path: Path) -> None:
    root = raised(tmp_path, "  earlier:\n    minimum: {counts: [meeting]}\n")
    [april] = messages(root, as_of="2026-05-12")  # 6 h asked, of meetings only: 0 h given
    assert april.startswith("camille gave 0" + H + " of collective time in 2026-04, below the 6")


def test_without_earlier_rules_a_period_begun_before_adoption_says_where_they_go(
    tmp_path: Path,
) -> None:
    root = raised(tmp_path)
    [april] = found(root, as_of="2026-05-12")
    assert "below the 6" + H + " minimum" in april[-1]
    assert "the charter's version adopted on 2026-05-10 is applied to this period" in april[-1]
    assert "write them under `charter.earlier`" in april[-1]
    french = findings(root, "2026-05-12", only=NAME)[0].message
    assert "écrivez-les sous `charter.earlier`" in render(french, "fr")
    [june] = messages(root, as_of="2026-07-01")
    assert "charter.earlier" not in june


def test_a_broken_earlier_rule_stops_the_minimum_rather_than_guess(tmp_path: Path) -> None:
    root = raised(tmp_path, "  earlier:\n    minimum: {hours: beaucoup}\n")
    done = run_check(root, "2026-05-12", "--only", "minimum")
    assert done.returncode == 2
    assert "broken (charter.earlier.minimum.hours)" in done.stderr


def test_a_new_version_that_raises_the_minimum_is_committed_on_its_own(tmp_path: Path) -> None:
    """The charter's change alone: last month stays owed under the version before, so the
    change brings no error; without `earlier`, the refusal says where those rules go."""
    root = git_repo(
        collective(
            tmp_path,
            {
                "members/camille.yaml": member("camille"),
                "contributions/camille/2026-04.yaml": entries(("2026-04-10", "5")),
            },
        )
    )
    bumped = CONFIG.replace('"2026-01"', '"2026-05"') + "  adopted: 2026-05-10\n"
    write(root, "collectif.yaml", bumped + "  minimum: {hours: 6}\n")
    git(root, "add", "collectif.yaml")
    refused = run("check", "--repo", str(root), "--staged", "--as-of", "2026-05-12", "--only", NAME)
    assert refused.returncode == 1 and "write them under `charter.earlier`" in refused.stdout
    earlier = "  earlier:\n    minimum: {hours: 4}\n"
    write(root, "collectif.yaml", bumped + "  minimum: {hours: 6}\n" + earlier)
    git(root, "add", "collectif.yaml")
    taken = run("check", "--repo", str(root), "--staged", "--as-of", "2026-05-12", "--only", NAME)
    assert taken.returncode == 0, taken.stdout


def adopted_by_plenary(tmp_path: Path, decisions: str) -> Path:
    """Version 2026-01 raises the minimum from 4 h to 6 h; the charter keeps decisions, so it
    is in force from the plenary of 2026-05-10 that adopted it."""
    adopts = (
        "date: 2026-05-10\nkind: plenary\nfacilitator: camille\nattendees: [camille]\n"
        'decisions:\n  - {id: charte, title: Six heures, outcome: adopted, charter: "2026-01"}\n'
    )
    rules = f"  decisions: {decisions}\n  minimum: {{hours: 6}}\n"
    rules += "  earlier:\n    minimum: {hours: 4}\n"
    return collective(
        tmp_path,
        {
            "collectif.yaml": CONFIG + rules,
            "members/camille.yaml": member("camille"),
            "meetings/2026-05-10.yaml": adopts,
            "contributions/camille/2026-04.yaml": entries(("2026-04-10", "5")),
        },
    )


def test_a_broken_decisions_section_stops_the_minimum_rather_than_guess(tmp_path: Path) -> None:
    """Which rules a period is owed under depends on the plenary that adopted the version: while
    `charter.decisions` is broken, that day is unknown, and April is not judged by the 6 h of a
    version adopted after it began."""
    assert found(adopted_by_plenary(tmp_path / "kept", "{}"), as_of="2026-05-12") == []
    root = adopted_by_plenary(tmp_path / "broken", "yes")
    done = run_check(root, "2026-05-12", "--only", "minimum")
    assert done.returncode == 2 and "below the 6" not in done.stdout
    assert "broken (charter.decisions)" in done.stderr
    # so is the grace for signing the version, counted from that plenary
    signed = run_check(root, "2026-05-12", "--only", "charter-signed")
    assert signed.returncode == 2 and "broken (charter.decisions)" in signed.stderr
