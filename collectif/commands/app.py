"""The typer application: every command and group, with its options and its help.

It only assembles: each command is declared with `declare.command`, which imports its module
when it runs. `collectif check`, the
pre-commit hook's command, usually does not come here at all (`cli.plain_check` reads it), so
this module and typer are imported only for the other commands, for help, and for a command
line that the plain reading leaves to typer.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from collectif.commands import groups
from collectif.commands.declare import command
from collectif.commands.options import CheckOptions, WriteOptions
from collectif.commands.parameters import (
    AsOf,
    Day,
    Format,
    Lang,
    NoCache,
    Only,
    PageFormat,
    PlainFormat,
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


# `check` is declared in full, its options in the order its help shows them (`--staged` and
# `--rev` among the shared ones): `cli.plain_check` reads the same options without typer.
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
    rev: Annotated[str | None, typer.Option("--rev", metavar="REV", help="Check a commit.")] = None,
    no_cache: NoCache = False,
    timings: Timings = False,
) -> None:
    """Check the collective's files against its charter."""
    from collectif.cli import run_check

    options = CheckOptions(
        repo, as_of, since, _given(only), _given(skip), output, lang, no_cache, timings
    )
    raise typer.Exit(run_check(options, staged, rev))


def _given(values: list[str] | None) -> tuple[str, ...]:
    """A repeatable option's values, none when it was not given."""
    return tuple(values or ())


@command(app, "diff", "collectif.cli:run_diff", CheckOptions)
def diff_command(
    base: Annotated[str, typer.Argument(metavar="BASE", help="The revision to compare from.")],
    head: Annotated[
        str | None,
        typer.Argument(metavar="HEAD", help="The revision to compare to (default: the work tree)."),
    ] = None,
) -> None:
    """Findings new, fixed and existing between two states of the collective."""


@command(app, "audit", "collectif.commands.audit:run")
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


@command(app, "explain", "collectif.commands.explain:explain")
def explain_command(
    name: Annotated[str | None, typer.Argument(metavar="CHECK", help="A check's name.")] = None,
    lang: Lang = None,
    output: PlainFormat = "text",
) -> None:
    """Explain a check: what it finds, why, how to fix it; without a name, list the checks."""


@command(app, "init", "collectif.commands.init:init")
def init_command(
    directory: Annotated[
        Path, typer.Argument(metavar="DIR", help="Where to create the collective.")
    ] = Path("."),
    lang: Lang = None,
    name: Annotated[
        str | None, typer.Option("--name", metavar="NAME", help="The collective's name.")
    ] = None,
) -> None:
    """Create a new collective repository, ready to use."""


@command(app, "schema", "collectif.commands.schema:schema")
def schema_command(
    out: Annotated[
        Path | None, typer.Option("--out", metavar="DIR", help="Write the schemas here.")
    ] = None,
) -> None:
    """Write the JSON Schemas of every kind of file."""


@command(app, "log", "collectif.commands.log:log_or_remove", WriteOptions)
def log_command(
    hours: Annotated[
        str | None, typer.Argument(metavar="HOURS", help="Hours spent, e.g. 2.5.")
    ] = None,
    kind: Annotated[
        str | None, typer.Argument(metavar="KIND", help="project, support, meeting, prospecting...")
    ] = None,
    ref: Annotated[
        str | None, typer.Option("--ref", metavar="ID", help="The project, role or contact id.")
    ] = None,
    day: Day = None,
    note: Annotated[str | None, typer.Option("--note", metavar="TEXT", help="What it was.")] = None,
    remove: Annotated[
        str | None,
        typer.Option("--remove", metavar="DATE", help="Take back my entry of that day instead."),
    ] = None,
    kind_option: Annotated[
        str | None, typer.Option("--kind", metavar="KIND", help="With --remove: the entry's kind.")
    ] = None,
) -> None:
    """Log time given to the collective, or take back an entry (--remove), as one commit."""


@command(app, "history", "collectif.commands.history:history")
def history_command(
    subject: Annotated[
        str | None,
        typer.Argument(
            metavar="SUBJECT", help="member:ID, role:ID, project:ID, meeting:ID or collective."
        ),
    ] = None,
    repo: Repo = None,
    lang: Lang = None,
    output: PlainFormat = "text",
) -> None:
    """What changed, when and by whom, read from git."""


@command(app, "me", "collectif.commands.me:me")
def me_command(options: WriteOptions, output: PlainFormat = "text") -> None:
    """Where I stand today: my roles, what I owe this period, my prospecting, my findings."""


@command(app, "members", "collectif.commands.roster:members")
def members_command(repo: Repo = None, lang: Lang = None) -> None:
    """The roster: who is a member, since when, what they hold."""


@command(app, "roles", "collectif.commands.roster:roles")
def roles_command(repo: Repo = None, lang: Lang = None) -> None:
    """Who holds, trains for and has held each role."""


@command(app, "sign", "collectif.commands.sign:sign", WriteOptions)
def sign_command() -> None:
    """Sign the charter's current version (once you have read and agreed to it)."""


@command(app, "report", "collectif.commands.report:report")
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


@command(app, "decide", "collectif.commands.decide:run", WriteOptions)
def decide_command(
    first: Annotated[
        str, typer.Argument(metavar="MEETING", help="The meeting (its file name, or its day).")
    ],
    second: Annotated[str, typer.Argument(metavar="ID", help="The decision's id.")],
    title: Annotated[
        str | None, typer.Option("--title", metavar="TITLE", help="What was decided.")
    ] = None,
    mode: Annotated[
        str | None, typer.Option("--mode", metavar="MODE", help="consensus, consent or vote.")
    ] = None,
    outcome: Annotated[
        str, typer.Option("--outcome", metavar="OUTCOME", help="adopted, rejected or deferred.")
    ] = "adopted",
    votes: Annotated[
        str | None, typer.Option("--votes", metavar="FOR,AGAINST,ABSTAIN", help="A vote's count.")
    ] = None,
    charter: Annotated[
        str | None,
        typer.Option("--charter", metavar="VERSION", help="The charter version it adopts."),
    ] = None,
    objection: Annotated[
        list[str] | None,
        typer.Option("--objection", metavar="MEMBER:REASON", help="An objection (repeatable)."),
    ] = None,
    lifted: Annotated[
        list[str] | None,
        typer.Option(
            "--lifted",
            metavar="MEMBER:REASON",
            help="An objection raised, then lifted in the meeting (repeatable).",
        ),
    ] = None,
    review_by: Annotated[
        str | None, typer.Option("--review-by", metavar="DATE", help="To be revisited by then.")
    ] = None,
    supersedes: Annotated[
        str | None,
        typer.Option("--supersedes", metavar="IDS", help="Earlier decisions it replaces."),
    ] = None,
    lift: Annotated[
        bool,
        typer.Option("--lift", help="Lift an objection instead: `decide --lift DECISION MEMBER`."),
    ] = False,
) -> None:
    """Record a decision in its meeting, or lift an objection (--lift), as one commit."""


@command(app, "decisions", "collectif.commands.decisions:decisions")
def decisions_command(
    open_only: Annotated[
        bool, typer.Option("--open", help="Only the decisions due for review.")
    ] = False,
    as_of: AsOf = None,
    repo: Repo = None,
    lang: Lang = None,
    output: PlainFormat = "text",
) -> None:
    """The decisions, newest first, and those due for review."""


@command(app, "share", "collectif.commands.share:run", WriteOptions)
def share_command(
    pot: Annotated[
        str, typer.Argument(metavar="AMOUNT", help="The amount to share out, e.g. 3000.")
    ],
    start: Annotated[
        str | None,
        typer.Option("--from", metavar="DATE", help="The period's first day (default: 1 January)."),
    ] = None,
    end: Annotated[
        str | None,
        typer.Option("--to", metavar="DATE", help="The period's last day (default: --as-of)."),
    ] = None,
    formula: Annotated[
        str | None,
        typer.Option(
            "--formula",
            metavar="FORMULA",
            help="equal, hours, weighted or balanced (default: the charter's).",
        ),
    ] = None,
    compare: Annotated[
        bool, typer.Option("--compare", help="The four formulas side by side.")
    ] = False,
    write: Annotated[
        str | None,
        typer.Option("--write", metavar="ID", help="Record it as distributions/ID.yaml."),
    ] = None,
    day: Annotated[
        str | None,
        typer.Option("--date", metavar="DATE", help="With --write: the day it is paid out."),
    ] = None,
    decision: Annotated[
        str | None,
        typer.Option("--decision", metavar="ID", help="With --write: the decision adopting it."),
    ] = None,
    title: Annotated[
        str | None,
        typer.Option("--title", metavar="TITLE", help="With --write: a title for the share-out."),
    ] = None,
    as_of: AsOf = None,
    output: PageFormat = "text",
) -> None:
    """A proposed share-out of the fund among members, under the charter's formula."""


@command(app, "fund", "collectif.commands.fund:fund")
def fund_command(
    repo: Repo = None, as_of: AsOf = None, output: PageFormat = "text", lang: Lang = None
) -> None:
    """The fund's balance as of a date, and every movement behind it."""
