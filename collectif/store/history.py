"""The commits that changed the collective's files, with each file's bytes before and after.

One `git log` lists the commits and the blobs they changed, one `git cat-file --batch` reads
every blob: two processes whatever the length of the history.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from collectif.model.layout import is_collective_file
from collectif.store.git import Repository

_COMMIT = "\x1e"
_FIELD = "\x1f"
_FORMAT = f"{_COMMIT}%H{_FIELD}%aI{_FIELD}%an{_FIELD}%ae{_FIELD}%s"


class FileChange(NamedTuple):
    """One file in one commit; `before` is None for a new file, `after` for a deleted one."""

    path: str
    before: bytes | None
    after: bytes | None


class Commit(NamedTuple):
    sha: str
    date: str
    author: str
    email: str
    message: str
    files: list[FileChange]


class _Raw(NamedTuple):
    sha: str
    date: str
    author: str
    email: str
    message: str
    blobs: list[tuple[str, str | None, str | None]]


def _blob(sha: str) -> str | None:
    return None if set(sha) == {"0"} else sha


def _parse_log(output: str, prefix: str) -> list[_Raw]:
    found = []
    for chunk in output.split(_COMMIT)[1:]:
        header, _, rest = chunk.partition("\0")
        sha, date, author, email, message = (header.split(_FIELD) + [""] * 5)[:5]
        tokens = rest.lstrip("\n").split("\0")
        blobs = []
        for meta, path in zip(tokens[0::2], tokens[1::2], strict=False):
            parts = meta.split()
            if len(parts) < 5 or not path.startswith(prefix):
                continue
            blobs.append((path[len(prefix) :], _blob(parts[2]), _blob(parts[3])))
        if blobs:
            found.append(_Raw(sha, date, author, email, message, blobs))
    return found


def commits(repository: Repository, paths: Sequence[str]) -> list[Commit]:
    """The commits that touched `paths` (files or folders of the collective), newest first."""
    if repository.head() is None:
        return []
    output = repository.log(paths, _FORMAT)
    raws = _parse_log(output.decode("utf-8", "replace"), repository.prefix)
    blobs = repository.read_blobs(
        sha for raw in raws for _, *pair in raw.blobs for sha in pair if sha
    )
    return [
        Commit(
            raw.sha,
            raw.date,
            raw.author,
            raw.email,
            raw.message,
            [
                FileChange(path, blobs.get(old) if old else None, blobs.get(new) if new else None)
                for path, old, new in raw.blobs
                if is_collective_file(path)  # not a folder's .gitkeep
            ],
        )
        for raw in raws
    ]
