"""`collectif meeting new`, `meeting next-facilitator`, `decide`, `decisions`: meetings and
decisions recorded as commits; and a charter changed without a new version, refused."""

from __future__ import annotations

import json
from pathlib import Path

from tests.commands.recording import Repo, make, plain
from tests.helpers import member, run

CONFIG = """\
name: Atelier Test
language: en
charter:
  version: "2026-01"
  decisions: {charter_by_decision: false}   # we record our meetings
"""
FILES = {
    "collectif.yaml": CONFIG,
    **{f"members/{n}.yaml": member(n.capitalize()) for n in ("camille", "ines", "leo", "julien")},
}
NEW = ("meeting", "new", "2026-01-13", "--facilitator", "ines", "--attendees", "camille,ines,leo")


def repo_with_meeting(tmp_path: Path) -> Repo:
    repo = make(tmp_path, FILES)
    done = repo.run(*NEW)
    assert done.returncode == 0, done.stdout + done.stderr
    return repo


def test_meeting_new_writes_one_file_in_one_commit(tmp_path: Path) -> None:
    repo = make(tmp_path, FILES)
    before = repo.count()
    done = repo.run(*NEW, "--notes-by", "leo")
    assert done.returncode == 0, done.stderr
    assert repo.count() == before + 1
    assert repo.changed() == ["meetings/2026-01-13-plenary.yaml"]
    assert repo.read("meetings/2026-01-13-plenary.yaml") == (
        "date: 2026-01-13\nkind: plenary\nfacilitator: ines\nnotes_by: leo\n"
        "attendees: [camille, ines, leo]\n"
    )
    assert repo.last("%s|%ae") == (
        "meeting: 2026-01-13-plenary, facilitated by ines, 3 present|camille@example.org"
    )
    again = repo.run(*NEW)
    assert again.returncode == 2
    assert "already exists" in again.stderr and "--slug" in again.stderr


def test_meeting_new_in_french_names_the_file_pleniere(tmp_path: Path) -> None:
    files = {**FILES, "collectif.yaml": CONFIG.replace("language: en", "language: fr")}
    repo = make(tmp_path, files)
    done = repo.run(*NEW, lang="fr")
    assert done.returncode == 0, done.stderr
    assert repo.changed() == ["meetings/2026-01-13-pleniere.yaml"]
    assert "réunion : 2026-01-13-pleniere, animée par ines" in plain(repo.last("%s"))


def test_meeting_new_project_and_group(tmp_path: Path) -> None:
    repo = make(tmp_path, FILES)
    missing = repo.run("meeting", "new", "2026-01-14", "--kind", "project", "--attendees", "leo")
    assert missing.returncode == 2 and "--project" in missing.stderr
    unknown = repo.run(
        "meeting", "new", "2026-01-14", "--kind", "project", "--project", "x", "--attendees", "leo"
    )
    assert unknown.returncode == 2 and "no projects/x.yaml" in unknown.stderr
    done = repo.run(
        "meeting",
        "new",
        "2026-01-14",
        "--kind",
        "group",
        "--attendees",
        "leo,ines",
        "--slug",
        "tresorerie",
    )
    assert done.returncode == 0, done.stderr
    assert repo.changed() == ["meetings/2026-01-14-tresorerie.yaml"]


def test_meeting_new_misuse_is_said_clearly(tmp_path: Path) -> None:
    repo = make(tmp_path, FILES)
    cases = [
        (("--kind", "party", "--attendees", "leo"), "--kind: `party` is not one of"),
        (("--attendees", "leo"), "--facilitator: a plenary has a facilitator"),
        (("--facilitator", "ines", "--attendees", "leo"), "ines is not among the attendees"),
        (("--facilitator", "ines", "--attendees", "ines,zoe"), "There is no member `zoe`"),
        (("--facilitator", "ines", "--attendees", ""), "--attendees: name who came"),
        (("--facilitator", "ines", "--attendees", "ines", "--slug", "A B"), "--slug"),
        (("--facilitator", "", "--attendees", "ines"), "--facilitator: `` is not a valid id"),
        (("--facilitator", "ines,leo", "--attendees", "ines,leo"), "`ines,leo` is not a valid"),
        (("--facilitator", "ines", "--attendees", "ines", "--notes-by", " "), "--notes-by: "),
    ]
    for options, said in cases:
        done = repo.run("meeting", "new", "2026-01-13", *options)
        assert done.returncode == 2, options
        assert said in done.stderr, (options, done.stderr)
        assert "Traceback" not in done.stderr
    bad_day = repo.run(
        "meeting", "new", "2026-13-01", "--facilitator", "ines", "--attendees", "ines"
    )
    assert bad_day.returncode == 2 and "is not a date" in bad_day.stderr
    assert repo.status() == ""


def test_decide_adds_a_decision_and_keeps_the_file(tmp_path: Path) -> None:
    repo = repo_with_meeting(tmp_path)
    path = "meetings/2026-01-13-plenary.yaml"
    repo.write(path, "# AG de janvier\n" + repo.read(path))
    repo.git("commit", "-qam", "comment")
    done = repo.run(
        "decide",
        "2026-01-13-plenary",
        "charte-2026-01",
        "--title",
        "Charte 2026",
        "--charter",
        "2026-01",
        "--lifted",
        "julien:attendre le bilan",
        "--review-by",
        "2027-01-31",
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert repo.read(path) == (
        "# AG de janvier\ndate: 2026-01-13\nkind: plenary\nfacilitator: ines\n"
        "attendees: [camille, ines, leo]\n"
        "decisions:\n"
        "  - id: charte-2026-01\n"
        "    title: Charte 2026\n"
        "    outcome: adopted\n"
        "    objections:\n"
        "      - {member: julien, reason: attendre le bilan, lifted: true}\n"
        '    charter: "2026-01"\n'
        "    review_by: 2027-01-31\n"
    )
    assert repo.last("%s") == "decision: charte-2026-01 adopted in 2026-01-13-plenary"
    # a second one, by the meeting's day, after the first
    second = repo.run(
        "decide",
        "2026-01-13",
        "vote-1",
        "--title",
        "T",
        "--mode",
        "consensus",
        "--outcome",
        "rejected",
        "--supersedes",
        "charte-2026-01",
    )
    assert second.returncode == 0, second.stdout + second.stderr
    assert "  - id: vote-1\n    title: T\n    mode: consensus\n    outcome: rejected\n" in (
        repo.read(path)
    )


def test_adopting_over_a_standing_objection_is_refused_then_lifted(tmp_path: Path) -> None:
    repo = repo_with_meeting(tmp_path)
    before = repo.count()
    wanted = ("decide", "2026-01-13-plenary", "retenue", "--title", "Retenue à 4 %")
    refused = repo.run(*wanted, "--objection", "julien:attendre")
    assert refused.returncode == 1
    assert "the objection of julien is not lifted" in refused.stderr
    assert repo.count() == before and repo.status() == ""
    deferred = repo.run(*wanted, "--objection", "julien:attendre", "--outcome", "deferred")
    assert deferred.returncode == 0, deferred.stdout + deferred.stderr
    lifted = repo.run("decide", "--lift", "retenue", "julien", "--as", "julien")
    assert lifted.returncode == 0, lifted.stdout + lifted.stderr
    assert "{member: julien, reason: attendre, lifted: true}" in repo.read(
        "meetings/2026-01-13-plenary.yaml"
    )
    assert repo.last("%s|%an") == "decision: julien lifts their objection to retenue|Julien"
    again = repo.run("decide", "--lift", "retenue", "julien")
    assert again.returncode == 2 and "no standing objection" in again.stderr


def test_decide_misuse_is_said_clearly(tmp_path: Path) -> None:
    repo = repo_with_meeting(tmp_path)
    ok = repo.run("decide", "2026-01-13-plenary", "a", "--title", "A")
    assert ok.returncode == 0, ok.stderr
    cases = [
        (("2026-02-01", "b", "--title", "B"), "There is no meeting `2026-02-01`"),
        (("2026-01-13", "a", "--title", "B"), "already used in meetings/2026-01-13-plenary"),
        (("2026-01-13", "b"), "--title"),
        (("2026-01-13", "b", "--title", "B", "--mode", "coin"), "--mode: `coin` is not one of"),
        (("2026-01-13", "b", "--title", "B", "--votes", "5-1"), "FOR,AGAINST,ABSTAIN"),
        (("2026-01-13", "b", "--title", "B", "--supersedes", "zz"), "no decision `zz`"),
        (("2026-01-13", "b", "--title", "B", "--supersedes", " , "), "--supersedes: name the"),
        (("2026-01-13", "b", "--title", "B", "--charter", " "), "--charter"),
        (("2026-01-13", "b", "--title", "B", "--objection", "zoe:x"), "no member `zoe`"),
        (("--lift", "zz", "leo"), "There is no decision `zz`"),
    ]
    for options, said in cases:
        done = repo.run("decide", *options)
        assert done.returncode == 2, options
        assert said in done.stderr, (options, done.stderr)


def test_a_vote_is_recorded(tmp_path: Path) -> None:
    files = {
        **FILES,
        "collectif.yaml": CONFIG.replace("charter_by_decision: false", "modes: [vote]"),
    }
    repo = make(tmp_path, files)
    assert repo.run(*NEW).returncode == 0
    lost = repo.run("decide", "2026-01-13", "v", "--title", "V", "--votes", "1,2,0")
    assert lost.returncode == 1 and "the vote did not pass: 1 for, 2 against" in lost.stderr
    won = repo.run("decide", "2026-01-13", "v", "--title", "V", "--votes", "2,1,0")
    assert won.returncode == 0, won.stdout + won.stderr
    assert "    votes: {for: 2, against: 1, abstain: 0}\n" in repo.read(
        "meetings/2026-01-13-plenary.yaml"
    )


def test_decisions_lists_newest_first_with_those_due(tmp_path: Path) -> None:
    repo = repo_with_meeting(tmp_path)
    assert repo.run("decisions").stdout.strip() == "No decision recorded."
    repo.run("decide", "2026-01-13", "old", "--title", "Old", "--review-by", "2026-06-30")
    repo.run("decide", "2026-01-13", "new", "--title", "New")
    done = run("decisions", "--repo", str(repo.root), "--as-of", "2026-07-01", "--format", "json")
    listed = json.loads(done.stdout)
    assert [(d["id"], d["due"]) for d in listed] == [("new", False), ("old", True)]
    assert listed[1]["review_by"] == "2026-06-30" and listed[1]["mode"] == "consensus"
    text = repo.run("decisions", "--open", "--as-of", "2026-07-01")
    assert "old" in text.stdout and "New" not in text.stdout and "(due)" in text.stdout
    none = repo.run("decisions", "--open", "--as-of", "2026-06-30")
    assert none.stdout.strip() == "No decision is due for review."
    french = repo.run("decisions", "--as-of", "2026-07-01", lang="fr")
    assert "adoptée" in french.stdout and "échue" in french.stdout


def test_next_facilitator(tmp_path: Path) -> None:
    repo = repo_with_meeting(tmp_path)
    repo.run(
        "meeting", "new", "2026-01-27", "--facilitator", "camille", "--attendees", "camille,leo"
    )
    done = repo.run("meeting", "next-facilitator", "--as-of", "2026-02-01")
    assert done.returncode == 0, done.stderr
    lines = plain(done.stdout).splitlines()
    assert lines[0] == "Next facilitator: julien (0 of the last 2 plenaries)."
    assert lines[1:] == [
        "  then leo: never facilitated",
        "  then ines: 1 in the window, last on 2026-01-13",
        "  then camille: 1 in the window, last on 2026-01-27",
    ]


def test_history_tells_meetings_and_decisions(tmp_path: Path) -> None:
    repo = repo_with_meeting(tmp_path)
    repo.run(
        "decide",
        "2026-01-13",
        "r",
        "--title",
        "Retenue",
        "--objection",
        "julien:non",
        "--outcome",
        "deferred",
    )
    repo.run("decide", "--lift", "r", "julien")
    done = repo.run("history", "meeting:2026-01-13-plenary")
    assert done.returncode == 0, done.stderr
    text = plain(done.stdout)
    assert (
        "meeting 2026-01-13-plenary recorded: facilitated by ines, with camille, ines and leo"
        in text
    )
    assert "decision r deferred: Retenue" in text
    assert "julien objected to r" in text
    assert "julien lifted their objection to r" in text


def test_a_charter_changed_without_a_new_version_is_refused_between_two_states(
    tmp_path: Path,
) -> None:
    repo = make(tmp_path, FILES)
    changed = CONFIG.replace("{charter_by_decision: false}", "{max_gap_days: 20}")
    repo.write("collectif.yaml", changed)
    repo.git("add", "collectif.yaml")
    staged = repo.run("check", "--staged", "--as-of", "2026-01-20", "--only", "charter-adopted")
    assert staged.returncode == 1
    assert "the charter's rules changed, but its version is still 2026-01" in staged.stdout
    repo.git("commit", "-qm", "rules")
    diff = repo.run("diff", "HEAD~1", "HEAD", "--as-of", "2026-01-20", "--format", "json")
    findings = json.loads(diff.stdout)["findings"]
    assert [
        (f["check"], f["status"], f["line"]) for f in findings if f["status"] != "existing"
    ] == [("charter-adopted", "new", 4)]
    # comments and layout do not count; a new version does (and needs its plenary, when asked)
    repo.write("collectif.yaml", changed.replace("# we record", "#  we keep"))
    repo.git("add", "collectif.yaml")
    assert repo.run("check", "--staged", "--as-of", "2026-01-20").returncode == 0
    repo.write("collectif.yaml", changed.replace('"2026-01"', '"2026-02"').replace("20}", "21}"))
    repo.git("add", "collectif.yaml")
    assert "charter-adopted" not in repo.run("check", "--staged", "--as-of", "2026-01-20").stdout


def test_decide_by_day_needs_a_single_meeting_that_day(tmp_path: Path) -> None:
    repo = repo_with_meeting(tmp_path)
    other = repo.run(
        "meeting", "new", "2026-01-13", "--kind", "group", "--attendees", "leo", "--slug", "com"
    )
    assert other.returncode == 0, other.stderr
    done = repo.run("decide", "2026-01-13", "a", "--title", "A")
    assert done.returncode == 2
    assert "several meetings on 2026-01-13" in done.stderr
    assert "2026-01-13-com or 2026-01-13-plenary" in done.stderr
    assert repo.run("decide", "2026-01-13-com", "a", "--title", "A").returncode == 0


def test_meeting_new_says_when_the_charter_keeps_no_decisions(tmp_path: Path) -> None:
    files = {**FILES, "collectif.yaml": 'name: A\nlanguage: en\ncharter: {version: "2026-01"}\n'}
    repo = make(tmp_path, files)
    done = repo.run(*NEW)
    assert done.returncode == 0, done.stderr
    assert "no `charter.decisions` yet" in done.stdout
    assert (
        "no `charter.decisions`"
        not in repo_with_meeting(tmp_path / "b")
        .run("meeting", "new", "2026-01-27", "--facilitator", "leo", "--attendees", "leo")
        .stdout
    )
