"""Dates given on the command line: one parser, so that every `--date` means the same."""

from __future__ import annotations

import re
from datetime import date
from typing import overload

from collectif.errors import CollectifError
from collectif.model.message import N_
from collectif.model.types import FIRST_DAY, LAST_DAY, in_range

_WRITTEN = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@overload
def parse_day(option: str, value: str, default: date | None = None) -> date: ...
@overload
def parse_day(option: str, value: str | None, default: date) -> date: ...
@overload
def parse_day(option: str, value: str | None, default: None = None) -> date | None: ...
def parse_day(option: str, value: str | None, default: date | None = None) -> date | None:
    """`value` as a date (`default` when not given), or a clear error naming the option.

    Only `YYYY-MM-DD` is a date (not `20261126`, which Python would also read), and only
    within the dates the files may hold, so that what a command writes can be checked.
    """
    if value is None:
        return default
    try:
        if not _WRITTEN.fullmatch(value):
            raise ValueError(value)
        day = date.fromisoformat(value)
    except ValueError:
        raise CollectifError(
            "{option}: `{value}` is not a date; write it YYYY-MM-DD, e.g. 2026-03-31.",
            option=option,
            value=value,
        ) from None
    if not in_range(day):
        raise CollectifError(
            "{option}: {value} is out of range: collectif takes dates from {first} to {last}.",
            option=option,
            value=value,
            first=FIRST_DAY,
            last=LAST_DAY,
        )
    return day


def past_day(
    value: str | None,
    today: date,
    refusal: str = N_("--date: {date} is after today ({today}): record it once it has happened."),
) -> date:
    """`--date` (default today), which may not be after today: it records what happened.
    `refusal` is the error for a later day, with the `{date}` given and `{today}`."""
    day = parse_day("--date", value, today)
    if day > today:
        raise CollectifError(refusal, date=day, today=today)
    return day


def parse_since(value: str | None, as_of: date) -> date | None:
    """`--since`, which must not come after the as-of date: no closed period would follow."""
    since = parse_day("--since", value)
    if since is not None and since > as_of:
        raise CollectifError(
            "--since {since} comes after the as-of date {as_of}: no period from then on is "
            "closed yet. Give an earlier --since, or a later --as-of.",
            since=since,
            as_of=as_of,
        )
    return since
