"""`collectif meeting ...`: record a meeting (one commit), and say who should facilitate next."""

from __future__ import annotations

from typing import Annotated

import typer

from collectif.commands.options import AsMember, AsOf, Lang, Repo

app = typer.Typer(no_args_is_help=True)


@app.command("new")
def new_command(
    day: Annotated[
        str | None, typer.Argument(metavar="DATE", help="The meeting's day (default: today).")
    ] = None,
    facilitator: Annotated[
        str | None, typer.Option("--facilitator", metavar="MEMBER", help="Who facilitated.")
    ] = None,
    attendees: Annotated[
        str, typer.Option("--attendees", metavar="MEMBERS", help="Who came: camille,ines,leo.")
    ] = "",
    kind: Annotated[
        str, typer.Option("--kind", help="plenary, project or group (default: plenary).")
    ] = "plenary",
    notes_by: Annotated[
        str | None, typer.Option("--notes-by", metavar="MEMBER", help="Who took the notes.")
    ] = None,
    project: Annotated[
        str | None, typer.Option("--project", metavar="ID", help="A project meeting's project.")
    ] = None,
    role: Annotated[
        str | None, typer.Option("--role", metavar="ID", help="A group meeting's role.")
    ] = None,
    slug: Annotated[
        str | None,
        typer.Option(
            "--slug", help="The end of the file name: meetings/DATE-SLUG.yaml (default: the kind)."
        ),
    ] = None,
    as_member: AsMember = None,
    repo: Repo = None,
    lang: Lang = None,
) -> None:
    """Record a meeting: who came, who facilitated (decisions come with `collectif decide`)."""
    from collectif.commands.meeting.new import Wanted, new

    wanted = Wanted(day, facilitator, attendees, kind, notes_by, project, role, slug)
    raise typer.Exit(new(wanted, as_member, repo, lang))


@app.command("next-facilitator")
def next_facilitator_command(as_of: AsOf = None, repo: Repo = None, lang: Lang = None) -> None:
    """Who should facilitate the next plenary: who facilitated least, and longest ago."""
    from collectif.commands.meeting.rotation import next_facilitator

    raise typer.Exit(next_facilitator(as_of, repo, lang))
