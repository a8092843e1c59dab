"""Dates given on the command line."""

from __future__ import annotations

from datetime import date

from collectif.errors import CollectifError


def parse_day(option: str, value: str | None, default: date | None = None) -> date | None:
    """`value` as a date, or a clear error naming the option."""
    if value is None:
        return default
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CollectifError(
            "{option}: `{value}` is not a date; write it YYYY-MM-DD, e.g. 2026-03-31.",
            option=option,
            value=value,
        ) from None
