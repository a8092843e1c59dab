"""`collectif contact ...`: the collective's shared clients and prospects, each change a commit."""

from __future__ import annotations

from typing import Annotated

import typer

from collectif.commands.declare import command
from collectif.commands.options import WriteOptions

app = typer.Typer(no_args_is_help=True)

ContactId = Annotated[str, typer.Argument(metavar="ID", help="The contact's id, e.g. mda.")]
Day = Annotated[
    str | None, typer.Option("--date", metavar="DATE", help="YYYY-MM-DD (default: today).")
]


@command(app, "add", "collectif.commands.contact.add:add", WriteOptions)
def add_command(
    contact_id: Annotated[
        str, typer.Argument(metavar="ID", help="The new contact's id: contacts/ID.yaml.")
    ],
    name: Annotated[str, typer.Option("--name", metavar="NAME", help="The organisation's name.")],
    kind: Annotated[
        str, typer.Option("--kind", metavar="KIND", help="ess, big_account, public or other.")
    ],
    status: Annotated[
        str,
        typer.Option("--status", metavar="STATUS", help="prospect, client, former or declined."),
    ] = "prospect",
) -> None:
    """Share a client or prospect organisation with the collective, shared by you today."""


@command(app, "touch", "collectif.commands.contact.life:touch", WriteOptions)
def touch_command(
    contact_id: ContactId,
    day: Day = None,
) -> None:
    """Record an exchange with a contact: its retention counts from the last one."""


@command(app, "forget", "collectif.commands.contact.life:forget", WriteOptions)
def forget_command(
    contact_id: ContactId,
    day: Annotated[
        str | None,
        typer.Option(
            "--date", metavar="DATE", help="The day they asked, YYYY-MM-DD (default: today)."
        ),
    ] = None,
) -> None:
    """A contact who asked not to be contacted again: keep only the organisation's name and the
    opt-out date."""
