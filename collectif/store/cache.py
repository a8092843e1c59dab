"""Validated files kept between runs, keyed by git blob id, inside the repository's git folder.

A blob id names a file's exact bytes, so what a valid blob gave once (its model, or its time
entries) is right for every state that holds it: the work tree, the index, any commit. Only
valid files are kept; a file with findings is read again each time, so that its findings are
always fresh. The cache sits in `<git common dir>/collectif/cache/`, never in the work tree.

It is split in 256 shards by the first two digits of the blob id: a change rewrites only the
shards it touches. Each shard starts with a header (format, collectif's version, a fingerprint
of the code that reads and validates files, a checksum of the rest); a shard that does not
match in every way is ignored and rebuilt. Shards are pickles read by an unpickler that knows
only dates, decimals and collectif's own models: a foreign or crafted file cannot run code.

The work tree has no blob ids of its own: each file's id is the hash of its bytes, as git
would compute it, kept with the file's size, times and inode so that only files changed since
the last run are read and hashed again.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import sys
import tempfile
import time
import zlib
from array import array
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from functools import cache
from itertools import repeat
from operator import le
from pathlib import Path
from typing import Any, NamedTuple

import collectif
from collectif.errors import CollectifError
from collectif.model import files
from collectif.model.entries import Entries, TimeEntry
from collectif.store.git import run_git

FORMAT = 1
MAGIC = b"collectif-cache"
CONTRIBUTION = "contribution"
# A file changed this close to the run may change again within the file system's clock tick
# with the same size: its hash is not remembered (git's "racy clean" files).
RACY_NANOSECONDS = 3_000_000_000
# Code whose change changes what a file's bytes validate into.
_FINGERPRINTED = (
    "model/files.py",
    "model/types.py",
    "model/entries.py",
    "store/yaml_fast.py",
    "store/contributions.py",
    "store/load.py",
    "store/cache.py",
)
_MODELS: dict[str, type[files.Strict]] = {
    "config": files.CollectiveFile,
    "member": files.Member,
    "role": files.Role,
    "project": files.Project,
}
_KINDS = frozenset(files.VOLUNTEER_KINDS) | {"project"}
_new = tuple.__new__


# Safe reading --------------------------------------------------------------------------------


def _allowed() -> dict[tuple[str, str], Any]:
    """The classes a cache file may name: dates, decimals and the models of the files."""
    classes: dict[tuple[str, str], Any] = {
        ("datetime", "date"): date,
        ("decimal", "Decimal"): Decimal,
    }
    for value in vars(files).values():
        if (
            isinstance(value, type)
            and issubclass(value, files.Strict)
            and value is not files.Strict
        ):
            classes[(value.__module__, value.__qualname__)] = value
    return classes


_ALLOWED = _allowed()


class _Unpickler(pickle.Unpickler):
    """Builds dates, decimals and collectif's models only; any other class is refused."""

    def find_class(self, module: str, name: str) -> Any:
        found = _ALLOWED.get((module, name))
        if found is None:
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed in collectif's cache")
        return found


def safe_loads(data: bytes) -> Any:
    """Unpickle data that may come from anywhere: only plain values and collectif's models."""
    return _Unpickler(io.BytesIO(data)).load()


@cache
def fingerprint() -> str:
    """Changes whenever the code that turns bytes into models does, or the libraries under it."""
    import pydantic
    import yaml

    digest = hashlib.sha256()
    versions = (
        collectif.__version__,
        pydantic.VERSION,
        yaml.__version__,
        sys.version,
        sys.byteorder,
    )
    digest.update(repr(versions).encode())
    package = Path(collectif.__file__).parent
    for name in _FINGERPRINTED:
        try:
            digest.update((package / name).read_bytes())
        except OSError:  # installed without sources: the version alone must tell
            digest.update(name.encode())
    return digest.hexdigest()[:32]


def _header(values: bool) -> bytes:
    """What a file must start with: the values of blobs depend on the code that read them; the
    hashes of work tree files on nothing but the format."""
    version = b"%s %s" % (collectif.__version__.encode(), fingerprint().encode())
    return b"%s %d %s " % (MAGIC, FORMAT, version if values else b"hashes")


def encode(payload: Any, values: bool = True) -> bytes:
    data = pickle.dumps(payload, protocol=5)
    return _header(values) + b"%08x\n" % zlib.crc32(data) + data


def decode(raw: bytes, values: bool = True) -> Any:
    """The payload of a cache file; raises ValueError for any file this version did not write."""
    header = _header(values)
    if not raw.startswith(header) or raw[len(header) + 8 : len(header) + 9] != b"\n":
        raise ValueError("not a cache file of this version")
    data = raw[len(header) + 9 :]
    if raw[len(header) : len(header) + 8] != b"%08x" % zlib.crc32(data):
        raise ValueError("damaged cache file")
    try:
        return safe_loads(data)
    except Exception as error:  # any way a pickle can be wrong
        raise ValueError("unreadable cache file") from error


def _read(path: Path, values: bool = True) -> Any | None:
    try:
        return decode(path.read_bytes(), values)
    except (OSError, ValueError):
        return None


def _write(path: Path, payload: Any, values: bool = True) -> None:
    """Write atomically: readers see the old file or the new one, never half of one."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(encode(payload, values))
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:  # a read-only repository: the cache only speeds things up
        pass


# Values --------------------------------------------------------------------------------------
#
# A shard holds its models as they are, and the entries of all its contribution files as four
# columns (date, hours, kind, ref): each a table of the distinct values and the index of each
# entry's value in it, as an array of integers. Unpickling is then a few byte strings instead of
# four objects per entry, and the checks on what was read are a few passes over each column.


def _pack(files: dict[str, Entries]) -> dict[str, Any]:
    """Every file's entries as columns, with where each file's entries start and stop."""
    tables: list[list[Any]] = [[], [], [], []]
    positions: list[dict[int, int]] = [{}, {}, {}, {}]  # by identity: 1.0 and 1.00 differ
    columns: list[list[int]] = [[], [], [], []]
    starts, stops = [], []
    for entries in files.values():
        starts.append(len(columns[0]))
        for entry in entries:
            for field, value in enumerate(entry):
                position = positions[field].get(id(value))
                if position is None:
                    position = positions[field][id(value)] = len(tables[field])
                    tables[field].append(value)
                columns[field].append(position)
        stops.append(len(columns[0]))
    return {
        "files": tuple(files),
        "starts": _indexes(starts),
        "stops": _indexes(stops),
        "tables": tuple(map(tuple, tables)),
        "columns": tuple(map(_indexes, columns)),
    }


def _indexes(numbers: list[int]) -> tuple[str, bytes]:
    code = "H" if max(numbers, default=0) <= 0xFFFF else "I"
    return code, array(code, numbers).tobytes()


def _numbers(packed: tuple[str, bytes]) -> array[int]:
    code, raw = packed
    if code not in ("H", "I") or type(raw) is not bytes:
        raise ValueError("not an array of indexes")
    numbers = array(code)
    numbers.frombytes(raw)
    return numbers


_FIELD_TYPES: tuple[frozenset[type], ...] = (
    frozenset({date}),
    frozenset({Decimal}),
    frozenset({str}),
    frozenset({str, type(None)}),
)


def _unpack(packed: Any) -> dict[str, Entries]:
    """The entries of each file; raises if anything is amiss (the shard is then left empty).

    An index outside its table raises IndexError, columns of different lengths ValueError.
    """
    keys, tables = packed["files"], packed["tables"]
    if type(keys) is not tuple or not set(map(type, keys)) <= {str}:
        raise ValueError("not a list of files")
    fields = []
    for table, column, types in zip(tables, packed["columns"], _FIELD_TYPES, strict=True):
        if type(table) is not tuple or not set(map(type, table)) <= types:
            raise ValueError("a value of the wrong type")
        fields.append(map(table.__getitem__, _numbers(column)))
    if not _KINDS.issuperset(tables[2]):
        raise ValueError("an unknown kind of entry")
    rows = tuple(map(_new, repeat(TimeEntry), zip(*fields, strict=True)))
    starts, stops = _numbers(packed["starts"]), _numbers(packed["stops"])
    if not (len(keys) == len(starts) == len(stops) and all(map(le, starts, stops))):
        raise ValueError("files that do not fit")
    if stops and max(stops) > len(rows):
        raise ValueError("a file beyond the entries")
    return dict(zip(keys, map(rows.__getitem__, map(slice, starts, stops)), strict=True))


class _Shard:
    """The cached values of the blobs whose id starts with the same two digits."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.values: dict[str, Any] = {}
        self.used: set[str] = set()
        self.dirty = False
        payload = _read(path)
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
            self.values.update(_unpack(packed))
        except Exception:  # any shape but the one written: an empty shard
            self.values = {}

    def save(self) -> None:
        # Keep what this run used; what it did not use (other branches, older versions) only
        # while it does not outnumber it, so that the cache follows the repository's size.
        if len(self.values) > 2 * len(self.used):
            self.values = {key: self.values[key] for key in self.used}
        models = {k: v for k, v in self.values.items() if not k.endswith(_CONTRIBUTION_KEY)}
        files = {k: v for k, v in self.values.items() if k.endswith(_CONTRIBUTION_KEY)}
        _write(self.path, (models, _pack(files)))
        self.dirty = False


_CONTRIBUTION_KEY = ":" + CONTRIBUTION


def _table(payload: Any) -> dict[str, Any]:
    """A cache file's table, or an empty one if it is not a table keyed by text."""
    if isinstance(payload, dict) and all(type(key) is str for key in payload):
        return payload
    return {}


# The work tree -------------------------------------------------------------------------------


class Snapshot(NamedTuple):
    """The work tree's files as blob ids, and the bytes of those read to compute them."""

    blobs: dict[str, str]
    contents: dict[str, bytes]


class _Stats:
    """For each file of a work tree: size, times and inode when last hashed, and the hash."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.known: dict[str, tuple[int, int, int, int, str]] = _table(_read(path, False))
        self.dirty = False

    def save(self) -> None:
        _write(self.path, self.known, values=False)
        self.dirty = False


# The cache -----------------------------------------------------------------------------------


class Cache:
    """The cache of one repository (all its work trees share it)."""

    def __init__(self, folder: Path, object_format: str = "sha1") -> None:
        self.folder = folder
        self.object_format = object_format
        self._shards: dict[str, _Shard] = {}
        self._stats: dict[Path, _Stats] = {}

    def _shard(self, oid: str) -> _Shard:
        prefix = oid[:2]
        shard = self._shards.get(prefix)
        if shard is None:
            shard = self._shards[prefix] = _Shard(self.folder / f"blobs-{prefix}")
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
        for stats in self._stats.values():
            if stats.dirty:
                stats.save()

    def hash(self, data: bytes) -> str:
        """The blob id git gives these bytes."""
        digest = hashlib.new(self.object_format, b"blob %d\0" % len(data), usedforsecurity=False)
        digest.update(data)
        return digest.hexdigest()

    def worktree(
        self, root: Path, listing: Iterable[tuple[str, os.stat_result | None]]
    ) -> Snapshot:
        """The blob id of each listed file; only files changed since last time are read."""
        name = hashlib.sha256(os.fsencode(root.resolve())).hexdigest()[:16]
        stats = self._stats.get(root)
        if stats is None:
            stats = self._stats[root] = _Stats(self.folder / f"worktree-{name}")
        known, recent = stats.known, time.time_ns() - RACY_NANOSECONDS
        blobs: dict[str, str] = {}
        contents: dict[str, bytes] = {}
        seen: list[tuple[str, tuple[int, int, int, int, str]]] = []
        unchanged = 0
        for path, status in listing:
            if status is None:
                continue  # reading it will say what is wrong
            signature = (status.st_mtime_ns, status.st_ctime_ns, status.st_size, status.st_ino)
            record = known.get(path)
            if type(record) is tuple and record[:4] == signature and type(record[-1]) is str:
                oid = record[-1]
                unchanged += 1
            else:
                try:
                    data = (root / path).read_bytes()
                except OSError:
                    continue
                contents[path] = data
                oid = self.hash(data)
                if signature[0] < recent and signature[1] < recent:
                    seen.append((path, (*signature, oid)))
            blobs[path] = oid
        if seen or unchanged != len(known):
            stats.known = {
                path: record
                for path, record in known.items()
                if path in blobs and path not in contents
            }
            stats.known.update(seen)
            stats.dirty = True
        return Snapshot(blobs, contents)


def open_cache(directory: Path) -> Cache | None:
    """The cache of the git repository around `directory`; None outside of one."""
    try:
        done = run_git(
            directory,
            "rev-parse",
            "--path-format=absolute",
            "--git-common-dir",
            "--show-object-format",
        )
    except CollectifError:  # no git: no cache
        return None
    lines = done.stdout.decode("utf-8", "surrogateescape").splitlines()
    if done.returncode != 0 or len(lines) != 2:
        return None
    return Cache(Path(lines[0]) / "collectif" / "cache", lines[1].strip() or "sha1")
