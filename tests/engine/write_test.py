"""The writer lock of the writing commands: free again once a command has ended, whichever way,
so that the next write in the same process (a test, a program using collectif) need not wait."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from collectif.errors import CollectifError
from collectif.store import commit
from tests.commands.recording import Repo, make
from tests.helpers import repo_at

REFUSED = ("role", "join", "tresorerie", "--since", "2019-01-01", "--as", "leo")  # before joining
FAILED = ("role", "join", "tresorerie", "--as", "camille")  # already a holder
RECORDED = ("role", "join", "tresorerie", "--since", "2026-03-01", "--as", "leo")


def _free(repo: Repo) -> bool:
    try:
        commit.WriterLock(repo_at(repo.root), wait=0).release()
    except CollectifError:
        return False
    return True


def test_the_lock_is_free_once_a_write_has_ended_whichever_way(tmp_path: Path) -> None:
    repo = make(tmp_path)
    assert repo.run(*REFUSED).returncode == 1
    assert _free(repo)
    assert repo.run(*FAILED).returncode == 2
    assert _free(repo)
    assert repo.run(*RECORDED).returncode == 0
    assert _free(repo)


@pytest.fixture
def locks_kept(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[commit.WriterLock]]:
    """Every writer lock taken, kept alive (as a traceback or a cycle would keep it)."""
    kept: list[commit.WriterLock] = []
    take = commit.WriterLock.__init__

    def keep(self: commit.WriterLock, *args: object, **kwargs: object) -> None:
        take(self, *args, **kwargs)  # type: ignore[arg-type]
        kept.append(self)

    monkeypatch.setattr(commit.WriterLock, "__init__", keep)
    yield kept
    for lock in kept:
        lock.release()


def test_a_recorded_write_releases_the_lock_itself(
    tmp_path: Path, locks_kept: list[commit.WriterLock]
) -> None:
    repo = make(tmp_path)
    assert repo.run(*RECORDED).returncode == 0
    assert len(locks_kept) == 1 and _free(repo)


@pytest.mark.parametrize("args", [REFUSED, FAILED], ids=["refused", "failed"])
def test_a_refused_or_failed_write_releases_the_lock_itself(
    tmp_path: Path, locks_kept: list[commit.WriterLock], args: tuple[str, ...]
) -> None:
    repo = make(tmp_path)
    assert repo.run(*args).returncode in (1, 2)
    assert _free(repo)
