"""Options shared by several commands, defined once so that they mean the same everywhere.

`CheckOptions` is what `check` and `diff` share, as one record.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer

Repo = Annotated[
    Path | None,
    typer.Option(
        "--repo", metavar="DIR", help="The collective's folder (default: the one around here)."
    ),
]
AsOf = Annotated[
    str | None,
    typer.Option(
        "--as-of", metavar="DATE", help="Check as of this date, YYYY-MM-DD (default: today)."
    ),
]
Since = Annotated[
    str | None,
    typer.Option(
        "--since",
        metavar="DATE",
        help="Check every closed period from this date on, not only the last.",
    ),
]
Only = Annotated[
    list[str] | None,
    typer.Option("--only", metavar="NAMES", help="Run only these checks (comma-separated)."),
]
Skip = Annotated[
    list[str] | None,
    typer.Option("--skip", metavar="NAMES", help="Do not run these checks (comma-separated)."),
]
Format = Annotated[
    str,
    typer.Option(
        "--format",
        metavar="FORMAT",
        help="text, json, markdown, github, junit, sarif or gitlab (where supported).",
    ),
]
Lang = Annotated[
    str | None,
    typer.Option("--lang", metavar="LANG", help="fr or en (default: the collective's language)."),
]
NoCache = Annotated[bool, typer.Option("--no-cache", help="Read every file afresh.")]
AsMember = Annotated[
    str | None,
    typer.Option(
        "--as",
        metavar="MEMBER",
        help="Act as this member (default: the member with git's user.email).",
    ),
]


@dataclass(frozen=True, slots=True)
class CheckOptions:
    """Where the collective is, as of when, which checks, how to print: `check` and `diff`.

    Values are as given on the command line: each command parses and checks them, so that a
    mistake is reported the same way whoever built the record.
    """

    repo: Path | None = None
    as_of: str | None = None
    since: str | None = None
    only: tuple[str, ...] = ()
    skip: tuple[str, ...] = ()
    output: str = "text"
    lang: str | None = None
    no_cache: bool = False
