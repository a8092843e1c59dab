"""Validated files kept between runs, keyed by git blob id, inside the repository's git folder.

A blob id names a file's exact bytes, so what a valid blob gave once (its model, or its time
entries) is right for every state that holds it: the work tree, the index, any commit. Only
valid files are kept; a file with findings is read again each time, so that its findings are
always fresh. The cache sits in `<git common dir>/collectif/cache/`, never in the work tree.

It is split in 256 shards by the first two digits of the blob id (`shards`): a change rewrites
only the shards it touches. Each file starts with a header (format, collectif's version, a
fingerprint of the code that reads and validates files, a checksum of the rest); a file that
does not match in every way is ignored and rebuilt (`container`). Time entries are stored as
columns (`packing`); the work tree's files get their blob ids from records of their size and
times (`worktree`).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from collectif.store.cache.container import decode, encode, fingerprint, safe_loads
from collectif.store.cache.shards import Shard
from collectif.store.cache.worktree import Records, Snapshot, blob_id, snapshot
from collectif.store.git import Repository

__all__ = ["Cache", "Snapshot", "decode", "encode", "fingerprint", "open_cache", "safe_loads"]


class Cache:
    """The cache of one repository (all its work trees share it)."""

    def __init__(self, folder: Path, object_format: str = "sha1") -> None:
        self.folder = folder
        self.object_format = object_format
        self._shards: dict[str, Shard] = {}
        self._records: dict[Path, Records] = {}

    def _shard(self, oid: str) -> Shard:
        prefix = oid[:2]
        shard = self._shards.get(prefix)
        if shard is None:
            shard = self._shards[prefix] = Shard(self.folder / f"blobs-{prefix}")
        return shard

    def get(self, kind: str, oid: str) -> Any | None:
        """The validated content of a valid blob read as `kind`, if it is known."""
        shard, key = self._shard(oid), f"{oid}:{kind}"
        value = shard.values.get(key)
        if value is not None:
            shard.used.add(key)
        return value

    def put(self, kind: str, oid: str, value: Any) -> None:
        """Remember a valid blob's content (a model, or the entries of a contribution file)."""
        shard, key = self._shard(oid), f"{oid}:{kind}"
        shard.values[key] = value
        shard.used.add(key)
        shard.dirty = True

    def save(self) -> None:
        """Write the shards and work tree records that changed in this run."""
        for shard in self._shards.values():
            if shard.dirty:
                shard.save()
        for records in self._records.values():
            if records.dirty:
                records.save()

    def hash(self, data: bytes) -> str:
        """The blob id git gives these bytes."""
        return blob_id(self.object_format, data)

    def worktree(
        self,
        root: Path,
        listing: Iterable[tuple[str, os.stat_result | None]],
        reader: Callable[[str], bytes],
    ) -> Snapshot:
        """The blob id of each listed plain file; only files changed since last time are read."""
        records = self._records.get(root)
        if records is None:
            name = hashlib.sha256(os.fsencode(root.resolve())).hexdigest()[:16]
            records = self._records[root] = Records(self.folder / f"worktree-{name}")
        return snapshot(records, self.object_format, listing, reader)


def open_cache(repository: Repository | None) -> Cache | None:
    """The cache of the repository; None outside of one."""
    if repository is None:
        return None
    return Cache(repository.common_dir / "collectif" / "cache", repository.object_format)
