"""A time entry as the checks read it: a light record, validated beforehand as `files.Entry`."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from collectif.model.files import EntryKind


class TimeEntry(NamedTuple):
    """One entry of a member's month: what the checks need of it, without its note.

    A collective holds hundreds of thousands of them: a tuple costs a fraction of a model.
    """

    date: date
    hours: Decimal
    kind: EntryKind
    ref: str | None = None

    @property
    def volunteer(self) -> bool:
        return self.kind != "project"


Entries = tuple[TimeEntry, ...]
