"""Where one member stands on a day: their roles and tenure, what they owe in the current
period and what they logged, their prospecting, the findings about them. Every figure comes
from the checks' own functions, so that `me` and `check` never disagree."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import NamedTuple

from collectif.checks import minimum, prospecting
from collectif.checks.base import Context, charter_of
from collectif.checks.earlier import adoption
from collectif.checks.periods import Period, period_of, whole_months
from collectif.checks.rotation import continuous_since
from collectif.checks.shares import hours_of, owed_days, time_in
from collectif.model.collective import Collective, active_roles, covers
from collectif.model.finding import Placed


class Holding(NamedTuple):
    role: str
    title: str
    since: date
    months: int


class Owed(NamedTuple):
    """What the member owes in the current period, and what they have logged so far."""

    period: str
    end: date
    required: Decimal
    logged: Decimal
    newcomer: bool

    @property
    def remaining(self) -> Decimal:
        return max(Decimal(0), self.required - self.logged)


class Prospected(NamedTuple):
    period: str
    end: date
    required: int
    done: int
    newcomer: bool


class Standing(NamedTuple):
    member: str
    name: str
    day: date
    roles: list[Holding]
    trainings: list[Holding]
    max_tenure: int
    owed: Owed
    prospected: Prospected
    findings: list[Placed]
    charter: str | None
    signed: str | None


def _holdings(
    collective: Collective, member: str, day: date
) -> tuple[list[Holding], list[Holding]]:
    held, trained = [], []
    for role_id, role in sorted(active_roles(collective, day).items()):
        for holding in role.holders:
            if holding.member == member and covers(holding.since, holding.until, day):
                own = [h for h in role.holders if h.member == member]
                since = continuous_since(own, holding)
                held.append(Holding(role_id, role.title, since, whole_months(since, day)))
        for holding in role.trainees:
            if holding.member == member and covers(holding.since, holding.until, day):
                trained.append(Holding(role_id, role.title, holding.since, 0))
    return held, trained


def _joined_in(joined: date, period: Period) -> bool:
    return period.start <= joined <= period.end


def _owed(collective: Collective, member: str, day: date) -> Owed:
    period = period_of(day, charter_of(collective).minimum.period)
    rules = adoption(collective, Context(as_of=day)).minimum(period)
    data = collective.members[member]
    given = time_in(collective, rules.counts, rules.period, [period])
    logged = hours_of(entry for entry in given.get((member, period.label), []) if entry.date <= day)
    required = minimum.required(rules.hours, owed_days(data, period), period)
    return Owed(period.label, period.end, required, logged, _joined_in(data.joined, period))


def _prospected(collective: Collective, member: str, day: date) -> Prospected:
    period = period_of(day, charter_of(collective).prospecting.period)
    rules = adoption(collective, Context(as_of=day)).prospecting(period)
    data = collective.members[member]
    done = time_in(collective, ("prospecting",), rules.period, [period])
    count = sum(1 for entry in done.get((member, period.label), []) if entry.date <= day)
    required = prospecting.required(rules.actions, owed_days(data, period), period)
    return Prospected(period.label, period.end, required, count, _joined_in(data.joined, period))


def _about(finding: Placed, member: str) -> bool:
    details = finding.details or {}
    return finding.subject == f"member:{member}" or details.get("member") == member


def standing(collective: Collective, member: str, day: date, findings: list[Placed]) -> Standing:
    """Where `member` stands on `day`, with the findings of that day that concern them."""
    data = collective.members[member]
    held, trained = _holdings(collective, member, day)
    charter = charter_of(collective)
    return Standing(
        member=member,
        name=data.name,
        day=day,
        roles=held,
        trainings=trained,
        max_tenure=charter.roles.max_tenure_months,
        owed=_owed(collective, member, day),
        prospected=_prospected(collective, member, day),
        findings=[finding for finding in findings if _about(finding, member)],
        charter=charter.version,
        signed=data.charter_signed,
    )
