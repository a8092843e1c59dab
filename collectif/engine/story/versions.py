"""A file's data at one commit, read as the checks read it: a typed model (or the entries of a
contribution month), with what is valid in it; None when it did not exist; `UNREADABLE` when
it was not a collective's file that could be read at all."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from functools import lru_cache
from typing import Any, NamedTuple, TypeVar

from collectif.model import files
from collectif.model.layout import FileId, Kind
from collectif.model.message import KeyChange, KeyChanges, Message
from collectif.store import contributions, load
from collectif.store.parse import parse

UNREADABLE = object()
T = TypeVar("T")


class Version(NamedTuple):
    """A file's model at one commit, and whether all of the file was valid."""

    model: Any
    whole: bool = True


@lru_cache(maxsize=1024)
def version(file_id: FileId, raw: bytes | None) -> Version:
    """The file's model at one commit (shared between commits that show the same bytes)."""
    if raw is None:
        return Version(None)
    if file_id.kind is Kind.CONTRIBUTION:
        quick = contributions.entries(raw)
        if quick is not None:
            return Version(quick)
    parsed = parse("", file_id.subject, raw)
    if parsed.problem is not None:
        return Version(UNREADABLE, False)
    validated = load.validate("", file_id, raw, parsed.data)
    if validated.model is None:
        return Version(UNREADABLE, False)
    return Version(validated.model, not validated.problems)


def added_removed(before: Sequence[T], after: Sequence[T]) -> tuple[list[T], list[T]]:
    """The items of `after` that `before` lacks, and the other way round (as multisets)."""
    old, new = Counter(before), Counter(after)
    added, removed = [], []
    for item in after:
        if old[item]:
            old[item] -= 1
        else:
            added.append(item)
    for item in before:
        if new[item]:
            new[item] -= 1
        else:
            removed.append(item)
    return added, removed


def changed_fields(before: Any, after: Any, handled: Iterable[str] = ()) -> list[str]:
    """The keys (as written in the file) whose values differ between two models."""
    skip = set(handled)
    return [
        field.key
        for field in files.fields(type(after))
        if field.name not in skip and getattr(before, field.name) != getattr(after, field.name)
    ]


def changed_paths(before: Any, after: Any, prefix: str = "") -> list[str]:
    """Dotted keys whose values differ, down through mappings and models."""
    before, after = files.as_data(before), files.as_data(after)
    if not (isinstance(before, dict) and isinstance(after, dict)):
        return [prefix.rstrip(".")] if before != after and prefix else []
    found: list[str] = []
    for key in dict.fromkeys([*before, *after]):
        found += changed_paths(before.get(key), after.get(key), f"{prefix}{key}.")
    return found


# A value longer than this is named, not quoted, in a sentence about what changed.
_SHORT = 40


def _at(data: Any, path: str) -> Any:
    for key in path.split("."):
        data = data.get(key) if isinstance(data, dict) else None
    return data


def _said(value: Any) -> str | None:
    """A value as a sentence quotes it, None when it is too long or not a plain value."""
    if isinstance(value, list):
        if not all(isinstance(item, str | int | float | Decimal) for item in value):
            return None
        value = ", ".join(str(item) for item in value)
    elif isinstance(value, dict):
        return None
    elif isinstance(value, bool):
        value = "true" if value else "false"  # as the file writes it
    said = text(value)
    return said if len(said) <= _SHORT else None


def described(before: Any, after: Any, keys: Iterable[str], words: bool = True) -> KeyChanges:
    """The changed keys (as written, dotted for nested ones), each with its old and new value
    when both are short: `truck_factor_min (3 → 2)`."""
    old, new = files.as_data(before), files.as_data(after)
    found = []
    for key in keys:
        then, now = _said(_at(old, key)), _said(_at(new, key))
        if then is None or now is None:
            found.append(KeyChange(key))
        else:
            found.append(KeyChange(key, then, now, said=True))
    return KeyChanges(tuple(found), words)


def other_changes(before: Any, after: Any, handled: Iterable[str] = ()) -> KeyChanges | None:
    """The keys changed apart from `handled`, as `described` says them; None if none."""
    others = changed_fields(before, after, handled)
    return described(before, after, others) if others else None


def text(value: object) -> str:
    return "" if value is None else str(value)


Tell = Callable[[FileId, Any, Any], Iterable[Any]]


class Story(NamedTuple):
    """How a file of one subject is told, given the subject's id: created, removed, changed."""

    created: Callable[[str, Any], Message]
    removed: Callable[[str], Message]
    changed: Callable[[str, Any, Any], Iterable[Message]]

    def tell(self, file_id: FileId, before: Any, after: Any) -> Iterator[Message]:
        if before is None and after is not None:
            yield self.created(file_id.id, after)
        elif after is None:
            yield self.removed(file_id.id)
        elif before is not None:
            yield from self.changed(file_id.id, before, after)
