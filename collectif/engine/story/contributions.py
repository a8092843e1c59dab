"""What a commit did to a member's month of time entries, in words."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from collectif.engine.story.versions import added_removed
from collectif.model.entries import Entries, TimeEntry
from collectif.model.layout import FileId
from collectif.model.message import Hours, Message, Param, msg
from collectif.model.words import kind_word

MANY_ENTRIES = 3


def _logged(member: str, entry: TimeEntry) -> Message:
    common: dict[str, Param] = {
        "member": member,
        "hours": Hours(entry.hours),
        "kind": kind_word(entry.kind),
        "date": entry.date.isoformat(),
    }
    if entry.ref:
        return msg("{member} logged {hours} of {kind} ({ref}) on {date}", ref=entry.ref, **common)
    return msg("{member} logged {hours} of {kind} on {date}", **common)


def _took_off(member: str, entry: TimeEntry) -> Message:
    return msg(
        "{member} took off an entry of {date} ({hours} of {kind})",
        member=member,
        date=entry.date.isoformat(),
        hours=Hours(entry.hours),
        kind=kind_word(entry.kind),
    )


def tell(file_id: FileId, before: Entries | None, after: Entries | None) -> Iterator[Message]:
    member, month = file_id.id, file_id.month
    added, removed = added_removed(before or (), after or ())
    if len(added) > MANY_ENTRIES:
        total = sum((entry.hours for entry in added), Decimal(0))
        yield msg(
            "{member} logged {count} entries in {month}, {hours} in all",
            member=member,
            count=len(added),
            month=month,
            hours=Hours(total),
        )
    else:
        for entry in added:
            yield _logged(member, entry)
    for entry in removed:
        yield _took_off(member, entry)
