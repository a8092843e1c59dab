"""`collectif project ...`: start, join or close a project, each as one commit."""

from __future__ import annotations

from typing import Annotated

import typer

from collectif.commands.options import AsMember, Lang, Repo

app = typer.Typer(no_args_is_help=True)

ProjectId = Annotated[str, typer.Argument(metavar="ID", help="The project's id, e.g. site-mda.")]


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
