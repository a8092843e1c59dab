"""Reading the collective from the git index and from commits, without a checkout."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from collectif.errors import CollectifError
from collectif.store import git as store
from collectif.store import source
from collectif.store.source import Worktree
from tests.helpers import collective, git, git_repo, member, repo_at, write


def repo_with(root: Path, files: dict[str, str]) -> store.Repository:
    git_repo(collective(root, files))
    return repo_at(root)


def test_index_reads_what_is_staged_not_what_is_on_disk(tmp_path: Path) -> None:
    repo = repo_with(tmp_path, {"members/ana.yaml": member("Ana")})
    write(tmp_path, "members/ana.yaml", member("Ana", joined="2021-05-01"))
    git(tmp_path, "add", "members/ana.yaml")
    write(tmp_path, "members/ana.yaml", "broken: [\n")
    write(tmp_path, "members/leo.yaml", member("Leo"))  # on disk, never added

    staged = source.index(repo)

    assert staged.name == "index"
    assert staged.paths() == ["collectif.yaml", "members/ana.yaml"]
    assert b"joined: 2021-05-01" in staged.read("members/ana.yaml")


def test_index_leaves_out_a_staged_deletion(tmp_path: Path) -> None:
    repo = repo_with(tmp_path, {"members/ana.yaml": member("Ana")})
    git(tmp_path, "rm", "-q", "--cached", "members/ana.yaml")

    assert source.index(repo).paths() == ["collectif.yaml"]


def test_a_commit_is_read_as_it_was(tmp_path: Path) -> None:
    repo = repo_with(tmp_path, {"members/ana.yaml": member("Ana")})
    first = git(tmp_path, "rev-parse", "HEAD").strip()
    write(tmp_path, "members/ana.yaml", member("Ana", joined="2024-01-01"))
    write(tmp_path, "members/leo.yaml", member("Leo"))
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "second")

    old = source.commit(repo, repo.resolve("HEAD~1"))

    assert old.name == f"rev:{first}"
    assert old.paths() == ["collectif.yaml", "members/ana.yaml"]
    assert b"joined: 2020-01-01" in old.read("members/ana.yaml")
    assert (
        old.blob("members/ana.yaml")
        == git(tmp_path, "rev-parse", "HEAD~1:members/ana.yaml").strip()
    )


def test_a_collective_in_a_subfolder(tmp_path: Path) -> None:
    collective(tmp_path / "data" / "example", {"members/ana.yaml": member("Ana")})
    write(tmp_path, "README.md", "about\n")
    write(tmp_path, "members/not-ours.yaml", member("Zoe"))  # outside the collective's folder
    git_repo(tmp_path)

    repo = repo_at(tmp_path / "data" / "example")
    staged, head = source.index(repo), source.commit(repo, repo.resolve("HEAD"))

    assert repo.top == tmp_path.resolve()
    assert repo.prefix == "data/example/"
    assert staged.prefix == head.prefix == "data/example/"
    assert staged.paths() == head.paths() == ["collectif.yaml", "members/ana.yaml"]
    assert staged.read("members/ana.yaml") == head.read("members/ana.yaml")


def test_files_and_order_are_those_of_the_work_tree(tmp_path: Path) -> None:
    files = {
        "members/zoe.yaml": member("Zoe"),
        "members/ana.yaml": member("Ana"),
        "members/.hidden.yaml": "x: 1\n",
        "members/sub/deep.yaml": "x: 1\n",
        "members/a-file-after-sub.yaml": member("After"),
        "contributions/ana/2026-02.yaml": "[]\n",
        "contributions/ana/2026-01.yaml": "[]\n",
        "contributions/.cache/x.yaml": "[]\n",
        "contributions/ana.yaml": "[]\n",
        "roles/tresorerie.yaml": "title: T\nkind: support\n",
        "projects/site.yaml": "title: S\n",
        "notes/other.yaml": "x: 1\n",
        "README.md": "hello\n",
    }
    repo = repo_with(tmp_path, files)

    from_git = source.index(repo).paths()

    assert from_git == Worktree(tmp_path).paths()
    assert from_git[0] == "collectif.yaml"
    assert "notes/other.yaml" not in from_git
    assert "members/.hidden.yaml" not in from_git


def test_empty_files_are_read_but_intent_to_add_is_not(tmp_path: Path) -> None:
    repo = repo_with(tmp_path, {"members/empty.yaml": ""})
    write(tmp_path, "members/later.yaml", member("Later"))
    git(tmp_path, "add", "-N", "members/later.yaml")  # listed by git, but not committed

    staged = source.index(repo)

    assert staged.paths() == ["collectif.yaml", "members/empty.yaml"]
    assert staged.read("members/empty.yaml") == b""


def test_a_submodule_entry_is_not_a_file(tmp_path: Path) -> None:
    repo = repo_with(tmp_path, {})
    sha = git(tmp_path, "rev-parse", "HEAD").strip()
    git(tmp_path, "update-index", "--add", "--cacheinfo", f"160000,{sha},members/vendored")

    assert source.index(repo).paths() == ["collectif.yaml"]


def test_names_that_are_not_ascii(tmp_path: Path) -> None:
    repo = repo_with(tmp_path, {"members/émile.yaml": member("Émile")})

    staged = source.index(repo)

    assert staged.paths() == ["collectif.yaml", "members/émile.yaml"]
    assert "Émile".encode() in staged.read("members/émile.yaml")


def test_read_blobs_reads_many_and_duplicates_once(tmp_path: Path) -> None:
    files = {f"members/m{i:03}.yaml": member(f"M{i % 7}") for i in range(300)}
    repo = repo_with(tmp_path, files)
    staged = source.index(repo)

    contents = repo.read_blobs([blob.oid for blob in staged.blobs.values()])

    assert len(contents) == len(set(staged.blobs.values())) == 8  # 7 members and collectif.yaml
    for path in staged.paths():
        assert staged.read(path) == (tmp_path / path).read_bytes()


def test_reading_a_path_that_is_not_there(tmp_path: Path) -> None:
    staged = source.index(repo_with(tmp_path, {}))

    with pytest.raises(FileNotFoundError):
        staged.read("members/nobody.yaml")


def test_a_commit_without_the_collective_is_empty(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("before the collective\n")
    git_repo(tmp_path)
    first = git(tmp_path, "rev-parse", "HEAD").strip()
    collective(tmp_path / "col", {})
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "the collective")

    repo = repo_at(tmp_path / "col")

    assert not source.commit(repo, first).exists
    assert source.commit(repo, repo.resolve("HEAD")).exists


def test_an_unresolved_conflict_is_a_clean_error(tmp_path: Path) -> None:
    repo = repo_with(tmp_path, {"members/ana.yaml": member("Ana")})
    git(tmp_path, "checkout", "-q", "-b", "other")
    write(tmp_path, "members/ana.yaml", member("Ana", joined="2021-01-01"))
    git(tmp_path, "commit", "-q", "-am", "other")
    git(tmp_path, "checkout", "-q", "main")
    write(tmp_path, "members/ana.yaml", member("Ana", joined="2022-01-01"))
    git(tmp_path, "commit", "-q", "-am", "main")
    merging = subprocess.run(["git", "merge", "-q", "other"], cwd=tmp_path, capture_output=True)
    assert merging.returncode != 0  # a real conflict

    with pytest.raises(CollectifError) as error:
        source.index(repo)

    assert "members/ana.yaml" in str(error.value.message.params)


def test_head_is_none_before_the_first_commit(tmp_path: Path) -> None:
    collective(tmp_path, {})
    git(tmp_path, "init", "-q")

    assert repo_at(tmp_path).head() is None


def test_unknown_revision_and_no_repository_are_clean_errors(tmp_path: Path) -> None:
    repo = repo_with(tmp_path / "in", {})
    with pytest.raises(CollectifError, match="is not a commit"):
        repo.resolve("no-such-branch")
    with pytest.raises(CollectifError, match="is not a commit"):
        repo.resolve("--all")

    outside = collective(tmp_path / "out", {})
    with pytest.raises(CollectifError, match="not in a git repository"):
        repo_at(outside)


def test_merge_base(tmp_path: Path) -> None:
    repo = repo_with(tmp_path, {})
    start = git(tmp_path, "rev-parse", "HEAD").strip()
    git(tmp_path, "checkout", "-q", "-b", "topic")
    git(tmp_path, "commit", "-q", "--allow-empty", "-m", "topic")
    git(tmp_path, "checkout", "-q", "main")
    git(tmp_path, "commit", "-q", "--allow-empty", "-m", "main moves on")

    found = repo.merge_base(repo.resolve("main"), repo.resolve("topic"))

    assert found == start
