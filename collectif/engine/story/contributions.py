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


def _changed(member: str, old: TimeEntry, new: TimeEntry) -> Message:
    """One entry corrected (same day, kind and project or role): said as a change, whoever
    made it, rather than as an entry logged by the member and another taken off. Entries are
    compared without their notes, so the hours are what changed."""
    return msg(
        "the entry of {member} on {date} ({kind}) changed: {before} → {after}",
        member=member,
        date=new.date.isoformat(),
        kind=kind_word(new.kind),
        before=Hours(old.hours),
        after=Hours(new.hours),
    )


def _pairs(
    added: list[TimeEntry], removed: list[TimeEntry]
) -> tuple[list[tuple[TimeEntry, TimeEntry]], list[TimeEntry], list[TimeEntry]]:
    """Entries changed in place (one taken off and one added with the same day, kind and ref),
    and what is left added and removed."""
    left = list(added)
    pairs, gone = [], []
    for old in removed:
        same = [
            new for new in left if (new.date, new.kind, new.ref) == (old.date, old.kind, old.ref)
        ]
        if same:
            left.remove(same[0])
            pairs.append((old, same[0]))
        else:
            gone.append(old)
    return pairs, left, gone


def tell(file_id: FileId, before: Entries | None, after: Entries | None) -> Iterator[Message]:
    member, month = file_id.id, file_id.month
    added, removed = added_removed(before or (), after or ())
    pairs, added, removed = _pairs(list(added), list(removed))
    for old, new in pairs:
        yield _changed(member, old, new)
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
