"""`collectif role ...`: join, leave or train for a role, each as one commit."""

from __future__ import annotations

from typing import Annotated

import typer

from collectif.commands.options import AsMember, Lang, Repo

app = typer.Typer(no_args_is_help=True)

RoleId = Annotated[str, typer.Argument(metavar="ROLE", help="The role's id, e.g. tresorerie.")]
Since = Annotated[
    str | None, typer.Option("--since", help="The first day, YYYY-MM-DD (default: today).")
]


@app.command("join")
def join_command(
    role_id: RoleId,
    since: Since = None,
    as_member: AsMember = None,
    repo: Repo = None,
    lang: Lang = None,
) -> None:
    """Become a holder of a role (a training in it ends the day before)."""
    from collectif.commands.role.join import join

    raise typer.Exit(join(role_id, since, as_member, repo, lang))


@app.command("leave")
def leave_command(
    role_id: RoleId,
    day: Annotated[
        str | None,
        typer.Option("--date", help="The first day without the role (default: today)."),
    ] = None,
    as_member: AsMember = None,
    repo: Repo = None,
    lang: Lang = None,
) -> None:
    """Stop holding a role (or end a training in it)."""
    from collectif.commands.role.leave import leave

    raise typer.Exit(leave(role_id, day, as_member, repo, lang))


@app.command("train")
def train_command(
    role_id: RoleId,
    since: Since = None,
    as_member: AsMember = None,
    repo: Repo = None,
    lang: Lang = None,
) -> None:
    """Start training for a role with its holders."""
    from collectif.commands.role.train import train

    raise typer.Exit(train(role_id, since, as_member, repo, lang))
