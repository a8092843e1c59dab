"""Prospecting: each member's actions per period of the charter, against what it asks."""

from __future__ import annotations

from decimal import Decimal

from collectif.checks import prospecting as check
from collectif.checks.base import charter_of
from collectif.checks.shares import owed_days, time_in
from collectif.engine.picture.giving import members_in
from collectif.engine.picture.hours import ByKind, runs, standing
from collectif.engine.picture.records import Owed, Prospecting, Prospector, Window
from collectif.engine.picture.window import spans as _spans
from collectif.model.collective import Collective


def prospecting(
    collective: Collective, frame: Window, hours: dict[tuple[str, str], ByKind]
) -> Prospecting | None:
    """Actions per member and period; None while the charter's setting is broken, or when
    nobody was a member during the window."""
    if not runs(collective, check.CHECK):
        return None
    rules = charter_of(collective).prospecting
    chosen = [(period, shown) for period, shown in _spans(frame, rules.period)]
    done = time_in(collective, ("prospecting",), rules.period, [period for period, _ in chosen])
    members = members_in(collective, frame, hours)
    if not members:
        return None
    rows = []
    for member_id in members:
        member = collective.members.get(member_id)
        periods = []
        for period, shown in chosen:
            entries = done.get((member_id, period.label), [])
            count = sum(1 for entry in entries if entry.date <= frame.as_of)
            due = check.required(rules.actions, owed_days(member, period), period) if member else 0
            state = standing(collective, member_id, period, shown.closed, count < due)
            required = None if state in ("away", "newcomer") else Decimal(due)
            periods.append(Owed(period.label, Decimal(count), required, state))
        rows.append(Prospector(member_id, member.name if member else member_id, tuple(periods)))
    return Prospecting(
        rules.period,
        rules.actions,
        tuple(shown for _, shown in chosen),
        tuple(rows),
    )
