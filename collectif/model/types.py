"""Field types shared by the file records: ids, exact money, hours, dates, months.

Every number and date has sane bounds, so that no check ever meets a value its arithmetic
cannot hold: a decimal with thirty digits or a date in year 9999 is a `schema` finding, said
where it is written, instead of an overflow somewhere later.

This module does not import pydantic: a field type is its plain type (what the checks read),
marked with the name of its rules in `collectif.model.rules`, which builds pydantic's
validators only when a file must be validated.
"""

from __future__ import annotations

import unicodedata
from datetime import date
from decimal import Decimal
from typing import Annotated, Any

# Python's `$` also matches before a final newline: `\Z` is the end of the text. These are for
# Python's `re` (`.match` is then a full match); pydantic and JSON Schema get the
# `*_SCHEMA_PATTERN`s, as their engines (Rust's regex, ECMA-262) read `$` as the end of the
# text and know no `\Z`.
ID_PATTERN = r"^[a-z0-9][a-z0-9-]{0,62}\Z"
MONTH_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])\Z"
ID_SCHEMA_PATTERN = r"^[a-z0-9][a-z0-9-]{0,62}$"
EMAIL_SCHEMA_PATTERN = r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$"
CURRENCY_SCHEMA_PATTERN = r"^[A-Z]{3}$"

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
MAX_POINTS = Decimal(1_000_000_000)  # a member's points in a share-out, a weight
RATE_PLACES = 6


def in_range(day: date) -> bool:
    """Whether `day` lies within the dates collectif accepts."""
    return FIRST_DAY <= day <= LAST_DAY


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


# The field types ----------------------------------------------------------------------------


class Rules:
    """Marks a field type with the name of its pydantic form in `collectif.model.rules`.

    pydantic asks the mark for the type's schema (its `__get_pydantic_core_schema__`
    protocol), so the validators are built, and pydantic imported, only when a file is
    validated; the checks, and a run whose files all come from the cache, never pay for them.
    """

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"Rules({self.name!r})"

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from collectif.model import rules

        return handler.generate_schema(rules.field_type(self.name))


Id = Annotated[str, Rules("Id")]
NonEmptyText = Annotated[str, Rules("NonEmptyText")]
PersonName = Annotated[str, Rules("PersonName")]
Email = Annotated[str, Rules("Email")]
CurrencyCode = Annotated[str, Rules("CurrencyCode")]
Day = Annotated[date, Rules("Day")]
HoursField = Annotated[Decimal, Rules("HoursField")]
EntryHours = Annotated[Decimal, Rules("EntryHours")]
Days = Annotated[Decimal, Rules("Days")]
MoneyField = Annotated[Decimal, Rules("MoneyField")]
Rate = Annotated[Decimal, Rules("Rate")]
Points = Annotated[Decimal, Rules("Points")]  # points and weights: at most 6 decimals
Count = Annotated[int, Rules("Count")]
Months = Annotated[int, Rules("Months")]
StrictBool = Annotated[bool, Rules("StrictBool")]
ShortText = Annotated[str, Rules("ShortText")]  # one line of text: a name, a role
Phone = Annotated[str, Rules("Phone")]
SigningKey = Annotated[str, Rules("SigningKey")]
