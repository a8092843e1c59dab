"""`collectif project ...`: a client project through its life, each step as one commit."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

import typer

from collectif.commands.declare import command
from collectif.commands.options import WriteOptions

app = typer.Typer(no_args_is_help=True)

ProjectId = Annotated[str, typer.Argument(metavar="ID", help="The project's id, e.g. site-mda.")]
NewId = Annotated[str, typer.Argument(metavar="ID", help="The new project's id: projects/ID.yaml.")]
Day = Annotated[
    str | None, typer.Option("--date", metavar="DATE", help="YYYY-MM-DD (default: today).")
]
EndDay = Annotated[
    str | None,
    typer.Option(
        "--date", metavar="DATE", help="Its end, if not set yet, YYYY-MM-DD (default: today)."
    ),
]
PlannedEnd = Annotated[
    str | None, typer.Option("--end", metavar="DATE", help="Its planned end, YYYY-MM-DD.")
]
Title = Annotated[str, typer.Option("--title", metavar="TITLE", help="What the project is.")]
Client = Annotated[str, typer.Option("--client", metavar="NAME", help="Who it is for.")]
ClientKind = Annotated[
    str, typer.Option("--client-kind", metavar="KIND", help="ess, big_account, public or other.")
]
Lead = Annotated[
    str | None,
    typer.Option("--lead", metavar="MEMBER", help="The member who leads it (default: you)."),
]
NextLead = Annotated[
    str | None,
    typer.Option("--lead", metavar="MEMBER", help="Who leads it after you, if you lead it."),
]
Role = Annotated[
    str | None,
    typer.Option("--role", metavar="TEXT", help="What you do in it, e.g. développement."),
]
Member = Annotated[str, typer.Option("--member", metavar="MEMBER", help="Who does this work.")]
What = Annotated[str, typer.Option("--what", metavar="TEXT", help="The work, e.g. 'intégration'.")]
Amount = Annotated[
    str | None,
    typer.Option("--amount", metavar="AMOUNT", help="Its value, e.g. 5400 (or --days and --rate)."),
]
Days = Annotated[str | None, typer.Option("--days", metavar="DAYS", help="Days of work, e.g. 8.")]
Rate = Annotated[
    str | None, typer.Option("--rate", metavar="RATE", help="The rate per day, e.g. 450.")
]


@dataclass(frozen=True)
class LineValue:
    """What a quote line is worth: `--amount`, or `--days` and `--rate`."""

    amount: Amount = None
    days: Days = None
    rate: Rate = None


@command(app, "new", "collectif.commands.project.new:new", WriteOptions)
def new_command(
    project_id: NewId, title: Title, client: Client, client_kind: ClientKind, lead: Lead = None
) -> None:
    """Propose a new client project, brought by you; its lead is its first team member."""


@command(app, "join", "collectif.commands.project.join:join", WriteOptions)
def join_command(project_id: ProjectId, role: Role = None) -> None:
    """Join a project's team."""


@command(app, "close", "collectif.commands.project.close:close", WriteOptions)
def close_command(project_id: ProjectId, day: EndDay = None) -> None:
    """Mark a project done."""


@command(app, "start", "collectif.commands.project.life:start", WriteOptions)
def start_command(project_id: ProjectId, day: Day = None, end: PlannedEnd = None) -> None:
    """A proposed project becomes active, from the date until its planned end."""


@command(app, "sign", "collectif.commands.project.life:sign", WriteOptions)
def sign_command(project_id: ProjectId, day: Day = None) -> None:
    """Record the day the contract was signed (revenue counts from then)."""


@command(app, "cancel", "collectif.commands.project.life:cancel", WriteOptions)
def cancel_command(project_id: ProjectId) -> None:
    """Cancel a project: kept for history, left out of the checks."""


@command(app, "leave", "collectif.commands.project.life:leave", WriteOptions)
def leave_command(project_id: ProjectId, lead: NextLead = None) -> None:
    """Leave a project's team."""


@command(app, "line", "collectif.commands.project.money:line", WriteOptions)
def line_command(project_id: ProjectId, member: Member, what: What, value: LineValue) -> None:
    """Add a line to a project's quote: one member's work and its value."""


@command(app, "pay", "collectif.commands.project.money:pay", WriteOptions)
def pay_command(project_id: ProjectId, day: Day = None) -> None:
    """Record the payouts co-traitance gives: each member's lines less the deductions."""
