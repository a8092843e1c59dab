"""The months a report covers: by default the twelve up to the last closed month."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from collectif.checks.periods import Period, add_months, closed_periods, next_period, period_of
from collectif.engine.picture.records import Span, Window
from collectif.model.files import PeriodKind

DEFAULT_MONTHS = 12


def window(as_of: date, start: date | None = None, end: date | None = None) -> Window:
    """The whole months from `start`'s to `end`'s (defaults: the twelve months up to the last
    closed month before `as_of`, or twelve from `start`, or twelve up to `end`)."""
    if end is None:
        end = (
            closed_periods("month", as_of)[0].end
            if start is None
            else add_months(period_of(start, "month").start, DEFAULT_MONTHS) - timedelta(days=1)
        )
    last = period_of(end, "month")
    if start is None:
        start = add_months(last.start, 1 - DEFAULT_MONTHS)
    first = period_of(start, "month")
    months = tuple(span(period, as_of) for period in periods(first.start, last.end, "month"))
    return Window(first.start, last.end, as_of, months)


def periods(start: date, end: date, kind: PeriodKind) -> Iterator[Period]:
    """Every period of `kind` that holds a day of `[start, end]`."""
    current = period_of(start, kind)
    while current.start <= end:
        yield current
        if current.end >= date.max:
            return
        current = next_period(current, kind)


def span(period: Period, as_of: date) -> Span:
    """A period as the report shows it: closed when its last day is before the as-of date."""
    return Span(period.label, period.start, period.end, period.end < as_of)


def spans(frame: Window, kind: PeriodKind) -> tuple[tuple[Period, Span], ...]:
    """The charter's periods of `kind` that hold a month of the window."""
    return tuple((p, span(p, frame.as_of)) for p in periods(frame.start, frame.end, kind))
