"""`collectif member ...`: add a member, record a departure or a pause, each as one commit."""

from __future__ import annotations

from typing import Annotated

import typer

from collectif.commands.declare import command
from collectif.commands.options import WriteOptions

app = typer.Typer(no_args_is_help=True)

MemberId = Annotated[str, typer.Argument(metavar="ID", help="The member's id, e.g. camille.")]
NewId = Annotated[
    str, typer.Argument(metavar="ID", help="The new member's id: their file is members/ID.yaml.")
]
Skills = Annotated[
    str | None,
    typer.Option(
        "--skills", metavar="SKILLS", help="Their skills, comma-separated: graphisme,formation."
    ),
]
Name = Annotated[
    str, typer.Option("--name", metavar="NAME", help="Their name, e.g. 'Camille Martin'.")
]
Email = Annotated[
    str, typer.Option("--email", metavar="EMAIL", help="Their email, as git knows them.")
]
Joined = Annotated[
    str | None,
    typer.Option(
        "--date", "--joined", metavar="DATE", help="The day they joined (default: today)."
    ),
]
NewName = Annotated[str | None, typer.Option("--name", metavar="NAME", help="Their new name.")]
NewEmail = Annotated[str | None, typer.Option("--email", metavar="EMAIL", help="Their new email.")]
LastDay = Annotated[
    str | None,
    typer.Option(
        "--date", metavar="DATE", help="The first day without membership (default: today)."
    ),
]
Start = Annotated[
    str, typer.Option("--from", metavar="DATE", help="First day of the pause, YYYY-MM-DD.")
]
End = Annotated[
    str, typer.Option("--to", metavar="DATE", help="Last day of the pause, YYYY-MM-DD.")
]
Reason = Annotated[
    str | None, typer.Option("--reason", metavar="TEXT", help="Why, e.g. 'congé parental'.")
]


@command(app, "add", "collectif.commands.member.add:add", WriteOptions)
def add_command(
    member_id: NewId, name: Name, email: Email, joined: Joined = None, skill_list: Skills = None
) -> None:
    """Add a member, who signs the current charter by joining."""


@command(app, "set", "collectif.commands.member.add:update", WriteOptions)
def set_command(
    member_id: MemberId, name: NewName = None, email: NewEmail = None, skill_list: Skills = None
) -> None:
    """Change a member's name, email or skills."""


@command(app, "leave", "collectif.commands.member.leave:leave", WriteOptions)
def leave_command(member_id: MemberId, day: LastDay = None) -> None:
    """Record that a member leaves; their roles end the day before."""


@command(app, "pause", "collectif.commands.member.pause:pause", WriteOptions)
def pause_command(member_id: MemberId, start: Start, end: End, reason: Reason = None) -> None:
    """Record a pause (leave, illness...): days exempt from the minimum."""
