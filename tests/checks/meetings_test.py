"""The checks of meetings and decisions: decisions, charter-adopted, facilitation,
meeting-cadence, review-due, and the schema and references rules of meeting files."""

from __future__ import annotations

from pathlib import Path

import pytest

from collectif.i18n import render
from collectif.model.meetings import decision_problem, find_decision
from tests.helpers import collective, findings, loaded, member

CONFIG = """\
name: Atelier Test
language: en
charter:
  version: "2026-12"
  decisions: {charter_by_decision: true}
"""
PEOPLE = ("camille", "ines", "leo", "julien", "sam", "thomas")
MEMBERS = {f"members/{name}.yaml": member(name.capitalize()) for name in PEOPLE}


def plenary(
    day: str,
    facilitator: str = "ines",
    attendees: str = "camille, ines, leo, sam",
    decisions: str = "",
) -> str:
    text = f"date: {day}\nkind: plenary\nfacilitator: {facilitator}\nattendees: [{attendees}]\n"
    return text + (f"decisions:\n{decisions}" if decisions else "")


ADOPTS = """\
  - id: charte-2026-12
    title: Retenue commune à 4 %
    outcome: adopted
    charter: "2026-12"
"""


def make(tmp_path: Path, meetings: dict[str, str], config: str = CONFIG, **more: str) -> Path:
    files = {**MEMBERS, **{f"meetings/{name}.yaml": text for name, text in meetings.items()}}
    files.update(more)
    return collective(tmp_path, files, config)


def found(
    root: Path, check: str, as_of: str = "2026-12-20", since: str | None = None
) -> list[tuple[str, str, int, str]]:
    return [
        (f.subject, f.file, f.line, render(f.message, "en"))
        for f in findings(root, as_of, only=check, since=since)
    ]


# decisions ---------------------------------------------------------------------------------------


def test_an_adopted_decision_that_follows_the_charter_is_no_finding(tmp_path: Path) -> None:
    root = make(tmp_path, {"2026-12-10-pleniere": plenary("2026-12-10", decisions=ADOPTS)})
    assert found(root, "decisions") == []
    assert found(root, "charter-adopted") == []


def test_a_standing_objection_and_a_missing_quorum_make_one_finding(tmp_path: Path) -> None:
    decision = ADOPTS + "    objections:\n      - {member: julien, reason: attendre}\n"
    root = make(
        tmp_path,
        {"2026-12-10-pleniere": plenary("2026-12-10", attendees="ines, leo", decisions=decision)},
    )
    # 6 members active, quorum 0.5: ceil(3) = 3 needed, 2 came
    assert found(root, "decisions") == [
        (
            "meeting:2026-12-10-pleniere",
            "meetings/2026-12-10-pleniere.yaml",
            6,
            "the decision charte-2026-12 is recorded as adopted, but the objection of julien is "
            "not lifted; 2 active members attended, below the quorum of 3: record it as deferred, "
            "or correct what was written wrong",
        )
    ]
    (finding,) = findings(root, "2026-12-20", only="decisions")
    assert finding.details == {"decision": "charte-2026-12", "reasons": ["objection", "quorum"]}
    assert str(finding.severity) == "error"
    # the charter's version is then adopted by no valid decision
    assert [f[0] for f in found(root, "charter-adopted")] == ["collective"]


def test_quorum_is_rounded_up_and_counts_members_active_that_day(tmp_path: Path) -> None:
    config = CONFIG.replace("charter_by_decision: true", 'quorum: "0.6"')
    people = {**MEMBERS, "members/sam.yaml": member("Sam", left="2026-12-01")}
    meeting = plenary("2026-12-10", attendees="camille, ines", decisions=ADOPTS)
    root = collective(tmp_path, {**people, "meetings/2026-12-10.yaml": meeting}, config)
    # 5 active on the day: ceil(0.6 x 5) = 3
    (finding,) = found(root, "decisions")
    assert "2 active members attended, below the quorum of 3" in finding[3]
    meeting = plenary("2026-12-10", attendees="camille, ines, leo", decisions=ADOPTS)
    root = collective(tmp_path, {**people, "meetings/2026-12-10.yaml": meeting}, config)
    assert found(root, "decisions") == []


def test_a_lifted_objection_does_not_stop_a_decision(tmp_path: Path) -> None:
    decision = ADOPTS + "    objections:\n      - {member: julien, lifted: true}\n"
    root = make(tmp_path, {"2026-12-10": plenary("2026-12-10", decisions=decision)})
    assert found(root, "decisions") == []


def test_rejected_and_deferred_decisions_are_never_findings(tmp_path: Path) -> None:
    decision = (
        "  - {id: a, title: A, outcome: rejected, objections: [{member: julien}]}\n"
        "  - {id: b, title: B, outcome: deferred, mode: vote}\n"
    )
    root = make(
        tmp_path, {"2026-12-10": plenary("2026-12-10", attendees="ines", decisions=decision)}
    )
    assert found(root, "decisions") == []


def test_modes_and_votes(tmp_path: Path) -> None:
    decision = (
        "  - {id: a, title: A, outcome: adopted, mode: vote, votes: {for: 3, against: 3}}\n"
        "  - {id: b, title: B, outcome: adopted, mode: vote}\n"
        "  - {id: c, title: C, outcome: adopted, mode: vote, votes: {for: 4, against: 1}}\n"
    )
    config = CONFIG.replace("charter_by_decision: true", "modes: [vote, consensus]")
    root = make(tmp_path, {"2026-12-10": plenary("2026-12-10", decisions=decision)}, config)
    messages = [f[3] for f in found(root, "decisions")]
    assert messages == [
        "the decision a is recorded as adopted, but the vote did not pass: 3 for, 3 against: "
        "record it as deferred, or correct what was written wrong",
        "the decision b is recorded as adopted, but it was put to a vote, but no votes are "
        "recorded: record it as deferred, or correct what was written wrong",
    ]
    root = make(tmp_path, {"2026-12-10": plenary("2026-12-10", decisions=decision)})
    assert len(found(root, "decisions")) == 3  # vote is not among the default modes


def test_the_default_mode_is_the_charters_first(tmp_path: Path) -> None:
    config = CONFIG.replace("charter_by_decision: true", "modes: [vote]")
    decision = "  - {id: a, title: A, outcome: adopted, votes: {for: 4, against: 1}}\n"
    root = make(tmp_path, {"2026-12-10": plenary("2026-12-10", decisions=decision)}, config)
    assert found(root, "decisions") == []


def test_meetings_after_the_as_of_date_are_not_judged(tmp_path: Path) -> None:
    decision = ADOPTS + "    objections:\n      - {member: julien}\n"
    root = make(tmp_path, {"2026-12-10": plenary("2026-12-10", decisions=decision)})
    assert found(root, "decisions", as_of="2026-12-09") == []
    assert len(found(root, "decisions", as_of="2026-12-10")) == 1


def test_without_the_setting_nothing_is_checked_but_the_schema(tmp_path: Path) -> None:
    config = 'name: A\ncharter: {version: "2026-12"}\n'
    meeting = "date: 2026-12-11\nkind: plenary\nattendees: [zoe]\ndecisions:\n" + ADOPTS
    root = make(tmp_path, {"2026-12-10": meeting}, config)
    for check in (
        "decisions",
        "charter-adopted",
        "facilitation",
        "meeting-cadence",
        "review-due",
        "references",
    ):
        assert found(root, check) == [], check
    assert [f[3] for f in found(root, "schema")] == [
        "this meeting is dated 2026-12-11, but its file is named for 2026-12-10: correct the "
        "date or rename the file",
        "a plenary needs a facilitator: add `facilitator:` (one of the attendees)",
    ]


# charter-adopted ---------------------------------------------------------------------------------


def test_the_current_version_needs_a_plenary(tmp_path: Path) -> None:
    group = "date: 2026-12-10\nkind: group\nattendees: [camille, ines, leo, sam]\ndecisions:\n"
    root = make(tmp_path, {"2026-12-10-groupe": group + ADOPTS})
    assert found(root, "charter-adopted") == [
        (
            "collective",
            "collectif.yaml",
            4,
            "no plenary adopted the charter's version 2026-12: record the decision that adopted "
            'it, with `charter: "2026-12"` (`collectif decide MEETING ID --title ... --charter '
            "2026-12`)",
        )
    ]
    root = make(tmp_path, {"2026-12-10-groupe": plenary("2026-12-10", decisions=ADOPTS)})
    assert found(root, "charter-adopted", as_of="2026-12-09") != []
    assert found(root, "charter-adopted", as_of="2026-12-10") == []


def test_charter_by_decision_is_off_by_default(tmp_path: Path) -> None:
    config = CONFIG.replace("{charter_by_decision: true}", "{}")
    root = make(tmp_path, {}, config)
    assert found(root, "charter-adopted") == []


def test_signing_grace_counts_from_the_adopting_plenary(tmp_path: Path) -> None:
    people = {**MEMBERS, "members/leo.yaml": member("Leo").replace('"2026-01"', '"2025-06"')}
    meeting = plenary("2026-12-10", decisions=ADOPTS)
    root = collective(tmp_path, {**people, "meetings/2026-12-10.yaml": meeting}, CONFIG)
    subjects = {f[0] for f in found(root, "charter-signed", as_of="2026-12-20")}
    assert "member:leo" not in subjects  # within 30 days of the plenary
    assert "member:leo" in {f[0] for f in found(root, "charter-signed", as_of="2027-01-09")}


# facilitation ------------------------------------------------------------------------------------


def _plenaries(facilitators: list[str]) -> dict[str, str]:
    days = [f"2026-{month:02d}-{day:02d}" for month in range(1, 13) for day in (5, 20)]
    return {
        f"{day}-pleniere": plenary(day, facilitator=who, attendees=f"camille, {who}, leo, sam")
        if who not in ("camille", "leo", "sam")
        else plenary(day, facilitator=who)
        for day, who in zip(days, facilitators, strict=False)
    }


def test_facilitation_counts_the_last_plenaries(tmp_path: Path) -> None:
    # ines facilitates 4 of the last 6: more than 0.5 x 6
    who = ["leo", "sam", "ines", "leo", "ines", "ines", "camille", "ines"]
    root = make(tmp_path, _plenaries(who))
    assert found(root, "facilitation") == [
        (
            "meeting:2026-04-20-pleniere",
            "meetings/2026-04-20-pleniere.yaml",
            3,
            "ines facilitated 4 of the last 6 plenaries, more than 0.5 of them: let someone else "
            "facilitate the next ones (`collectif meeting next-facilitator`)",
        )
    ]
    # as of an earlier day, the window is the 6 plenaries before it
    assert found(root, "facilitation", as_of="2026-03-21") == []


def test_facilitation_needs_two_plenaries(tmp_path: Path) -> None:
    root = make(tmp_path, _plenaries(["ines"]))
    assert found(root, "facilitation") == []
    root = make(tmp_path, _plenaries(["ines", "ines"]))
    assert [f[3][:39] for f in found(root, "facilitation")] == [
        "ines facilitated 2 of the last 2 plenar"
    ]


# meeting-cadence ---------------------------------------------------------------------------------


def test_cadence_from_the_last_plenary(tmp_path: Path) -> None:
    root = make(tmp_path, {"2026-10-20-pleniere": plenary("2026-10-20")})
    assert found(root, "meeting-cadence", as_of="2026-11-24") == []  # 35 days
    assert found(root, "meeting-cadence", as_of="2026-11-26") == [
        (
            "meeting:2026-10-20-pleniere",
            "meetings/2026-10-20-pleniere.yaml",
            1,
            "37 days passed between the plenary of 2026-10-20 and 2026-11-26, more than the 35 "
            "days the charter allows: hold the next plenary and record it (`collectif meeting "
            "new`)",
        )
    ]


def test_cadence_with_since_reports_each_gap(tmp_path: Path) -> None:
    root = make(
        tmp_path,
        {
            "2026-01-05": plenary("2026-01-05"),
            "2026-03-01": plenary("2026-03-01"),
            "2026-03-20": plenary("2026-03-20"),
        },
    )
    assert found(root, "meeting-cadence", as_of="2026-04-01") == []
    gaps = found(root, "meeting-cadence", as_of="2026-04-01", since="2026-02-01")
    assert [(f[0], f[3][:8]) for f in gaps] == [("meeting:2026-01-05", "55 days ")]
    assert found(root, "meeting-cadence", as_of="2026-04-01", since="2026-03-02") == []


def test_no_plenary_no_cadence(tmp_path: Path) -> None:
    assert found(make(tmp_path, {}), "meeting-cadence") == []


# review-due --------------------------------------------------------------------------------------


def test_review_due_until_superseded(tmp_path: Path) -> None:
    old = "  - {id: retenue-2025, title: R, outcome: adopted, review_by: 2026-06-30}\n"
    new = "  - {id: retenue-2026, title: R2, outcome: adopted, supersedes: [retenue-2025]}\n"
    first = {"2026-01-05": plenary("2026-01-05", decisions=old)}
    root = make(tmp_path, first)
    assert found(root, "review-due", as_of="2026-06-30") == []
    assert found(root, "review-due", as_of="2026-07-01") == [
        (
            "meeting:2026-01-05",
            "meetings/2026-01-05.yaml",
            6,
            "the decision retenue-2025 was to be reviewed by 2026-06-30: put it on the next "
            "plenary's agenda, and record the decision that confirms or replaces it with "
            "`--supersedes retenue-2025`",
        )
    ]
    root = make(tmp_path, {**first, "2026-09-01": plenary("2026-09-01", decisions=new)})
    assert len(found(root, "review-due", as_of="2026-08-31")) == 1
    assert found(root, "review-due", as_of="2026-09-01") == []


# schema and references ---------------------------------------------------------------------------


def test_meeting_file_rules(tmp_path: Path) -> None:
    meetings = {
        "2026-12-10": "date: 2026-12-10\nkind: project\nattendees: [ines, leo, ines]\n",
        "2026-12-11-x": plenary("2026-12-11", facilitator="zoe", attendees="ines, leo")
        + "notes_by: thomas\nproject: nowhere\nrole: norole\n",
    }
    people = {**MEMBERS, "members/thomas.yaml": member("Thomas", left="2026-12-01")}
    root = collective(
        tmp_path, {**people, **{f"meetings/{k}.yaml": v for k, v in meetings.items()}}, CONFIG
    )
    assert [f[3] for f in found(root, "schema")] == [
        "a project meeting names its project: add `project:` (its id)",
        "ines is listed twice among the attendees",
    ]
    assert sorted(f[3] for f in found(root, "references")) == [
        "thomas was not a member on 2026-12-11, the day of this meeting",
        "unknown member `zoe`: there is no members/zoe.yaml",
        "unknown project `nowhere`: there is no projects/nowhere.yaml",
        "unknown role `norole`: there is no roles/norole.yaml",
        "zoe facilitated but is not among the attendees: add them to `attendees`",
    ]


def test_a_badly_named_meeting_file(tmp_path: Path) -> None:
    root = make(tmp_path, {"pleniere-decembre": plenary("2026-12-10")})
    (finding,) = found(root, "schema")
    assert "is not a meeting's file name" in finding[3]


def test_decision_ids_are_unique_and_supersede_earlier_ones(tmp_path: Path) -> None:
    first = "  - {id: a, title: A, outcome: adopted}\n"
    second = "  - {id: a, title: A again, outcome: adopted, supersedes: [b]}\n"
    root = make(
        tmp_path,
        {
            "2026-12-01": plenary("2026-12-01", decisions=first),
            "2026-12-10": plenary("2026-12-10", decisions=second),
        },
    )
    assert [(f[1], f[3]) for f in found(root, "references")] == [
        (
            "meetings/2026-12-10.yaml",
            "`b` names no earlier decision: `supersedes` lists the ids of decisions taken before "
            "this one",
        ),
        (
            "meetings/2026-12-10.yaml",
            "the decision id `a` is already used in meetings/2026-12-01.yaml: give this decision "
            "another id",
        ),
    ]


@pytest.mark.parametrize(
    ("decision_id", "day", "problem"),
    [
        (None, "2026-12-20", "missing"),
        ("zzz", "2026-12-20", "unknown"),
        ("b", "2026-12-20", "not-adopted"),
        ("charte-2026-12", "2026-12-09", "later"),
        ("charte-2026-12", "2026-12-10", None),
    ],
)
def test_decision_problem(
    tmp_path: Path, decision_id: str | None, day: str, problem: str | None
) -> None:
    from datetime import date

    decisions = ADOPTS + "  - {id: b, title: B, outcome: rejected}\n"
    root = make(tmp_path, {"2026-12-10": plenary("2026-12-10", decisions=decisions)})
    data = loaded(root)
    assert decision_problem(data, decision_id, date.fromisoformat(day)) == problem
    found_decision = find_decision(data, "b")
    assert found_decision is not None and found_decision.meeting == "2026-12-10"


def test_meetings_come_back_from_the_cache_alike(tmp_path: Path) -> None:
    from tests.helpers import check_json, git_repo

    decision = ADOPTS + "    objections:\n      - {member: julien}\n"
    root = make(tmp_path, {"2026-12-10": plenary("2026-12-10", decisions=decision)})
    git_repo(root)
    first = check_json(root, "--as-of", "2026-12-20", "--only", "decisions")
    again = check_json(root, "--as-of", "2026-12-20", "--only", "decisions")
    assert first == again
    assert [f["check"] for f in first[1]["findings"]] == ["decisions"]


def test_the_meeting_schema_asks_what_the_checks_ask() -> None:
    pytest.importorskip("jsonschema")
    from tests.commands.schema_test import schema_errors

    def valid(text: str) -> bool:
        return not schema_errors("meeting.schema.json", text)

    assert valid(plenary("2026-12-10", decisions=ADOPTS))
    assert not valid("date: 2026-12-10\nkind: plenary\nattendees: [ines]\n")
    assert not valid("date: 2026-12-10\nkind: project\nattendees: [ines]\n")
    assert valid("date: 2026-12-10\nkind: group\nrole: tresorerie\nattendees: [ines]\n")
    assert not valid(plenary("2026-12-10") + "agenda: [x]\n")
