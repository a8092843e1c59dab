"""`collectif contact ...`: the collective's shared clients and prospects, each change a commit."""

from __future__ import annotations

from typing import Annotated

import typer

from collectif.commands.options import AsMember, Lang, Repo

app = typer.Typer(no_args_is_help=True)

ContactId = Annotated[str, typer.Argument(metavar="ID", help="The contact's id, e.g. mda.")]
Day = Annotated[
    str | None, typer.Option("--date", metavar="DATE", help="YYYY-MM-DD (default: today).")
]


@app.command("add")
def add_command(
    contact_id: Annotated[
        str, typer.Argument(metavar="ID", help="The new contact's id: contacts/ID.yaml.")
    ],
    name: Annotated[str, typer.Option("--name", help="The organisation's name.")],
    kind: Annotated[str, typer.Option("--kind", help="ess, big_account, public or other.")],
    status: Annotated[
        str, typer.Option("--status", help="prospect, client, former or declined.")
    ] = "prospect",
    as_member: AsMember = None,
    repo: Repo = None,
    lang: Lang = None,
) -> None:
    """Share a client or prospect organisation with the collective, shared by you today."""
    from collectif.commands.contact.add import add

    raise typer.Exit(add(contact_id, name, kind, status, as_member, repo, lang))


@app.command("touch")
def touch_command(
    contact_id: ContactId,
    day: Day = None,
    as_member: AsMember = None,
    repo: Repo = None,
    lang: Lang = None,
) -> None:
    """Record an exchange with a contact: its retention counts from the last one."""
    from collectif.commands.contact.life import touch

    raise typer.Exit(touch(contact_id, day, as_member, repo, lang))


@app.command("forget")
def forget_command(
    contact_id: ContactId,
    day: Annotated[
        str | None,
        typer.Option(
            "--date", metavar="DATE", help="The day they asked, YYYY-MM-DD (default: today)."
        ),
    ] = None,
    as_member: AsMember = None,
    repo: Repo = None,
    lang: Lang = None,
) -> None:
    """A contact who asked not to be contacted again: keep only the organisation's name and the
    opt-out date."""
    from collectif.commands.contact.life import forget

    raise typer.Exit(forget(contact_id, day, as_member, repo, lang))
