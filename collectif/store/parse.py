"""Bytes to plain data, or the problem that says why there is none, with its place.

Reading YAML is `yaml_fast` (libyaml with YAML 1.2 values); this module turns what goes wrong
into words a member understands, in their language, at `line:column`.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import yaml

from collectif.model.finding import Problem
from collectif.model.message import Message, msg
from collectif.store import problems, yaml_fast


def problem_at(
    path: str, subject: str, message: Message, line: int = 1, column: int = 1
) -> Problem:
    return Problem(file=path, subject=subject, message=message, line=line, column=column)


# Parsing ------------------------------------------------------------------------------------


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
    except yaml.YAMLError as error:
        return Parsed(problem=problem_at(path, subject, *problems.yaml_problem(error, raw)))
