"""The work tree has no blob ids of its own: each file's id is the hash of its bytes, as git
would compute it, kept with the file's size, times and inode so that only files changed since
the last run are read and hashed again.
"""

from __future__ import annotations

import hashlib
import os
import stat
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, NamedTuple

from collectif.store.cache.container import read, write

# A file changed this close to the run may change again within the file system's clock tick
# with the same size: its hash is not remembered (git's "racy clean" files).
RACY_NANOSECONDS = 3_000_000_000

Record = tuple[int, int, int, int, str]


class Snapshot(NamedTuple):
    """The work tree's files as blob ids, and the bytes of those read to compute them."""

    blobs: dict[str, str]
    contents: dict[str, bytes]


def _table(payload: Any) -> dict[str, Any]:
    """A cache file's table, or an empty one if it is not a table keyed by text."""
    if isinstance(payload, dict) and all(type(key) is str for key in payload):
        return payload
    return {}


class Records:
    """For each file of a work tree: size, times and inode when last hashed, and the hash."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.known: dict[str, Record] = _table(read(path, False))
        self.dirty = False

    def save(self) -> None:
        write(self.path, self.known, values=False)
        self.dirty = False


def blob_id(object_format: str, data: bytes) -> str:
    """The blob id git gives these bytes."""
    digest = hashlib.new(object_format, b"blob %d\0" % len(data), usedforsecurity=False)
    digest.update(data)
    return digest.hexdigest()


def snapshot(
    records: Records,
    object_format: str,
    listing: Iterable[tuple[str, os.stat_result | None]],
    reader: Callable[[str], bytes],
) -> Snapshot:
    """The blob id of each plain file listed; only files changed since last time are read.

    A path that is not a plain file, or that `reader` cannot read, is left out: reading it
    again will say what is wrong.
    """
    known, recent = records.known, time.time_ns() - RACY_NANOSECONDS
    blobs: dict[str, str] = {}
    contents: dict[str, bytes] = {}
    seen: list[tuple[str, Record]] = []
    unchanged = 0
    for path, status in listing:
        if status is None or not stat.S_ISREG(status.st_mode):
            continue
        signature = (status.st_mtime_ns, status.st_ctime_ns, status.st_size, status.st_ino)
        record = known.get(path)
        if type(record) is tuple and record[:4] == signature and type(record[-1]) is str:
            oid = record[-1]
            unchanged += 1
        else:
            try:
                data = reader(path)
            except Exception:  # an unreadable path: the loader reads it again and says why
                continue
            contents[path] = data
            oid = blob_id(object_format, data)
            if signature[0] < recent and signature[1] < recent:
                seen.append((path, (*signature, oid)))
        blobs[path] = oid
    if seen or unchanged != len(known):
        records.known = {
            path: record for path, record in known.items() if path in blobs and path not in contents
        }
        records.known.update(seen)
        records.dirty = True
    return Snapshot(blobs, contents)
