"""Bytes to plain data, or the problem that says why there is none, with its place.

Reading YAML is `yaml_fast` (libyaml with YAML 1.2 values); this module turns what goes wrong
into words a member understands, in their language, at `line:column`.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import yaml

from collectif.model.finding import Problem
from collectif.model.message import N_, Message, Text, msg
from collectif.store import yaml_fast


def problem_at(
    path: str, subject: str, message: Message, line: int = 1, column: int = 1
) -> Problem:
    return Problem(file=path, subject=subject, message=message, line=line, column=column)


# Parsing ------------------------------------------------------------------------------------

_YAML_PROBLEMS = {
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
}


def _syntax_message(error: yaml.MarkedYAMLError) -> Message:
    problem = str(error.problem or error.context or "")
    said = f"{error.problem} {error.context}"
    for known, text in _YAML_PROBLEMS.items():
        if known in said:
            return msg("YAML syntax error: {problem}", problem=problem_text(text))
    return msg("YAML syntax error: {problem}", problem=problem)


def problem_text(text: str) -> Text:
    return Text(msg(text))


def _constructor_message(error: yaml.MarkedYAMLError) -> Message:
    problem = str(error.problem)
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
    return msg("YAML error: {problem}", problem=problem)


class Parsed(NamedTuple):
    data: Any = None
    problem: Problem | None = None


def parse(path: str, subject: str, raw: bytes) -> Parsed:
    """Plain data from the file's bytes, or the finding that says why there is none."""
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return Parsed(
            problem=problem_at(
                path,
                subject,
                msg(
                    "the file is not UTF-8 text (byte {offset} on line {line}): save it as UTF-8",
                    offset=error.start,
                    line=line,
                ),
                line=line,
            )
        )
    try:
        return Parsed(data=yaml_fast.load(raw))
    except yaml_fast.AliasBomb as bomb:
        line, column = (bomb.mark.line + 1, bomb.mark.column + 1) if bomb.mark else (1, 1)
        return Parsed(
            problem=problem_at(
                path,
                subject,
                msg(
                    "aliases expand to more than {limit} values: write the values out instead",
                    limit=yaml_fast.MAX_EXPANDED_NODES,
                ),
                line,
                column,
            )
        )
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        constructor = isinstance(error, yaml.constructor.ConstructorError)
        message = _constructor_message(error) if constructor else _syntax_message(error)
        return Parsed(problem=problem_at(path, subject, message, line, column))
    except yaml.YAMLError as error:
        return Parsed(
            problem=problem_at(path, subject, msg("YAML error: {problem}", problem=str(error)))
        )
