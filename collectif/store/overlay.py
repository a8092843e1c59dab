"""A state of the collective that does not exist yet: the work tree with some files replaced."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from collectif.store.source import Source


@dataclass(frozen=True)
class Overlay:
    """`base` with `changes` (path -> new bytes) read instead of its own files, added if new."""

    base: Source
    changes: Mapping[str, bytes] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.base.name

    @property
    def prefix(self) -> str:
        return self.base.prefix

    def paths(self) -> list[str]:
        present = self.base.paths()
        return present + sorted(set(self.changes) - set(present))

    def read(self, path: str) -> bytes:
        if path in self.changes:
            return self.changes[path]
        return self.base.read(path)
