"""Valuing volunteer contribution: each member's points under a formula, and a pot shared in
proportion to points, exactly (fractions), rounded to cents only at the end.

Pure functions of the collective: `share` proposes with them, `distribution` recomputes with
them, so that what a collective pays follows the formula it chose, to the cent.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Any, NamedTuple

from collectif.model.collective import Collective
from collectif.model.entries import TimeEntry
from collectif.model.files import Formula, Member

POINTS_PLACES = Decimal("0.000001")  # points are recorded rounded half-up to 6 decimals
_CENTS = 100
_DAY = timedelta(days=1)
_ZERO = Decimal(0)


class Window(NamedTuple):
    """The days whose contributions are valued, both ends included."""

    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


# Points ----------------------------------------------------------------------------------------


def weight(weights: Mapping[str, Decimal], kind: str) -> Decimal:
    """What an hour of this kind is worth: paid project work 0, a kind not weighed 1."""
    if kind == "project":
        return Decimal(0)
    return weights.get(kind, Decimal(1))


def _entries(collective: Collective) -> Iterator[tuple[str, TimeEntry]]:
    """Every entry of a member whose file is valid, wherever it is filed."""
    for (member, _month), entries in collective.contributions.items():
        if member in collective.members:
            for entry in entries:
                yield member, entry


def _weighted(
    collective: Collective, weights: Mapping[str, Decimal], first: date | None, last: date
) -> dict[str, Fraction]:
    """Hours x weight per member, from the entries dated in [first, last] (summed as decimals,
    which are exact here: hours have 2 decimals and weights 6)."""
    points: dict[str, Decimal] = {}
    for member, entry in _entries(collective):
        if (first is None or first <= entry.date) and entry.date <= last:
            value = entry.hours * weight(weights, entry.kind)
            points[member] = points.get(member, _ZERO) + value
    return {member: Fraction(value) for member, value in points.items()}


def _active_days(member: Member, window: Window) -> int:
    first = max(member.joined, window.start)
    last = window.end if member.left is None else min(window.end, member.left - _DAY)
    return max((last - first).days + 1, 0)


def _equal(collective: Collective, window: Window) -> dict[str, Fraction]:
    return {
        member_id: Fraction(days, window.days)
        for member_id, member in collective.members.items()
        if (days := _active_days(member, window)) > 0
    }


def earlier_payouts(
    collective: Collective, before: tuple[date, str] | None, as_of: date
) -> dict[str, Fraction]:
    """What the recorded share-outs gave each member: those before (date, id) `before`, or for
    a proposal (`before` None) all those dated on or before `as_of`."""
    paid: dict[str, Fraction] = {}
    for ident, distribution in collective.distributions.items():
        earlier = (
            distribution.date <= as_of if before is None else (distribution.date, ident) < before
        )
        if earlier:
            for payout in distribution.payouts:
                paid[payout.member] = paid.get(payout.member, Fraction(0)) + Fraction(payout.amount)
    return paid


def balanced_points(
    lifetime: Mapping[str, Fraction], paid: Mapping[str, Fraction], pot: Fraction
) -> dict[str, Fraction]:
    """Each member's need: their target share of all that was ever paid plus this pot, in
    proportion to their lifetime points, less what they were already paid (never below 0)."""
    total_points = sum(lifetime.values(), Fraction(0))
    total_paid = sum(paid.values(), Fraction(0))
    needs: dict[str, Fraction] = {}
    for member in sorted(set(lifetime) | set(paid)):
        target = (total_paid + pot) * lifetime.get(member, Fraction(0)) / total_points
        needs[member] = max(Fraction(0), target - paid.get(member, Fraction(0)))
    return needs


class Basis(NamedTuple):
    """What a formula reads: its weights, the period, the pot, and (for `balanced`) what was
    already paid."""

    formula: Formula
    weights: Mapping[Any, Decimal]
    window: Window
    pot: Decimal
    paid: Mapping[str, Fraction]


def exact_points(collective: Collective, basis: Basis) -> dict[str, Fraction]:
    """Each member's points under the formula, exactly, from the entries of today."""
    window = basis.window
    if basis.formula == "equal":
        return _equal(collective, window)
    if basis.formula == "hours":
        return _weighted(collective, {}, window.start, window.end)  # every volunteer kind: 1
    period = _weighted(collective, basis.weights, window.start, window.end)
    if basis.formula == "weighted":
        return period
    lifetime = _weighted(collective, basis.weights, None, window.end)
    if sum(lifetime.values(), Fraction(0)) == 0:
        return period
    return balanced_points(lifetime, basis.paid, Fraction(basis.pot))


def recorded(points: Fraction) -> Decimal:
    """Points as a share-out records them: rounded half-up to 6 decimals."""
    scaled = points * 1_000_000
    whole = scaled.numerator // scaled.denominator
    if scaled - whole >= Fraction(1, 2):
        whole += 1
    return (Decimal(whole) / 1_000_000).quantize(POINTS_PLACES)


def points_of(collective: Collective, basis: Basis) -> dict[str, Decimal]:
    """Each member's points under the formula, as a share-out records them."""
    return {
        member: recorded(value) for member, value in sorted(exact_points(collective, basis).items())
    }


# Sharing a pot ---------------------------------------------------------------------------------


class Split(NamedTuple):
    """Each member's exact share and amount, and who reached the cap."""

    exact: dict[str, Fraction]
    amounts: dict[str, Decimal]
    capped: frozenset[str]


def _exact_shares(
    pot: Fraction, points: Mapping[str, Fraction], cap: Fraction | None
) -> tuple[dict[str, Fraction], frozenset[str]]:
    """Shares in proportion to points; with a cap, those above it get it and the rest of the
    pot is re-shared among the others, until nobody is above it."""
    capped: set[str] = set()
    while True:
        free = {member: value for member, value in points.items() if member not in capped}
        rest = pot - (cap or 0) * len(capped)
        total = sum(free.values(), Fraction(0))
        shares = {member: rest * value / total for member, value in free.items()} if total else {}
        above = {member for member, share in shares.items() if cap is not None and share > cap}
        if not above:
            shares.update({member: cap for member in capped if cap is not None})
            return shares, frozenset(capped)
        capped |= above


def _floor_cents(value: Fraction) -> int:
    return (value * _CENTS).numerator // (value * _CENTS).denominator


def split(pot: Decimal, points: Mapping[str, Decimal], cap_share: Decimal | None) -> Split | None:
    """The pot shared in proportion to points (None when nobody has any), floored to cents,
    the cents left over one each to the largest remainders (ties: more points first, then by
    id), so that the amounts add up to the pot; when everyone is capped, the rest stays in
    the fund.

    A capped member's exact share is the cap, and its remainder competes for a leftover cent
    like the others': otherwise a member below the cap could end a cent above a capped one
    with more points. So an amount may pass the cap by less than a cent, never more."""
    positive = {member: Fraction(value) for member, value in points.items() if value > 0}
    if not positive:
        return None
    whole = Fraction(pot)
    cap = None if cap_share is None else Fraction(cap_share) * whole
    exact, capped = _exact_shares(whole, positive, cap)
    cents = {member: _floor_cents(share) for member, share in exact.items()}
    target = _floor_cents(whole) if len(capped) < len(positive) else sum(cents.values())
    order = sorted(exact, key=lambda m: (-(exact[m] * _CENTS - cents[m]), -positive[m], m))
    for index in range(target - sum(cents.values())):
        cents[order[index % len(order)]] += 1
    amounts = {member: Decimal(cents.get(member, 0)) / _CENTS for member in sorted(points)}
    return Split(exact, {m: a.quantize(Decimal("0.01")) for m, a in amounts.items()}, capped)


# A proposal under the charter ------------------------------------------------------------------


class Proposal(NamedTuple):
    """A share-out under one formula: each member's points and amount, the cap it applied."""

    formula: Formula
    weights: dict[str, Decimal]
    cap_share: Decimal | None
    points: dict[str, Decimal]
    split: Split


def propose(
    collective: Collective,
    formula: Formula,
    window: Window,
    pot: Decimal,
    paid: Mapping[str, Fraction],
) -> Proposal | None:
    """The share-out `formula` gives with the charter's weights and cap (what `collectif share`
    proposes and the report shows); None when nobody has any points under it."""
    rules = collective.charter_config.charter.valuation
    weights = {str(kind): value for kind, value in rules.weights.items()} if rules else {}
    cap = rules.cap_share if rules is not None else None
    points = points_of(collective, Basis(formula, weights, window, pot, paid))
    shared = split(pot, points, cap)
    return None if shared is None else Proposal(formula, weights, cap, points, shared)
