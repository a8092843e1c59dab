"""Hours per member and month of the window, each entry by its own date, none after the as-of
date (it has not happened yet); and how a member stands against a periodic rule."""

from __future__ import annotations

from decimal import Decimal

from collectif.checks.base import Check
from collectif.checks.periods import Period
from collectif.checks.shares import incomplete, membership_in, recorded, time_in
from collectif.engine.picture.records import Standing, Window
from collectif.model.collective import Collective, Setting
from collectif.model.files import ENTRY_KINDS

ByKind = dict[str, Decimal]


def month_periods(frame: Window) -> list[Period]:
    return [Period(month.start, month.end, month.label) for month in frame.months]


def monthly(collective: Collective, frame: Window) -> dict[tuple[str, str], ByKind]:
    """Hours by kind per (member, month label) in the window, up to the as-of date."""
    found: dict[tuple[str, str], ByKind] = {}
    for key, entries in time_in(collective, ENTRY_KINDS, "month", month_periods(frame)).items():
        kinds: ByKind = {}
        for entry in entries:
            if entry.date <= frame.as_of:
                kinds[entry.kind] = kinds.get(entry.kind, Decimal(0)) + entry.hours
        if kinds:
            found[key] = kinds
    return found


def runs(collective: Collective, check: Check) -> bool:
    """Whether the check can run: none of the settings it reads is broken."""
    return not check.blocked_by(collective.broken_settings)


def readable(collective: Collective, setting: Setting) -> bool:
    """Whether a setting of collectif.yaml can be read: neither it nor what holds it is broken."""
    return not any(
        broken[: len(setting)] == setting[: len(broken)] for broken in collective.broken_settings
    )


def standing(
    collective: Collective, member_id: str, period: Period, as_of_closed: bool, short: bool
) -> Standing:
    """How the member stands in `period`, in the order the checks decide it."""
    member = collective.members.get(member_id)
    if member is None or membership_in(member, period) is None:
        return "away"
    if not recorded(collective, period):
        return "away"  # before the collective recorded its time: owed by nobody, as `owing` says
    if period.start <= member.joined <= period.end:
        return "newcomer"
    if not as_of_closed:
        return "open"
    if incomplete(collective, member_id, period):
        return "incomplete"
    return "short" if short else "met"
