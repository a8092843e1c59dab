"""`irreplaceable`: active roles short of holders, skills that fewer than two members have."""

from __future__ import annotations

from pathlib import Path

from collectif.i18n import render
from tests.helpers import CONFIG, check_json, collective, findings, member, run

AS_OF = "2026-11-01"
NAME = "irreplaceable"

TRESORERIE = """\
title: Trésorerie
kind: support
skills: [comptabilite]
holders:
  - {member: camille, since: 2025-01-01}
  - {member: leo, since: 2025-01-01}
"""

TWO_ACCOUNTANTS = {
    "members/camille.yaml": member("Camille", skills="[comptabilite, graphisme]"),
    "members/leo.yaml": member("Leo", skills="[comptabilite]"),
}


def found(root: Path, as_of: str = AS_OF) -> list[tuple[str, str, str, int, str, str]]:
    return [
        (f.check, f.subject, f.file, f.line or 0, str(f.severity), render(f.message, "en"))
        for f in findings(root, as_of, only=NAME)
    ]


def test_role_with_enough_holders_and_shared_skills(tmp_path: Path) -> None:
    root = collective(tmp_path, {**TWO_ACCOUNTANTS, "roles/tresorerie.yaml": TRESORERIE})
    assert found(root) == []


def test_one_holder_short_names_the_trainee_who_could_step_in(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {
            "members/camille.yaml": member("Camille", skills="[comptabilite]"),
            "members/sam.yaml": member("Sam", skills="[comptabilite]"),
            "roles/tresorerie.yaml": """\
            title: Trésorerie
            kind: support
            skills: [comptabilite]
            holders:
              - {member: camille, since: 2025-01-01}
            trainees:
              - {member: sam, since: 2026-09-01}
            """,
        },
    )
    assert found(root) == [
        (
            NAME,
            "role:tresorerie",
            "roles/tresorerie.yaml",
            5,
            "error",
            "Trésorerie is held only by camille on 2026-11-01, below its minimum of 2 holders: "
            "sam, in training for it, could become a holder (`collectif role join tresorerie "
            "--as sam`), or another member can join it with `collectif role join tresorerie`",
        )
    ]
    (finding,) = findings(root, AS_OF, only=NAME)
    assert finding.details == {"holders": ["camille"], "min_holders": 2, "trainees": ["sam"]}


def test_nobody_holds_it(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {
            "members/camille.yaml": member("Camille"),
            "roles/liaison.yaml": "title: Liaison CAE\nkind: support\nholders: []\n",
        },
    )
    assert found(root) == [
        (
            NAME,
            "role:liaison",
            "roles/liaison.yaml",
            3,
            "error",
            "Liaison CAE has no active holder on 2026-11-01, below its minimum of 2: another "
            "member can join it with `collectif role join liaison`, or start training for it "
            "with `collectif role train liaison`",
        )
    ]


def test_several_trainees(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {
            **{f"members/{m}.yaml": member(m.capitalize()) for m in ("ana", "bea", "carl")},
            "roles/formations.yaml": """\
            title: Formations CAE
            kind: mission
            min_holders: 3
            holders: [{member: ana, since: 2025-01-01}]
            trainees: [{member: bea, since: 2026-01-01}, {member: carl, since: 2026-01-01}]
            """,
        },
    )
    (message,) = [row[5] for row in found(root)]
    assert message.startswith(
        "Formations CAE is held only by ana on 2026-11-01, below its minimum of 3 holders: "
        "bea and carl, in training for it, could become holders"
    )


def test_trainees_are_not_holders_and_past_trainings_are_not_offered(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {
            **{f"members/{m}.yaml": member(m.capitalize()) for m in ("ana", "bea", "carl")},
            "roles/com.yaml": """\
            title: Communication
            kind: support
            holders: [{member: ana, since: 2025-01-01}]
            trainees:
              - {member: bea, since: 2025-01-01, until: 2025-06-30}
              - {member: carl, since: 2026-12-01}
            """,
        },
    )
    (finding,) = findings(root, AS_OF, only=NAME)
    assert finding.details == {"holders": ["ana"], "min_holders": 2, "trainees": []}


def test_min_holders_from_the_role_then_the_charter(tmp_path: Path) -> None:
    files = {
        **TWO_ACCOUNTANTS,
        "roles/tresorerie.yaml": TRESORERIE,
        "roles/solo.yaml": """\
        title: Veille
        kind: support
        min_holders: 1
        holders: [{member: leo, since: 2025-01-01}]
        """,
    }
    config = CONFIG + "  roles: {min_holders: 3}\n"
    root = collective(tmp_path, files, config=config)
    assert [(row[1], row[5][:45]) for row in found(root)] == [
        ("role:tresorerie", "Trésorerie is held only by camille and leo on")
    ]


def test_holder_counts_only_while_a_member(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {
            "members/camille.yaml": member("Camille", skills="[comptabilite]"),
            # leo left mid-year, but nobody closed the holding: it counts only until he left
            "members/leo.yaml": member("Leo", left="2026-06-15", skills="[comptabilite]"),
            "roles/tresorerie.yaml": TRESORERIE,
        },
    )
    assert found(root, "2026-06-14") == []
    rows = found(root, "2026-06-15")
    assert [(row[3], row[4], row[5][:48]) for row in rows] == [
        (3, "warning", "Trésorerie needs the skill comptabilite, which o"),
        (5, "error", "Trésorerie is held only by camille on 2026-06-15"),
    ]


def test_member_who_joined_mid_period_counts_from_their_first_day(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {
            "members/camille.yaml": member("Camille"),
            "members/leo.yaml": member("Leo", joined="2026-10-15"),
            "roles/tresorerie.yaml": TRESORERIE.replace(
                "{member: leo, since: 2025-01-01}", "{member: leo, since: 2026-10-15}"
            ).replace("skills: [comptabilite]\n", ""),
        },
    )
    assert [row[5][:40] for row in found(root, "2026-10-14")] == [
        "Trésorerie is held only by camille on 20"
    ]
    assert found(root, "2026-10-15") == []


def test_closed_holding_no_longer_counts(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {
            **TWO_ACCOUNTANTS,
            "roles/tresorerie.yaml": TRESORERIE.replace(
                "{member: leo, since: 2025-01-01}",
                "{member: leo, since: 2025-01-01, until: 2026-10-31}",
            ),
        },
    )
    assert found(root, "2026-10-31") == []
    assert [row[3] for row in found(root, "2026-11-01")] == [5]


def test_retired_role_is_ignored(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {
            "members/camille.yaml": member("Camille"),
            "roles/ancien.yaml": """\
            title: Ancien rôle
            kind: support
            skills: [rare]
            holders: []
            active: false
            """,
        },
    )
    assert found(root) == []


def test_skill_that_one_member_has_is_a_warning(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {
            **TWO_ACCOUNTANTS,
            # a member who left and one spelling the skill differently do not count
            "members/sam.yaml": member("Sam", left="2026-01-01", skills="[graphisme]"),
            "members/zoe.yaml": member("Zoe", skills="[Graphisme]"),
            "roles/tresorerie.yaml": TRESORERIE.replace(
                "skills: [comptabilite]", "skills: [comptabilite, graphisme, juridique]"
            ),
        },
    )
    assert found(root) == [
        (
            NAME,
            "role:tresorerie",
            "roles/tresorerie.yaml",
            3,
            "warning",
            "Trésorerie needs the skill juridique, which no active member has: train two "
            "members, or add juridique to the `skills` of the members who have it",
        ),
        (
            NAME,
            "role:tresorerie",
            "roles/tresorerie.yaml",
            3,
            "warning",
            "Trésorerie needs the skill graphisme, which only camille has among the active "
            "members: train a second member and add graphisme to their `skills`",
        ),
    ]
    details = [f.details for f in findings(root, AS_OF, only=NAME)]
    assert {"skill": "graphisme", "members": ["camille"]} in details
    assert {"skill": "juridique", "members": []} in details


def test_a_misspelt_skills_key_is_one_finding_not_two(tmp_path: Path) -> None:
    """`skils:` in leo's file: the schema finding says it; no skill warning on top, since leo's
    skills are not known for sure."""
    files = {
        **TWO_ACCOUNTANTS,
        "members/leo.yaml": member("Leo", skills="[comptabilite]").replace("skills:", "skils:"),
        "roles/tresorerie.yaml": TRESORERIE,
    }
    root = collective(tmp_path, files)
    assert found(root) == []
    schema = findings(root, AS_OF, only="schema")
    assert [(f.file, "skils" in render(f.message, "en")) for f in schema] == [
        ("members/leo.yaml", True)
    ]


def test_skill_finding_points_at_the_skill_in_a_block_list(tmp_path: Path) -> None:
    role = TRESORERIE.replace("skills: [comptabilite]", "skills:\n  - comptabilite\n  - droit")
    root = collective(tmp_path, {**TWO_ACCOUNTANTS, "roles/tresorerie.yaml": role})
    assert [(row[3], row[4]) for row in found(root)] == [(5, "warning")]


def test_severity_override(tmp_path: Path) -> None:
    files = {
        "members/camille.yaml": member("Camille"),
        "roles/liaison.yaml": "title: Liaison\nkind: support\n",
    }
    root = collective(tmp_path, files, config=CONFIG + "checks:\n  irreplaceable: warning\n")
    assert [(row[1], row[4]) for row in found(root)] == [("role:liaison", "warning")]
    off = collective(tmp_path / "off", files, config=CONFIG + "checks:\n  irreplaceable: off\n")
    assert found(off) == []


def test_french(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {
            "members/camille.yaml": member("Camille", skills="[comptabilite]"),
            "roles/tresorerie.yaml": TRESORERIE.replace(
                "  - {member: leo, since: 2025-01-01}\n", ""
            ),
        },
    )
    messages = [render(f.message, "fr") for f in findings(root, AS_OF, only=NAME)]
    assert messages == [
        "le rôle Trésorerie demande la compétence comptabilite, qu'un seul membre actif "
        "possède (camille)\u00a0: formez un deuxième membre et ajoutez comptabilite à ses "
        "`skills`",
        "le rôle Trésorerie n'est tenu que par camille au 2026-11-01, sous son minimum de 2 "
        "titulaires\u00a0: un autre membre peut le rejoindre avec `collectif role join "
        "tresorerie`, ou commencer à s'y former avec `collectif role train tresorerie`",
    ]
    done = run("check", "--repo", str(root), "--as-of", AS_OF, "--only", NAME, "--lang", "fr")
    assert "n'est tenu que par camille" in done.stdout


def test_cli_end_to_end(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {
            "members/camille.yaml": member("Camille"),
            "roles/liaison.yaml": "title: Liaison\nkind: support\nholders:\n"
            "  - {member: camille, since: 2025-01-01}\n",
        },
    )
    code, document = check_json(root, "--as-of", AS_OF, "--only", NAME)
    assert code == 1
    (finding,) = document["findings"]
    assert finding["check"] == NAME
    assert finding["severity"] == "error"
    assert finding["subject"] == "role:liaison"
    assert (finding["file"], finding["line"]) == ("roles/liaison.yaml", 4)
    assert finding["details"] == {"holders": ["camille"], "min_holders": 2, "trainees": []}
