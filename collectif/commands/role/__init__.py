"""`collectif role ...`: create, join, leave, train for or retire a role, each as one commit."""

from __future__ import annotations

from typing import Annotated

import typer

from collectif.commands.options import AsMember, Lang, Repo

app = typer.Typer(no_args_is_help=True)

RoleId = Annotated[str, typer.Argument(metavar="ROLE", help="The role's id, e.g. tresorerie.")]
Since = Annotated[
    str | None,
    typer.Option(
        "--date", "--since", metavar="DATE", help="The first day, YYYY-MM-DD (default: today)."
    ),
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


@app.command("new")
def new_command(
    role_id: Annotated[str, typer.Argument(metavar="ID", help="The new role's id: roles/ID.yaml.")],
    title: Annotated[str, typer.Option("--title", help="Its name, e.g. 'Trésorerie'.")],
    kind: Annotated[
        str, typer.Option("--kind", help="support, mission, facilitation or coaching.")
    ],
    holders: Annotated[
        str, typer.Option("--holders", metavar="MEMBERS", help="Who holds it: camille,leo.")
    ],
    skill_list: Annotated[
        str | None,
        typer.Option("--skills", metavar="SKILLS", help="Skills it needs: comptabilite."),
    ] = None,
    min_holders: Annotated[
        str | None,
        typer.Option("--min-holders", metavar="N", help="Its own minimum of holders."),
    ] = None,
    since: Since = None,
    as_member: AsMember = None,
    repo: Repo = None,
    lang: Lang = None,
) -> None:
    """Create a role with its first holders (a role is never held by nobody)."""
    from collectif.commands.role.create import new

    raise typer.Exit(
        new(role_id, title, kind, holders, skill_list, min_holders, since, as_member, repo, lang)
    )


@app.command("retire")
def retire_command(
    role_id: RoleId,
    day: Annotated[
        str | None,
        typer.Option("--date", metavar="DATE", help="Its first day retired (default: today)."),
    ] = None,
    as_member: AsMember = None,
    repo: Repo = None,
    lang: Lang = None,
) -> None:
    """Retire a role: its file stays, for history."""
    from collectif.commands.role.create import retire

    raise typer.Exit(retire(role_id, day, as_member, repo, lang))
