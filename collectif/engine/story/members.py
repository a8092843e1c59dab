"""What a commit did to a member's file, in words."""

from __future__ import annotations

from collections.abc import Iterator

from collectif.engine.story.versions import Story, added_removed, other_changes, text
from collectif.model.files import Member, Pause
from collectif.model.message import Message, msg

_HANDLED = ("left", "pauses", "charter_signed", "joined")


def _pause(member: str, pause: Pause, added: bool = True) -> Message:
    start, end = text(pause.start), text(pause.to)
    if not added:
        return msg(
            "a pause of {member} was removed ({start} to {end})",
            member=member,
            start=start,
            end=end,
        )
    if pause.reason:
        return msg(
            "{member} paused from {start} to {end} ({reason})",
            member=member,
            start=start,
            end=end,
            reason=pause.reason,
        )
    return msg("{member} paused from {start} to {end}", member=member, start=start, end=end)


def _departure(member: str, before: Member, after: Member) -> Iterator[Message]:
    if before.left is None and after.left is not None:
        yield msg("{member} left the collective on {date}", member=member, date=text(after.left))
    elif before.left is not None and after.left is None:
        yield msg("{member} is a member again: their departure was cancelled", member=member)
    elif before.left != after.left:
        yield msg("{member}'s departure date is now {date}", member=member, date=text(after.left))


def _changes(member: str, before: Member, after: Member) -> Iterator[Message]:
    if before.joined != after.joined:
        yield msg("{member}'s joining date is now {date}", member=member, date=text(after.joined))
    yield from _departure(member, before, after)
    added, removed = added_removed(before.pauses, after.pauses)
    for pause in added:
        yield _pause(member, pause)
    for pause in removed:
        yield _pause(member, pause, added=False)
    if before.charter_signed != after.charter_signed and after.charter_signed:
        yield msg(
            "{member} signed the charter {version}", member=member, version=after.charter_signed
        )
    keys = other_changes(before, after, _HANDLED)
    if keys is not None:
        yield msg("{member}'s details changed: {keys}", member=member, keys=keys)


def _created(member: str, after: Member) -> Message:
    return msg("{member} joined the collective on {date}", member=member, date=text(after.joined))


def _removed(member: str) -> Message:
    return msg("the file of {member} was removed", member=member)


tell = Story(_created, _removed, _changes).tell
