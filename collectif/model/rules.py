"""pydantic's view of the file records: the validators of the field types and of the records.

Nothing imports this module until a file must be validated (or a schema written): the records
and the field types only name their rules (`Record`'s hooks, `types.Rules`), so a check whose
files all come from the cache never imports pydantic.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, TypeVar, cast

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    StringConstraints,
    TypeAdapter,
    WithJsonSchema,
)
from pydantic import StrictBool as _StrictBool
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError, core_schema

from collectif.model import files
from collectif.model.types import (
    CURRENCY_SCHEMA_PATTERN,
    DAY_HOURS,
    EMAIL_SCHEMA_PATTERN,
    ID_SCHEMA_PATTERN,
    MAX_COUNT,
    MAX_DAYS,
    MAX_HOURS,
    MAX_MONEY,
    MAX_MONTHS,
    MAX_POINTS,
    RATE_PLACES,
    control_character,
    git_email_problem,
    git_name_problem,
    in_range,
    places,
)

T = TypeVar("T")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

# The field types -------------------------------------------------------------------------------


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


def _as_written(
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


def _short_text(value: Any) -> Any:
    if isinstance(value, str) and control_character(value) is not None:
        raise PydanticCustomError("short_text_lines", "one line of text")
    return value


# A phone number as people write it: digits, spaces, `+ . - ( ) /`, with 6 to 20 digits.
_PHONE_TEXT = r"^\+?[0-9 .()/-]{6,40}$"
_PHONE = re.compile(_PHONE_TEXT.removesuffix("$") + r"\Z")


def _phone(value: Any) -> Any:
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        raise PydanticCustomError("phone_number", "a phone number in quotes")
    if isinstance(value, str):
        digits = sum(character.isdigit() for character in value)
        if not _PHONE.match(value.strip()) or not 6 <= digits <= 20:
            raise PydanticCustomError("phone_form", "a phone number")
        return value.strip()
    return value


# A public SSH key as `ssh-keygen` writes it in a `.pub` file: type, base64, optional comment.
_SIGNING_KEY = (
    r"^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp(256|384|521)|sk-ssh-ed25519@openssh\.com"
    r"|sk-ecdsa-sha2-nistp256@openssh\.com) [A-Za-z0-9+/]+={0,3}( [^\n\r]*)?$"
)


def _signing_key(value: str) -> str:
    if not re.fullmatch(_SIGNING_KEY, value.strip()):
        raise PydanticCustomError("signing_key", "a public SSH key")
    return value.strip()


_HOURS_TEXT = r"^[0-9]+(\.[0-9]{1,2})?$"
_DAY_HOURS_TEXT = r"^[0-9]{1,2}(\.[0-9]{1,2})?$"
_MONEY_TEXT = r"^[0-9]+(\.[0-9]{1,2})?$"
_RATE_TEXT = r"^(0(\.[0-9]{1,6})?|1(\.0{1,6})?)$"
_POINTS_TEXT = r"^[0-9]+(\.[0-9]{1,6})?$"


def _decimal(
    kind: str, pattern: str, high: Decimal, decimals: int = 2, above_zero: bool = False
) -> Any:
    """A decimal field from 0 (or above 0) to `high`, with at most `decimals` places: read from
    a number or a quoted number, and described in the JSON Schema as a person writes it."""
    written = (
        _as_written(pattern, above=0, high=int(high))
        if above_zero
        else _as_written(pattern, low=0, high=int(high))
    )
    return Annotated[
        Decimal,
        BeforeValidator(_to_decimal, json_schema_input_type=written),
        _at_most(kind, Decimal(0), high, decimals, above_low=above_zero),
    ]


# What each name of `types.Rules` stands for.
_FIELD_TYPES: dict[str, Any] = {
    "Id": Annotated[str, StringConstraints(pattern=ID_SCHEMA_PATTERN)],
    "NonEmptyText": Annotated[str, StringConstraints(min_length=1)],
    "PersonName": Annotated[str, StringConstraints(min_length=1), AfterValidator(_git_name)],
    "Email": Annotated[
        str, StringConstraints(pattern=EMAIL_SCHEMA_PATTERN), AfterValidator(_git_email)
    ],
    "CurrencyCode": Annotated[str, StringConstraints(pattern=CURRENCY_SCHEMA_PATTERN)],
    "Day": Annotated[date, BeforeValidator(_to_date)],
    "HoursField": _decimal("hours", _HOURS_TEXT, MAX_HOURS),
    "EntryHours": _decimal("entry_hours", _DAY_HOURS_TEXT, DAY_HOURS, above_zero=True),
    "Days": _decimal("days", _HOURS_TEXT, MAX_DAYS),
    "MoneyField": _decimal("money", _MONEY_TEXT, MAX_MONEY),
    "Rate": _decimal("rate", _RATE_TEXT, Decimal(1), RATE_PLACES),
    "Points": _decimal("points", _POINTS_TEXT, MAX_POINTS, RATE_PLACES),
    "Count": Annotated[int, Field(strict=True, ge=0, le=MAX_COUNT)],
    "Months": Annotated[int, Field(strict=True, ge=0, le=MAX_MONTHS)],
    "StrictBool": _StrictBool,
    "ShortText": Annotated[
        str, StringConstraints(min_length=1, max_length=200), AfterValidator(_short_text)
    ],
    "Phone": Annotated[
        str,
        BeforeValidator(_phone, json_schema_input_type=Annotated[str, Field(pattern=_PHONE_TEXT)]),
    ],
    "SigningKey": Annotated[
        str,
        AfterValidator(_signing_key),
        WithJsonSchema({"type": "string", "pattern": _SIGNING_KEY}),
    ],
}


def field_type(name: str) -> Any:
    """The pydantic form of the field type `types.Rules(name)` marks."""
    return _FIELD_TYPES[name]


# The records -----------------------------------------------------------------------------------


def _amount_or_days_rate(line: files.Line) -> None:
    by_days = line.days is not None or line.rate is not None
    if line.amount is not None and by_days:
        raise PydanticCustomError("line_both", "either amount, or days and rate, not both")
    if line.amount is None and (line.days is None or line.rate is None):
        raise PydanticCustomError("line_value", "amount, or both days and rate")


def _ref_required(entry: files.Entry) -> None:
    if entry.ref is None and entry.kind in ("project", "support"):
        raise PydanticCustomError("ref_required", "a ref for this kind")


# What a record needs of its fields together, once each field is valid.
_CHECKS: dict[type[files.Record], Callable[[Any], None]] = {
    files.Line: _amount_or_days_rate,
    files.Entry: _ref_required,
}


def record_schema(
    record: type[files.Record], source: Any, handler: GetCoreSchemaHandler
) -> CoreSchema:
    """The dataclass's own schema, then the record's checks, and which fields the file wrote."""
    keys = tuple((field.name, field.key) for field in files.fields(record))
    check = _CHECKS.get(record)

    def validate(data: Any, inner: core_schema.ValidatorFunctionWrapHandler) -> Any:
        value = inner(data)
        if isinstance(data, dict):  # a record given as it is keeps what it says it wrote
            written = frozenset(name for name, key in keys if key in data)
            object.__setattr__(value, "_written", written)
        if check is not None:
            check(value)
        return value

    # As pydantic does for a model's own validators: the record's definition (its `ref`) moves
    # to the validator around its dataclass schema, so that the record stays one definition
    # (one entry of `$defs` in the JSON Schemas) and every use of it runs the validator.
    schema = dict(handler.resolve_ref_schema(handler(source)))
    ref = schema.pop("ref", None)
    return core_schema.no_info_wrap_validator_function(validate, cast(CoreSchema, schema), ref=ref)


def record_json_schema(schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
    """The dataclass's JSON Schema, without what no file writes."""
    found = handler(schema)
    properties = handler.resolve_ref_schema(found).get("properties", {})
    properties.pop("_written", None)
    return found


# Validating ------------------------------------------------------------------------------------


_ADAPTERS: dict[Any, TypeAdapter[Any]] = {}


def adapter(kind: Any) -> TypeAdapter[Any]:
    """pydantic's validator of a record (or of a list of them), built once."""
    found = _ADAPTERS.get(kind)
    if found is None:
        found = _ADAPTERS[kind] = TypeAdapter(kind)
    return found


def validate(kind: type[T], data: Any) -> T:
    """The record that `data` (as read from a file) makes; raises pydantic's ValidationError."""
    value: T = adapter(kind).validate_python(data)
    return value
