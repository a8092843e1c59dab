"""`commitment`: active projects without lead, start or end, or with a team that does not fit."""

from __future__ import annotations

from pathlib import Path

from collectif.i18n import render
from tests.helpers import CONFIG, check_json, collective, findings, member, run_check

AS_OF = "2026-11-01"
NAME = "commitment"

SITE = """\
title: Site MDA
client: Maison des Associations
client_kind: ess
status: active
lead: camille
start: 2026-02-01
end: 2026-12-31
team:
  - {member: camille, role: cheffe de projet}
  - {member: leo}
"""

PEOPLE = {
    "members/camille.yaml": member("Camille"),
    "members/leo.yaml": member("Leo"),
}


def found(root: Path, as_of: str = AS_OF) -> list[tuple[str, str, str, int, str, str]]:
    return [
        (f.check, f.subject, f.file, f.line or 0, str(f.severity), render(f.message, "en"))
        for f in findings(root, as_of, only=NAME)
    ]


def site(root: Path, text: str, **members: str) -> Path:
    files = {**PEOPLE, **{f"members/{m}.yaml": t for m, t in members.items()}}
    return collective(root, {**files, "projects/site.yaml": text})


def test_committed_project_passes(tmp_path: Path) -> None:
    assert found(site(tmp_path, SITE)) == []


def test_missing_lead_start_and_end(tmp_path: Path) -> None:
    text = "\n".join(
        line for line in SITE.splitlines() if not line.startswith(("lead:", "start:", "end:"))
    )
    root = site(tmp_path, text + "\n")
    expected = [
        "the active project Site MDA has no end date: members commit for one period, never "
        "open-endedly; add it as `end`",
        "the active project Site MDA has no lead: name the member who leads it in `lead`",
        "the active project Site MDA has no start date: add it as `start`",
    ]
    assert found(root) == [
        (NAME, "project:site", "projects/site.yaml", 1, "error", message) for message in expected
    ]
    assert sorted(str((f.details or {}).get("missing")) for f in findings(root, AS_OF, NAME)) == [
        "end",
        "lead",
        "start",
    ]


def test_lead_outside_the_team(tmp_path: Path) -> None:
    root = site(tmp_path, SITE.replace("lead: camille", "lead: sam"), sam=member("Sam"))
    assert found(root) == [
        (
            NAME,
            "project:site",
            "projects/site.yaml",
            5,
            "error",
            "the lead sam is not in the team of Site MDA: add sam to `team`, or name as lead "
            "someone who is in it",
        )
    ]


def test_team_member_who_left_mid_project(tmp_path: Path) -> None:
    root = site(tmp_path, SITE, leo=member("Leo", left="2026-09-15"))
    assert found(root, "2026-09-14") == []
    assert found(root, "2026-09-15") == [
        (
            NAME,
            "project:site",
            "projects/site.yaml",
            10,
            "error",
            "leo is in the team of Site MDA but left the collective on 2026-09-15: remove leo "
            "from `team`, or close the project if it is over",
        )
    ]
    (finding,) = findings(root, "2026-09-15", NAME)
    assert finding.details == {"project": "site", "member": "leo"}


def test_team_member_who_has_not_joined_yet(tmp_path: Path) -> None:
    root = site(tmp_path, SITE, leo=member("Leo", joined="2026-11-02"))
    assert [row[3:] for row in found(root)] == [
        (
            10,
            "error",
            "leo is in the team of Site MDA but is not a member yet on 2026-11-01 (joins on "
            "2026-11-02): remove leo from `team` until then",
        )
    ]
    assert found(root, "2026-11-02") == []


def test_unknown_or_broken_team_member_is_left_to_other_checks(tmp_path: Path) -> None:
    text = SITE + "  - {member: ghost}\n  - {member: broken}\n"
    root = site(tmp_path, text, broken="name: Broken\n")
    assert found(root) == []


def test_end_passed_is_a_warning(tmp_path: Path) -> None:
    root = site(tmp_path, SITE)
    assert found(root, "2026-12-31") == []
    assert found(root, "2027-01-01") == [
        (
            NAME,
            "project:site",
            "projects/site.yaml",
            7,
            "warning",
            "Site MDA ended on 2026-12-31, before 2027-01-01, but its status is still active: "
            "close it with `collectif project close site` (status: done), or move its end date "
            "if the work goes on",
        )
    ]


def test_only_active_projects(tmp_path: Path) -> None:
    for status in ("proposed", "done", "cancelled"):
        text = f"title: Site\nclient: MDA\nclient_kind: ess\nstatus: {status}\nlead: zoe\n"
        root = site(tmp_path / status, text)
        assert found(root) == []


def test_severity_override(tmp_path: Path) -> None:
    text = SITE.replace("lead: camille", "lead: leo").replace("  - {member: leo}\n", "")
    files = {**PEOPLE, "projects/site.yaml": text}
    warning = collective(tmp_path / "w", files, config=CONFIG + "checks: {commitment: warning}\n")
    assert [(row[3], row[4]) for row in found(warning)] == [(5, "warning")]
    off = collective(tmp_path / "o", files, config=CONFIG + "checks: {commitment: off}\n")
    assert found(off) == []


def test_french(tmp_path: Path) -> None:
    root = site(tmp_path, SITE, leo=member("Leo", left="2026-09-15"))
    messages = [render(f.message, "fr") for f in findings(root, "2027-01-01", NAME)]
    assert messages == [
        "le projet Site MDA s'est terminé le 2026-12-31, avant le 2027-01-01, mais son statut "
        "est toujours actif\u00a0: clôturez-le avec `collectif project close site` (status: "
        "done), ou repoussez sa date de fin si le travail continue",
        "leo est dans l'équipe de Site MDA mais son départ du collectif est daté du "
        "2026-09-15\u00a0: retirez leo de `team`, ou clôturez le projet s'il est terminé",
    ]
    done = run_check(root, "2027-01-01", "--only", NAME)
    assert done.returncode == 1
    french = run_check(root, "2027-01-01", "--only", NAME, "--lang", "fr")
    assert "son départ du collectif est daté du 2026-09-15" in french.stdout


def test_cli_end_to_end(tmp_path: Path) -> None:
    root = site(tmp_path, SITE.replace("end: 2026-12-31\n", ""))
    code, document = check_json(root, "--as-of", AS_OF, "--only", NAME)
    assert code == 1
    (finding,) = document["findings"]
    assert {k: finding[k] for k in ("check", "severity", "subject", "file", "line")} == {
        "check": NAME,
        "severity": "error",
        "subject": "project:site",
        "file": "projects/site.yaml",
        "line": 1,
    }
    assert finding["details"] == {"project": "site", "missing": "end"}
