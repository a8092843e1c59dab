"""At a glance: who and what is active on the as-of date, the findings, the truck factor."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date

from collectif.checks import truck_factor
from collectif.checks.base import charter_of
from collectif.checks.departure import Departure, Undecided
from collectif.engine.picture.records import CheckCount, Glance, TruckFactor
from collectif.model.collective import Collective, active_roles, covers, is_active
from collectif.model.finding import Finding, Severity


def glance(
    collective: Collective, day: date, findings: Sequence[Finding], not_run: Sequence[str]
) -> Glance:
    active = [m for m in collective.members.values() if is_active(m, day)]
    paused = [m for m in active if any(covers(p.start, p.to, day) for p in m.pauses)]
    counted = Counter((f.check, f.severity) for f in findings)
    checks = sorted({f.check for f in findings})
    return Glance(
        members=len(active),
        paused=len(paused),
        roles=len(active_roles(collective, day)),
        projects=sum(1 for p in collective.projects.values() if p.status == "active"),
        errors=sum(1 for f in findings if f.severity is Severity.ERROR),
        warnings=sum(1 for f in findings if f.severity is Severity.WARNING),
        findings=tuple(
            CheckCount(c, counted[c, Severity.ERROR], counted[c, Severity.WARNING]) for c in checks
        ),
        not_run=tuple(not_run),
        truck_factor=truck(collective, day),
    )


def truck(collective: Collective, day: date) -> TruckFactor | None:
    """The truck factor by the check's own search; None without an active role."""
    minimum = charter_of(collective).truck_factor_min
    holders = truck_factor.role_holders(collective, day)
    if not holders:
        return None
    answer = truck_factor.departure(holders, minimum)
    if isinstance(answer, Departure):
        gone = frozenset(answer.members)
        uncovered = tuple(role for role, group in holders.items() if group <= gone)
        return TruckFactor(
            minimum,
            len(answer.members),
            answer.members,
            answer.exact,
            False,
            len(holders),
            uncovered,
        )
    empty = tuple(role for role, group in holders.items() if not group)
    return TruckFactor(minimum, None, (), False, isinstance(answer, Undecided), len(holders), empty)
