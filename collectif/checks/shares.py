"""What the money and time checks share: owed days, time per period, signed revenue, percents."""

from __future__ import annotations

import weakref
from collections.abc import Collection, Iterable, Iterator, Sequence
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from operator import itemgetter
from typing import NamedTuple

from collectif.checks.periods import Period, add_months, month_span
from collectif.model.collective import Collective
from collectif.model.entries import TimeEntry
from collectif.model.files import Member, Payout, PeriodKind, Project, Share
from collectif.model.finding import Path

ONE_DAY = timedelta(days=1)
# entries per (member, period label)
ByPeriod = dict[tuple[str, str], list[TimeEntry]]
CENT = Decimal("0.01")


class Span(NamedTuple):
    """Consecutive days, both ends included."""

    first: date
    last: date

    @property
    def days(self) -> int:
        return max((self.last - self.first).days + 1, 0)


# who owes how much of a period --------------------------------------------------------------


def membership_in(member: Member, period: Period) -> Span | None:
    """The days of `period` on which `member` is active, None if there are none."""
    first = max(member.joined, period.start)
    last = period.end if member.left is None else min(period.end, member.left - ONE_DAY)
    return Span(first, last) if first <= last else None


def _clipped_pauses(member: Member, span: Span) -> list[Span]:
    clipped = []
    for pause in member.pauses:
        first = max(pause.start, span.first)
        last = span.last if pause.to is None else min(pause.to, span.last)
        if first <= last:
            clipped.append(Span(first, last))
    return sorted(clipped)


def _union_days(spans: Sequence[Span]) -> int:
    """Days covered by sorted spans, counting overlapping pauses once."""
    total, reached = 0, None
    for span in spans:
        first = span.first if reached is None else max(span.first, reached + ONE_DAY)
        if first <= span.last:
            total += Span(first, span.last).days
            reached = span.last
    return total


def owed_days(member: Member, period: Period) -> int:
    """Days of `period` on which `member` is active and not on a pause."""
    span = membership_in(member, period)
    if span is None:
        return 0
    return span.days - _union_days(_clipped_pauses(member, span))


def per_member(values: Iterable[tuple[str, Decimal]]) -> dict[str, Decimal]:
    """(member, amount) pairs added up per member, in the order members first appear."""
    totals: dict[str, Decimal] = {}
    for member, value in values:
        totals[member] = totals.get(member, Decimal(0)) + value
    return totals


def paid(payouts: Iterable[Payout | Share]) -> dict[str, Decimal]:
    """What each member was paid, over all their payouts (of a project or a share-out)."""
    return per_member((payout.member, payout.amount) for payout in payouts)


def payout_path(payouts: Iterable[Payout | Share], member: str, key: str) -> Path:
    """Where `key` of the member's first payout is written, or the payouts if they have none."""
    for index, payout in enumerate(payouts):
        if payout.member == member:
            return ("payouts", index, key)
    return ("payouts",)


def recorded(collective: Collective, period: Period) -> bool:
    """Whether the collective recorded its time for `period`: it began on or after
    `charter.records_from` (or there is none). Nobody owes a period it did not record."""
    records_from = collective.charter_config.charter.records_from
    return records_from is None or period.start >= records_from


def owing(collective: Collective, period: Period) -> Iterator[tuple[str, Member]]:
    """Members who owe `period`: active on at least one of its days, in id order, except in
    the period they joined (a newcomer is not held to their first, partial period); nobody owes
    a period that began before `charter.records_from` (the collective's time was not recorded
    then)."""
    if not recorded(collective, period):
        return
    for member_id in sorted(collective.members):
        member = collective.members[member_id]
        joined_in = period.start <= member.joined <= period.end
        if membership_in(member, period) is not None and not joined_in:
            yield member_id, member


# time per member and period -----------------------------------------------------------------


# Entries by the month of their own date: (member, entries of that month) --------------------
ByMonth = dict[tuple[int, int], list[tuple[str, Sequence[TimeEntry]]]]
_INDEX: list[tuple[weakref.ref[Collective], ByMonth]] = []


def by_month(collective: Collective) -> ByMonth:
    """The entries grouped by the month of their date, built once per collective.

    A file whose entries all lie in its own month (nearly every file) is one group; the
    entries of any other file go each to its own month.
    """
    if _INDEX and _INDEX[0][0]() is collective:
        return _INDEX[0][1]
    index: ByMonth = {}
    spans: dict[str, tuple[date, date, tuple[int, int]]] = {}
    day_of = itemgetter(0)
    for (member_id, month), entries in collective.contributions.items():
        if not entries:
            continue
        span = spans.get(month) or spans.setdefault(month, _span(month))
        if span[0] <= min(map(day_of, entries)) and max(map(day_of, entries)) <= span[1]:
            index.setdefault(span[2], []).append((member_id, entries))
            continue
        for entry in entries:
            key = (entry.date.year, entry.date.month)
            index.setdefault(key, []).append((member_id, (entry,)))
    _INDEX[:] = [(weakref.ref(collective), index)]
    return index


def _span(month: str) -> tuple[date, date, tuple[int, int]]:
    year, number = int(month[:4]), int(month[5:7])
    return (*month_span(year, number), (year, number))


def _months(period: Period) -> Iterator[tuple[int, int]]:
    year, month = period.start.year, period.start.month
    while (year, month) <= (period.end.year, period.end.month):
        yield year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def time_in(
    collective: Collective, kinds: Collection[str], kind: PeriodKind, periods: Sequence[Period]
) -> ByPeriod:
    """Entries of `kinds` per (member, period label), each by its own date.

    Periods hold whole months: only the entries of their months are looked at.
    """
    wanted, index = frozenset(kinds), by_month(collective)
    found: ByPeriod = {}
    for period in {period.label: period for period in periods}.values():
        for month in _months(period):
            for member_id, entries in index.get(month, ()):
                chosen = [entry for entry in entries if entry.kind in wanted]
                if chosen:
                    found.setdefault((member_id, period.label), []).extend(chosen)
    return found


def hours_of(entries: Iterable[TimeEntry]) -> Decimal:
    return sum((entry.hours for entry in entries), Decimal(0))


# signed revenue -----------------------------------------------------------------------------


def signed_in_window(collective: Collective, as_of: date, months: int) -> dict[str, Project]:
    """Projects not cancelled, signed on d with `as_of - months months < d <= as_of`."""
    start = add_months(as_of, -months)
    return {
        project_id: project
        for project_id, project in sorted(collective.projects.items())
        if project.status != "cancelled"
        and project.signed is not None
        and start < project.signed <= as_of
    }


# numbers for people -------------------------------------------------------------------------


def cents(amount: Decimal) -> Decimal:
    """Rounded half-up to cents, as money is paid."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def percent(share: Decimal, beside: Decimal | None = None) -> Decimal:
    """`share` as a percentage, rounded as little as keeps it on its side of `beside`.

    "29.8 %, below the 30 % minimum" reads right; "30 %, below the 30 % minimum" does not.
    """
    exact = share * 100
    if beside is None:
        return exact.normalize()
    bound = beside * 100
    for places in range(0, 6):
        shown = exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        if (shown > bound) == (exact > bound) and (shown < bound) == (exact < bound):
            return shown
    return exact


def hours_shown(value: Decimal, beside: Decimal) -> Decimal:
    """Hours to one decimal, or two if one would hide that `value` is above `beside`."""
    for places in (1, 2):
        shown = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        if shown > beside:
            return shown
    return value


def ratio(part: Decimal, whole: Decimal) -> Decimal:
    """`part / whole` to four decimals, for scripts reading `details`."""
    return (part / whole).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)


def incomplete(collective: Collective, member_id: str, period: Period) -> bool:
    """Whether an entry of the member in the period was dropped (or a month's file could not be
    read): the `schema` finding says what to fix, and no count of that period is trusted."""
    return any(
        (member_id, f"{year:04d}-{month:02d}") in collective.incomplete
        for year, month in _months(period)
    )
