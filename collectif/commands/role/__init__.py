"""`collectif role ...`: create, join, leave, train for or retire a role, each as one commit."""

from __future__ import annotations

from typing import Annotated

import typer

from collectif.commands.declare import command
from collectif.commands.options import WriteOptions

app = typer.Typer(no_args_is_help=True)

RoleId = Annotated[str, typer.Argument(metavar="ROLE", help="The role's id, e.g. tresorerie.")]
NewId = Annotated[str, typer.Argument(metavar="ID", help="The new role's id: roles/ID.yaml.")]
Since = Annotated[
    str | None,
    typer.Option(
        "--date", "--since", metavar="DATE", help="The first day, YYYY-MM-DD (default: today)."
    ),
]
LastDay = Annotated[
    str | None,
    typer.Option("--date", metavar="DATE", help="The first day without the role (default: today)."),
]
Retired = Annotated[
    str | None,
    typer.Option("--date", metavar="DATE", help="Its first day retired (default: today)."),
]
Title = Annotated[
    str, typer.Option("--title", metavar="TITLE", help="Its name, e.g. 'Trésorerie'.")
]
Kind = Annotated[
    str, typer.Option("--kind", metavar="KIND", help="support, mission, facilitation or coaching.")
]
Holders = Annotated[
    str, typer.Option("--holders", metavar="MEMBERS", help="Who holds it: camille,leo.")
]
Skills = Annotated[
    str | None, typer.Option("--skills", metavar="SKILLS", help="Skills it needs: comptabilite.")
]
MinHolders = Annotated[
    str | None, typer.Option("--min-holders", metavar="N", help="Its own minimum of holders.")
]


@command(app, "join", "collectif.commands.role.join:join", WriteOptions)
def join_command(role_id: RoleId, since: Since = None) -> None:
    """Become a holder of a role (a training in it ends the day before)."""


@command(app, "leave", "collectif.commands.role.leave:leave", WriteOptions)
def leave_command(role_id: RoleId, day: LastDay = None) -> None:
    """Stop holding a role (or end a training in it)."""


@command(app, "train", "collectif.commands.role.train:train", WriteOptions)
def train_command(role_id: RoleId, since: Since = None) -> None:
    """Start training for a role with its holders."""


@command(app, "new", "collectif.commands.role.create:new", WriteOptions)
def new_command(
    role_id: NewId,
    title: Title,
    kind: Kind,
    holders: Holders,
    skill_list: Skills = None,
    min_holders: MinHolders = None,
    since: Since = None,
) -> None:
    """Create a role with its first holders (a role is never held by nobody)."""


@command(app, "retire", "collectif.commands.role.create:retire", WriteOptions)
def retire_command(role_id: RoleId, day: Retired = None) -> None:
    """Retire a role: its file stays, for history."""
