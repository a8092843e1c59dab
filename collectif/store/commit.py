"""Record a change as exactly one git commit, safely: one writer at a time, files written
atomically, the branch moved by compare-and-swap, and a journal that the next command uses to
finish or undo a write that was killed half-way.

The commit is built with git's plumbing in a temporary index (HEAD's tree plus the new blobs),
so that whatever the user has staged or changed elsewhere is neither committed nor lost. Then:
1. a journal in the git folder says what is about to happen (old and new HEAD, each file's old
   and new bytes);
2. the files are written, each through a temporary file and `os.replace`;
3. HEAD moves only if it still points where it did (git's `update-ref NEW OLD`);
4. the real index learns the new blobs of just those paths;
5. the journal is removed.
Killed at any point, the next writing command (under the same lock) reads the journal: if HEAD
moved to the new commit, it finishes steps 2 and 4; if not, it puts the files back.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import stat
import tempfile
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from collectif.errors import CollectifError
from collectif.model.message import Message, msg
from collectif.store.git import DEFAULT_MODE, SYMLINK, Blob, Person, Repository

LOCK_NAME = "collectif.lock"
JOURNAL_NAME = "collectif-write.json"
LOCK_WAIT_SECONDS = 60.0
_TEMPORARY_SUFFIX = ".tmp"


class Committed(NamedTuple):
    sha: str
    index_updated: bool


class HeadMoved(CollectifError):
    """Someone else's commit landed while this one was being made: nothing was written."""

    def __init__(self) -> None:
        super().__init__(
            "Nothing was written: the branch moved while this change was being recorded "
            "(another commit landed at the same moment). Run the command again."
        )


# One writer at a time -------------------------------------------------------------------------


class WriterLock:
    """The repository's writer lock, held from when a writing command reads the collective until
    its commit is made, so that two writers run one after the other.

    It is a `flock` on a file in the git folder: the system releases it when its process ends,
    even killed with `kill -9`, so it can never be left stale.
    """

    def __init__(self, repository: Repository, wait: float = LOCK_WAIT_SECONDS) -> None:
        import fcntl

        _HELD.append(self)
        self._handle: int | None = os.open(
            repository.git_dir / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644
        )
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(self._handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if time.monotonic() > deadline:
                    self.release()
                    raise CollectifError(
                        "Another collectif command is still recording a change in this "
                        "repository: nothing was written. Try again in a moment."
                    ) from None
                time.sleep(0.02)

    def release(self) -> None:
        if self._handle is not None:
            os.close(self._handle)
            self._handle = None
        if self in _HELD:
            _HELD.remove(self)

    def __del__(self) -> None:
        self.release()


_HELD: list[WriterLock] = []


def release_all() -> None:
    """Release every writer lock this process holds: a command that ended, however it ended,
    never keeps the repository locked (the system does the same when the process exits)."""
    for lock in list(_HELD):
        lock.release()


# Atomic writes ---------------------------------------------------------------------------------


def inside(root: Path, path: str) -> Path:
    """The file `path` of the collective; never outside its folder, never through a link."""
    parts = Path(path).parts
    if not parts or Path(path).is_absolute() or ".." in parts or "\0" in path:
        raise CollectifError("{path} is not a path inside the collective.", path=path)
    place = root
    for part in parts:
        place = place / part
        if place.is_symlink():
            raise CollectifError(
                "Nothing was written: {path} is a symbolic link, and collectif never writes "
                "through a link (it could lead outside the collective). Replace the link with "
                "the file or folder itself, commit that, then try again.",
                path=str(Path(path).parent if place != root / path else path),
            )
    if place.exists() and not stat.S_ISREG(place.lstat().st_mode):
        raise CollectifError("Nothing was written: {path} is not a plain file.", path=path)
    return place


def _new_file_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _make_folders(folder: Path, root: Path) -> list[Path]:
    """Create `folder` and its missing parents below `root`; the ones created, deepest last."""
    missing = []
    while folder != root and not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for created in reversed(missing):
        created.mkdir()
    return list(reversed(missing))


def _temporary_copy(target: Path, content: bytes) -> Path:
    """`content` in a new hidden file beside `target`, with `target`'s permissions."""
    mode = target.stat().st_mode & 0o7777 if target.exists() else _new_file_mode()
    handle, name = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=_TEMPORARY_SUFFIX
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(name, mode)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(name)
        raise
    return Path(name)


def _leftovers(target: Path) -> list[Path]:
    """Temporary files of an interrupted write of `target`."""
    try:
        return [
            target.parent / name
            for name in os.listdir(target.parent)
            if name.startswith(f".{target.name}.") and name.endswith(_TEMPORARY_SUFFIX)
        ]
    except OSError:
        return []


@dataclass
class Written:
    """What `write_files` changed, so that it can be put back as it was."""

    originals: dict[Path, bytes | None] = field(default_factory=dict)
    folders: list[Path] = field(default_factory=list)

    def undo(self) -> None:
        """Every file back to its old bytes (or gone if it was new), new folders removed."""
        for target, content in self.originals.items():
            _put(target, content)
        _remove_folders(self.folders)


def _put(target: Path, content: bytes | None) -> None:
    with contextlib.suppress(OSError):
        if content is None:
            target.unlink(missing_ok=True)
        else:
            os.replace(_temporary_copy(target, content), target)


def _remove_folders(folders: Iterable[Path]) -> None:
    for folder in reversed(list(folders)):
        with contextlib.suppress(OSError):
            folder.rmdir()


def _discard(paths: Iterable[Path]) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink()


def _write_failed(error: OSError) -> CollectifError:
    return CollectifError(
        "Could not write {path}: {problem}. Nothing was changed.",
        path=str(error.filename or ""),
        problem=error.strerror or str(error),
    )


def originals(root: Path, paths: Iterable[str]) -> dict[str, bytes | None]:
    """The bytes each file has now (None if it does not exist), checking every path."""
    found: dict[str, bytes | None] = {}
    for path in paths:
        target = inside(root, path)
        try:
            found[path] = target.read_bytes() if target.exists() else None
        except OSError as error:
            raise _write_failed(error) from None
    return found


def write_files(root: Path, changes: Mapping[str, bytes]) -> Written:
    """Write every file or none: each to a temporary file first, then renamed into place."""
    written = Written()
    temporaries: list[tuple[Path, Path]] = []
    targets = {path: inside(root, path) for path in changes}  # every path checked first
    try:
        for path, content in changes.items():
            target = targets[path]
            written.folders += _make_folders(target.parent, root)
            written.originals[target] = target.read_bytes() if target.exists() else None
            temporaries.append((_temporary_copy(target, content), target))
    except OSError as error:
        _discard(temporary for temporary, _ in temporaries)
        _remove_folders(written.folders)
        raise _write_failed(error) from None
    replaced: dict[Path, bytes | None] = {}
    try:
        for temporary, target in temporaries:
            os.replace(temporary, target)
            replaced[target] = written.originals[target]
    except OSError as error:
        _discard(temporary for temporary, _ in temporaries)
        Written(replaced, written.folders).undo()
        raise _write_failed(error) from None
    return written


# The journal -----------------------------------------------------------------------------------


def _encode(content: bytes | None) -> str | None:
    return None if content is None else base64.b64encode(content).decode()


def _decode(content: Any) -> bytes | None:
    return None if content is None else base64.b64decode(str(content))


@dataclass(frozen=True)
class Journal:
    """What a write is about to do, kept in the git folder until it is done."""

    old: str | None
    new: str
    message: str
    files: dict[str, tuple[bytes | None, bytes]]
    entries: dict[str, Blob]

    def save(self, path: Path) -> None:
        document = {
            "old": self.old,
            "new": self.new,
            "message": self.message,
            "files": {p: [_encode(old), _encode(new)] for p, (old, new) in self.files.items()},
            "entries": {p: [blob.oid, blob.mode] for p, blob in self.entries.items()},
        }
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".collectif-write.")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(document, stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)

    @classmethod
    def read(cls, path: Path) -> Journal | None:
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
            return cls(
                old=document["old"],
                new=str(document["new"]),
                message=str(document["message"]),
                files={
                    str(p): (_decode(old), _decode(new) or b"")
                    for p, (old, new) in document["files"].items()
                },
                entries={str(p): Blob(str(o), str(m)) for p, (o, m) in document["entries"].items()},
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None


def recover(repository: Repository) -> Message | None:
    """Finish or undo a write that was interrupted, from its journal; what was done, in words.

    Call it holding the writer lock.
    """
    path = repository.git_dir / JOURNAL_NAME
    if not path.exists():
        return None
    journal = Journal.read(path)
    said = None
    if journal is not None:
        said = _resume(repository, journal)
    path.unlink(missing_ok=True)
    return said


def _current(target: Path) -> bytes | None:
    try:
        return target.read_bytes() if target.exists() else None
    except OSError:
        return None


def _resume(repository: Repository, journal: Journal) -> Message | None:
    root, head = repository.folder, repository.head()
    targets = {path: root / path for path in journal.files}
    for target in targets.values():
        _discard(_leftovers(target))
    if head == journal.new:
        for path, (old, new) in journal.files.items():
            if _current(targets[path]) in (old, None):
                _put(targets[path], new)
        repository.stage(journal.entries)
        return msg(
            "The last change ({summary}) was committed as {sha}, but its command was "
            "interrupted before it could say so: its files are now in place. Do not run it again.",
            summary=journal.message,
            sha=journal.new[:10],
        )
    if head == journal.old:
        for path, (old, new) in journal.files.items():
            if _current(targets[path]) == new:
                _put(targets[path], old)
        return msg(
            "The last change ({summary}) was interrupted before it was committed: nothing of it "
            "was kept. Run it again if it is still wanted.",
            summary=journal.message,
        )
    return None


# The commit --------------------------------------------------------------------------------------


def _modes(repository: Repository, head: str | None, paths: Iterable[str]) -> dict[str, str]:
    """The file mode of each path in HEAD (an executable stays executable), else 100644."""
    wanted = list(paths)
    listed = (
        repository.output("ls-tree", "-z", head, "--", *(repository.prefix + p for p in wanted))
        if head
        else b""
    )
    modes = {}
    for entry in filter(None, os.fsdecode(listed).split("\0")):
        info, _, name = entry.partition("\t")
        modes[name.removeprefix(repository.prefix)] = info.split(" ", 1)[0]
    for path in wanted:
        if modes.get(path) == SYMLINK:
            raise CollectifError(
                "Nothing was written: {path} is a symbolic link in the last commit, and "
                "collectif never writes through a link. Replace the link with the file itself, "
                "commit that, then try again.",
                path=repository.prefix + path,
            )
    return {path: modes.get(path, DEFAULT_MODE) for path in wanted}


def commit(
    repository: Repository,
    changes: Mapping[str, bytes],
    message: str,
    author: Person,
    committer: Person,
    parent: str | None,
) -> Committed:
    """Write `changes` and make them one commit on `parent`, the commit they were judged on;
    nothing else moves.

    Call it holding the writer lock. Raises `HeadMoved` if HEAD is no longer `parent`, or
    moves before the branch is updated (nothing is then written).
    """
    root = repository.folder
    head = repository.head()
    if head != parent:
        raise HeadMoved()
    before = originals(root, changes)
    modes = _modes(repository, head, changes)
    entries = {
        path: Blob(repository.hash_blob(path, content), modes[path])
        for path, content in changes.items()
    }
    tree = repository.tree_with(head, entries)
    if head is not None and tree == repository.tree_of(head):
        raise CollectifError("Nothing to record: the files already say this.")
    sha = repository.commit_tree(tree, head, message, author, committer)
    journal_path = repository.git_dir / JOURNAL_NAME
    files = {path: (before[path], content) for path, content in changes.items()}
    try:
        Journal(head, sha, message.splitlines()[0], files, entries).save(journal_path)
    except OSError as error:
        raise _write_failed(error) from None
    try:
        written = write_files(root, changes)
    except CollectifError:  # nothing written; anything else: the journal tells the next command
        journal_path.unlink(missing_ok=True)
        raise
    try:
        if not repository.move_head(sha, head, message.splitlines()[0]):
            raise HeadMoved()
    except CollectifError:
        written.undo()
        journal_path.unlink(missing_ok=True)
        raise
    staged = repository.stage(entries)
    journal_path.unlink(missing_ok=True)
    return Committed(sha, staged)
