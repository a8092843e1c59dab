"""One commit of exactly the given files, by the given person, written atomically."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from collectif.errors import CollectifError
from collectif.store import commit as store
from collectif.store.commit import Committed, write_files
from collectif.store.git import Person, Repository
from tests.helpers import git, git_repo, repo_at

LEO = Person("Leo Petit", "leo@example.org")


class _Repo:
    """A repository with the one-call commit the tests use."""

    def __init__(self, repository: Repository) -> None:
        self.repository = repository
        self.top, self.root, self.prefix = repository.top, repository.folder, repository.prefix

    def commit(self, changes: dict[str, bytes], message: str, who: Person) -> Committed:
        parent = self.repository.head()
        return store.commit(self.repository, changes, message, who, who, parent=parent)

    def head(self) -> str | None:
        return self.repository.head()

    def uncommitted(self, paths: list[str]) -> list[str]:
        return self.repository.uncommitted(paths)


def _repo(tmp_path: Path, files: dict[str, str], sub: str = "") -> _Repo:
    top = tmp_path / "repo"
    root = top / sub if sub else top
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text)
    git_repo(top)
    return _Repo(repo_at(root))


def _temporaries(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.name.endswith(".tmp")]


def test_one_commit_of_exactly_the_files(tmp_path: Path) -> None:
    repo = _repo(tmp_path, {"a.yaml": "a: 1\n", "b.yaml": "b: 1\n"})
    before = repo.head()
    done = repo.commit({"a.yaml": b"a: 2\n", "new/c.yaml": b"c: 1\n"}, "test: two files", LEO)
    assert done.index_updated
    assert repo.head() == done.sha
    assert git(repo.top, "rev-parse", "HEAD^").strip() == before
    changed = git(repo.top, "diff-tree", "--no-commit-id", "--name-only", "-r", "HEAD").split()
    assert changed == ["a.yaml", "new/c.yaml"]
    assert git(repo.top, "log", "-1", "--format=%an|%ae|%cn|%ce|%B").strip() == (
        "Leo Petit|leo@example.org|Leo Petit|leo@example.org|test: two files"
    )
    assert (repo.root / "a.yaml").read_text() == "a: 2\n"
    assert (repo.root / "new/c.yaml").read_text() == "c: 1\n"
    assert git(repo.top, "status", "--porcelain") == ""
    assert _temporaries(repo.root) == []


def test_staged_and_unstaged_work_elsewhere_stays(tmp_path: Path) -> None:
    repo = _repo(tmp_path, {"a.yaml": "a: 1\n", "b.yaml": "b: 1\n", "c.yaml": "c: 1\n"})
    (repo.root / "b.yaml").write_text("b: 2\n")
    git(repo.top, "add", "b.yaml")
    (repo.root / "b.yaml").write_text("b: 3\n")
    (repo.root / "c.yaml").write_text("c: 2\n")
    staged, unstaged = git(repo.top, "diff", "--cached"), git(repo.top, "diff")
    repo.commit({"a.yaml": b"a: 2\n"}, "test: a", LEO)
    assert git(repo.top, "show", "--name-only", "--format=", "HEAD").split() == ["a.yaml"]
    assert git(repo.top, "show", "HEAD:b.yaml") == "b: 1\n"
    assert git(repo.top, "diff", "--cached") == staged
    assert git(repo.top, "diff") == unstaged
    assert (repo.root / "b.yaml").read_text() == "b: 3\n"


def test_uncommitted_files_are_found(tmp_path: Path) -> None:
    repo = _repo(tmp_path, {"a.yaml": "a\n", "b.yaml": "b\n", "c.yaml": "c\n", "d.yaml": "d\n"})
    (repo.root / "a.yaml").write_text("changed\n")
    (repo.root / "b.yaml").write_text("staged\n")
    git(repo.top, "add", "b.yaml")
    (repo.root / "e.yaml").write_text("untracked\n")
    (repo.root / "d.yaml").unlink()
    assert repo.uncommitted(["a.yaml", "b.yaml", "c.yaml", "d.yaml", "e.yaml", "f.yaml"]) == [
        "a.yaml", "b.yaml", "d.yaml", "e.yaml",
    ]  # fmt: skip
    assert repo.uncommitted([]) == []


def test_a_collective_in_a_subfolder(tmp_path: Path) -> None:
    repo = _repo(tmp_path, {"members/leo.yaml": "name: Leo\n"}, sub="atelier/data")
    assert repo.prefix == "atelier/data/"
    (repo.root / "members/leo.yaml").write_text("mine\n")
    assert repo.uncommitted(["members/leo.yaml"]) == ["members/leo.yaml"]
    git(repo.top, "checkout", "--", ".")
    repo.commit({"members/leo.yaml": b"name: Leo Petit\n"}, "test: sub", LEO)
    assert git(repo.top, "show", "--name-only", "--format=", "HEAD").split() == [
        "atelier/data/members/leo.yaml"
    ]
    assert git(repo.top, "status", "--porcelain") == ""


def test_an_empty_repository_gets_its_first_commit(tmp_path: Path) -> None:
    top = tmp_path / "repo"
    top.mkdir()
    git(top, "init", "-q", "-b", "main")
    (top / "other.txt").write_text("not ours\n")
    repo = _Repo(repo_at(top))
    assert repo.head() is None
    done = repo.commit({"collectif.yaml": b"name: A\n"}, "test: first", LEO)
    assert git(top, "rev-list", "--parents", "HEAD").split() == [done.sha]
    assert git(top, "rev-parse", "refs/heads/main").strip() == done.sha
    assert git(top, "status", "--porcelain") == "?? other.txt\n"


def test_nothing_to_record(tmp_path: Path) -> None:
    repo = _repo(tmp_path, {"a.yaml": "a: 1\n"})
    with pytest.raises(CollectifError) as error:
        repo.commit({"a.yaml": b"a: 1\n"}, "test: same", LEO)
    assert "Nothing to record" in error.value.message.msgid


def test_an_executable_stays_executable(tmp_path: Path) -> None:
    repo = _repo(tmp_path, {"run.yaml": "a: 1\n"})
    (repo.root / "run.yaml").chmod(0o755)
    git(repo.top, "add", "run.yaml")
    git(repo.top, "commit", "-q", "-m", "exec")
    repo.commit({"run.yaml": b"a: 2\n"}, "test: mode", LEO)
    assert git(repo.top, "ls-tree", "HEAD", "run.yaml").split()[0] == "100755"
    assert os.stat(repo.root / "run.yaml").st_mode & stat.S_IXUSR
    assert git(repo.top, "status", "--porcelain") == ""


def test_outside_git(tmp_path: Path) -> None:
    with pytest.raises(CollectifError) as error:
        repo_at(tmp_path)
    assert "not in a git repository" in error.value.message.msgid


def test_a_moved_head_undoes_the_write(tmp_path: Path) -> None:
    """If HEAD moved between reading it and updating it, nothing stays written."""
    repo = _repo(tmp_path, {"a.yaml": "a: 1\n"})
    hook = repo.top / ".git" / "hooks" / "reference-transaction"
    hook.write_text('#!/bin/sh\n[ "$1" = prepared ] && exit 1\nexit 0\n')
    hook.chmod(0o755)
    before = repo.head()
    with pytest.raises(CollectifError):
        repo.commit({"a.yaml": b"a: 2\n", "b/new.yaml": b"b\n"}, "test: refused", LEO)
    hook.unlink()
    assert repo.head() == before
    assert (repo.root / "a.yaml").read_text() == "a: 1\n"
    assert not (repo.root / "b").exists()
    assert git(repo.top, "status", "--porcelain") == ""


# Atomic writes ------------------------------------------------------------------------------


def test_write_files_keeps_modes_and_leaves_no_temporary(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("old\n")
    (tmp_path / "a.yaml").chmod(0o640)
    write_files(tmp_path, {"a.yaml": b"new\n", "x/y/z.yaml": b"z\n"})
    assert (tmp_path / "a.yaml").read_bytes() == b"new\n"
    assert stat.S_IMODE(os.stat(tmp_path / "a.yaml").st_mode) == 0o640
    assert (tmp_path / "x/y/z.yaml").read_bytes() == b"z\n"
    assert _temporaries(tmp_path) == []


def test_a_failed_write_leaves_every_file_as_it_was(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("old a\n")
    (tmp_path / "b.yaml").mkdir()  # a folder where a file should go: replacing it fails
    with pytest.raises(CollectifError) as error:
        write_files(tmp_path, {"a.yaml": b"new a\n", "new/c.yaml": b"c\n", "b.yaml": b"b\n"})
    assert "Nothing was" in error.value.message.msgid
    assert (tmp_path / "a.yaml").read_text() == "old a\n"
    assert not (tmp_path / "new").exists()
    assert (tmp_path / "b.yaml").is_dir()
    assert _temporaries(tmp_path) == []


def test_undo_puts_everything_back(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("old\n")
    written = write_files(tmp_path, {"a.yaml": b"new\n", "n/b.yaml": b"b\n"})
    written.undo()
    assert (tmp_path / "a.yaml").read_text() == "old\n"
    assert not (tmp_path / "n").exists()
    assert _temporaries(tmp_path) == []


@pytest.mark.parametrize("path", ["../escape.yaml", "/etc/passwd", "a/../../b.yaml", ""])
def test_paths_stay_inside_the_collective(tmp_path: Path, path: str) -> None:
    with pytest.raises(CollectifError):
        write_files(tmp_path / "root", {path: b"x\n"})
    assert not (tmp_path / "escape.yaml").exists()


# Links, and writes cut short --------------------------------------------------------------------


def test_never_writes_through_a_link(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    root = tmp_path / "root"
    (root / "contributions").mkdir(parents=True)
    (root / "contributions" / "camille").symlink_to(outside)
    (root / "a.yaml").symlink_to(outside / "a.yaml")
    for path in ("contributions/camille/2026-12.yaml", "a.yaml"):
        with pytest.raises(CollectifError) as error:
            write_files(root, {path: b"x\n"})
        assert "symbolic link" in error.value.message.msgid
    assert list(outside.iterdir()) == []


def test_a_link_in_the_last_commit_is_never_written_as_a_link(tmp_path: Path) -> None:
    repo = _repo(tmp_path, {"target.yaml": "a: 1\n"})
    (repo.root / "a.yaml").symlink_to("target.yaml")
    git(repo.top, "add", "a.yaml")
    git(repo.top, "commit", "-q", "-m", "link")
    (repo.root / "a.yaml").unlink()
    git(repo.top, "checkout", "--", "a.yaml")
    before = repo.head()
    with pytest.raises(CollectifError) as error:
        repo.commit({"a.yaml": b"a: 2\n"}, "test: through a link", LEO)
    assert "symbolic link" in error.value.message.msgid
    assert repo.head() == before


def _journal(repo: _Repo, old: str | None, new: str) -> None:
    entries = {"a.yaml": store.Blob(git(repo.top, "rev-parse", f"{new}:a.yaml").strip())}
    files = {"a.yaml": (b"a: 1\n", b"a: 2\n")}
    store.Journal(old, new, "test: two", files, entries).save(
        repo.repository.git_dir / store.JOURNAL_NAME
    )


def test_a_write_killed_before_the_branch_moved_is_undone(tmp_path: Path) -> None:
    repo = _repo(tmp_path, {"a.yaml": "a: 1\n"})
    first = repo.head()
    assert first is not None
    done = repo.commit({"a.yaml": b"a: 2\n"}, "test: two", LEO)
    git(repo.top, "update-ref", "HEAD", first)  # as if killed before `update-ref`
    git(repo.top, "reset", "-q", "--", "a.yaml")
    _journal(repo, first, done.sha)
    told = store.recover(repo.repository)
    assert told is not None and "nothing of it was kept" in told.msgid
    assert (repo.root / "a.yaml").read_text() == "a: 1\n"
    assert git(repo.top, "status", "--porcelain") == ""
    assert not (repo.repository.git_dir / store.JOURNAL_NAME).exists()


def test_a_write_killed_after_the_branch_moved_is_finished(tmp_path: Path) -> None:
    repo = _repo(tmp_path, {"a.yaml": "a: 1\n"})
    first = repo.head()
    done = repo.commit({"a.yaml": b"a: 2\n"}, "test: two", LEO)
    (repo.root / "a.yaml").write_text("a: 1\n")  # as if killed before the file was written
    (repo.root / ".a.yaml.x1y2z3.tmp").write_text("half")
    git(
        repo.top,
        "update-index",
        "--cacheinfo",
        f"100644,{git(repo.top, 'rev-parse', f'{first}:a.yaml').strip()},a.yaml",
    )
    _journal(repo, first, done.sha)
    told = store.recover(repo.repository)
    assert told is not None and "Do not run it again" in told.msgid
    assert (repo.root / "a.yaml").read_text() == "a: 2\n"
    assert git(repo.top, "status", "--porcelain") == ""
    assert _temporaries(repo.root) == []


def test_the_writer_lock_is_released_when_its_holder_dies(tmp_path: Path) -> None:
    import subprocess
    import sys

    repo = _repo(tmp_path, {"a.yaml": "a: 1\n"})
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from collectif.store.commit import WriterLock\n"
            "from collectif.store.git import discover\n"
            "from pathlib import Path\n"
            f"lock = WriterLock(discover(Path({str(repo.root)!r})))\n"
            "print('held', flush=True)\n"
            "time.sleep(60)\n",
        ],
        stdout=subprocess.PIPE,
    )
    assert holder.stdout is not None and holder.stdout.readline() == b"held\n"
    with pytest.raises(CollectifError) as error:
        store.WriterLock(repo.repository, wait=0.2)
    assert "Another collectif command" in error.value.message.msgid
    holder.kill()
    holder.wait()
    store.WriterLock(repo.repository, wait=5).release()


def test_a_commit_on_another_parent_than_the_one_judged_is_refused(tmp_path: Path) -> None:
    """A change judged on commit A is never committed on top of B, whatever B brought."""
    repo = _repo(tmp_path, {"a.yaml": "a: 1\n", "b.yaml": "b: 1\n"})
    judged = repo.head()
    (repo.root / "b.yaml").write_text("b: 2\n")
    git(repo.top, "commit", "-qam", "someone else's commit")
    moved = repo.head()
    with pytest.raises(store.HeadMoved):
        store.commit(repo.repository, {"a.yaml": b"a: 2\n"}, "test: late", LEO, LEO, parent=judged)
    assert repo.head() == moved
    assert (repo.root / "a.yaml").read_text() == "a: 1\n"
