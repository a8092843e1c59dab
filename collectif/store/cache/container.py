"""The cache's files: a header that says which code wrote them, a checksum, and a pickle that
only dates, decimals and collectif's records can come out of, so that a foreign or crafted
file can never run code.
"""

from __future__ import annotations

import hashlib
import importlib.util
import io
import os
import pickle
import sys
import tempfile
import zlib
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import collectif
from collectif.model import files

# 2: the records of the files are plain dataclasses, no longer pydantic models.
FORMAT = 2
MAGIC = b"collectif-cache"
# Code whose change changes what a file's bytes validate into.
_FINGERPRINTED = (
    "model/files.py",
    "model/types.py",
    "model/rules.py",
    "model/entries.py",
    "model/layout.py",
    "store/yaml_fast.py",
    "store/contributions.py",
    "store/parse.py",
    "store/load.py",
    "store/cache/container.py",
    "store/cache/packing.py",
    "store/cache/shards.py",
)

# Safe reading --------------------------------------------------------------------------------


def _allowed() -> dict[tuple[str, str], Any]:
    """The classes a cache file may name: dates, decimals and the records of the files."""
    classes: dict[tuple[str, str], Any] = {
        ("datetime", "date"): date,
        ("decimal", "Decimal"): Decimal,
    }
    for record in files.records():
        classes[(record.__module__, record.__qualname__)] = record
    return classes


_ALLOWED = _allowed()


class _Unpickler(pickle.Unpickler):
    """Builds dates, decimals and collectif's records only; any other class is refused."""

    def find_class(self, module: str, name: str) -> Any:
        found = _ALLOWED.get((module, name))
        if found is None:
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed in collectif's cache")
        return found


def safe_loads(data: bytes) -> Any:
    """Unpickle data that may come from anywhere: only plain values and collectif's records."""
    return _Unpickler(io.BytesIO(data)).load()


def _version_file(package: str, name: str) -> bytes:
    """A file of an installed package, read without importing the package (pydantic takes a
    tenth of a second to import, and a warm run never needs it)."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return b""
    try:
        return (Path(next(iter(spec.submodule_search_locations))) / name).read_bytes()
    except OSError:
        return b""


@cache
def fingerprint() -> str:
    """Changes whenever the code that turns bytes into models does, or the libraries under it."""
    import yaml

    digest = hashlib.sha256()
    versions = (
        collectif.__version__,
        # pydantic's version, and the exact pydantic-core it requires
        _version_file("pydantic", "version.py"),
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


def read(path: Path, values: bool = True) -> Any | None:
    try:
        return decode(path.read_bytes(), values)
    except (OSError, ValueError):
        return None


def write(path: Path, payload: Any, values: bool = True) -> None:
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
