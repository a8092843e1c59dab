"""`references`: unknown ids, backwards periods, activity outside membership, misfiled entries."""

from __future__ import annotations

from pathlib import Path

from collectif.i18n import render
from tests.helpers import collective, findings, member

AS_OF = "2026-11-01"


def refs(root: Path) -> list[tuple[str, str, int, str]]:
    return [
        (f.subject, f.file, f.line or 0, render(f.message, "en"))
        for f in findings(root, AS_OF, only="references")
    ]


def test_clean_collective_has_no_finding(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {
            "members/ana.yaml": member("Ana"),
            "members/bea.yaml": member("Bea", left="2026-06-01"),
            "roles/tresorerie.yaml": """\
            title: Trésorerie
            kind: support
            holders:
              - {member: ana, since: 2025-01-01}
              - {member: bea, since: 2025-01-01, until: 2026-05-31}
            """,
            "projects/site.yaml": """\
            title: Site
            client: MDA
            client_kind: ess
            status: done
            brought_by: [bea]
            lead: ana
            start: 2026-01-01
            end: 2026-05-31
            team: [{member: ana}, {member: bea}]
            lines: [{member: bea, amount: 100}]
            payouts: [{member: bea, amount: 95}]
            """,
            "contributions/ana/2026-03.yaml": """\
            - {date: 2026-03-04, hours: 2, kind: support, ref: tresorerie}
            - {date: 2026-03-05, hours: 2, kind: project, ref: site}
            - {date: 2026-03-06, hours: 1, kind: meeting}
            - {date: 2026-03-07, hours: 1, kind: training, ref: site}
            """,
        },
    )
    assert refs(root) == []


def test_unknown_ids_everywhere(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {
            "members/ana.yaml": member("Ana"),
            "roles/tresorerie.yaml": """\
            title: Trésorerie
            kind: support
            holders:
              - {member: zoe, since: 2025-01-01}
            trainees:
              - {member: yann, since: 2026-01-01}
            """,
            "projects/site.yaml": """\
            title: Site
            client: MDA
            client_kind: ess
            status: proposed
            brought_by: [xavier]
            lead: wes
            payouts: [{member: vic, amount: 1}]
            """,
            "contributions/ana/2026-03.yaml": """\
            - {date: 2026-03-04, hours: 2, kind: support, ref: tresorie}
            - {date: 2026-03-05, hours: 2, kind: project, ref: tresorerie}
            - {date: 2026-03-06, hours: 1, kind: meeting, ref: nothing}
            """,
            "contributions/ulysse/2026-03.yaml": "- {date: 2026-03-04, hours: 1, kind: meeting}\n",
        },
    )
    assert refs(root) == [
        (
            "member:ana",
            "contributions/ana/2026-03.yaml",
            1,
            "unknown role `tresorie`: did you mean `tresorerie`?",
        ),
        (
            "member:ana",
            "contributions/ana/2026-03.yaml",
            2,
            "unknown project `tresorerie`: there is no projects/tresorerie.yaml",
        ),
        (
            "member:ana",
            "contributions/ana/2026-03.yaml",
            3,
            "unknown role or project `nothing`: there is no roles/nothing.yaml nor "
            "projects/nothing.yaml",
        ),
        (
            "member:ulysse",
            "contributions/ulysse/2026-03.yaml",
            1,
            "these entries belong to `ulysse`, who has no members/ulysse.yaml",
        ),
        (
            "project:site",
            "projects/site.yaml",
            5,
            "unknown member `xavier`: there is no members/xavier.yaml",
        ),
        (
            "project:site",
            "projects/site.yaml",
            6,
            "unknown member `wes`: there is no members/wes.yaml",
        ),
        (
            "project:site",
            "projects/site.yaml",
            7,
            "unknown member `vic`: there is no members/vic.yaml",
        ),
        (
            "role:tresorerie",
            "roles/tresorerie.yaml",
            4,
            "unknown member `zoe`: there is no members/zoe.yaml",
        ),
        (
            "role:tresorerie",
            "roles/tresorerie.yaml",
            6,
            "unknown member `yann`: there is no members/yann.yaml",
        ),
    ]


def test_a_typo_of_a_member_id_names_the_member_meant(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {
            "members/camille.yaml": member("Camille"),
            "members/chloe.yaml": member("Chloe"),
            "roles/facilitation.yaml": """\
            title: Facilitation
            kind: facilitation
            holders:
              - {member: cloe, since: 2025-01-01}
              - {member: camille, since: 2025-01-01}
            """,
        },
    )
    (finding,) = findings(root, AS_OF, only="references")
    assert render(finding.message, "en") == "unknown member `cloe`: did you mean `chloe`?"
    french = render(finding.message, "fr")
    assert french == "membre inconnu `cloe`\u00a0: vouliez-vous dire `chloe`\u202f?"


def test_periods_that_end_before_they_start(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {
            "members/ana.yaml": member("Ana", joined="2020-01-01", left="2019-01-01"),
            "members/bea.yaml": member("Bea") + "pauses:\n  - {from: 2026-05-01, to: 2026-04-01}\n",
            "roles/com.yaml": """\
            title: Communication
            kind: support
            holders:
              - {member: bea, since: 2026-01-01, until: 2025-01-01}
            """,
            "projects/site.yaml": """\
            title: Site
            client: MDA
            client_kind: ess
            status: active
            start: 2026-06-01
            end: 2026-01-01
            """,
        },
    )
    found = refs(root)
    assert [(s, line) for s, _, line, _ in found] == [
        ("member:ana", 5),
        ("member:bea", 6),
        ("project:site", 6),
        ("role:com", 4),
    ]
    assert all("ends on" in message and "before it starts on" in message for *_, message in found)


def test_holding_that_outlives_its_member(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {
            "members/ana.yaml": member("Ana", left="2026-06-01"),
            "members/bea.yaml": member("Bea", joined="2026-03-01"),
            "roles/com.yaml": """\
            title: Communication
            kind: support
            holders:
              - {member: ana, since: 2025-01-01}
              - {member: ana, since: 2025-01-01, until: 2026-06-01}
              - {member: ana, since: 2025-01-01, until: 2026-05-31}
              - {member: bea, since: 2026-02-01}
            """,
        },
    )
    assert refs(root) == [
        (
            "role:com",
            "roles/com.yaml",
            4,
            "ana left on 2026-06-01, but this has no end: set its "
            "end to the day before, 2026-05-31",
        ),
        ("role:com", "roles/com.yaml", 5, "ana left on 2026-06-01, but this runs until 2026-06-01"),
        ("role:com", "roles/com.yaml", 7, "bea only joined on 2026-03-01, after 2026-02-01"),
    ]


def test_project_activity_outside_membership(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {
            "members/ana.yaml": member("Ana", left="2026-04-01"),
            "members/bea.yaml": member("Bea", joined="2026-02-01"),
            "projects/site.yaml": """\
            title: Site
            client: MDA
            client_kind: ess
            status: done
            brought_by: [ana]
            start: 2026-01-01
            end: 2026-03-31
            team: [{member: ana}, {member: bea}]
            lines: [{member: ana, amount: 100}]
            payouts: [{member: ana, amount: 95}]
            """,
        },
    )
    assert refs(root) == [
        (
            "project:site",
            "projects/site.yaml",
            8,
            "bea only joined on 2026-02-01, after 2026-01-01",
        ),
    ]


def test_entries_outside_their_month_or_membership(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {
            "members/ana.yaml": member("Ana", joined="2026-03-10", left="2026-04-05"),
            "contributions/ana/2026-03.yaml": """\
            - {date: 2026-03-09, hours: 1, kind: meeting}
            - {date: 2026-03-10, hours: 1, kind: meeting}
            - {date: 2026-04-02, hours: 1, kind: meeting}
            """,
            "contributions/ana/2026-04.yaml": """\
            - {date: 2026-04-04, hours: 1, kind: meeting}
            - {date: 2026-04-05, hours: 1, kind: meeting}
            """,
        },
    )
    assert refs(root) == [
        (
            "member:ana",
            "contributions/ana/2026-03.yaml",
            1,
            "this entry is dated 2026-03-09, when ana was not a member (member from 2026-03-10 "
            "until 2026-04-04)",
        ),
        (
            "member:ana",
            "contributions/ana/2026-03.yaml",
            3,
            "this entry is dated 2026-04-02, outside 2026-03: move it to "
            "contributions/ana/2026-04.yaml",
        ),
        (
            "member:ana",
            "contributions/ana/2026-04.yaml",
            2,
            "this entry is dated 2026-04-05, when ana was not a member (member from 2026-03-10 "
            "until 2026-04-04)",
        ),
    ]


def test_french_messages(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {
            "roles/com.yaml": "title: C\nkind: support\nholders:\n"
            "  - {member: zoe, since: 2025-01-01}\n"
        },
    )
    [finding] = findings(root, AS_OF, only="references")
    assert render(finding.message, "fr") == (
        "membre inconnu `zoe`\u00a0: il n'y a pas de fichier members/zoe.yaml"
    )


def day(date: str, hours: str, kind: str = "meeting") -> str:
    return f"- {{date: {date}, hours: {hours}, kind: {kind}}}\n"


def test_a_members_day_adds_up_to_at_most_24_hours(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {
            "members/ana.yaml": member("Ana"),
            "members/bea.yaml": member("Bea"),
            # 24 h on the 4th is a long day, not an impossible one
            "contributions/ana/2026-03.yaml": day("2026-03-04", "12")
            + day("2026-03-04", "12")
            + day("2026-03-05", "10")
            + day("2026-03-05", "10")
            + day("2026-03-05", "4.5")  # crosses 24: the finding is here, on line 5
            + day("2026-03-05", "3"),
            # a misfiled entry counts on its own date, after the entries of earlier files
            "contributions/ana/2026-04.yaml": day("2026-03-04", "0.25") + day("2026-04-01", "2"),
            "contributions/bea/2026-03.yaml": day("2026-03-04", "24") + day("2026-03-05", "24"),
        },
    )
    found = [r for r in refs(root) if "in one day" in r[3]]
    assert found == [
        (
            "member:ana",
            "contributions/ana/2026-03.yaml",
            5,
            "the entries of ana on 2026-03-05 add up to 24.5\u00a0h, more than 24\u00a0h in one "
            "day: correct their hours or their dates",
        ),
        (
            "member:ana",
            "contributions/ana/2026-04.yaml",
            1,
            "the entries of ana on 2026-03-04 add up to 24.25\u00a0h, more than 24\u00a0h in one "
            "day: correct their hours or their dates",
        ),
    ]
    [finding] = [
        f
        for f in findings(root, AS_OF, only="references")
        if f.file == "contributions/ana/2026-03.yaml"
    ]
    assert finding.check == "references"
    assert (finding.line, finding.column) == (5, 29)  # on the fifth entry's hours
    assert "totalisent 24,5\u00a0h, plus de 24\u00a0h en un jour" in render(finding.message, "fr")


def test_overlapping_pauses(tmp_path: Path) -> None:
    """Two pauses that share a day are one mistake (a pause entered twice, or dates mistyped):
    the later one in the file is the finding; back-to-back pauses are fine."""
    pauses = (
        "pauses:\n"
        "  - {from: 2026-01-01, to: 2026-01-31}\n"
        "  - {from: 2026-02-01, to: 2026-02-28}\n"
        "  - {from: 2026-01-15, to: 2026-01-20, reason: twice}\n"
        "  - {from: 2026-06-01}\n"
        "  - {from: 2026-09-01, to: 2026-09-02}\n"
    )
    root = collective(tmp_path, {"members/ana.yaml": member("Ana") + pauses})
    assert refs(root) == [
        (
            "member:ana",
            "members/ana.yaml",
            8,
            "this pause overlaps the one from 2026-01-01 to 2026-01-31: merge them into one, "
            "or correct their dates",
        ),
        (
            "member:ana",
            "members/ana.yaml",
            10,
            "this pause overlaps the one from 2026-06-01 to …: merge them into one, or correct "
            "their dates",
        ),
    ]


def test_a_holding_that_starts_after_its_member_left(tmp_path: Path) -> None:
    """Joining a role after one's departure: said as such, not « set its end to the day
    before » (which would end it before it starts)."""
    root = collective(
        tmp_path,
        {
            "members/ana.yaml": member("Ana"),
            "members/leo.yaml": member("Leo", left="2026-06-01"),
            "roles/accueil.yaml": """\
            title: Accueil
            kind: support
            holders:
              - {member: ana, since: 2025-01-01}
              - {member: leo, since: 2026-07-01}
            """,
        },
    )
    assert [message for *_, message in refs(root)] == [
        "leo is no longer a member from 2026-06-01, before this starts on 2026-07-01"
    ]
