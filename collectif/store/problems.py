"""Say what was expected and what was found, for parse and validation problems."""

from __future__ import annotations

import re
import types
import typing
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple

import yaml

from collectif.model import files
from collectif.model.files import Record
from collectif.model.message import N_, Message, Names, Text, msg
from collectif.model.types import (
    DAY_HOURS,
    FIRST_DAY,
    ID_SCHEMA_PATTERN,
    LAST_DAY,
    MAX_DAYS,
    MAX_HOURS,
    MAX_MONEY,
    MAX_POINTS,
    RATE_PLACES,
)
from collectif.model.words import closest
from collectif.store import yaml_fast

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

# pydantic's error types for a key that the record does not have, and for a value that should
# be a mapping of keys (a record).
UNKNOWN_KEY = "unexpected_keyword_argument"
NOT_A_MAPPING = "dataclass_type"


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
        return Text(msg("the number {value}", value=_shortened(_digits(value))))
    return Text(msg('the text "{value}"', value=_shortened(str(value))))


def _shortened(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."


def _digits(value: int | Decimal) -> str:
    # A Python int of more than 4,300 digits refuses `str()`; such a number is shown by its size.
    if isinstance(value, int) and abs(value).bit_length() > 10_000:
        return "1E+" + str(int(abs(value).bit_length() * 0.30103))
    return str(value)


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
    """The record inside `list[X]`, `X | None`, `Annotated[X, ...]`."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (list, dict, typing.Union, types.UnionType):
        for arg in reversed(typing.get_args(annotation)):
            inner = _unwrap(arg)
            if _is_record(inner):
                return inner
    return annotation


def _is_record(value: Any) -> bool:
    return isinstance(value, type) and issubclass(value, Record)


def known_keys(root: type[Record] | None, path: tuple[str | int, ...]) -> list[str]:
    """The keys allowed in the mapping at `path` of a document of record `root`."""
    record: Any = root
    for step in path:
        if isinstance(step, int) or not _is_record(record):
            continue
        field = next((f for f in files.fields(record) if f.key == step), None)
        record = _unwrap(files.field_types(record)[field.name]) if field else None
    if _is_record(record):
        return [field.key for field in files.fields(record)]
    return []


def _unknown_key(error: ErrorDetails, root: type[Record] | None) -> Problem:
    path = tuple(error["loc"])
    key = str(path[-1])
    keys = known_keys(root, path[:-1])
    close = closest(key, keys)
    if close is not None:
        message = msg(
            "unknown key `{key}`: did you mean `{suggestion}`?", key=key, suggestion=close
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
    NOT_A_MAPPING: N_("expected a mapping (key: value), found {found}"),
    "date_type": N_("expected a date YYYY-MM-DD, found {found}"),
    "date_impossible": N_("{value} is not a real day: check the month and the day"),
    "date_range": N_("expected a date between {first} and {last}, found {found}"),
    "decimal_type": N_("expected a number, found {found}"),
    "non_negative": N_("expected zero or more, found {found}"),
    "greater_than_equal": N_("expected zero or more, found {found}"),
    "less_than_equal": N_("expected at most {limit}, found {found}"),
    "hours_range": N_("expected hours between 0 and {limit}, found {found}"),
    "hours_places": N_("expected hours with at most 2 decimals, found {found}"),
    "entry_hours_range": N_(
        "expected more than 0 and at most {limit} hours, found {found}: an entry is the time "
        "given on one day"
    ),
    "entry_hours_places": N_(
        "expected hours with at most 2 decimals (0.25 for a quarter of an hour), found {found}"
    ),
    "days_range": N_("expected a number of days between 0 and {limit}, found {found}"),
    "days_places": N_("expected days with at most 2 decimals (0.5 for half a day), found {found}"),
    "money_range": N_("expected an amount between 0 and {limit}, found {found}"),
    "money_places": N_("expected an amount with at most 2 decimals, found {found}"),
    "rate_range": N_("expected a rate between 0 and 1 (0.05 for 5 %), found {found}"),
    "rate_places": N_("expected a rate with at most {limit} decimals, found {found}"),
    "points_range": N_("expected points or a weight between 0 and {limit}, found {found}"),
    "points_places": N_("expected points or a weight with at most {limit} decimals, found {found}"),
    "git_name_characters": N_(
        "a name may not hold `<`, `>`, line breaks or other control characters, which git "
        "drops or refuses in an author's name; found {found}"
    ),
    "git_name_crud": N_(
        "a name needs a letter or a digit: git refuses a name made only of spaces and "
        "`. , : ; < > \" \\ '`; found {found}"
    ),
    "git_email_characters": N_(
        "an email may not hold `<`, `>` or control characters, which git drops from an "
        "author's email; found {found}"
    ),
    "git_email_ends": N_(
        "an email may not start or end with `. , : ; \" \\ '`, which git strips from an "
        "author's email; found {found}"
    ),
    "signing_key": N_(
        "expected a public SSH key as in your `.pub` file (`ssh-ed25519 AAAA... you@laptop`: "
        "`cat ~/.ssh/id_ed25519.pub` prints it), found {found}"
    ),
    "line_both": N_("a line has either `amount`, or `days` and `rate`, not both"),
    "line_value": N_("a line needs `amount`, or both `days` and `rate`"),
    "string_too_long": N_("expected a shorter text (at most {limit} characters), found {found}"),
    "short_text_lines": N_(
        "expected one line of text, found {found}: a pasted card or signature goes into "
        "`name`, `role`, `email` and `phone`, one each"
    ),
    "phone_number": N_(
        'a phone number is written in quotes, e.g. "01 23 45 67 89": unquoted, {found} has '
        "lost its leading 0 or its spaces"
    ),
    "phone_form": N_("expected a phone number (digits, spaces and `+ . - ( ) /`), found {found}"),
    "ref_required": N_(
        "an entry of this kind needs `ref`: the id of the project or role it was for"
    ),
}
# The figure that `{limit}` stands for, by error type.
_LIMITS: dict[str, Decimal | int] = {
    "hours_range": MAX_HOURS,
    "entry_hours_range": DAY_HOURS,
    "days_range": MAX_DAYS,
    "money_range": MAX_MONEY,
    "rate_places": RATE_PLACES,
    "points_range": MAX_POINTS,
    "points_places": RATE_PLACES,
}
_DECIMAL_COMMA = re.compile(r"-?[0-9]+,[0-9]+")


def _simple(kind: str, error: ErrorDetails) -> Message:
    found = error.get("input")
    context = error.get("ctx") or {}
    limit = _LIMITS.get(kind, context.get("le", context.get("max_length")))
    return msg(
        _SIMPLE[kind],
        found=describe(found),
        # Only a text is shown whole: a deeply nested list must never be turned into text.
        value=found if isinstance(found, str) else "",
        limit=Decimal(limit) if isinstance(limit, int | Decimal) else None,
        first=FIRST_DAY,
        last=LAST_DAY,
    )


def _not_a_number(found: Any) -> Message:
    if isinstance(found, str) and _DECIMAL_COMMA.fullmatch(found.strip()):
        return msg(
            "expected a number, found {found}: write it with a decimal point, {fixed}",
            found=describe(found),
            fixed=found.strip().replace(",", "."),
        )
    return msg("expected a number, found {found}", found=describe(found))


# The keys of end dates, which people sometimes set far away to mean "no end".
_END_DATES = {("until",), ("to",), ("left",), ("end",)}


def _after_last_day(found: Any) -> bool:
    return isinstance(found, date) and found > LAST_DAY


def _far_date(found: date) -> Message:
    return msg(
        "expected a date between {first} and {last}, found {found}: when there is no end "
        "date, leave it out",
        first=FIRST_DAY,
        last=LAST_DAY,
        found=describe(found),
    )


def _invalid_key(found: Any) -> Message:
    if isinstance(found, int | Decimal):
        return msg(
            "a key that is a number ({key}): inside `{{ }}` a comma separates keys, so an "
            "amount written with a decimal comma (2000,00) splits in two; write it with a "
            "decimal point (2000.00)",
            key=_shortened(_digits(found)),
        )
    return msg("expected a key name (text), found {found}", found=describe(found))


def _not_a_choice(path: tuple[Any, ...], error: ErrorDetails, found: Any) -> Message:
    """A value that is not one of a key's choices, with the choice it most likely meant: a
    typo (`meting`), or a language named in words (`language: français`)."""
    expected = str((error.get("ctx") or {}).get("expected", ""))
    parts = (part.strip(" '") for part in expected.replace(" or ", ",").split(","))
    choices = tuple(part for part in parts if part)
    names = Names(choices, alternatives=True)
    meant = None
    if isinstance(found, str):
        from collectif import i18n

        plain = found.strip().lower()
        meant = i18n.meant(found) if path == ("language",) else closest(plain, choices)
    if meant not in choices:
        return msg("expected one of {choices}, found {found}", choices=names, found=describe(found))
    return msg(
        "expected one of {choices}, found {found}: did you mean `{suggestion}`?",
        choices=names, found=describe(found), suggestion=meant,
    )  # fmt: skip


def problem(error: ErrorDetails, root: type[Record] | None) -> Problem:
    """Our message for one pydantic error."""
    kind = error["type"]
    path = tuple(error["loc"])
    found = error.get("input")
    if kind == UNKNOWN_KEY:
        return _unknown_key(error, root)
    if kind == "missing":
        return Problem(path[:-1], msg("missing required key `{key}`", key=str(path[-1])))
    if kind == "literal_error":
        return Problem(path, _not_a_choice(path, error, found))
    if kind == "string_pattern_mismatch":
        pattern = str((error.get("ctx") or {}).get("pattern", ""))
        return Problem(path, _pattern_message(pattern, found))
    if kind == "decimal_type":
        return Problem(path, _not_a_number(found))
    if kind == "date_range" and path[-1:] in _END_DATES and _after_last_day(found):
        return Problem(path, _far_date(found))
    if kind == "invalid_key":
        return Problem(path[:-1], _invalid_key(found))
    if kind == NOT_A_MAPPING and root is files.Contact and path[:1] == ("people",):
        return Problem(path, person_expected(found))
    if kind in _SIMPLE:
        return Problem(path, _simple(kind, error))
    return Problem(
        path, msg("invalid value {found}: {detail}", found=describe(found), detail=error["msg"])
    )


def _vcard(found: Any) -> bool:
    return isinstance(found, str) and "BEGIN:VCARD" in found.upper()


def person_expected(found: Any) -> Message:
    """A `people` item that is not a mapping: often a pasted vCard or signature."""
    if _vcard(found):
        return msg(
            "this looks like a vCard: collectif does not read them; write the person as "
            "`{{name: ..., role: ..., email: ..., phone: ...}}`, professional details only"
        )
    return msg(
        "expected a person as `{{name: ..., role: ..., email: ..., phone: ...}}`, found {found}",
        found=describe(found),
    )


def contact_expected(found: Any) -> Message | None:
    """A contact file that is not a mapping and looks like a pasted vCard."""
    if not _vcard(found):
        return None
    return msg(
        "this looks like a vCard: collectif does not read them; write the organisation as "
        "`name:`, `kind:`, `status:`, `shared_by:`, `shared_on:`, and each person under "
        "`people:` as `{{name: ..., role: ..., email: ..., phone: ...}}`"
    )


# YAML that does not parse ------------------------------------------------------------------


class Located(NamedTuple):
    """A problem with its 1-based line and column in the file."""

    message: Message
    line: int = 1
    column: int = 1


# libyaml's words for what it could not read (its `problem`, or its `context`), and ours.
_SYNTAX: dict[str, str] = {
    "mapping values are not allowed": N_(
        "a `:` where YAML does not allow one: put a value holding `: ` in quotes, or indent "
        "this line like the keys around it"
    ),
    "could not find expected ':'": N_("a key without `:` after it"),
    "did not find expected key": N_("a line is not indented like the keys around it"),
    "did not find expected '-' indicator": N_("a list item is not indented like the others"),
    "did not find expected ',' or ']'": N_("a list in brackets is not closed with `]`"),
    "did not find expected ',' or '}'": N_("a mapping in braces is not closed"),
    "found character that cannot start any token": N_(
        "a character that cannot start a value (a tab, `@` or a backquote?): put the value in "
        "quotes"
    ),
    "found unexpected end of stream": N_("the file ends inside a quoted text: close the quote"),
    "found undefined alias": N_("an alias `*name` with no anchor `&name` before it"),
    "found duplicate anchor": N_("two anchors with the same name"),
    "expected a single document in the stream": N_(
        "more than one YAML document (`---`): keep one per file"
    ),
    "found a tab character": N_(
        "a tab where YAML expects spaces: indent with spaces only, never with tabs"
    ),
    "found invalid Unicode character escape code": N_(
        "an escape `\\u...` in double quotes that names no character: write the character "
        "itself, or remove the escape"
    ),
    "found unknown escape character": N_(
        "an unknown escape in double quotes: write `\\\\` for a backslash, or put the text in "
        "single quotes"
    ),
    "did not find expected hexdecimal number": N_(
        "an escape `\\x`, `\\u` or `\\U` in double quotes without its hexadecimal digits"
    ),
    "exceeded maximum nesting depth": N_(
        "lists or mappings nested far too deep: collectif's files need only a few levels"
    ),
    "block sequence entries are not allowed": N_(
        "a list item `- ` where YAML does not allow one: start the list on the next line, "
        "indented under its key"
    ),
    "did not find expected alphabetic or numeric character": N_(
        "an anchor `&` or an alias `*` without a name: put a value that starts with `&` or `*` "
        "in quotes"
    ),
    "did not find expected <document start>": N_(
        "more text after the end of the document: a closing bracket too many?"
    ),
    "did not find expected node content": N_(
        "a value is missing, or starts with a character that cannot start one: put it in quotes"
    ),
    "did not find expected comment or line break": N_(
        "text after a block indicator `|` or `>`: the block's text goes on the lines below"
    ),
    "found unexpected document indicator": N_(
        "a line starting with `---` or `...` inside a quoted text: indent it, or close the "
        "quote before it"
    ),
    "did not find the expected '>'": N_(
        "a tag `!` that collectif does not read: remove it, or put the value in quotes"
    ),
    "did not find expected whitespace or line break": N_(
        "a tag `!` or a directive `%` that collectif does not read: remove it, or put the value "
        "in quotes"
    ),
    "directive": N_(
        "a directive `%` that collectif does not read: remove it, or put the line in quotes"
    ),
    "tag handle": N_(
        "a tag `!` that collectif does not read: remove it, or put the value in quotes"
    ),
}


def _constructed(problem: str) -> Message:
    """Our message for a value the reader refused (yaml_fast's own words)."""
    if problem.startswith("duplicate key"):
        return msg(
            "duplicate key {key}: a key may appear only once here; keep one of them",
            key=problem.removeprefix("duplicate key "),
        )
    if problem.startswith("impossible date"):
        return msg(
            "{value} is not a real day: check the month and the day",
            value=problem.removeprefix("impossible date "),
        )
    if problem.startswith("tag "):
        return msg(
            "the tag {tag} is not allowed: collectif files hold plain data only; remove the tag",
            tag=problem.removeprefix("tag ").removesuffix(" is not allowed"),
        )
    if problem == "unhashable key":
        return msg("a list or a mapping used as a key: a key is a name")
    if problem == "merge of a non-mapping":
        return msg("`<<` merges mappings only")
    return msg("a value that does not fit its tag: remove the tag `!!...`, or correct the value")


def _syntax(error: yaml.MarkedYAMLError) -> Message:
    if isinstance(error, yaml_fast.TooDeep):
        return msg(
            "YAML syntax error: {problem}",
            problem=Text(
                msg(
                    "lists or mappings nested more than {limit} levels deep: collectif's files "
                    "need only a few",
                    limit=yaml_fast.MAX_DEPTH,
                )
            ),
        )
    said = f"{error.problem} {error.context}"
    for known, text in _SYNTAX.items():
        if known in said:
            return msg("YAML syntax error: {problem}", problem=Text(msg(text)))
    return msg("YAML syntax error: {problem}", problem=str(error.problem or error.context or ""))


def _position(raw: bytes, offset: int) -> tuple[int, int]:
    """The 1-based line and column (in characters) of a byte offset."""
    before = raw[: max(offset, 0)]
    start = before.rfind(b"\n") + 1
    return before.count(b"\n") + 1, len(before[start:].decode("utf-8", "replace")) + 1


def _unreadable(error: yaml.reader.ReaderError, raw: bytes) -> Located:
    character = error.character  # a code point from libyaml, a character from PyYAML's reader
    point = ord(character) if isinstance(character, str) and len(character) == 1 else character
    code = f"U+{point:04X}" if isinstance(point, int) else "?"
    if "control characters" in str(error.reason):
        message = msg(
            "a control character ({code}) is not allowed in YAML text: remove it", code=code
        )
    else:
        message = msg(
            "a character that YAML text may not hold ({code}): remove it, or save the file as "
            "UTF-8",
            code=code,
        )
    return Located(message, *_position(raw, error.position))


_CONFLICT = re.compile(rb"^<<<<<<< ", re.MULTILINE)


def _conflict(raw: bytes) -> Located | None:
    """A merge that stopped on a conflict leaves git's markers in the file: say so, rather
    than the YAML error they cause."""
    found = _CONFLICT.search(raw)
    if found is None or b"\n>>>>>>> " not in raw[found.start() :]:
        return None
    line = raw.count(b"\n", 0, found.start()) + 1
    return Located(
        msg(
            "an unresolved merge conflict (git's `<<<<<<<` markers): keep the right lines, "
            "remove the markers, then `git add` the file"
        ),
        line,
    )


def yaml_problem(error: yaml.YAMLError, raw: bytes) -> Located:
    """What a file's bytes that do not parse as YAML say, and where, in words for a person."""
    conflict = _conflict(raw)
    if conflict is not None:
        return conflict
    if isinstance(error, yaml.reader.ReaderError):
        return _unreadable(error, raw)
    if not isinstance(error, yaml.MarkedYAMLError):
        return Located(msg("YAML error: {problem}", problem=str(error)))
    mark = error.problem_mark or error.context_mark
    where = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if isinstance(error, yaml.constructor.ConstructorError):
        return Located(_constructed(str(error.problem)), *where)
    return Located(_syntax(error), *where)
