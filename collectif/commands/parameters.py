"""The typer declarations of the options that several commands share, defined once so that
they mean the same everywhere.

Only the typer side of the command line imports this module (through `options`, or directly):
`collectif check` read by `cli.plain_check` never does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

__all__ = [
    "AsMember",
    "AsOf",
    "Day",
    "Format",
    "Lang",
    "NoCache",
    "Only",
    "Repo",
    "Since",
    "Skip",
    "Timings",
]

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
# The formats of a command that writes text or JSON only, and of one that also writes markdown.
PlainFormat = Annotated[str, typer.Option("--format", metavar="FORMAT", help="text or json.")]
PageFormat = Annotated[
    str,
    typer.Option("--format", metavar="FORMAT", help="text, json or markdown."),
]
Lang = Annotated[
    str | None,
    typer.Option("--lang", metavar="LANG", help="fr or en (default: the collective's language)."),
]
NoCache = Annotated[bool, typer.Option("--no-cache", help="Read every file afresh.")]
Timings = Annotated[
    bool,
    typer.Option("--timings", help="Also print how long each check took, on stderr."),
]
AsMember = Annotated[
    str | None,
    typer.Option(
        "--as",
        metavar="MEMBER",
        help="Act as this member (default: the member with git's user.email).",
    ),
]

# The day a writing command records something done: today unless said.
Day = Annotated[
    str | None, typer.Option("--date", metavar="DATE", help="YYYY-MM-DD (default: today).")
]

# The declaration of each field of the shared records (`options.CheckOptions`,
# `options.WriteOptions`), by the field's name: `commands.declare` spells a record's options
# from here.
FIELDS: dict[str, object] = {
    "repo": Repo,
    "as_of": AsOf,
    "since": Since,
    "only": Only,
    "skip": Skip,
    "output": Format,
    "lang": Lang,
    "no_cache": NoCache,
    "timings": Timings,
    "as_member": AsMember,
}
