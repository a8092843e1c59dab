"""The entries of contribution files as columns: for each of date, hours, kind and ref, a table
of the distinct values and the index of each entry's value in it, as an array of integers.
Unpickling is then a few byte strings instead of four objects per entry, and the checks on what
was read are a few passes over each column.
"""

from __future__ import annotations

from array import array
from datetime import date
from decimal import Decimal
from itertools import repeat
from operator import le
from typing import Any

from collectif.model import files
from collectif.model.entries import Entries, TimeEntry

_KINDS = frozenset(files.VOLUNTEER_KINDS) | {"project"}
_new = tuple.__new__


def pack(files: dict[str, Entries]) -> dict[str, Any]:
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


def unpack(packed: Any) -> dict[str, Entries]:
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
