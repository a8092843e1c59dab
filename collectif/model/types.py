"""Field types shared by the file models: ids, exact money, hours, dates, months.

Every number and date has sane bounds, so that no check ever meets a value its arithmetic
cannot hold: a decimal with thirty digits or a date in year 9999 is a `schema` finding, said
where it is written, instead of an overflow somewhere later.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints
from pydantic_core import PydanticCustomError

# Python's `$` also matches before a final newline: `\Z` is the end of the text. These are for
# Python's `re` (`.match` is then a full match); pydantic and JSON Schema get the
# `*_SCHEMA_PATTERN`s, as their engines (Rust's regex, ECMA-262) read `$` as the end of the
# text and know no `\Z`.
ID_PATTERN = r"^[a-z0-9][a-z0-9-]{0,62}\Z"
MONTH_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])\Z"
ID_SCHEMA_PATTERN = r"^[a-z0-9][a-z0-9-]{0,62}$"
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

Id = Annotated[str, StringConstraints(pattern=ID_SCHEMA_PATTERN)]

# The dates a collective's files may hold. Membership, roles and projects lie well inside;
# what lies outside is a typo (0206 for 2026) or "forever" written as 9999-12-31, and the
# margin on both sides keeps periods, windows and months arithmetic far from year 1 and 9999.
FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2999, 12, 31)

# Sane maxima: what no collective writes, far below what exact decimals can hold (28 digits).
DAY_HOURS = Decimal(24)  # an entry's hours, and a member's hours of one day
MAX_HOURS = Decimal(10_000)  # a charter's hours per period (a year has 8,784)
MAX_DAYS = Decimal(10_000)  # a quote line's days
MAX_MONEY = Decimal(1_000_000_000)  # an amount, a rate per day, a tolerance
MAX_COUNT = 10_000  # holders, actions, a truck factor
MAX_MONTHS = 1_200  # a window or a tenure: a hundred years
RATE_PLACES = 6


def in_range(day: date) -> bool:
    """Whether `day` lies within the dates collectif accepts."""
    return FIRST_DAY <= day <= LAST_DAY


def _to_date(value: Any) -> date:
    if isinstance(value, datetime):
        raise PydanticCustomError("date_type", "a date YYYY-MM-DD, without a time")
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            value = date.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError("date_impossible", "no such day") from None
    if not isinstance(value, date):
        raise PydanticCustomError("date_type", "a date YYYY-MM-DD")
    if not in_range(value):
        raise PydanticCustomError("date_range", "a date between 1900-01-01 and 2999-12-31")
    return value


def _to_decimal(value: Any) -> Decimal:
    if isinstance(value, (bool, float)):
        raise PydanticCustomError("decimal_type", "a number")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, str):
        try:
            result = Decimal(value.strip())
        except InvalidOperation:
            raise PydanticCustomError("decimal_type", "a number") from None
    else:
        raise PydanticCustomError("decimal_type", "a number")
    if not result.is_finite():
        raise PydanticCustomError("decimal_type", "a number")
    return result


def places(value: Decimal) -> int:
    """How many decimals `value` needs (`1.50` needs 1), computed without any rounding.

    `quantize` would raise for a value with more digits than the decimal context holds.
    """
    _, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int) or exponent >= 0:
        return 0
    needed = -exponent
    for digit in reversed(digits):
        if digit != 0 or needed == 0:
            return needed
        needed -= 1
    return 0  # every digit is zero: so is the value


def _at_most(
    kind: str, low: Decimal, high: Decimal, decimals: int, above_low: bool = False
) -> AfterValidator:
    """A validator of a decimal's range and decimals; `kind` names the error's message."""

    def check(value: Decimal) -> Decimal:
        too_low = value <= low if above_low else value < low
        if too_low or value > high:
            raise PydanticCustomError(f"{kind}_range", "a number out of range")
        if places(value) > decimals:
            raise PydanticCustomError(f"{kind}_places", "a number with too many decimals")
        return value

    return AfterValidator(check)


def _written(
    pattern: str,
    low: float | None = None,
    high: float | None = None,
    above: float | None = None,
) -> Any:
    """The JSON Schema of a decimal as a person writes it: a YAML number, or the number quoted."""
    return (
        Annotated[float, Field(ge=low, le=high, gt=above)]
        | Annotated[str, StringConstraints(pattern=pattern)]
    )


_HOURS_TEXT = r"^[0-9]+(\.[0-9]{1,2})?$"
_DAY_HOURS_TEXT = r"^[0-9]{1,2}(\.[0-9]{1,2})?$"
_MONEY_TEXT = r"^[0-9]+(\.[0-9]{1,2})?$"
_RATE_TEXT = r"^(0(\.[0-9]{1,6})?|1(\.0{1,6})?)$"

Day = Annotated[date, BeforeValidator(_to_date)]
Hours = Annotated[
    Decimal,
    BeforeValidator(
        _to_decimal, json_schema_input_type=_written(_HOURS_TEXT, low=0, high=int(MAX_HOURS))
    ),
    _at_most("hours", Decimal(0), MAX_HOURS, 2),
]
EntryHours = Annotated[
    Decimal,
    BeforeValidator(
        _to_decimal,
        json_schema_input_type=_written(_DAY_HOURS_TEXT, above=0, high=int(DAY_HOURS)),
    ),
    _at_most("entry_hours", Decimal(0), DAY_HOURS, 2, above_low=True),
]
Days = Annotated[
    Decimal,
    BeforeValidator(
        _to_decimal, json_schema_input_type=_written(_HOURS_TEXT, low=0, high=int(MAX_DAYS))
    ),
    _at_most("days", Decimal(0), MAX_DAYS, 2),
]
Money = Annotated[
    Decimal,
    BeforeValidator(
        _to_decimal, json_schema_input_type=_written(_MONEY_TEXT, low=0, high=int(MAX_MONEY))
    ),
    _at_most("money", Decimal(0), MAX_MONEY, 2),
]
Rate = Annotated[
    Decimal,
    BeforeValidator(_to_decimal, json_schema_input_type=_written(_RATE_TEXT, low=0, high=1)),
    _at_most("rate", Decimal(0), Decimal(1), RATE_PLACES),
]
Count = Annotated[int, Field(strict=True, ge=0, le=MAX_COUNT)]
Months = Annotated[int, Field(strict=True, ge=0, le=MAX_MONTHS)]


# What git refuses or rewrites in an author's name and email (ident.c): it drops `<`, `>` and
# line breaks, strips these "crud" characters from both ends, and refuses a name of nothing
# else. Control characters would also reach terminals and commit messages as they are.
GIT_CRUD = ".,:;<>\"\\'"
_BRACKETS = "<>"


# Control characters, line and paragraph separators, and lone surrogates (how Python hands
# over command-line bytes that are not UTF-8).
_CONTROL = frozenset({"Cc", "Cs", "Zl", "Zp"})


def control_character(text: str, allowed: str = "") -> str | None:
    """The first control character of `text` that is not in `allowed`, as `U+XXXX`."""
    for character in text:
        if character not in allowed and unicodedata.category(character) in _CONTROL:
            return f"U+{ord(character):04X}"
    return None


def git_name_problem(name: str) -> str | None:
    """Why git would refuse or rewrite `name` as an author's name (an error type), else None."""
    if control_character(name) is not None or any(c in _BRACKETS for c in name):
        return "git_name_characters"
    if not name.strip(GIT_CRUD + " \t"):
        return "git_name_crud"
    return None


def git_email_problem(email: str) -> str | None:
    """Why git would refuse or rewrite `email` as an author's email (an error type), else None."""
    if control_character(email) is not None or any(c in _BRACKETS for c in email):
        return "git_email_characters"
    if email[:1] in GIT_CRUD or email[-1:] in GIT_CRUD:
        return "git_email_ends"
    return None


def _git_name(value: str) -> str:
    problem = git_name_problem(value)
    if problem is not None:
        raise PydanticCustomError(problem, "a name git keeps as written")
    return value


def _git_email(value: str) -> str:
    problem = git_email_problem(value)
    if problem is not None:
        raise PydanticCustomError(problem, "an email git keeps as written")
    return value


PersonName = Annotated[str, StringConstraints(min_length=1), AfterValidator(_git_name)]
EMAIL_SCHEMA_PATTERN = r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$"
Email = Annotated[str, StringConstraints(pattern=EMAIL_SCHEMA_PATTERN), AfterValidator(_git_email)]
