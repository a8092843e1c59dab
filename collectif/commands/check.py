"""`collectif check`: load the collective, run the checks, print the findings."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from rich.console import Console

from collectif import i18n
from collectif.checks import runner
from collectif.checks.base import Context
from collectif.commands.dates import parse_day
from collectif.errors import EXIT_FINDINGS, EXIT_OK, CollectifError
from collectif.model.finding import Severity
from collectif.report.json_report import render_json
from collectif.report.result import Result
from collectif.report.text import print_text
from collectif.store import load, place, source

FORMATS = ("text", "json")


def check(
    repo: Path | None = None,
    as_of: str | None = None,
    since: str | None = None,
    only: list[str] | None = None,
    skip: list[str] | None = None,
    output: str = "text",
    lang: str | None = None,
    staged: bool = False,
    rev: str | None = None,
    no_cache: bool = False,
) -> int:
    """Check the collective's files against its charter; 1 if any error finding."""
    if output not in FORMATS:
        raise CollectifError(
            "--format: `{value}` is not one of {choices}.", value=output, choices=", ".join(FORMATS)
        )
    day = parse_day("--as-of", as_of, date.today())
    assert day is not None
    checks = runner.select(_names(only), _names(skip))
    files = source.worktree(repo)
    collective = load.load(files)
    language = i18n.resolve(lang, collective.config.language if collective.config else None)
    run = runner.run(collective, Context(as_of=day, since=parse_day("--since", since)), checks)
    result = Result(
        as_of=day,
        source=files.name,
        checks=run.checks,
        findings=place.place(run.findings, files),
        lang=language,
    )
    if output == "json":
        sys.stdout.write(render_json(result) + "\n")
    else:
        print_text(result, Console(highlight=False, soft_wrap=True))
    return EXIT_FINDINGS if result.count(Severity.ERROR) else EXIT_OK


def _names(values: list[str] | None) -> list[str]:
    """Check names from repeated options or comma-separated lists."""
    return [name.strip() for value in values or [] for name in value.split(",") if name.strip()]
