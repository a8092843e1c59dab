"""Roles: who held and trained for each role month by month, tenure against the charter's
limit (as `rotation` counts it), and the skills the roles need that few members have."""

from __future__ import annotations

from datetime import date, timedelta

from collectif.checks import irreplaceable, rotation
from collectif.checks.base import charter_of
from collectif.engine.picture.hours import runs
from collectif.engine.picture.records import RoleLine, Roles, Seat, Skill, Span, Tenure, Window
from collectif.model.collective import Collective, active_holders
from collectif.model.files import Holding, Role

ONE_DAY = timedelta(days=1)


def _days(role: Role, frame: Window) -> tuple[date, date] | None:
    """The days of the window up to the as-of date on which the role is active."""
    first = max(frame.start, role.created or frame.start)
    last = min(frame.end, frame.as_of, (role.retired or date.max) - ONE_DAY)
    return (first, last) if role.active and first <= last else None


def _member_days(collective: Collective, member_id: str) -> tuple[date, date]:
    """A member's days of membership; a member whose file is broken counts as always there,
    as `active_holders` counts their holdings."""
    member = collective.members.get(member_id)
    if member is None:
        return date.min, date.max
    return member.joined, (member.left - ONE_DAY) if member.left else date.max


def _in_month(
    holdings: list[Holding], month: Span, limits: tuple[date, date], member: tuple[date, date]
) -> bool:
    first = max(month.start, limits[0], member[0])
    last = min(month.end, limits[1], member[1])
    return any(
        max(first, h.since) <= (last if h.until is None else min(last, h.until)) for h in holdings
    )


def _seats(
    collective: Collective, role: Role, frame: Window, limits: tuple[date, date]
) -> tuple[Seat, ...]:
    seats = []
    for trainee, listed in ((False, role.holders), (True, role.trainees)):
        for member_id in dict.fromkeys(h.member for h in listed):
            if member_id not in collective.known.members:
                continue
            days = _member_days(collective, member_id)
            mine = [h for h in listed if h.member == member_id]
            held = [h for h in role.holders if h.member == member_id]
            months = tuple(
                _in_month(mine, month, limits, days)
                and not (trainee and _in_month(held, month, limits, days))
                for month in frame.months
            )
            if any(months):
                seats.append(Seat(member_id, trainee, months))
    return tuple(seats)


def _line(collective: Collective, role_id: str, role: Role, frame: Window) -> RoleLine | None:
    limits = _days(role, frame)
    active = role.active_on(frame.as_of)
    if limits is None and not active:
        return None
    rules = charter_of(collective).roles
    limit = rules.max_tenure_months
    tenures = (
        tuple(
            Tenure(t.member, t.since, t.months, t.months > limit)
            for t in rotation.tenures(collective, role, frame.as_of)
        )
        if active
        else ()
    )
    return RoleLine(
        role_id,
        role.title,
        role.kind,
        active,
        rules.min_holders if role.min_holders is None else role.min_holders,
        tuple(active_holders(collective, role, frame.as_of)) if active else (),
        _seats(collective, role, frame, limits) if limits else (),
        tenures,
    )


def _skills(collective: Collective, day: date) -> tuple[Skill, ...]:
    have = irreplaceable.skilled_members(collective, day)
    needed: dict[str, list[str]] = {}
    for role_id, role in sorted(collective.roles.items()):
        if role.active_on(day):
            for skill in dict.fromkeys(role.skills):
                needed.setdefault(skill, []).append(role_id)
    return tuple(
        Skill(skill, tuple(roles), tuple(have.get(skill, ())))
        for skill, roles in sorted(needed.items())
    )


def roles(collective: Collective, frame: Window) -> Roles | None:
    """Every role active during the window or on the as-of date; None when there is none, or
    while the charter's role settings are broken."""
    if not runs(collective, rotation.CHECK):
        return None
    lines = [
        _line(collective, role_id, role, frame)
        for role_id, role in sorted(collective.roles.items())
    ]
    shown = tuple(line for line in lines if line is not None)
    if not shown:
        return None
    return Roles(
        charter_of(collective).roles.max_tenure_months, shown, _skills(collective, frame.as_of)
    )
