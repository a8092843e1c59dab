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
from collectif.errors import CollectifError

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


@app.command("audit")
def audit_command(
    revisions: Annotated[
        str | None,
        typer.Argument(
            metavar="BASE..HEAD",
            help="The commits to audit (default: the current branch's own, on neither its "
            "upstream nor the default branch).",
        ),
    ] = None,
    repo: Repo = None,
    as_of: AsOf = None,
    output: Format = "text",
    lang: Lang = None,
    no_cache: NoCache = False,
    timings: Timings = False,
) -> None:
    """Who changed what: commits that changed another member's files, by no member, unsigned."""
    from collectif.commands.audit import audit

    options = CheckOptions(repo, as_of, None, (), (), output, lang, no_cache, timings)
    raise typer.Exit(audit(revisions, options))


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
    hours: Annotated[str | None, typer.Argument(help="Hours spent, e.g. 2.5.")] = None,
    kind: Annotated[
        str | None, typer.Argument(help="project, support, meeting, prospecting...")
    ] = None,
    ref: Annotated[str | None, typer.Option("--ref", help="The project or role id.")] = None,
    day: Annotated[str | None, typer.Option("--date", help="YYYY-MM-DD (default: today).")] = None,
    note: Annotated[str | None, typer.Option("--note", help="What it was.")] = None,
    remove: Annotated[
        str | None,
        typer.Option("--remove", metavar="DATE", help="Take back my entry of that day instead."),
    ] = None,
    kind_option: Annotated[
        str | None, typer.Option("--kind", help="With --remove: the entry's kind.")
    ] = None,
    as_member: AsMember = None,
    repo: Repo = None,
    lang: Lang = None,
) -> None:
    """Log time given to the collective, or take back an entry (--remove), as one commit."""
    if remove is not None:
        from collectif.commands.unlog import remove as take_back

        if hours is not None or kind is not None:
            raise CollectifError(
                "--remove takes back an entry: give its date, and --kind or --ref if needed, "
                "not HOURS and KIND."
            )
        raise typer.Exit(take_back(remove, kind_option, ref, as_member, repo, lang))
    from collectif.commands.log import log

    if hours is None or kind is None:
        raise CollectifError(
            "Give the hours and the kind of time, e.g. `collectif log 2.5 support --ref "
            "tresorerie`, or take back an entry with `collectif log --remove DATE`."
        )
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


@app.command("me")
def me_command(
    as_member: AsMember = None,
    repo: Repo = None,
    lang: Lang = None,
    output: Format = "text",
) -> None:
    """Where I stand today: my roles, what I owe this period, my prospecting, my findings."""
    from collectif.commands.me import me

    raise typer.Exit(me(as_member, repo, lang, output))


@app.command("members")
def members_command(repo: Repo = None, lang: Lang = None) -> None:
    """The roster: who is a member, since when, what they hold."""
    from collectif.commands.roster import members

    raise typer.Exit(members(repo, lang))


@app.command("roles")
def roles_command(repo: Repo = None, lang: Lang = None) -> None:
    """Who holds, trains for and has held each role."""
    from collectif.commands.roster import roles

    raise typer.Exit(roles(repo, lang))


@app.command("sign")
def sign_command(as_member: AsMember = None, repo: Repo = None, lang: Lang = None) -> None:
    """Sign the charter's current version (once you have read and agreed to it)."""
    from collectif.commands.sign import sign

    raise typer.Exit(sign(as_member, repo, lang))


@app.command("report")
def report_command(
    repo: Repo = None,
    as_of: AsOf = None,
    start: Annotated[
        str | None,
        typer.Option(
            "--from",
            metavar="DATE",
            help="The period's first month, YYYY-MM or a day in it (default: twelve months "
            "before --to).",
        ),
    ] = None,
    end: Annotated[
        str | None,
        typer.Option(
            "--to",
            metavar="DATE",
            help="The period's last month, YYYY-MM or a day in it (default: the last closed "
            "month).",
        ),
    ] = None,
    output: Annotated[
        str, typer.Option("--format", metavar="FORMAT", help="text, html, markdown or json.")
    ] = "text",
    out: Annotated[
        Path | None, typer.Option("--out", metavar="FILE", help="Write to this file.")
    ] = None,
    lang: Lang = None,
) -> None:
    """Where the collective stands over a period, in pictures and numbers, for the meeting."""
    from collectif.commands.report import report

    raise typer.Exit(report(repo, as_of, start, end, output, out, lang))
