"""Field types shared by the file models: ids, exact money, hours, dates, months."""

from __future__ import annotations

import re
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


def _to_date(value: Any) -> date:
    if isinstance(value, datetime):
        raise PydanticCustomError("date_type", "a date YYYY-MM-DD, without a time")
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError("date_impossible", "no such day") from None
    raise PydanticCustomError("date_type", "a date YYYY-MM-DD")


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


def _non_negative(value: Decimal) -> Decimal:
    if value < 0:
        raise PydanticCustomError("non_negative", "a number of zero or more")
    return value


def _cents(value: Decimal) -> Decimal:
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2 and value != value.quantize(Decimal("0.01")):
        raise PydanticCustomError("money_places", "an amount with at most 2 decimals")
    return value


def _rate(value: Decimal) -> Decimal:
    if not Decimal(0) <= value <= Decimal(1):
        raise PydanticCustomError("rate_range", "a rate between 0 and 1")
    return value


def _written(pattern: str, low: int | None = None, high: int | None = None) -> Any:
    """The JSON Schema of a decimal as a person writes it: a YAML number, or the number quoted."""
    return (
        Annotated[float, Field(ge=low, le=high)]
        | Annotated[str, StringConstraints(pattern=pattern)]
    )


_DECIMAL_TEXT = r"^-?[0-9]+(\.[0-9]+)?$"
_NON_NEGATIVE_TEXT = r"^[0-9]+(\.[0-9]+)?$"
_MONEY_TEXT = r"^[0-9]+(\.[0-9]{1,2})?$"
_RATE_TEXT = r"^(0(\.[0-9]+)?|1(\.0+)?)$"

Day = Annotated[date, BeforeValidator(_to_date)]
Number = Annotated[
    Decimal, BeforeValidator(_to_decimal, json_schema_input_type=_written(_DECIMAL_TEXT))
]
Hours = Annotated[
    Decimal,
    BeforeValidator(_to_decimal, json_schema_input_type=_written(_NON_NEGATIVE_TEXT, low=0)),
    AfterValidator(_non_negative),
]
Money = Annotated[
    Decimal,
    BeforeValidator(_to_decimal, json_schema_input_type=_written(_MONEY_TEXT, low=0)),
    AfterValidator(_non_negative),
    AfterValidator(_cents),
]
Rate = Annotated[
    Decimal,
    BeforeValidator(_to_decimal, json_schema_input_type=_written(_RATE_TEXT, low=0, high=1)),
    AfterValidator(_rate),
]
