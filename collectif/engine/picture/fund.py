"""The fund: its balance month by month (the ledger `collectif fund` prints), the last share-out,
and today's balance shared under the charter's formula (the proposal `collectif share` makes)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from collectif.checks import ledger, valuation
from collectif.checks.base import charter_of
from collectif.checks.distribution import formula_of, paid_amounts, recorded_points
from collectif.engine.picture.hours import readable
from collectif.engine.picture.records import (
    Fund,
    FundMonth,
    Payout,
    ShareOut,
    Span,
    Unshared,
    Window,
)
from collectif.model.collective import Collective
from collectif.model.files import Distribution
from collectif.model.files import Fund as FundSetting

_DAY = timedelta(days=1)


def _month(kept: FundSetting, span: Span, moves: list[ledger.Movement], as_of: date) -> FundMonth:
    last = min(span.end, as_of)
    inside = [m.amount for m in moves if span.start <= m.day <= last]
    income = sum((amount for amount in inside if amount > 0), Decimal(0))
    spent = -sum((amount for amount in inside if amount < 0), Decimal(0))
    return FundMonth(span.label, income, spent, ledger.balance(kept, moves, last))


def _payouts(
    pot: Decimal, amounts: dict[str, Decimal], points: dict[str, Decimal]
) -> tuple[Payout, ...]:
    return tuple(
        Payout(member, points.get(member, Decimal(0)), amount, amount / pot if pot else Decimal(0))
        for member, amount in amounts.items()
    )


def _recorded(ident: str, found: Distribution, formula: str) -> ShareOut:
    period, paid = found.period, paid_amounts(found)
    return ShareOut(
        ident,
        found.title,
        found.date,
        period.start,
        period.to,
        found.pot,
        sum(paid.values(), Decimal(0)),
        formula,
        found.cap_share,
        _payouts(found.pot, paid, recorded_points(found)),
    )


def _last(collective: Collective, as_of: date) -> ShareOut | None:
    done = [(d.date, ident) for ident, d in collective.distributions.items() if d.date <= as_of]
    if not done:
        return None
    _, ident = max(done)
    found = collective.distributions[ident]
    return _recorded(ident, found, formula_of(collective, found))


def _start(collective: Collective, opening: date, as_of: date) -> date:
    """The first day no share-out has valued yet: the day after the latest period of the
    share-outs dated on or before the as-of date, else the fund's opening."""
    ends = [d.period.to for d in collective.distributions.values() if d.date <= as_of]
    return max(ends) + _DAY if ends else opening


def _proposal(
    collective: Collective, pot: Decimal, start: date, as_of: date
) -> tuple[ShareOut | None, Unshared | None]:
    rules = charter_of(collective).valuation
    if rules is None or not readable(collective, ("charter", "valuation")):
        return None, "formula"
    if pot <= 0:
        return None, "empty"
    if start > as_of:
        return None, "period"
    window = valuation.Window(start, as_of)
    paid = valuation.earlier_payouts(collective, None, as_of)
    found = valuation.propose(collective, rules.formula, window, pot, paid)
    if found is None:
        return None, "points"
    amounts = found.split.amounts
    payouts = _payouts(pot, amounts, found.points)
    total = sum(amounts.values(), Decimal(0))
    shared = ShareOut(
        None, None, as_of, start, as_of, pot, total, found.formula, found.cap_share, payouts
    )
    return shared, None


def fund(collective: Collective, frame: Window) -> Fund | None:
    """The section's figures; None while the charter keeps no fund (or its setting is broken)."""
    kept = charter_of(collective).fund
    if kept is None or not readable(collective, ("charter", "fund")):
        return None
    as_of, opening = frame.as_of, kept.opening
    moves = [m for m in ledger.movements(collective, kept) if m.day <= as_of]
    balance = ledger.balance(kept, moves, as_of)
    months = tuple(
        _month(kept, span, moves, as_of)
        for span in frame.months
        if span.start <= as_of and span.end >= opening.date
    )
    start = _start(collective, opening.date, as_of)
    proposal, unshared = _proposal(collective, balance, start, as_of)
    return Fund(
        opening.date,
        opening.balance,
        balance,
        as_of,
        months,
        _last(collective, as_of),
        start,
        proposal,
        unshared,
    )
