"""The command line: it only assembles the commands and turns errors into clean messages.

Each command imports its module when it runs, so that `collectif check` pays only for what
it uses.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from typer.exceptions import Abort, Exit, TyperException

from collectif.commands import groups
from collectif.commands.options import (
    AsMember,
    AsOf,
    CheckOptions,
    Format,
    Lang,
    NoCache,
    Only,
    Repo,
    Since,
    Skip,
)
from collectif.errors import EXIT_USAGE, CollectifError
from collectif.i18n import Lang as Language

app = typer.Typer(
    name="collectif",
    help="Run a cooperative collective's charter as code.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
for _group in groups.GROUPS:
    app.add_typer(_group.load(), name=_group.name, help=_group.help)


@app.command("check")
def check_command(
    repo: Repo = None,
    as_of: AsOf = None,
    since: Since = None,
    only: Only = None,
    skip: Skip = None,
    output: Format = "text",
    lang: Lang = None,
    staged: Annotated[
        bool, typer.Option("--staged", help="Check the git index: what is about to be committed.")
    ] = False,
    rev: Annotated[str | None, typer.Option("--rev", help="Check a commit.")] = None,
    no_cache: NoCache = False,
) -> None:
    """Check the collective's files against its charter."""
    options = CheckOptions(repo, as_of, since, _given(only), _given(skip), output, lang, no_cache)
    raise typer.Exit(run_check(options, staged, rev))


@app.command("diff")
def diff_command(
    base: Annotated[str, typer.Argument(help="The revision to compare from.")],
    head: Annotated[
        str | None, typer.Argument(help="The revision to compare to (default: the work tree).")
    ] = None,
    repo: Repo = None,
    as_of: AsOf = None,
    since: Since = None,
    only: Only = None,
    skip: Skip = None,
    output: Format = "text",
    lang: Lang = None,
    no_cache: NoCache = False,
) -> None:
    """Findings new, fixed and existing between two states of the collective."""
    options = CheckOptions(repo, as_of, since, _given(only), _given(skip), output, lang, no_cache)
    raise typer.Exit(run_diff(base, head, options))


@app.command("explain")
def explain_command(
    name: Annotated[str | None, typer.Argument(help="A check's name.")] = None,
    lang: Lang = None,
    output: Format = "text",
) -> None:
    """Explain a check: what it finds, why, how to fix it; without a name, list the checks."""
    from collectif.commands.explain import explain

    raise typer.Exit(explain(name, lang, output))


@app.command("init")
def init_command(
    directory: Annotated[Path, typer.Argument(help="Where to create the collective.")] = Path("."),
    lang: Lang = None,
    name: Annotated[str | None, typer.Option("--name", help="The collective's name.")] = None,
) -> None:
    """Create a new collective repository, ready to use."""
    from collectif.commands.init import init

    raise typer.Exit(init(directory, lang, name))


@app.command("schema")
def schema_command(
    out: Annotated[Path | None, typer.Option("--out", help="Write the schemas here.")] = None,
) -> None:
    """Write the JSON Schemas of the five kinds of file."""
    from collectif.commands.schema import schema

    raise typer.Exit(schema(out))


@app.command("log")
def log_command(
    hours: Annotated[str, typer.Argument(help="Hours spent, e.g. 2.5.")],
    kind: Annotated[str, typer.Argument(help="project, support, meeting, prospecting...")],
    ref: Annotated[str | None, typer.Option("--ref", help="The project or role id.")] = None,
    day: Annotated[str | None, typer.Option("--date", help="YYYY-MM-DD (default: today).")] = None,
    note: Annotated[str | None, typer.Option("--note", help="What it was.")] = None,
    as_member: AsMember = None,
    repo: Repo = None,
    lang: Lang = None,
) -> None:
    """Log time given to the collective, as one commit."""
    from collectif.commands.log import log

    raise typer.Exit(log(hours, kind, ref, day, note, as_member, repo, lang))


@app.command("history")
def history_command(
    subject: Annotated[
        str | None, typer.Argument(help="member:ID, role:ID, project:ID or collective.")
    ] = None,
    repo: Repo = None,
    lang: Lang = None,
    output: Format = "text",
) -> None:
    """What changed, when and by whom, read from git."""
    from collectif.commands.history import history

    raise typer.Exit(history(subject, repo, lang, output))


def _given(values: list[str] | None) -> tuple[str, ...]:
    """A repeatable option's values, none when it was not given."""
    return tuple(values or ())


def run_check(options: CheckOptions, staged: bool, rev: str | None) -> int:
    """`collectif check`."""
    from collectif.commands.check import check

    return check(
        options.repo,
        options.as_of,
        options.since,
        _listed(options.only),
        _listed(options.skip),
        options.output,
        options.lang,
        staged,
        rev,
        options.no_cache,
    )


def run_diff(base: str, head: str | None, options: CheckOptions) -> int:
    """`collectif diff`."""
    from collectif.commands.diff import diff

    return diff(
        base,
        head,
        options.repo,
        options.as_of,
        options.since,
        _listed(options.only),
        _listed(options.skip),
        options.output,
        options.lang,
        options.no_cache,
    )


def _listed(values: tuple[str, ...]) -> list[str] | None:
    """A repeatable option's values as check() and diff() take them: None when not given."""
    return list(values) or None


def _fail(text: str, code: int) -> None:
    sys.stderr.write(text.rstrip() + "\n")
    sys.exit(code)


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
    """`--help`, or a command or group named alone, which typer answers with its help."""
    args = sys.argv[1:]
    return "--help" in args or len(args) <= 1


def _error_language() -> Language:
    """The language to explain a mistake in: as for findings, as far as it can be known."""
    from collectif import i18n
    from collectif.store.source import language_around

    if _option("--lang") in i18n.LANGUAGES or os.environ.get("COLLECTIF_LANG"):
        return i18n.resolve(_option("--lang"), None)
    repo = _option("--repo")
    return i18n.resolve(None, language_around(Path(repo) if repo else None))


def main() -> None:
    """Run the CLI; a user's mistake is a clean message and exit 2, never a traceback."""
    from collectif import i18n
    from collectif.model.message import msg

    try:
        if _wants_help():
            from collectif.commands.help import localize

            localize(app, _error_language())
        code = app(standalone_mode=False)
        sys.exit(code if isinstance(code, int) else 0)
    except CollectifError as error:
        _fail(i18n.render(error.message, _error_language()), error.exit_code)
    except Exit as done:
        sys.exit(done.exit_code)
    except Abort:
        _fail(i18n.render(msg("Interrupted."), _error_language()), 130)
    except TyperException as error:
        if type(error).__name__ == "NoArgsIsHelpError":  # the help was printed: nothing wrong
            sys.exit(0)
        lang = _error_language()
        problem = error.format_message()
        _fail(
            i18n.render(
                msg("Usage error: {problem}\nSee `collectif --help`.", problem=problem), lang
            ),
            EXIT_USAGE,
        )
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:  # the last resort: say where to report, no traceback
        if os.environ.get("COLLECTIF_DEBUG"):
            raise
        lang = _error_language()
        _fail(
            i18n.render(
                msg(
                    "Unexpected error: {error}. This is a bug in collectif: please report it "
                    "with the command you ran (set COLLECTIF_DEBUG=1 to see the details).",
                    error=f"{type(error).__name__}: {error}",
                ),
                lang,
            ),
            3,
        )
