"""The command line: read it and run the command, in `error_handler`.

`collectif check`, which the pre-commit hook runs on every commit, is read here when its
command line is plain (known options, each value unmistakable): the hook then pays neither for
typer nor for its reading of each parameter through a pydantic adapter, a fifth of its time on
a small collective. Anything else, `check --help` included, goes to the typer application in
`commands.app`, which reads `check` into the same record.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import NamedTuple

from collectif.commands.options import CheckOptions
from collectif.error_handler import error_handler
from collectif.i18n import Lang as Language

# `check`'s options by flag, as commands.app.check_command declares them (a test compares):
# those that take one value, those that may be repeated, and the flags.
_SINGLE = {
    "--repo": "repo",
    "--as-of": "as_of",
    "--since": "since",
    "--format": "output",
    "--lang": "lang",
    "--rev": "rev",
}
_REPEATED = {"--only": "only", "--skip": "skip"}
_FLAGS = {"--staged": "staged", "--no-cache": "no_cache", "--timings": "timings"}


class PlainCheck(NamedTuple):
    """`collectif check` read from its command line."""

    options: CheckOptions
    staged: bool = False
    rev: str | None = None


def plain_check(args: list[str]) -> PlainCheck | None:
    """`check` and its options as typer would read them, or None to leave them to typer.

    Left to typer: any other command, help, an unknown option or argument, a value that is
    missing, empty or starts with `-`, a `--repo` that typer would refuse, shell completion.
    """
    if not args or args[0] != "check" or os.name == "nt" or _completing():
        return None
    single: dict[str, str] = {}
    repeated: dict[str, list[str]] = {"only": [], "skip": []}
    flags: set[str] = set()
    rest = iter(args[1:])
    for arg in rest:
        flag, equals, value = arg.partition("=")
        if flag in _FLAGS and not equals:
            flags.add(_FLAGS[flag])
            continue
        if flag not in _SINGLE and flag not in _REPEATED:
            return None
        value = value if equals else next(rest, "")
        if not value or value.startswith("-"):
            return None
        if flag in _REPEATED:
            repeated[_REPEATED[flag]].append(value)
        else:
            single[_SINGLE[flag]] = value  # given twice, the last one counts, as in typer
    repo = single.get("repo")
    if repo is not None and not _readable(repo):
        return None
    options = CheckOptions(
        repo=None if repo is None else Path(repo),
        as_of=single.get("as_of"),
        since=single.get("since"),
        only=tuple(repeated["only"]),
        skip=tuple(repeated["skip"]),
        output=single.get("output", "text"),
        lang=single.get("lang"),
        no_cache="no_cache" in flags,
        timings="timings" in flags,
    )
    return PlainCheck(options, "staged" in flags, single.get("rev"))


def _completing() -> bool:
    """A shell asking for completions (`_COLLECTIF_COMPLETE`...): typer answers those."""
    return any(name.startswith("_") and name.endswith("_COMPLETE") for name in os.environ)


def _readable(path: str) -> bool:
    """What typer asks of a path option: if it exists, it can be read."""
    try:
        os.stat(path)
    except OSError:
        return True  # the command says there is no such folder
    return os.access(path, os.R_OK)


def run_check(options: CheckOptions, staged: bool, rev: str | None) -> int:
    """`collectif check`, whichever way its command line was read."""
    from collectif.commands.check import check

    return check(options, staged=staged, rev=rev)


def run_diff(base: str, head: str | None, options: CheckOptions) -> int:
    """`collectif diff`."""
    from collectif.commands.diff import diff

    return diff(base, head, options)


def _typer_speaks(language: Language) -> None:
    """typer's own words in help (panel titles, `[required]`, `[default: …]`): the constants
    of its rich help, set in the reader's language for this run (English ones put back)."""
    import typer.rich_utils as rich_utils

    from collectif.i18n import gettext_

    for name, text in _TYPER_WORDS.items():
        setattr(rich_utils, name, gettext_(language, text))


# typer.rich_utils' constants, as its `_()` reads them when it is imported.
_TYPER_WORDS = {
    "ARGUMENTS_PANEL_TITLE": "Arguments",
    "OPTIONS_PANEL_TITLE": "Options",
    "COMMANDS_PANEL_TITLE": "Commands",
    "REQUIRED_LONG_STRING": "[required]",
    "DEFAULT_STRING": "[default: {}]",
}


def _run_typer() -> int:
    """Any other command line: typer reads it, prints help or runs the command."""
    import typer.main
    from typer.exceptions import Exit

    from collectif.commands.app import app

    args = sys.argv[1:]
    if _wants_help():
        from collectif.commands.help import localize_command

        language = _error_language()
        _typer_speaks(language)
        command = typer.main.get_command(app)
        localize_command(command, language)
        args = _help_asked(args)
    else:
        command = typer.main.get_command(app)
    try:
        code = command(args=args, standalone_mode=False)
    except Exit as done:
        return done.exit_code
    return code if isinstance(code, int) else 0


def _option(name: str) -> str | None:
    """An option's value read straight from the command line, for messages about errors."""
    args = sys.argv
    for index, arg in enumerate(args):
        if arg == name and index + 1 < len(args):
            return args[index + 1]
        if arg.startswith(name + "="):
            return arg.split("=", 1)[1]
    return None


def _wants_help() -> bool:
    """`--help`, or a command or group named alone, which typer answers with its help (a group
    named with only `--lang` or `--repo` too)."""
    from collectif.commands.groups import GROUPS

    args, asked = sys.argv[1:], _help_asked(sys.argv[1:])
    alone = not asked or (len(asked) == 1 and asked[0] in {group.name for group in GROUPS})
    return "--help" in args or len(args) <= 1 or alone


# What help reads for its language (`_error_language`), from the command line of any command or
# group: a group takes no option of its own, so they are left out of what typer reads for help.
_READ_FOR_HELP = ("--lang", "--repo")


def _help_asked(args: list[str]) -> list[str]:
    """The command line without `--lang` and `--repo` and their values: what is asked help for
    (`collectif contact --help --lang fr`)."""
    asked: list[str] = []
    rest = iter(args)
    for arg in rest:
        if arg in _READ_FOR_HELP:
            next(rest, None)
        elif arg.partition("=")[0] not in _READ_FOR_HELP:
            asked.append(arg)
    return asked


def _error_language() -> Language:
    """The language to explain a mistake in: as for findings, as far as it can be known."""
    from collectif import i18n
    from collectif.store.source import language_around

    if _option("--lang") in i18n.LANGUAGES or os.environ.get("COLLECTIF_LANG") in i18n.LANGUAGES:
        return i18n.resolve(_option("--lang"), None, strict=False)
    # a mistaken --lang or COLLECTIF_LANG is explained in the collective's language; so is a
    # --repo that names no collective, in the language of the one around
    repo = _option("--repo")
    around = language_around(Path(repo)) if repo else None
    return i18n.resolve(None, around or language_around(None), strict=False)


def main() -> None:
    """Run the CLI: read the command line and run the command; `error_handler` turns whatever
    goes wrong into a clean message and its exit code, never a traceback."""
    try:
        with error_handler(_error_language):
            plain = plain_check(sys.argv[1:])
            code = (
                _run_typer() if plain is None else run_check(plain.options, plain.staged, plain.rev)
            )
    finally:
        _release_writer_locks()
    sys.exit(code)


def _release_writer_locks() -> None:
    """A command that stopped before recording never keeps the repository locked (in the same
    process, as the tests run it; a process that exits releases its locks anyway)."""
    commit = sys.modules.get("collectif.store.commit")
    if commit is not None:
        commit.release_all()
