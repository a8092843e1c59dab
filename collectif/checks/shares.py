"""What the money and time checks share: owed days, time per period, signed revenue, percents."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

from collectif.checks.periods import Period, add_months, period_of
from collectif.model.collective import Collective
from collectif.model.files import Entry, Member, PeriodKind, Project

ONE_DAY = timedelta(days=1)
# entries per (member, period label)
ByPeriod = dict[tuple[str, str], list[Entry]]
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


def owing(collective: Collective, period: Period) -> Iterator[tuple[str, Member]]:
    """Members who owe `period`: active on at least one of its days, in id order."""
    for member_id in sorted(collective.members):
        member = collective.members[member_id]
        if membership_in(member, period) is not None:
            yield member_id, member


# time per member and period -----------------------------------------------------------------


def _entries(collective: Collective) -> Iterator[tuple[str, Entry]]:
    for (member_id, _month), entries in collective.contributions.items():
        for entry in entries:
            yield member_id, entry


def time_in(
    collective: Collective, kinds: Collection[str], kind: PeriodKind, periods: Sequence[Period]
) -> ByPeriod:
    """Entries of `kinds` per (member, period label), each by its own date, in one pass."""
    if not periods:
        return {}
    wanted, labels = frozenset(kinds), {period.label for period in periods}
    first, last = min(p.start for p in periods), max(p.end for p in periods)
    label_of: dict[tuple[int, int], str] = {}  # a period holds whole months
    found: ByPeriod = {}
    for member_id, entry in _entries(collective):
        day = entry.date
        if entry.kind not in wanted or not first <= day <= last:
            continue
        month = (day.year, day.month)
        if month not in label_of:
            label_of[month] = period_of(day, kind).label
        if label_of[month] in labels:
            found.setdefault((member_id, label_of[month]), []).append(entry)
    return found


def hours_of(entries: Iterable[Entry]) -> Decimal:
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
