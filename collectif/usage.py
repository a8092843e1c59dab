"""What typer says when it cannot read a command line, said again in the reader's language.

typer (through its copy of click) raises a few kinds of usage error with English text; each is
recognised by its type and its fields (or, for the few raised as plain text, by that text) and
said with our own message. Anything not recognised keeps typer's English text.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from collectif.model.message import Message, Names, Text, msg

_NO_COMMAND = re.compile(r"No such command '(?P<name>.*?)'\.(?: Did you mean .*)?")
_EXTRA = re.compile(r"Got unexpected extra argument\(s\) \((?P<args>.*)\)")
_NEEDS_VALUE = re.compile(r"Option '(?P<option>.*)' requires (an argument|\d+ arguments)\.")
# `collectif log -1 meeting`: a negative number is read as an option before any value is.
_NEGATIVE = re.compile(r"-[0-9]*[.,]?[0-9]+")


def _commands(error: Any) -> list[str]:
    context = getattr(error, "ctx", None)
    command = getattr(context, "command", None)
    lister = getattr(command, "list_commands", None)
    return list(lister(context)) if lister else []


def _group_path(error: Any, option: str) -> str | None:
    """`collectif contact` when `option` was given to that group but belongs to its commands
    (`collectif contact --lang fr add …`)."""
    context = getattr(error, "ctx", None)
    commands = getattr(getattr(context, "command", None), "commands", None)
    if context is None or not commands:
        return None
    for sub in commands.values():
        for param in getattr(sub, "params", ()):
            if option in getattr(param, "opts", ()):
                return str(context.command_path)
    return None


def _hint(name: str, choices: list[str]) -> Text | None:
    close = difflib.get_close_matches(name, choices, n=2, cutoff=0.6)
    if not close:
        return None
    return Text(msg("did you mean {choices}?", choices=Names(tuple(close), alternatives=True)))


def problem(error: Any) -> Message | None:
    """Our message for typer's usage error, or None when it is not one we know (or when
    reading it goes wrong: typer's own text is then shown, never a traceback)."""
    try:
        return _problem(error)
    except Exception:  # typer's internals changed: its English text is better than nothing
        return None


def _problem(error: Any) -> Message | None:
    kind = type(error).__name__
    if kind == "NoSuchOption":
        option = str(error.option_name)
        if _NEGATIVE.fullmatch(option):
            return msg(
                "a negative number is no value here: hours, days and amounts are more than 0"
            )
        where = _group_path(error, option)
        if where is not None:
            return msg(
                "{option} is an option of each command, not of `{group}`: put it after the "
                "command, e.g. `{group} COMMAND … {option} …`",
                option=option,
                group=where,
            )
        hint = _hint(option, sorted(error.possibilities or []))
        if hint is None:
            return msg("there is no option {option}", option=option)
        return msg("there is no option {option}: {hint}", option=option, hint=hint)
    if kind == "MissingParameter":
        param = getattr(error, "param", None)
        name = str(param.get_error_hint() if param else "").strip("'\"")
        if getattr(param, "param_type_name", "") == "argument":  # its metavar, as help says it
            return msg("{name} is missing: give it after the command", name=Text(msg(name)))
        return msg("the option {name} is missing: it is required here", name=name)
    text = str(getattr(error, "message", "") or "")
    found = _NO_COMMAND.fullmatch(text)
    if found:
        name = found.group("name")
        hint = _hint(name, _commands(error))
        if hint is None:
            return msg("there is no command `{name}`", name=name)
        return msg("there is no command `{name}`: {hint}", name=name, hint=hint)
    found = _EXTRA.fullmatch(text)
    if found:
        return msg("unexpected extra argument(s): {args}", args=found.group("args"))
    found = _NEEDS_VALUE.fullmatch(text)
    if found:
        return msg("the option {option} needs a value", option=found.group("option"))
    if text == "Missing command.":
        return msg("say which command to run")
    return None
