"""What a commit did to a role's file, in words."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

from collectif.engine.story.versions import changed_fields, described, text
from collectif.model.files import Holding, Role
from collectif.model.layout import FileId
from collectif.model.message import Message, msg


def _by_start(items: Sequence[Holding]) -> dict[tuple[str, date], Holding]:
    return {(item.member, item.since): item for item in items}


def _started(role: str, holding: Holding, holders: bool) -> Message:
    if holders:
        return msg(
            "{member} joined the role {role} on {since}",
            member=holding.member,
            role=role,
            since=text(holding.since),
        )
    return msg(
        "{member} started training for {role} on {since}",
        member=holding.member,
        role=role,
        since=text(holding.since),
    )


def _ended(role: str, holding: Holding, holders: bool) -> Message:
    if holding.until is None:
        return msg("{member} holds {role} again, with no end", member=holding.member, role=role)
    if holders:
        return msg(
            "{member} left the role {role} (last day {until})",
            member=holding.member,
            role=role,
            until=text(holding.until),
        )
    return msg(
        "{member} ended training for {role} (last day {until})",
        member=holding.member,
        role=role,
        until=text(holding.until),
    )


def _taken_off(role: str, member: str, holders: bool) -> Message:
    if holders:
        return msg("{member} was taken off the holders of {role}", member=member, role=role)
    return msg("{member} was taken off the trainees of {role}", member=member, role=role)


def _holdings(
    role: str, before: Sequence[Holding], after: Sequence[Holding], holders: bool
) -> Iterator[Message]:
    old, new = _by_start(before), _by_start(after)
    for start, holding in new.items():
        if start not in old:
            yield _started(role, holding, holders)
        elif old[start].until != holding.until:
            yield _ended(role, holding, holders)
    for start in old:
        if start not in new:
            yield _taken_off(role, start[0], holders)


def _changes(role: str, before: Role, after: Role) -> Iterator[Message]:
    yield from _holdings(role, before.holders, after.holders, holders=True)
    yield from _holdings(role, before.trainees, after.trainees, holders=False)
    if before.active != after.active:
        if after.active:
            yield msg("the role {role} is active again", role=role)
        else:
            yield msg("the role {role} was retired", role=role)
    others = changed_fields(before, after, ("holders", "trainees", "active"))
    if others:
        yield msg(
            "the role {role} changed: {keys}", role=role, keys=described(before, after, others)
        )


def tell(file_id: FileId, before: Role | None, after: Role | None) -> Iterator[Message]:
    role = file_id.id
    if before is None and after is not None:
        yield msg("new role {role}: {title}", role=role, title=after.title)
    elif after is None:
        yield msg("the role {role} was removed", role=role)
    elif before is not None:
        yield from _changes(role, before, after)
