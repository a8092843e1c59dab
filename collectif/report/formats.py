"""Every output format by name, and one function that prints a result in any of them.

`text` is printed with rich for a person in a terminal; every other format is a string made
by a function of the result, written to standard output as UTF-8 whatever the locale.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TextIO

from rich.console import Console

from collectif.report.github import render_github
from collectif.report.gitlab import render_gitlab
from collectif.report.json_report import render_json
from collectif.report.junit import render_junit
from collectif.report.markdown import render_markdown
from collectif.report.result import Result
from collectif.report.sarif import render_sarif
from collectif.report.status import print_changes
from collectif.report.text import print_text

RENDERERS: dict[str, Callable[[Result], str]] = {
    "json": render_json,
    "markdown": render_markdown,
    "github": render_github,
    "sarif": render_sarif,
    "junit": render_junit,
    "gitlab": render_gitlab,
}
NAMES: tuple[str, ...] = ("text", *RENDERERS)


def render(result: Result, name: str) -> str:
    """The result in format `name` (not `text`, which is printed, not rendered)."""
    return RENDERERS[name](result)


def write(result: Result, name: str, stream: TextIO | None = None) -> None:
    """Print the result in format `name` (one of `NAMES`) to `stream`, standard output by default.

    Text between two states shows what the change introduces first; otherwise it groups the
    findings by subject.
    """
    out = stream or sys.stdout
    if name == "text":
        console = Console(file=out, highlight=False)
        if result.base is not None:
            print_changes(result, console)
        else:
            print_text(result, console)
        return
    text = render(result, name)
    if text and not text.endswith("\n"):
        text += "\n"
    _write_utf8(out, text)


def _write_utf8(out: TextIO, text: str) -> None:
    """UTF-8 bytes where the stream has a binary side (a Windows console or a C locale would
    otherwise mangle `é` and `€`), else the text as it is."""
    buffer = getattr(out, "buffer", None)
    if buffer is None:
        out.write(text)
        return
    out.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()
