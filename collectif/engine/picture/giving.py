"""Who gives what: each member's hours by kind and month, against the charter's minimum, with
the months the `overload` check marks."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from decimal import Decimal

from collectif.checks import earlier, minimum, overload
from collectif.checks.base import Context, charter_of
from collectif.checks.periods import Period
from collectif.checks.shares import ByPeriod, hours_of, membership_in, owed_days, time_in
from collectif.engine.picture.hours import ByKind, runs, standing
from collectif.engine.picture.records import (
    Giver,
    Giving,
    MemberMonth,
    MinimumRule,
    OverloadRule,
    Owed,
    Span,
    Window,
)
from collectif.engine.picture.window import spans
from collectif.model.collective import Collective
from collectif.model.files import VOLUNTEER_KINDS

ZERO = Decimal(0)


def members_in(
    collective: Collective, frame: Window, hours: Iterable[tuple[str, str]]
) -> list[str]:
    """Members with a file who were members during the window or logged hours in it."""
    whole = Period(frame.start, frame.end, "")
    logged = {member for member, _ in hours}
    return sorted(
        member_id
        for member_id in collective.known.members
        if member_id in logged
        or (
            member_id in collective.members
            and membership_in(collective.members[member_id], whole) is not None
        )
    )


def _sum(kinds: ByKind, wanted: Iterable[str]) -> Decimal:
    return sum((kinds.get(kind, ZERO) for kind in wanted), ZERO)


def overloaded(collective: Collective, frame: Window) -> dict[tuple[str, str], tuple[str, ...]]:
    """The `overload` check's findings in the window's closed months, by (member, month)."""
    if not runs(collective, overload.CHECK):
        return {}
    judged = Context(as_of=min(frame.as_of, frame.end + timedelta(days=1)), since=frame.start)
    marks: dict[tuple[str, str], tuple[str, ...]] = {}
    for finding in overload.check(collective, judged):
        key = (str((finding.details or {})["member"]), finding.period or "")
        marks[key] = (*marks.get(key, ()), finding.key or "")
    return marks


def _minimum_rule(collective: Collective, frame: Window) -> MinimumRule | None:
    if not runs(collective, minimum.CHECK):
        return None
    rules = charter_of(collective).minimum
    return MinimumRule(
        rules.hours,
        rules.period,
        tuple(rules.counts),
        tuple(shown for _, shown in spans(frame, rules.period)),
    )


def _counted(collective: Collective, frame: Window, adoption: earlier.Adoption) -> ByPeriod:
    """Entries of the kinds the minimum counts, per (member, period), as the check reads them:
    a period begun before the charter's adoption counts the kinds of the version before."""
    kind = charter_of(collective).minimum.period
    found: ByPeriod = {}
    for period, _ in spans(frame, kind):
        found.update(time_in(collective, adoption.minimum(period).counts, kind, [period]))
    return found


def _owed(
    collective: Collective,
    member_id: str,
    frame: Window,
    given: ByPeriod,
    chosen: tuple[tuple[Period, Span], ...],
    adoption: earlier.Adoption,
) -> tuple[Owed, ...]:
    rows = []
    for period, shown in chosen:
        rules = adoption.minimum(period)
        entries = given.get((member_id, period.label), [])
        counted = hours_of(entry for entry in entries if entry.date <= frame.as_of)
        member = collective.members.get(member_id)
        days = owed_days(member, period) if member else 0
        due = minimum.required(rules.hours, days, period)
        short = minimum.short(counted, rules.hours, days, period)
        state = standing(collective, member_id, period, shown.closed, short)
        rows.append(
            Owed(period.label, counted, None if state in ("away", "newcomer") else due, state)
        )
    return tuple(rows)


def _months(
    member_id: str,
    frame: Window,
    hours: dict[tuple[str, str], ByKind],
    marks: dict[tuple[str, str], tuple[str, ...]],
) -> tuple[MemberMonth, ...]:
    months = []
    for month in frame.months:
        kinds = hours.get((member_id, month.label), {})
        months.append(
            MemberMonth(
                month.label,
                {kind: kinds[kind] for kind in VOLUNTEER_KINDS if kind in kinds},
                _sum(kinds, VOLUNTEER_KINDS),
                kinds.get("project", ZERO),
                marks.get((member_id, month.label), ()),
            )
        )
    return tuple(months)


def giving(
    collective: Collective, frame: Window, hours: dict[tuple[str, str], ByKind]
) -> Giving | None:
    """Every member's hours in the window; None when nobody was a member or logged time."""
    chosen = members_in(collective, frame, hours)
    if not chosen:
        return None
    marks = overloaded(collective, frame)
    rule = _minimum_rule(collective, frame)
    adoption = earlier.adoption(collective, Context(as_of=frame.as_of))
    given = _counted(collective, frame, adoption) if rule else {}
    periods = spans(frame, charter_of(collective).minimum.period) if rule else ()
    rows = []
    for member_id in chosen:
        months = _months(member_id, frame, hours, marks)
        by_kind: ByKind = {
            kind: total
            for kind in VOLUNTEER_KINDS
            if (total := sum((m.by_kind.get(kind, ZERO) for m in months), ZERO))
        }
        member = collective.members.get(member_id)
        rows.append(
            Giver(
                member_id,
                member.name if member else member_id,
                by_kind,
                sum(by_kind.values(), ZERO),
                None,
                sum((m.project for m in months), ZERO),
                months,
                _owed(collective, member_id, frame, given, periods, adoption) if rule else (),
            )
        )
    volunteer = sum((row.volunteer for row in rows), ZERO)
    rows = [row._replace(share=row.volunteer / volunteer if volunteer else None) for row in rows]
    rules = charter_of(collective).overload
    return Giving(
        VOLUNTEER_KINDS,
        rule,
        OverloadRule(rules.volunteer_hours_per_month, rules.max_share)
        if runs(collective, overload.CHECK)
        else None,
        volunteer,
        sum((row.project for row in rows), ZERO),
        tuple(rows),
    )
