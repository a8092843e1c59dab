"""`collectif diff BASE [HEAD]`: findings new, existing and fixed between two states."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from collectif.commands.diff import Revisions, revisions
from tests.commands.check_test import role
from tests.helpers import collective, git, git_repo, member, run, write

ONLY = ("--as-of", "2026-11-01", "--only", "schema,references")


def diff_json(root: Path, *args: str) -> tuple[int, dict[str, Any]]:
    done = run("diff", *args, "--repo", str(root), "--format", "json", *ONLY)
    assert done.stdout, done.stderr
    return done.returncode, json.loads(done.stdout)


def commit(root: Path, files: dict[str, str], message: str = "change") -> str:
    for path, text in files.items():
        write(root, path, text)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)
    return git(root, "rev-parse", "HEAD").strip()


def statuses(document: dict[str, Any]) -> list[tuple[str, int, str, str]]:
    return [
        (f["file"], f["line"], f["status"], f["message"].split(":")[0])
        for f in document["findings"]
    ]


def history(root: Path) -> tuple[str, str]:
    """Two commits: the second fixes one problem, keeps one (moved down), adds one."""
    members = {"members/ana.yaml": member("Ana"), "members/leo.yaml": member("Leo")}
    git_repo(
        collective(
            root, {**members, "roles/tresorerie.yaml": role("zoe"), "roles/com.yaml": role("bob")}
        )
    )
    base = git(root, "rev-parse", "HEAD").strip()
    head = commit(
        root,
        {
            "roles/tresorerie.yaml": "# Kept by two.\n" + role("ana", "zoe"),
            "roles/com.yaml": role("leo"),
            "roles/accueil.yaml": role("eve"),
        },
    )
    return base, head


def test_statuses_between_two_commits(tmp_path: Path) -> None:
    base, head = history(tmp_path)

    code, document = diff_json(tmp_path, base, head)

    assert code == 1
    assert document["source"] == f"rev:{head}"
    assert document["base"] == f"rev:{base}"
    assert statuses(document) == [
        ("roles/accueil.yaml", 4, "new", "unknown member `eve`"),
        ("roles/com.yaml", 4, "fixed", "unknown member `bob`"),
        ("roles/tresorerie.yaml", 6, "existing", "unknown member `zoe`"),
    ]
    summary = document["summary"]
    assert (summary["new"], summary["existing"], summary["fixed"]) == (1, 1, 1)
    assert (summary["errors"], summary["warnings"]) == (2, 0)


def test_only_new_errors_fail(tmp_path: Path) -> None:
    base, head = history(tmp_path)
    fixed = commit(tmp_path, {"roles/accueil.yaml": role("ana")})

    assert diff_json(tmp_path, base, head)[0] == 1
    assert diff_json(tmp_path, head, fixed)[0] == 0  # zoe is still unknown, but not new
    assert diff_json(tmp_path, fixed, fixed)[1]["summary"]["existing"] == 1


def test_without_head_the_work_tree_is_compared(tmp_path: Path) -> None:
    base, _ = history(tmp_path)
    write(tmp_path, "roles/accueil.yaml", role("ana"))  # on disk only

    code, document = diff_json(tmp_path, base)

    assert code == 0
    assert document["source"] == "worktree"
    assert [s for _, _, s, _ in statuses(document)] == ["fixed", "existing"]


def test_three_dots_compare_with_where_the_branch_started(tmp_path: Path) -> None:
    git_repo(collective(tmp_path, {"members/ana.yaml": member("Ana")}))
    git(tmp_path, "checkout", "-q", "-b", "topic")
    commit(tmp_path, {"roles/accueil.yaml": role("eve")})
    git(tmp_path, "checkout", "-q", "main")
    commit(tmp_path, {"roles/com.yaml": role("bob")})  # main moved on with its own problem

    _, two_dots = diff_json(tmp_path, "main..topic")
    code, three_dots = diff_json(tmp_path, "main...topic")

    assert [s for _, _, s, _ in statuses(two_dots)] == ["new", "fixed"]
    assert code == 1
    assert statuses(three_dots) == [("roles/accueil.yaml", 4, "new", "unknown member `eve`")]


def test_a_base_without_the_collective_finds_everything_new(tmp_path: Path) -> None:
    write(tmp_path, "README.md", "hello\n")
    git_repo(tmp_path)
    folder = collective(tmp_path / "data" / "example", {"roles/t.yaml": role("zoe")})
    commit(tmp_path, {})

    code, document = diff_json(folder, "HEAD~1", "HEAD")

    assert code == 1
    assert statuses(document) == [("data/example/roles/t.yaml", 4, "new", "unknown member `zoe`")]


def test_text_output(tmp_path: Path) -> None:
    base, head = history(tmp_path)

    done = run("diff", base, head, "--repo", str(tmp_path), *ONLY)

    assert done.returncode == 1
    assert done.stdout.index("Introduced by this change:") < done.stdout.index("eve")
    assert f"({head[:10]} against {base[:10]}, as of 2026-11-01)" in done.stdout


def test_bad_revisions_are_clean_errors(tmp_path: Path) -> None:
    history(tmp_path / "repo")
    outside = collective(tmp_path / "plain", {})
    git_root = str(tmp_path / "repo")

    for args, text in [
        (("nope",), "`nope` is not a commit"),
        (("HEAD", "nope"), "`nope` is not a commit"),
        (("nope...HEAD",), "`nope` is not a commit"),
    ]:
        done = run("diff", *args, "--repo", git_root)
        assert done.returncode == 2 and text in done.stderr, done.stderr
    done = run("diff", "HEAD", "--repo", str(outside))
    assert done.returncode == 2
    assert "not in a git repository" in done.stderr


def test_revisions() -> None:
    assert revisions("main", None) == Revisions("main", None)
    assert revisions("main", "topic") == Revisions("main", "topic")
    assert revisions("main..topic", None) == Revisions("main", "topic")
    assert revisions("main..", None) == Revisions("main", "HEAD")
    assert revisions("main...topic", None) == Revisions("main...topic", "topic")
    assert revisions("...topic", None) == Revisions("HEAD...topic", "topic")
