"""The collective's fund: its opening balance, what the named cotraitance deductions bring in
(per member, half-up to cents, on the day a project is paid) and what share-outs take out."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from collectif.checks.cotraitance import deducted
from collectif.model.collective import Collective
from collectif.model.files import Fund, Project


class Movement(NamedTuple):
    """Money in (a deduction) or out (a share-out's pot) of the fund, on a day."""

    day: date
    amount: Decimal  # positive in, negative out
    source: str  # `project:ID` or `distribution:ID`
    member: str | None = None  # whose share a deduction was withheld from
    deduction: str | None = None  # the deduction's name


def paid_on(project: Project) -> date | None:
    """The day a project's payouts were made (`paid`, else `end`); None when it feeds
    nothing (no payout, cancelled, or no date)."""
    if not project.payouts or project.status == "cancelled":
        return None
    return project.paid or project.end


def _rates(collective: Collective, fund: Fund) -> list[tuple[str, Decimal]]:
    config = collective.charter_config.charter
    return [
        (deduction.name, deduction.rate)
        for deduction in config.cotraitance.deductions
        if deduction.name in fund.from_deductions
    ]


def _deductions(collective: Collective, fund: Fund) -> Iterator[Movement]:
    rates = _rates(collective, fund)
    for project_id, project in sorted(collective.projects.items()):
        day = paid_on(project)
        if day is None:
            continue
        for name, rate in rates:
            for member, amount in deducted(project, rate).items():
                yield Movement(day, amount, f"project:{project_id}", member, name)


def movements(collective: Collective, fund: Fund) -> list[Movement]:
    """Every movement from the opening date on, in order: by day, money in before money out,
    then by source."""
    found = [*_deductions(collective, fund)]
    found += [
        Movement(distribution.date, -distribution.pot, f"distribution:{ident}")
        for ident, distribution in collective.distributions.items()
    ]
    found = [movement for movement in found if movement.day >= fund.opening.date]
    return sorted(found, key=lambda m: (m.day, m.amount < 0, m.source, m.member or ""))


def balance(fund: Fund, found: list[Movement], day: date) -> Decimal:
    """The balance at the end of `day`."""
    moved = sum((m.amount for m in found if m.day <= day), Decimal(0))
    return fund.opening.balance + moved


def available(collective: Collective, fund: Fund, ident: str) -> Decimal | None:
    """What a share-out may spend: the balance at the end of the day before its date, with the
    deductions of its date, less the pots of that date's share-outs with a smaller id; None
    for a share-out dated before the opening."""
    day = collective.distributions[ident].date
    if day < fund.opening.date:
        return None
    before = [
        m
        for m in movements(collective, fund)
        if m.day < day or (m.day == day and (m.amount >= 0 or m.source < f"distribution:{ident}"))
    ]
    return balance(fund, before, day)
