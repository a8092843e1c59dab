"""`collectif hook ...`: run the checks on every commit."""

from __future__ import annotations

from typing import Annotated

import typer

from collectif.commands.declare import command
from collectif.commands.options import Lang, Repo

app = typer.Typer(no_args_is_help=True)


@command(app, "install", "collectif.commands.hook.install:install")
def install_command(
    repo: Repo = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="Replace another pre-commit hook (it is kept as a backup)."),
    ] = False,
    lang: Lang = None,
) -> None:
    """Install a git pre-commit hook that refuses a commit adding an error finding."""
