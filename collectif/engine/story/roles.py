"""What a commit did to a role's file, in words."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

from collectif.engine.story.versions import Story, other_changes, text
from collectif.model.files import Holding, Role
from collectif.model.message import Message, Param, msg


def _by_start(items: Sequence[Holding]) -> dict[tuple[str, date], Holding]:
    return {(item.member, item.since): item for item in items}


def _values(role: str, holding: Holding, **day: Param) -> dict[str, Param]:
    """The values of a sentence about a member's holding (or training) of a role, on a day."""
    return {"member": holding.member, "role": role, **day}


def _started(role: str, holding: Holding, holders: bool) -> Message:
    values = _values(role, holding, since=text(holding.since))
    if holders:
        return msg("{member} joined the role {role} on {since}", **values)
    return msg("{member} started training for {role} on {since}", **values)


def _ended(role: str, holding: Holding, holders: bool) -> Message:
    if holding.until is None:
        return msg("{member} holds {role} again, with no end", member=holding.member, role=role)
    values = _values(role, holding, until=text(holding.until))
    if holders:
        return msg("{member} left the role {role} (last day {until})", **values)
    return msg("{member} ended training for {role} (last day {until})", **values)


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
    keys = other_changes(before, after, ("holders", "trainees", "active"))
    if keys is not None:
        yield msg("the role {role} changed: {keys}", role=role, keys=keys)


def _created(role: str, after: Role) -> Message:
    return msg("new role {role}: {title}", role=role, title=after.title)


def _removed(role: str) -> Message:
    return msg("the role {role} was removed", role=role)


tell = Story(_created, _removed, _changes).tell
