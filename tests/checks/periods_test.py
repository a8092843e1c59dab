"""Calendar arithmetic holds at the ends of the calendar: no date ever overflows."""

from __future__ import annotations

from datetime import date

from collectif.checks.periods import add_months, closed_periods, month_span, period_of


def test_a_month_span_needs_no_day_after_it() -> None:
    assert month_span(9999, 12) == (date(9999, 12, 1), date(9999, 12, 31))
    assert month_span(2024, 2) == (date(2024, 2, 1), date(2024, 2, 29))


def test_months_added_past_the_calendar_stay_on_its_ends() -> None:
    assert add_months(date(9999, 11, 30), 1) == date(9999, 12, 30)
    assert add_months(date(9999, 12, 31), 1) == date.max
    assert add_months(date(1, 1, 31), -1) == date.min
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)


def test_periods_at_the_last_accepted_date() -> None:
    assert period_of(date(2999, 12, 31), "year").label == "2999"
    assert [p.label for p in closed_periods("quarter", date(2999, 12, 31))] == ["2999-Q3"]
