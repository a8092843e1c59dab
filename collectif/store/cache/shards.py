"""A shard: the cached values of the blobs whose id starts with the same two digits."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from collectif.model import files
from collectif.store.cache.container import read, write
from collectif.store.cache.packing import pack, unpack

CONTRIBUTION = "contribution"
_CONTRIBUTION_KEY = ":" + CONTRIBUTION
_MODELS: dict[str, type[files.Record]] = {
    "config": files.CollectiveFile,
    "member": files.Member,
    "role": files.Role,
    "project": files.Project,
    "meeting": files.Meeting,
    "distribution": files.Distribution,
    "contact": files.Contact,
}


class Shard:
    """The cached values of the blobs whose id starts with the same two digits."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.values: dict[str, Any] = {}
        self.used: set[str] = set()
        self.dirty = False
        payload = read(path)
        if payload is None:
            return
        try:
            models, packed = payload
            if type(models) is not dict:
                raise ValueError("not a table of models")
            for key, model in models.items():
                kind = str(key).rpartition(":")[2]
                if type(key) is str and type(model) is _MODELS.get(kind):
                    self.values[key] = model
            self.values.update(unpack(packed))
        except Exception:  # any shape but the one written: an empty shard
            self.values = {}

    def save(self) -> None:
        # Keep what this run used; what it did not use (other branches, older versions) only
        # while it does not outnumber it, so that the cache follows the repository's size.
        if len(self.values) > 2 * len(self.used):
            self.values = {key: self.values[key] for key in self.used}
        models = {k: v for k, v in self.values.items() if not k.endswith(_CONTRIBUTION_KEY)}
        files = {k: v for k, v in self.values.items() if k.endswith(_CONTRIBUTION_KEY)}
        write(self.path, (models, pack(files)))
        self.dirty = False
