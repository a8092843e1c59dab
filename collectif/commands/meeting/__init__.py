"""`collectif meeting ...`: record a meeting (one commit), and say who should facilitate next."""

from __future__ import annotations

from typing import Annotated

import typer

from collectif.commands.declare import command
from collectif.commands.options import WriteOptions
from collectif.commands.parameters import AsOf, Lang, Repo

app = typer.Typer(no_args_is_help=True)


@command(app, "new", "collectif.commands.meeting.new:run", WriteOptions)
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
        str,
        typer.Option(
            "--kind", metavar="KIND", help="plenary, project or group (default: plenary)."
        ),
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
            "--slug",
            metavar="SLUG",
            help="The end of the file name: meetings/DATE-SLUG.yaml (default: the kind).",
        ),
    ] = None,
) -> None:
    """Record a meeting: who came, who facilitated (decisions come with `collectif decide`)."""


@command(app, "next-facilitator", "collectif.commands.meeting.rotation:next_facilitator")
def next_facilitator_command(as_of: AsOf = None, repo: Repo = None, lang: Lang = None) -> None:
    """Who should facilitate the next plenary: who facilitated least, and longest ago."""
