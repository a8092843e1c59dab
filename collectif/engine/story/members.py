"""What a commit did to a member's file, in words."""

from __future__ import annotations

from collections.abc import Iterator

from collectif.engine.story.versions import added_removed, changed_fields, described, text
from collectif.model.files import Member, Pause
from collectif.model.layout import FileId
from collectif.model.message import Message, msg

_HANDLED = ("left", "pauses", "charter_signed", "joined")


def _pause(member: str, pause: Pause) -> Message:
    start, end = text(pause.start), text(pause.to)
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
        yield msg(
            "a pause of {member} was removed ({start} to {end})",
            member=member,
            start=text(pause.start),
            end=text(pause.to),
        )
    if before.charter_signed != after.charter_signed and after.charter_signed:
        yield msg(
            "{member} signed the charter {version}", member=member, version=after.charter_signed
        )
    others = changed_fields(before, after, _HANDLED)
    if others:
        yield msg(
            "{member}'s details changed: {keys}",
            member=member,
            keys=described(before, after, others),
        )


def tell(file_id: FileId, before: Member | None, after: Member | None) -> Iterator[Message]:
    member = file_id.id
    if before is None and after is not None:
        yield msg(
            "{member} joined the collective on {date}", member=member, date=text(after.joined)
        )
    elif after is None:
        yield msg("the file of {member} was removed", member=member)
    elif before is not None:
        yield from _changes(member, before, after)
