"""The typer application: every command and group, with its options and its help.

It only assembles: each command imports its module when it runs. `collectif check`, the
pre-commit hook's command, usually does not come here at all (`cli.plain_check` reads it), so
this module and typer are imported only for the other commands, for help, and for a command
line that the plain reading leaves to typer.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from collectif.commands import groups
from collectif.commands.options import CheckOptions
from collectif.commands.parameters import (
    AsMember,
    AsOf,
    Format,
    Lang,
    NoCache,
    Only,
    Repo,
    Since,
    Skip,
    Timings,
)

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
    timings: Timings = False,
) -> None:
    """Check the collective's files against its charter."""
    from collectif.cli import run_check

    options = CheckOptions(
        repo, as_of, since, _given(only), _given(skip), output, lang, no_cache, timings
    )
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
    timings: Timings = False,
) -> None:
    """Findings new, fixed and existing between two states of the collective."""
    from collectif.cli import run_diff

    options = CheckOptions(
        repo, as_of, since, _given(only), _given(skip), output, lang, no_cache, timings
    )
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
