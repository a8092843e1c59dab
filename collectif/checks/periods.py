"""Calendar periods (month, quarter, year), closed periods, and month arithmetic."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import date, timedelta
from typing import NamedTuple

from collectif.model.files import PeriodKind
from collectif.model.message import Param, Text, msg


class Period(NamedTuple):
    """A period's first and last day (inclusive) and its label: 2026-03, 2026-Q1, 2026."""

    start: date
    end: date
    label: str

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    def each_day(self) -> Iterator[date]:
        for offset in range(self.days):
            yield self.start + timedelta(days=offset)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def period_of(day: date, kind: PeriodKind) -> Period:
    """The period of `kind` that holds `day`."""
    if kind == "month":
        return Period(
            day.replace(day=1), _month_end(day.year, day.month), f"{day.year:04d}-{day.month:02d}"
        )
    if kind == "quarter":
        quarter = (day.month - 1) // 3
        first = quarter * 3 + 1
        return Period(
            date(day.year, first, 1),
            _month_end(day.year, first + 2),
            f"{day.year:04d}-Q{quarter + 1}",
        )
    return Period(date(day.year, 1, 1), date(day.year, 12, 31), f"{day.year:04d}")


def next_period(period: Period, kind: PeriodKind) -> Period:
    return period_of(period.end + timedelta(days=1), kind)


def closed_periods(kind: PeriodKind, as_of: date, since: date | None = None) -> list[Period]:
    """The last closed period before `as_of`; with `since`, every closed one from its period on.

    A period is closed when its last day is before the as-of date.
    """
    last = period_of(period_of(as_of, kind).start - timedelta(days=1), kind)
    if since is None:
        return [last]
    periods = []
    current = period_of(since, kind)
    while current.end < as_of:
        periods.append(current)
        current = next_period(current, kind)
    return periods


def month_span(year: int, month: int) -> tuple[date, date]:
    """A month's first and last day: with no arithmetic past its end, so even 9999-12."""
    return date(year, month, 1), _month_end(year, month)


def add_months(day: date, months: int) -> date:
    """`day` moved by whole months, clamped to the end of shorter months (Jan 31 + 1 = Feb 28).

    Beyond the calendar's first or last day, the result stays on that day.
    """
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    if year < date.min.year:
        return date.min
    if year > date.max.year:
        return date.max
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def whole_months(start: date, end: date) -> int:
    """How many whole months lie between `start` and `end` (Jan 15 to Mar 14 is one)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if add_months(start, months) > end:
        months -= 1
    return months


def said(label: str) -> Param:
    """A period's label as a sentence says it: a quarter as « Q4 2026 » (« T4 2026 »), a month
    or a year as its label."""
    if "-Q" in label:
        return Text(msg("Q{quarter} {year}", quarter=label[-1], year=label[:4]))
    return label
