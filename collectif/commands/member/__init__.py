"""`collectif member ...`: add a member, record a departure or a pause, each as one commit."""

from __future__ import annotations

from typing import Annotated

import typer

from collectif.commands.options import AsMember, Lang, Repo

app = typer.Typer(no_args_is_help=True)

MemberId = Annotated[str, typer.Argument(metavar="ID", help="The member's id, e.g. camille.")]
Skills = Annotated[
    str | None,
    typer.Option(
        "--skills", metavar="SKILLS", help="Their skills, comma-separated: graphisme,formation."
    ),
]


@app.command("add")
def add_command(
    member_id: Annotated[
        str,
        typer.Argument(metavar="ID", help="The new member's id: their file is members/ID.yaml."),
    ],
    name: Annotated[str, typer.Option("--name", help="Their name, e.g. 'Camille Martin'.")],
    email: Annotated[str, typer.Option("--email", help="Their email, as git knows them.")],
    joined: Annotated[
        str | None,
        typer.Option(
            "--date", "--joined", metavar="DATE", help="The day they joined (default: today)."
        ),
    ] = None,
    skill_list: Skills = None,
    as_member: AsMember = None,
    repo: Repo = None,
    lang: Lang = None,
) -> None:
    """Add a member, who signs the current charter by joining."""
    from collectif.commands.member.add import add

    raise typer.Exit(add(member_id, name, email, joined, as_member, repo, lang, skill_list))


@app.command("set")
def set_command(
    member_id: MemberId,
    name: Annotated[str | None, typer.Option("--name", help="Their new name.")] = None,
    email: Annotated[str | None, typer.Option("--email", help="Their new email.")] = None,
    skill_list: Skills = None,
    as_member: AsMember = None,
    repo: Repo = None,
    lang: Lang = None,
) -> None:
    """Change a member's name, email or skills."""
    from collectif.commands.member.add import update

    raise typer.Exit(update(member_id, name, email, skill_list, as_member, repo, lang))


@app.command("leave")
def leave_command(
    member_id: MemberId,
    day: Annotated[
        str | None,
        typer.Option("--date", help="The first day without membership (default: today)."),
    ] = None,
    as_member: AsMember = None,
    repo: Repo = None,
    lang: Lang = None,
) -> None:
    """Record that a member leaves; their roles end the day before."""
    from collectif.commands.member.leave import leave

    raise typer.Exit(leave(member_id, day, as_member, repo, lang))


@app.command("pause")
def pause_command(
    member_id: MemberId,
    start: Annotated[str, typer.Option("--from", help="First day of the pause, YYYY-MM-DD.")],
    end: Annotated[str, typer.Option("--to", help="Last day of the pause, YYYY-MM-DD.")],
    reason: Annotated[
        str | None, typer.Option("--reason", help="Why, e.g. 'congé parental'.")
    ] = None,
    as_member: AsMember = None,
    repo: Repo = None,
    lang: Lang = None,
) -> None:
    """Record a pause (leave, illness...): days exempt from the minimum."""
    from collectif.commands.member.pause import pause

    raise typer.Exit(pause(member_id, start, end, reason, as_member, repo, lang))
