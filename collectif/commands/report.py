"""`collectif report`: where the collective stands over a period, in pictures and numbers."""

from __future__ import annotations

import os
import re
import sys
import tempfile
from datetime import date
from pathlib import Path

from collectif import i18n
from collectif.checks import runner
from collectif.checks.base import Context
from collectif.commands.dates import parse_day
from collectif.commands.options import require_format
from collectif.engine.evaluate import examine, open_store
from collectif.engine.picture import picture
from collectif.engine.picture.records import Picture, Window
from collectif.engine.picture.window import window
from collectif.errors import EXIT_OK, CollectifError
from collectif.report import picture as faces
from collectif.store import source

FORMATS = faces.NAMES
WIDTH = 100  # the text face fits this many columns, or the terminal if it is narrower
_MONTH = re.compile(r"[0-9]{4}-[0-9]{2}")


def report(
    repo: Path | None = None,
    as_of: str | None = None,
    start: str | None = None,
    end: str | None = None,
    output: str = "text",
    out: Path | None = None,
    lang: str | None = None,
) -> int:
    """Show the collective over the period, as text, Markdown, JSON or one HTML page."""
    output = require_format(output, FORMATS)
    day = parse_day("--as-of", as_of, date.today())
    assert day is not None
    frame = _frame(day, start, end)
    if out is not None:
        _check_target(out)
    where = source.locate(repo)
    store = open_store(where.repository, no_cache=False)
    collective, run = examine(where.worktree(), Context(as_of=day), runner.select(), store)
    if store is not None:
        store.save()
    language = i18n.resolve(lang, collective.config.language if collective.config else None)
    shown = picture(collective, frame, run.findings, list(run.not_run))
    if output == "text" and out is None and sys.stdout.isatty():
        _print_in_colour(shown, language)
        return EXIT_OK
    text = faces.render(shown, output, language, WIDTH)
    if not text.endswith("\n"):
        text += "\n"
    if out is None:
        _stdout(text)
    else:
        _write_atomically(out, text)
    return EXIT_OK


def _month_or_day(option: str, value: str | None, last: bool) -> date | None:
    """`YYYY-MM-DD`, or `YYYY-MM` for the month's first (`last`: its last) day."""
    if value is not None and _MONTH.fullmatch(value):
        first = parse_day(option, value + "-01")
        assert first is not None
        if not last:
            return first
        from collectif.checks.periods import period_of

        return period_of(first, "month").end
    return parse_day(option, value)


def _frame(day: date, start: str | None, end: str | None) -> Window:
    first = _month_or_day("--from", start, last=False)
    last = _month_or_day("--to", end, last=True)
    if first is not None and last is not None and first > last:
        raise CollectifError(
            "--from {start} comes after --to {end}: give the period's first day, then its last.",
            start=first,
            end=last,
        )
    return window(day, first, last)


def _print_in_colour(shown: Picture, language: i18n.Lang) -> None:
    """The text face in a terminal: in colour, within its width or 100 columns."""
    from rich.console import Console

    from collectif.report.picture.text import print_text

    console = Console(highlight=False)
    console.width = min(console.width, WIDTH)
    print_text(shown, language, console)


def _check_target(out: Path) -> None:
    if out.is_dir():
        raise CollectifError(
            "--out {path} is a folder: give the name of the file to write, e.g. {example}.",
            path=str(out),
            example=str(out / "report.html"),
        )
    if not out.parent.is_dir():
        raise CollectifError(
            "--out {path}: there is no folder {folder} to write it in.",
            path=str(out),
            folder=str(out.parent),
        )


def _write_atomically(out: Path, text: str) -> None:
    """The whole file or nothing: written beside its place, then moved into it."""
    handle, temporary = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.chmod(temporary, 0o644)
        os.replace(temporary, out)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise CollectifError(
            "--out {path}: the file could not be written ({error}).",
            path=str(out),
            error=error.strerror or str(error),
        ) from None


def _stdout(text: str) -> None:
    """UTF-8 whatever the locale, as the check's faces are written."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
        return
    sys.stdout.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()
