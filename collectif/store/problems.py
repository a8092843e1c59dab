"""Say what was expected and what was found, for parse and validation problems."""

from __future__ import annotations

import difflib
import types
import typing
from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from collectif.model.files import Strict
from collectif.model.message import N_, Message, Names, Text, msg
from collectif.model.types import ID_SCHEMA_PATTERN


class Problem(NamedTuple):
    """A validation problem: where it is in the document and what to say."""

    path: tuple[str | int, ...]
    message: Message
    on_key: bool = False


def describe(value: Any) -> Text:
    """What was found, in words: `a list`, `nothing`, or the value itself."""
    if value is None:
        return Text(msg("nothing"))
    if isinstance(value, bool):
        return Text(msg("true/false ({value})", value=str(value).lower()))
    if isinstance(value, list):
        return Text(msg("a list"))
    if isinstance(value, dict):
        return Text(msg("a mapping (key: value)"))
    if isinstance(value, date):
        return Text(msg("the date {value}", value=value.isoformat()))
    if isinstance(value, int | Decimal):
        return Text(msg("the number {value}", value=str(value)))
    text = str(value)
    return Text(msg('the text "{value}"', value=text if len(text) <= 60 else text[:57] + "..."))


def _pattern_message(pattern: str, found: Any) -> Message:
    if pattern == ID_SCHEMA_PATTERN:
        return msg(
            "expected an id (lowercase letters, digits and dashes, starting with a letter or a "
            "digit, at most 63 characters), found {found}",
            found=describe(found),
        )
    if "@" in pattern:
        return msg("expected an email address, found {found}", found=describe(found))
    if "A-Z" in pattern:
        return msg(
            "expected a three-letter currency code such as EUR, found {found}",
            found=describe(found),
        )
    return msg("the value {found} does not have the expected form", found=describe(found))


def _unwrap(annotation: Any) -> Any:
    """The model inside `list[X]`, `X | None`, `Annotated[X, ...]`."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (list, dict, typing.Union, types.UnionType):
        for arg in reversed(typing.get_args(annotation)):
            inner = _unwrap(arg)
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                return inner
    return annotation


def known_keys(root: type[BaseModel] | None, path: tuple[str | int, ...]) -> list[str]:
    """The keys allowed in the mapping at `path` of a document of model `root`."""
    model: Any = root
    for step in path:
        if isinstance(step, int) or not (isinstance(model, type) and issubclass(model, Strict)):
            continue
        field = next(
            (f for name, f in model.model_fields.items() if (f.alias or name) == step), None
        )
        model = _unwrap(field.annotation) if field else None
    if isinstance(model, type) and issubclass(model, Strict):
        return [f.alias or name for name, f in model.model_fields.items()]
    return []


def _unknown_key(error: ErrorDetails, root: type[BaseModel] | None) -> Problem:
    path = tuple(error["loc"])
    key = str(path[-1])
    keys = known_keys(root, path[:-1])
    close = difflib.get_close_matches(key, keys, n=1, cutoff=0.6)
    if close:
        message = msg(
            "unknown key `{key}`: did you mean `{suggestion}`?", key=key, suggestion=close[0]
        )
    else:
        message = msg(
            "unknown key `{key}`; the keys allowed here are {keys}",
            key=key,
            keys=Names(tuple(keys)),
        )
    return Problem(path, message, on_key=True)


_SIMPLE: dict[str, str] = {
    "string_type": N_("expected text, found {found}"),
    "string_too_short": N_("expected some text, found an empty value"),
    "int_type": N_("expected a whole number, found {found}"),
    "int_from_float": N_("expected a whole number, found {found}"),
    "bool_type": N_("expected true or false, found {found}"),
    "list_type": N_("expected a list, found {found}"),
    "dict_type": N_("expected a mapping (key: value), found {found}"),
    "model_type": N_("expected a mapping (key: value), found {found}"),
    "model_attributes_type": N_("expected a mapping (key: value), found {found}"),
    "date_type": N_("expected a date YYYY-MM-DD, found {found}"),
    "date_impossible": N_("{value} is not a real day: check the month and the day"),
    "decimal_type": N_("expected a number, found {found}"),
    "non_negative": N_("expected zero or more, found {found}"),
    "money_places": N_("expected an amount with at most 2 decimals, found {found}"),
    "rate_range": N_("expected a rate between 0 and 1 (0.05 for 5 %), found {found}"),
    "greater_than_equal": N_("expected zero or more, found {found}"),
    "line_both": N_("a line has either `amount`, or `days` and `rate`, not both"),
    "line_value": N_("a line needs `amount`, or both `days` and `rate`"),
    "ref_required": N_(
        "an entry of this kind needs `ref`: the id of the project or role it was for"
    ),
}


def problem(error: ErrorDetails, root: type[BaseModel] | None) -> Problem:
    """Our message for one pydantic error."""
    kind = error["type"]
    path = tuple(error["loc"])
    found = error.get("input")
    if kind == "extra_forbidden":
        return _unknown_key(error, root)
    if kind == "missing":
        return Problem(path[:-1], msg("missing required key `{key}`", key=str(path[-1])))
    if kind == "literal_error":
        expected = str((error.get("ctx") or {}).get("expected", ""))
        choices = tuple(part.strip(" '") for part in expected.replace(" or ", ",").split(","))
        return Problem(
            path,
            msg(
                "expected one of {choices}, found {found}",
                choices=Names(tuple(c for c in choices if c), alternatives=True),
                found=describe(found),
            ),
        )
    if kind == "string_pattern_mismatch":
        pattern = str((error.get("ctx") or {}).get("pattern", ""))
        return Problem(path, _pattern_message(pattern, found))
    if kind in _SIMPLE:
        return Problem(path, msg(_SIMPLE[kind], found=describe(found), value=str(found)))
    return Problem(
        path, msg("invalid value {found}: {detail}", found=describe(found), detail=error["msg"])
    )
