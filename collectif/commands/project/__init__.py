"""`collectif project ...`: a client project through its life, each step as one commit."""

from __future__ import annotations

from typing import Annotated

import typer

from collectif.commands.options import AsMember, Lang, Repo

app = typer.Typer(no_args_is_help=True)

ProjectId = Annotated[str, typer.Argument(metavar="ID", help="The project's id, e.g. site-mda.")]
Day = Annotated[
    str | None, typer.Option("--date", metavar="DATE", help="YYYY-MM-DD (default: today).")
]


@app.command("new")
def new_command(
    project_id: Annotated[
        str, typer.Argument(metavar="ID", help="The new project's id: projects/ID.yaml.")
    ],
    title: Annotated[str, typer.Option("--title", help="What the project is.")],
    client: Annotated[str, typer.Option("--client", help="Who it is for.")],
    client_kind: Annotated[
        str, typer.Option("--client-kind", help="ess, big_account, public or other.")
    ],
    lead: Annotated[
        str | None, typer.Option("--lead", help="The member who leads it (default: you).")
    ] = None,
    as_member: AsMember = None,
    repo: Repo = None,
    lang: Lang = None,
) -> None:
    """Propose a new client project, brought by you; its lead is its first team member."""
    from collectif.commands.project.new import new

    raise typer.Exit(new(project_id, title, client, client_kind, lead, as_member, repo, lang))


@app.command("join")
def join_command(
    project_id: ProjectId,
    role: Annotated[
        str | None, typer.Option("--role", help="What you do in it, e.g. développement.")
    ] = None,
    as_member: AsMember = None,
    repo: Repo = None,
    lang: Lang = None,
) -> None:
    """Join a project's team."""
    from collectif.commands.project.join import join

    raise typer.Exit(join(project_id, role, as_member, repo, lang))


@app.command("close")
def close_command(
    project_id: ProjectId,
    day: Annotated[
        str | None,
        typer.Option("--date", help="Its end, if not set yet, YYYY-MM-DD (default: today)."),
    ] = None,
    as_member: AsMember = None,
    repo: Repo = None,
    lang: Lang = None,
) -> None:
    """Mark a project done."""
    from collectif.commands.project.close import close

    raise typer.Exit(close(project_id, day, as_member, repo, lang))


@app.command("start")
def start_command(
    project_id: ProjectId,
    day: Day = None,
    end: Annotated[
        str | None,
        typer.Option("--end", metavar="DATE", help="Its planned end, YYYY-MM-DD."),
    ] = None,
    as_member: AsMember = None,
    repo: Repo = None,
    lang: Lang = None,
) -> None:
    """A proposed project becomes active, from the date until its planned end."""
    from collectif.commands.project.life import start

    raise typer.Exit(start(project_id, day, end, as_member, repo, lang))


@app.command("sign")
def sign_command(
    project_id: ProjectId,
    day: Day = None,
    as_member: AsMember = None,
    repo: Repo = None,
    lang: Lang = None,
) -> None:
    """Record the day the contract was signed (revenue counts from then)."""
    from collectif.commands.project.life import sign

    raise typer.Exit(sign(project_id, day, as_member, repo, lang))


@app.command("cancel")
def cancel_command(
    project_id: ProjectId,
    as_member: AsMember = None,
    repo: Repo = None,
    lang: Lang = None,
) -> None:
    """Cancel a project: kept for history, left out of the checks."""
    from collectif.commands.project.life import cancel

    raise typer.Exit(cancel(project_id, as_member, repo, lang))


@app.command("leave")
def leave_command(
    project_id: ProjectId,
    lead: Annotated[
        str | None,
        typer.Option("--lead", metavar="MEMBER", help="Who leads it after you, if you lead it."),
    ] = None,
    as_member: AsMember = None,
    repo: Repo = None,
    lang: Lang = None,
) -> None:
    """Leave a project's team."""
    from collectif.commands.project.life import leave

    raise typer.Exit(leave(project_id, lead, as_member, repo, lang))


@app.command("line")
def line_command(
    project_id: ProjectId,
    member: Annotated[str, typer.Option("--member", metavar="MEMBER", help="Who does this work.")],
    what: Annotated[str, typer.Option("--what", help="The work, e.g. 'intégration'.")],
    amount: Annotated[
        str | None, typer.Option("--amount", help="Its value, e.g. 5400 (or --days and --rate).")
    ] = None,
    days: Annotated[str | None, typer.Option("--days", help="Days of work, e.g. 8.")] = None,
    rate: Annotated[str | None, typer.Option("--rate", help="The rate per day, e.g. 450.")] = None,
    as_member: AsMember = None,
    repo: Repo = None,
    lang: Lang = None,
) -> None:
    """Add a line to a project's quote: one member's work and its value."""
    from collectif.commands.project.money import line

    raise typer.Exit(line(project_id, member, what, amount, days, rate, as_member, repo, lang))


@app.command("pay")
def pay_command(
    project_id: ProjectId,
    day: Day = None,
    as_member: AsMember = None,
    repo: Repo = None,
    lang: Lang = None,
) -> None:
    """Record the payouts co-traitance gives: each member's lines less the deductions."""
    from collectif.commands.project.money import pay

    raise typer.Exit(pay(project_id, day, as_member, repo, lang))
