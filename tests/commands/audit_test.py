"""`collectif audit`, and `authorship` in `diff` and `check --staged`: real repositories, real
commits by several identities, real SSH keys, signed and unsigned commits, merges, a rebase."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from collectif.commands.audit import commits_range
from collectif.store.git import GitFailed
from tests.commands.recording import Repo, make
from tests.helpers import config, repo_at, run

CONFIG = config(
    """\
    authorship: {others_files: warning, signed: SIGNED}
    """
)
AS_OF = ("--as-of", "2026-11-01")


def people(name: str) -> list[str]:
    """git's options to commit as that member (their email is `name@example.org`)."""
    return ["-c", f"user.name={name.title()}", "-c", f"user.email={name}@example.org"]


def change(
    repo: Repo, who: str, path: str, line: str = "# edited\n", key: Path | None = None
) -> str:
    """`who` appends `line` to `path` and commits it (signed with `key` if given); its id."""
    with (repo.root / path).open("a", encoding="utf-8") as out:
        out.write(line)
    sign = [*signing(key), "commit", "-S"] if key else ["commit"]
    repo.git(*people(who), *sign, "-q", "-a", "-m", f"{who} edits {path}")
    return repo.head()


def audit(repo: Repo, *args: str) -> tuple[int, dict[str, Any]]:
    done = repo.run("audit", *args, "--format", "json", *AS_OF)
    assert done.stdout, done.stderr
    return done.returncode, json.loads(done.stdout)


def said(document: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(commit, severity, reason) of each finding: `others`, `author` or `signature`."""
    return sorted(
        (f["subject"].removeprefix("commit:")[:10], f["severity"], f["details"]["reason"])
        for f in document["findings"]
    )


def branch(tmp_path: Path, signed: bool = False) -> Repo:
    repo = make(tmp_path)
    repo.write("collectif.yaml", CONFIG.replace("SIGNED", "true" if signed else "false"))
    repo.git("commit", "-q", "-a", "-m", "authorship")
    repo.git("checkout", "-q", "-b", "work")
    return repo


def test_audit_names_whose_files_changed_and_by_whom(tmp_path: Path) -> None:
    repo = branch(tmp_path)
    own = change(repo, "leo", "members/leo.yaml")
    other = change(repo, "leo", "members/sam.yaml")
    (repo.root / "contributions/camille").mkdir(parents=True)
    repo.write("contributions/camille/2026-10.yaml", "[]\n")
    repo.git("add", "-A")
    repo.git(*people("sam"), "commit", "-q", "-m", "hours for camille")
    hours = repo.head()
    stranger = change(repo, "nobody", "roles/tresorerie.yaml")
    code, document = audit(repo)
    assert code == 0
    assert said(document) == sorted(
        [
            (other[:10], "warning", "others"),
            (hours[:10], "warning", "others"),
            (stranger[:10], "warning", "author"),
        ]
    )
    assert own[:10] not in str(said(document))
    by_commit = {f["subject"]: f for f in document["findings"]}
    found = by_commit[f"commit:{hours}"]
    assert found["file"] == "contributions/camille/2026-10.yaml"
    assert found["details"]["owners"] == ["camille"]
    assert found["status"] == "new"
    assert "by sam changes files of camille" in found["message"]
    # the same findings for an explicit range, and none for a range without those commits
    assert said(audit(repo, "main..work")[1]) == said(document)
    assert said(audit(repo, f"{hours}..work")[1]) == [(stranger[:10], "warning", "author")]


def test_acting_for_someone_stays_possible_and_visible(tmp_path: Path) -> None:
    repo = branch(tmp_path)
    repo.git("config", "user.email", "camille@example.org")
    done = repo.run(
        "log", "2", "support", "--ref", "tresorerie", "--date", "2026-10-05", "--as", "leo"
    )
    assert done.returncode == 0, done.stderr
    assert repo.last("%ae %ce") == "leo@example.org camille@example.org"
    assert audit(repo)[1]["findings"] == []
    # a commit made for leo that touches sam's files names both who acted and for whom
    repo.git("-c", "user.email=camille@example.org", "commit", "-q", "--allow-empty", "-m", "x")
    with (repo.root / "members/sam.yaml").open("a", encoding="utf-8") as out:
        out.write("# x\n")
    repo.git(
        "-c",
        "user.email=camille@example.org",
        "-c",
        "user.name=Camille",
        "commit",
        "-q",
        "-a",
        "--author",
        "Leo <leo@example.org>",
        "-m",
        "for leo",
    )
    messages = [f["message"] for f in audit(repo)[1]["findings"]]
    assert messages and "by leo, committed by camille, changes files of sam" in messages[0]


def test_severity_from_the_charter_and_the_override(tmp_path: Path) -> None:
    repo = branch(tmp_path)
    change(repo, "leo", "members/sam.yaml")
    repo.write("collectif.yaml", CONFIG.replace("warning", "error").replace("SIGNED", "false"))
    repo.git(*people("camille"), "commit", "-q", "-a", "-m", "stricter")
    code, document = audit(repo)
    assert code == 1
    assert [f["severity"] for f in document["findings"]] == ["error"]
    repo.write("collectif.yaml", CONFIG.replace("warning", "off").replace("SIGNED", "false"))
    repo.git(*people("camille"), "commit", "-q", "-a", "-m", "relaxed")
    assert audit(repo) == (0, audit(repo)[1])
    assert audit(repo)[1]["findings"] == []


def test_diff_includes_authorship_as_new(tmp_path: Path) -> None:
    repo = branch(tmp_path)
    other = change(repo, "leo", "members/sam.yaml")
    done = repo.run("diff", "main", "work", "--format", "json", *AS_OF)
    document = json.loads(done.stdout)
    mine = [f for f in document["findings"] if f["check"] == "authorship"]
    assert [(f["subject"], f["status"]) for f in mine] == [(f"commit:{other}", "new")]
    assert "authorship" in document["summary"]["checks"]
    # --skip authorship leaves the commits alone
    skipped = repo.run("diff", "main", "work", "--format", "json", "--skip", "authorship", *AS_OF)
    assert "authorship" not in skipped.stdout
    # `check` of one state has no commits: nothing
    single = repo.run("check", "--format", "json", "--only", "authorship", *AS_OF)
    assert json.loads(single.stdout)["findings"] == []


def test_check_staged_judges_the_commit_about_to_be_made(tmp_path: Path) -> None:
    repo = branch(tmp_path)
    repo.git("config", "user.email", "leo@example.org")
    with (repo.root / "members/sam.yaml").open("a", encoding="utf-8") as out:
        out.write("# leo was here\n")
    repo.git("add", "-A")
    done = repo.run("check", "--staged", "--only", "authorship", "--format", "json", *AS_OF)
    assert done.returncode == 0
    (found,) = json.loads(done.stdout)["findings"]
    assert found["subject"] == "commit:index"
    assert found["message"].startswith("commit (about to be made) by leo changes files of sam")
    # the author git will record counts: `git commit --author` under a hook sets it
    env = {"GIT_AUTHOR_EMAIL": "sam@example.org", "GIT_AUTHOR_NAME": "Sam"}
    done = run(
        "check",
        "--staged",
        "--only",
        "authorship",
        "--format",
        "json",
        "--repo",
        str(repo.root),
        *AS_OF,
        env=env,
    )
    assert json.loads(done.stdout)["findings"] == []


def test_merges_count_only_their_own_changes(tmp_path: Path) -> None:
    repo = branch(tmp_path)
    change(repo, "leo", "members/leo.yaml")
    repo.git("checkout", "-q", "main")
    theirs = change(repo, "sam", "members/sam.yaml")
    repo.git("checkout", "-q", "work")
    repo.git(*people("webflow"), "merge", "-q", "--no-edit", "main")
    # main's commit is on main: not the branch's own, and the clean merge changed nothing
    # itself: who made it (here no member, as a forge's merge of a pull request) does not matter
    assert audit(repo)[1]["findings"] == []
    # from an older base, sam's commit is in the range, by its author
    assert said(audit(repo, "HEAD~3..HEAD")[1]) == []
    # a merge whose resolution edits camille's file is named
    repo.git("checkout", "-q", "main")
    change(repo, "sam", "members/camille.yaml", "x: 1\n")
    repo.git("checkout", "-q", "work")
    change(repo, "leo", "members/camille.yaml", "x: 2\n")
    merged = subprocess.run(
        ["git", *people("leo"), "merge", "-q", "main"], cwd=repo.top, capture_output=True
    )
    assert merged.returncode != 0  # a real conflict
    repo.write(
        "members/camille.yaml", repo.read("members/camille.yaml").split("<<<<<<<")[0] + "x: 3\n"
    )
    repo.git("add", "-A")
    repo.git(*people("leo"), "commit", "-q", "--no-edit")
    merge = repo.head()
    kinds = said(audit(repo)[1])
    assert (merge[:10], "warning", "others") in kinds
    assert theirs[:10] not in str(kinds)


def keys(tmp_path: Path, name: str) -> tuple[Path, str]:
    """A real SSH key pair: the private key's path and the public key's line."""
    path = tmp_path / f"key-{name}"
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", f"{name}@laptop", "-f", str(path)],
        check=True,
    )
    return path, path.with_suffix(".pub").read_text(encoding="utf-8").strip()


def signing(key: Path) -> list[str]:
    return ["-c", "gpg.format=ssh", "-c", f"user.signingkey={key}"]


needs_ssh = pytest.mark.skipif(
    subprocess.run(["which", "ssh-keygen"], capture_output=True).returncode != 0,
    reason="ssh-keygen is not installed",
)


@needs_ssh
def test_signed_commits_verify_by_their_authors_key(tmp_path: Path) -> None:
    repo = branch(tmp_path, signed=True)
    camille, camille_public = keys(tmp_path, "camille")
    leo, leo_public = keys(tmp_path, "leo")
    stranger, _ = keys(tmp_path, "stranger")
    with (repo.root / "members/camille.yaml").open("a", encoding="utf-8") as out:
        out.write(f'signing_keys: ["{camille_public}"]\n')
    with (repo.root / "members/leo.yaml").open("a", encoding="utf-8") as out:
        out.write(f"signing_keys:\n  - {leo_public}\n")
    repo.git(*people("camille"), *signing(camille), "commit", "-q", "-S", "-a", "-m", "keys")
    keyed = repo.head()
    good = change(repo, "camille", "members/camille.yaml", "# a\n", camille)
    unsigned = change(repo, "camille", "members/camille.yaml", "# b\n")
    borrowed = change(repo, "camille", "members/camille.yaml", "# c\n", leo)
    unknown = change(repo, "camille", "members/camille.yaml", "# d\n", stranger)
    code, document = audit(repo, f"{keyed}..HEAD")
    assert code == 1
    assert said(document) == sorted(
        [
            (unsigned[:10], "error", "signature"),
            (borrowed[:10], "error", "signature"),
            (unknown[:10], "error", "signature"),
        ]
    )
    assert good[:10] not in str(said(document))
    messages = {f["subject"][7:17]: f["message"] for f in document["findings"]}
    assert "is not signed" in messages[unsigned[:10]]
    assert "signed with a key of leo" in messages[borrowed[:10]]
    assert "a key that no member lists" in messages[unknown[:10]]
    # a rebase rewrites the commits (unsigned now) and keeps their authors: leo rebased them
    repo.git("checkout", "-q", "-b", "rebased", good)
    repo.git("commit", "-q", "--allow-empty", "-m", "base moved")
    repo.git(*people("leo"), "rebase", "-q", "--onto", "HEAD", keyed, "work")
    rebased = audit(repo, "rebased..work")[1]
    assert {f["details"]["author"] for f in rebased["findings"]} == {"camille@example.org"}
    assert {f["details"]["committer"] for f in rebased["findings"]} == {"leo@example.org"}
    assert all("is not signed" in f["message"] for f in rebased["findings"])


@needs_ssh
def test_staged_under_signed_asks_git_to_sign(tmp_path: Path) -> None:
    repo = branch(tmp_path, signed=True)
    repo.git("config", "user.email", "camille@example.org")
    with (repo.root / "members/camille.yaml").open("a", encoding="utf-8") as out:
        out.write("# mine\n")
    repo.git("add", "-A")
    done = repo.run("check", "--staged", "--only", "authorship", *AS_OF)
    assert done.returncode == 1
    assert "commit.gpgsign" in done.stdout
    repo.git("config", "commit.gpgsign", "true")
    assert repo.run("check", "--staged", "--only", "authorship", *AS_OF).returncode == 0


def test_default_range_is_the_branch_own_commits(tmp_path: Path) -> None:
    repo = branch(tmp_path)
    mine = change(repo, "leo", "members/leo.yaml")
    repository = repo_at(repo.root)
    main = repo.git("rev-parse", "main").strip()
    assert commits_range(repository, None).exclude == [main]
    assert commits_range(repository, None).head == mine
    assert commits_range(repository, "main").exclude == [main]
    assert commits_range(repository, "main...work").head == mine
    # with an upstream, its commits are not the branch's own either
    repo.git("branch", "-q", "--set-upstream-to", "main")
    assert commits_range(repository, None).exclude == [main]


def test_audit_text_french_and_misuse(tmp_path: Path) -> None:
    repo = branch(tmp_path)
    change(repo, "leo", "members/sam.yaml")
    done = repo.run("audit", *AS_OF, lang="fr")
    assert done.returncode == 0
    assert "modifie des fichiers de sam" in done.stdout
    wrong = repo.run("audit", "nowhere..HEAD")
    assert wrong.returncode == 2 and "nowhere" in wrong.stderr
    markdown = repo.run("audit", "--format", "markdown", *AS_OF)
    assert "authorship" in markdown.stdout
    sarif = json.loads(repo.run("audit", "--format", "sarif", *AS_OF).stdout)
    assert sarif["runs"][0]["results"]


def test_a_collective_in_a_subfolder(tmp_path: Path) -> None:
    repo = make(tmp_path, sub="collective")
    repo.git("checkout", "-q", "-b", "work")
    (repo.top / "README.md").write_text("hello\n", encoding="utf-8")
    repo.git("add", "-A")
    repo.git(*people("nobody"), "commit", "-q", "-m", "outside the collective")
    other = change(repo, "leo", "members/sam.yaml")
    code, document = audit(repo)
    assert code == 0
    assert said(document) == [(other[:10], "warning", "others")]
    assert document["findings"][0]["file"] == "collective/members/sam.yaml"


def test_hook_install_and_init_say_how_to_sign(tmp_path: Path) -> None:
    repo = make(tmp_path)
    done = repo.run("hook", "install")
    assert done.returncode == 0
    assert "git config --global gpg.format ssh" in done.stdout
    created = run("init", str(tmp_path / "new"), "--lang", "fr", "--name", "Atelier")
    assert created.returncode == 0, created.stderr
    assert created.stdout.count("user.signingkey") == 1  # once, after init's own steps


def test_staged_merge_counts_only_what_the_merge_changes(tmp_path: Path) -> None:
    repo = branch(tmp_path)
    repo.git("checkout", "-q", "main")
    change(repo, "sam", "members/sam.yaml")
    change(repo, "sam", "members/camille.yaml", "x: 1\n")
    repo.git("checkout", "-q", "work")
    change(repo, "leo", "members/camille.yaml", "x: 2\n")
    merged = subprocess.run(
        ["git", *people("leo"), "merge", "-q", "main"], cwd=repo.top, capture_output=True
    )
    assert merged.returncode != 0
    repo.write("members/camille.yaml", repo.read("members/camille.yaml").split("<<<<<<<")[0])
    repo.git("add", "-A")
    repo.git("config", "user.email", "leo@example.org")
    done = repo.run("check", "--staged", "--only", "authorship", "--format", "json", *AS_OF)
    (found,) = json.loads(done.stdout)["findings"]
    assert found["details"]["files"] == ["members/camille.yaml"]  # not sam's, brought by main


@needs_ssh
def test_staged_signing_key_must_be_the_authors(tmp_path: Path) -> None:
    repo = branch(tmp_path, signed=True)
    mine, public = keys(tmp_path, "camille")
    other, other_public = keys(tmp_path, "other")
    with (repo.root / "members/camille.yaml").open("a", encoding="utf-8") as out:
        out.write(f'signing_keys: ["{public}"]\n')
    repo.git("add", "-A")
    for name, value in (
        ("user.email", "camille@example.org"),
        ("commit.gpgsign", "true"),
        ("gpg.format", "ssh"),
    ):
        repo.git("config", name, value)
    staged = ("check", "--staged", "--only", "authorship", *AS_OF)
    for setting in (str(mine), f"{mine}.pub", f"key::{public}", public, "~/nowhere"):
        repo.git("config", "user.signingkey", setting)
        assert repo.run(*staged).returncode == 0, setting
    for setting in (str(other), f"key::{other_public}"):
        repo.git("config", "user.signingkey", setting)
        done = repo.run(*staged)
        assert done.returncode == 1 and "not among the `signing_keys` of camille" in done.stdout


def test_history_tells_a_new_signing_key(tmp_path: Path) -> None:
    repo = branch(tmp_path)
    key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB0m8fBkGTzVrXoQwqqJ3lbbc6dKpU0Ww4rHq9h2u1h3"
    change(repo, "leo", "members/leo.yaml", f"signing_keys: [{key}]\n")
    done = repo.run("history", "member:leo", lang="fr")
    assert "les informations de leo ont changé : clés de signature" in done.stdout.replace(
        "\u202f", " "
    ).replace("\u00a0", " ")


def test_default_range_in_a_ci_checkout(tmp_path: Path) -> None:
    repo = branch(tmp_path)
    mine = change(repo, "leo", "members/leo.yaml")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(repo.top), str(clone)], check=True)
    subprocess.run(["git", "checkout", "-q", "--detach", "origin/work"], cwd=clone, check=True)
    subprocess.run(["git", "branch", "-q", "-D", "main", "work"], cwd=clone, capture_output=True)
    listed = ["git", "branch", "--list", "main", "work"]
    assert subprocess.run(listed, cwd=clone, capture_output=True).stdout == b""
    subprocess.run(["git", "remote", "set-head", "origin", "-d"], cwd=clone, check=True)
    wanted = commits_range(repo_at(clone), None)
    assert wanted.head == mine
    assert wanted.exclude == [repo.git("rev-parse", "main").strip()]


def test_audit_misuse(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    subprocess.run(["git", "init", "-q", "-b", "trunk", str(empty)], check=True)
    (empty / "collectif.yaml").write_text("name: X\n", encoding="utf-8")
    done = run("audit", "--repo", str(empty))
    assert done.returncode == 2 and "no commit yet" in done.stderr
    repo = make(tmp_path)
    repo.git("checkout", "-q", "--orphan", "elsewhere")
    repo.git("rm", "-q", "-r", "--cached", ".")
    (repo.root / "notes.txt").write_text("x\n", encoding="utf-8")
    repo.git("add", "notes.txt")
    repo.git("commit", "-q", "-m", "no collective here")
    done = repo.run("audit", "main..elsewhere")
    assert done.returncode == 2 and "no collectif.yaml there" in done.stderr
    with pytest.raises(GitFailed):
        repo_at(repo.root).commits(["--bogus-option"], "%H", None)


def test_without_a_default_branch_the_whole_history(tmp_path: Path) -> None:
    repo = branch(tmp_path)
    repo.git("branch", "-q", "-m", "main", "trunk")
    assert commits_range(repo_at(repo.root), None).exclude == []


def test_history_tells_the_authorship_setting(tmp_path: Path) -> None:
    repo = branch(tmp_path)
    repo.write("collectif.yaml", CONFIG.replace("SIGNED", "true"))
    repo.git(*people("camille"), "commit", "-q", "-a", "-m", "signed")
    done = repo.run("history", "collective", lang="fr")
    assert "commits signés (false → true)" in done.stdout
