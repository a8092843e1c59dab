"""The safety net, end to end: writes judged on what they commit, no write lost under
concurrency or `kill -9`, links and odd files never followed, broken settings never replaced by
defaults. Real `collectif` processes where processes are the point (in parallel, killed, facing a
pipe that could block); the command in this process elsewhere."""

from __future__ import annotations

import json
import os
import random
import signal
import stat
import subprocess
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.commands.recording import FILES, ROLE, Repo, make
from tests.helpers import COLLECTIF, collective, git, git_repo, member, run

TODAY = date.today()


def _entries(repo: Repo, rev: str = "HEAD") -> int:
    """How many time entries the commit holds."""
    listed = repo.git("ls-tree", "-r", "--name-only", rev, "--", "contributions").split()
    return sum(repo.git("show", f"{rev}:{path}").count("- date:") for path in listed)


# Writes judge what they commit ----------------------------------------------------------------


def test_a_write_is_judged_on_the_commit_it_makes_not_on_other_edits(tmp_path: Path) -> None:
    repo = make(tmp_path)
    # An uncommitted edit elsewhere that would make the new entry valid...
    text = repo.read("members/leo.yaml").replace("joined: 2020-01-10", "joined: 2010-01-10")
    repo.write("members/leo.yaml", text)
    refused = repo.run("log", "1", "meeting", "--date", "2015-03-02", "--as", "leo")
    # ...does not count: in the commit, leo joined in 2020, so the entry is outside membership.
    assert refused.returncode == 1, refused.stdout + refused.stderr
    assert "references" in refused.stderr
    assert repo.read("members/leo.yaml") == text  # the user's edit is left as it was
    done = repo.run("log", "1", "meeting", "--date", TODAY.isoformat(), "--as", "leo")
    assert done.returncode == 0, done.stderr
    rev = repo.run("check", "--rev", "HEAD", "--only", "references,schema")
    assert rev.returncode == 0, rev.stdout


def test_a_leave_that_takes_effect_later_is_checked_on_that_day(tmp_path: Path) -> None:
    role = ROLE.replace("min_holders: 1", "min_holders: 2")
    repo = make(tmp_path, {**FILES, "roles/tresorerie.yaml": role})
    later = (TODAY + timedelta(days=40)).isoformat()
    refused = repo.run("role", "leave", "tresorerie", "--date", later, "--as", "sam")
    assert refused.returncode == 1, refused.stdout + refused.stderr
    assert "irreplaceable" in refused.stderr and later in refused.stderr


def test_the_last_holder_cannot_leave_a_role_already_short(tmp_path: Path) -> None:
    role = ROLE.replace("min_holders: 1", "min_holders: 3")  # already short: 2 of 3
    repo = make(tmp_path, {**FILES, "roles/tresorerie.yaml": role})
    before = repo.count()
    first = repo.run("role", "leave", "tresorerie", "--as", "sam")
    assert first.returncode == 1, first.stdout  # 1 of 3 is worse than 2 of 3
    role = ROLE.replace("  - {member: sam, since: 2025-01-01}   # since the AG\n", "")
    repo = make(tmp_path / "one", {**FILES, "roles/tresorerie.yaml": role.replace("1", "2", 1)})
    last = repo.run("role", "leave", "tresorerie", "--as", "camille")
    assert last.returncode == 1 and "no active holder" in last.stderr
    assert repo.count() == before


def _start(command: list[str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


# Nothing lost under concurrency -------------------------------------------------------------------


def test_parallel_writes_on_one_file_all_land(tmp_path: Path) -> None:
    repo = make(tmp_path)
    before = _entries(repo)
    runs = []
    for index in range(6):
        for who in ("leo", "sam"):
            command = [COLLECTIF, "log", "1", "meeting", "--as", who, "--note", f"{who}{index}"]
            command += ["--date", TODAY.isoformat(), "--repo", str(repo.root), "--lang", "en"]
            runs.append(_start(command))
    results = [(started.wait(), started.communicate()) for started in runs]
    recorded = sum(1 for code, _ in results if code == 0)
    assert recorded == len(runs), [out for code, out in results if code != 0]
    assert _entries(repo) == before + recorded
    assert repo.status() == ""
    assert repo.leftovers() == []


def test_kill_9_at_any_moment_leaves_a_usable_repository(tmp_path: Path) -> None:
    repo = make(tmp_path)
    rng = random.Random(7)
    for index in range(12):
        command = [COLLECTIF, "log", "1", "meeting", "--as", "leo", "--note", f"k{index}"]
        command += ["--date", TODAY.isoformat(), "--repo", str(repo.root), "--lang", "en"]
        killed = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.05, 0.9))
        killed.send_signal(signal.SIGKILL)
        killed.wait()
    # The next command finishes or undoes what was cut short, then records its own change.
    done = repo.run("log", "1", "meeting", "--as", "leo", "--date", TODAY.isoformat())
    assert done.returncode == 0, done.stderr
    assert repo.status() == ""
    assert repo.leftovers() == []
    # git's own locks are gone; collectif's writer lock is a flock, free once its process died
    assert [p.name for p in (repo.top / ".git").rglob("*.lock")] == ["collectif.lock"]
    assert subprocess.run(["git", "fsck", "--no-progress"], cwd=repo.top).returncode == 0


# Links and odd files ------------------------------------------------------------------------------


def _findings(repo: Repo, *args: str) -> list[tuple[str, str]]:
    done = repo.run("check", "--format", "json", "--only", "schema", *args)
    return sorted((f["file"], f["message"]) for f in json.loads(done.stdout)["findings"])


def test_links_are_never_followed_and_every_source_agrees(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("token: ghp_SECRETSECRET\n")
    repo = make(tmp_path)
    os.symlink(secret, repo.root / "members" / "cred.yaml")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "2026-01.yaml").write_text("- {date: 2026-01-02, hours: 1, kind: meeting}\n")
    (repo.root / "contributions").mkdir(exist_ok=True)
    os.symlink(outside, repo.root / "contributions" / "camille")
    worktree = _findings(repo)
    assert all("ghp_SECRET" not in message for _, message in worktree)
    assert [file for file, _ in worktree] == ["contributions/camille", "members/cred.yaml"]
    assert all("symbolic link" in message for _, message in worktree)
    git(repo.top, "add", "-A")
    assert _findings(repo, "--staged") == worktree
    git(repo.top, "commit", "-q", "--no-verify", "-m", "links")
    assert _findings(repo, "--rev", "HEAD") == worktree
    refused = repo.run("log", "1", "meeting", "--as", "camille", "--date", TODAY.isoformat())
    assert refused.returncode == 2 and "symbolic link" in refused.stderr
    assert sorted(p.name for p in outside.iterdir()) == ["2026-01.yaml"]


def test_pipes_unreadable_and_dangling_files_are_findings(tmp_path: Path) -> None:
    repo = make(tmp_path)
    os.mkfifo(repo.root / "members" / "pipe.yaml")
    os.symlink(tmp_path / "nowhere", repo.root / "members" / "dangling.yaml")
    locked = repo.root / "roles" / "locked.yaml"
    locked.write_text("title: X\nkind: support\n")
    locked.chmod(0)
    try:
        done = subprocess.run(
            [COLLECTIF, "check", "--repo", str(repo.root), "--format", "json", "--only", "schema"],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=30,
        )
    finally:
        locked.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert done.returncode == 1, done.stderr
    files = {f["file"] for f in json.loads(done.stdout)["findings"]}
    assert {"members/pipe.yaml", "members/dangling.yaml"} <= files
    if os.geteuid() != 0:  # root reads anything
        assert "roles/locked.yaml" in files


# Broken settings ----------------------------------------------------------------------------------

CONFIG_WITH_MINIMUM = """\
name: Atelier Test
language: en
currency: EUR
charter:
  version: "2026-01"
  minimum: {hours: 4}
"""

BROKEN = """\
name: Atelier Test
language: fr
currency: EUR
charter:
  version: "2026-01"
  minimun: {hours: 6}
  clients: {ess_share_min: "1.5"}
"""


def test_a_broken_setting_stops_the_checks_that_read_it(tmp_path: Path) -> None:
    root = collective(tmp_path / "repo", FILES, config=BROKEN)
    git_repo(root)
    done = run("check", "--repo", str(root), "--format", "json")
    summary = json.loads(done.stdout)["summary"]
    stopped = {item["check"]: item["settings"] for item in summary["not_run"]}
    assert stopped == {
        "minimum": ["charter.minimum"],
        "client-balance": ["charter.clients.ess_share_min"],
    }
    assert "minimum" not in summary["checks"] and "irreplaceable" in summary["checks"]
    text = run("check", "--repo", str(root))
    assert "n'a pas tourné" in text.stdout  # still in the collective's language
    only = run("check", "--repo", str(root), "--only", "minimum")
    assert only.returncode == 2, only.stdout


def test_a_check_that_did_not_run_fixed_nothing(tmp_path: Path) -> None:
    files = {**FILES, "members/leo.yaml": member("Leo", joined="2020-01-10")}
    root = collective(tmp_path / "repo", files)
    git_repo(root)
    config = (root / "collectif.yaml").read_text() + "  clients: {ess_share_min: nope}\n"
    (root / "collectif.yaml").write_text(config)
    git(root, "add", "-A")
    done = run("check", "--repo", str(root), "--staged", "--format", "json")
    document = json.loads(done.stdout)
    assert document["summary"]["fixed"] == 0
    assert [f["check"] for f in document["findings"] if f["status"] == "new"] == ["schema"]


def _found(root: Path) -> list[tuple[str, str]]:
    done = run("check", "--repo", str(root), "--format", "json")
    return [(f["check"], f["file"]) for f in json.loads(done.stdout)["findings"]]


@pytest.mark.parametrize("typo", ["skils: [x]\n", "bogus: 1\n", "pauses: [{from: nope}]\n"])
def test_one_typo_in_a_member_file_is_one_finding(tmp_path: Path, typo: str) -> None:
    clean = _found(collective(tmp_path / "clean", FILES))
    files = {**FILES, "members/sam.yaml": FILES["members/sam.yaml"] + typo}
    found = _found(collective(tmp_path / "typo", files))
    assert sorted(found) == sorted([*clean, ("schema", "members/sam.yaml")])


def test_one_bad_entry_does_not_zero_the_month(tmp_path: Path) -> None:
    month = "\n".join(
        f"- {{date: 2026-10-{day:02d}, hours: 2, kind: support, ref: tresorerie}}"
        for day in (1, 2, 3)
    )
    files = {
        **FILES,
        "contributions/sam/2026-10.yaml": month
        + "\n- {date: 2026-10-04, hours: x, kind: meeting}\n",
    }
    root = collective(tmp_path / "repo", files)
    done = run(
        "check",
        "--repo",
        str(root),
        "--format",
        "json",
        "--as-of",
        "2026-11-05",
        "--only",
        "schema,minimum",
    )
    found = [(f["check"], f["subject"]) for f in json.loads(done.stdout)["findings"]]
    assert ("schema", "member:sam") in found
    assert ("minimum", "member:sam") not in found


def test_commits_follow_commit_gpgsign(tmp_path: Path) -> None:
    """A collective that signs its commits gets signed commits from collectif too (bug 16)."""
    repo = make(tmp_path)
    key = tmp_path / "key"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)], check=True)
    git(repo.top, "config", "gpg.format", "ssh")
    git(repo.top, "config", "user.signingkey", str(key) + ".pub")
    git(repo.top, "config", "commit.gpgsign", "true")
    done = repo.run("log", "1", "meeting", "--as", "leo", "--date", TODAY.isoformat())
    assert done.returncode == 0, done.stderr
    assert "gpgsig" in repo.git("cat-file", "-p", "HEAD")


def test_mending_a_broken_setting_is_not_blamed_for_what_it_shows(tmp_path: Path) -> None:
    """`minimum` could not run while its setting was broken; mending the setting shows the
    shortfalls that were already there, as existing, and the commit is not refused."""
    broken = CONFIG_WITH_MINIMUM.replace("hours: 4", "hours: lots")
    root = collective(tmp_path / "repo", FILES, config=broken)
    git_repo(root)
    (root / "collectif.yaml").write_text(CONFIG_WITH_MINIMUM)
    git(root, "add", "-A")
    done = run("check", "--staged", "--repo", str(root), "--format", "json", "--as-of",
               "2026-11-15")  # fmt: skip
    document = json.loads(done.stdout)
    minimum = [f["status"] for f in document["findings"] if f["check"] == "minimum"]
    assert minimum and set(minimum) == {"existing"}
    assert done.returncode == 0, document["summary"]


def test_a_merge_stopped_on_a_conflict_is_named_in_the_work_tree(tmp_path: Path) -> None:
    """A real `git merge` that stops on a conflict leaves git's markers in the file: `check`
    says it is an unresolved conflict, at the marker's line, not a YAML syntax error."""
    repo = make(tmp_path)
    main = repo.git("rev-parse", "--abbrev-ref", "HEAD").strip()
    repo.git("checkout", "-q", "-b", "other")
    repo.write("members/leo.yaml", member("Leo", joined="2020-02-10"))
    repo.git("commit", "-qam", "leo joined in February", "--no-verify")
    repo.git("checkout", "-q", main)
    repo.write("members/leo.yaml", member("Leo", joined="2020-03-10"))
    repo.git("commit", "-qam", "leo joined in March", "--no-verify")
    merged = subprocess.run(
        ["git", "merge", "other"], cwd=repo.top, capture_output=True, text=True, check=False
    )
    assert merged.returncode != 0 and "CONFLICT" in merged.stdout
    done = repo.run("check", "--format", "json", "--only", "schema")
    (finding,) = json.loads(done.stdout)["findings"]
    assert finding["file"] == "members/leo.yaml"
    assert "unresolved merge conflict" in finding["message"]
    lines = repo.read("members/leo.yaml").splitlines()
    assert lines[finding["line"] - 1].startswith("<<<<<<< ")
    french = repo.run("check", "--only", "schema", lang="fr")
    assert "un conflit de fusion non résolu" in french.stdout
