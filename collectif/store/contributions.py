"""Contribution files straight to `TimeEntry` tuples, on the shape almost every file has.

Contribution files are nearly all of a collective's data. libyaml still reads every byte, but
the generic way on from there (YAML 1.2 values for every scalar, then pydantic's validation of
every entry) costs three times the parse. `entries` builds the tuples from libyaml's nodes
directly, for files whose every value is unambiguous: each entry a mapping of `date`, `hours`,
`kind`, `ref` and `note`, dates and hours written plainly. It accepts nothing that
`list[Entry]` refuses and gives the same values: for anything else it answers None, and the
caller takes the generic way, which gives the exact finding.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any, get_args

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from collectif.model.entries import Entries, TimeEntry
from collectif.model.files import Entry, EntryKind
from collectif.model.types import DAY_HOURS, in_range
from collectif.store import yaml_fast

_PLAIN = yaml_fast.PLAIN
_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_KINDS: dict[str, EntryKind] = {kind: kind for kind in get_args(EntryKind)}
_REFS_NEEDED = frozenset({"project", "support"})
_PLAIN_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Plain numbers that YAML 1.2 reads as a decimal integer or fraction: no sign, no leading zero
# (`010` is an integer, but leave such rarities to the generic way), no `_`, no exponent; at
# most two digits and two decimals, as an entry's hours are (more than 0, at most 24).
_PLAIN_HOURS = re.compile(r"(?:0|[1-9][0-9]?)(?:\.[0-9]{1,2})?")
_NO_HOURS = Decimal(0)
# A plain id starting with a letter is text unless it is one of these words.
_PLAIN_REF = re.compile(r"[a-z][a-z0-9-]{0,62}")
_WORDS = frozenset({"true", "false", "null"})
_QUOTED_REF = re.compile(r"[a-z0-9][a-z0-9-]{0,62}")
# Characters with which no YAML 1.2 implicit resolver starts: such a plain scalar is text.
_RESOLVER_STARTS = frozenset("tTfF-+0123456789.<~nN")

# Every entry shares its date, hours, kind and ref objects with the entries that have the same
# value: a tenth of the memory, and the cache pickles each value once per shard.
_DATES: dict[str, date] = {}
_HOURS: dict[str, Decimal] = {}
_new = tuple.__new__


def entries(raw: bytes) -> Entries | None:
    """The file's entries, or None where the generic way must decide (and explain)."""
    if b"*" in raw:  # aliases: the generic way guards against alias bombs
        return None
    try:
        root = yaml_fast.compose_plain(raw)
    except yaml.YAMLError:
        return None
    if type(root) is not SequenceNode or root.tag != _SEQ:
        return None
    found = []
    for item in root.value:
        entry = _entry(item)
        if entry is None:
            return None
        found.append(entry)
    return tuple(found)


def _entry(node: Any) -> TimeEntry | None:
    if type(node) is not MappingNode or node.tag != _MAP:
        return None
    day = hours = kind = None
    ref: str | None = None
    seen = 0
    for key_node, value_node in node.value:
        if type(key_node) is not ScalarNode or type(value_node) is not ScalarNode:
            return None
        tag = value_node.tag
        if key_node.tag not in (_PLAIN, _STR) or tag not in (_PLAIN, _STR):
            return None
        key, value = key_node.value, value_node.value
        if key == "date":
            bit, day = 1, _date(value) if tag == _PLAIN else None
            if day is None:
                return None
        elif key == "hours":
            bit, hours = 2, _hours(value) if tag == _PLAIN else None
            if hours is None:
                return None
        elif key == "kind":
            bit, kind = 4, _KINDS.get(value)
            if kind is None:
                return None
        elif key == "ref":
            bit = 8
            if tag == _PLAIN and value in _NULLS:
                ref = None
            else:
                ref = _ref(value, tag == _PLAIN)
                if ref is None:
                    return None
        elif key == "note":  # validated, not kept: no check reads it
            bit = 16
            if tag == _PLAIN and not _plain_text_or_null(value):
                return None
        else:
            return None
        if seen & bit:  # a duplicate key
            return None
        seen |= bit
    if (seen & 7) != 7 or (ref is None and kind in _REFS_NEEDED):
        return None
    return _new(TimeEntry, (day, hours, kind, ref))


def _date(text: str) -> date | None:
    day = _DATES.get(text)
    if day is None:
        if not _PLAIN_DATE.fullmatch(text):
            return None
        try:
            day = date(int(text[:4]), int(text[5:7]), int(text[8:]))
        except ValueError:
            return None
        if not in_range(day):
            return None
        day = _DATES.setdefault(text, day)
    return day


def _hours(text: str) -> Decimal | None:
    hours = _HOURS.get(text)
    if hours is None:
        if not _PLAIN_HOURS.fullmatch(text):
            return None
        hours = Decimal(text)
        if not _NO_HOURS < hours <= DAY_HOURS:
            return None
        hours = _HOURS.setdefault(text, hours)
    return hours


def _ref(text: str, plain: bool) -> str | None:
    if plain:
        ok = _PLAIN_REF.fullmatch(text) is not None and text not in _WORDS
    else:
        ok = _QUOTED_REF.fullmatch(text) is not None
    return sys.intern(text) if ok else None


def _plain_text_or_null(text: str) -> bool:
    """Whether a plain scalar is read as text or as nothing, both of which a note may be."""
    if text and text[0] not in _RESOLVER_STARTS:
        return True
    return yaml_fast.implicit_tag(text) in (_STR, yaml_fast.NULL_TAG)


def from_models(models: Iterable[Entry]) -> Entries:
    """The light entries of validated models, sharing values as `entries` does."""
    return tuple(
        _new(
            TimeEntry,
            (
                _shared_date(entry.date),
                _shared_hours(entry.hours),
                _KINDS[entry.kind],
                None if entry.ref is None else sys.intern(entry.ref),
            ),
        )
        for entry in models
    )


def _shared_date(day: date) -> date:
    return _DATES.setdefault(day.isoformat(), day)


def _shared_hours(hours: Decimal) -> Decimal:
    # Only under the text that `_hours` reads as this very value: `-0` is not `0`.
    text = str(hours)
    return _HOURS.setdefault(text, hours) if _PLAIN_HOURS.fullmatch(text) else hours
