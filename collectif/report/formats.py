"""Every output format by name, and one function that prints a result in any of them.

`text` is printed with rich for a person in a terminal; every other format is a string made
by a function of the result, written to standard output as UTF-8 whatever the locale.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from typing import TextIO

from collectif.report.result import Result

# format -> module and function; imported only when that format is asked for, so that a
# pre-commit hook printing text pays for none of them
RENDERERS: dict[str, tuple[str, str]] = {
    "json": ("collectif.report.json_report", "render_json"),
    "markdown": ("collectif.report.markdown", "render_markdown"),
    "github": ("collectif.report.github", "render_github"),
    "sarif": ("collectif.report.sarif", "render_sarif"),
    "junit": ("collectif.report.junit", "render_junit"),
    "gitlab": ("collectif.report.gitlab", "render_gitlab"),
}
NAMES: tuple[str, ...] = ("text", *RENDERERS)


def render(result: Result, name: str) -> str:
    """The result in format `name` (not `text`, which is printed, not rendered)."""
    module, function = RENDERERS[name]
    renderer: Callable[[Result], str] = getattr(importlib.import_module(module), function)
    return renderer(result)


def write(result: Result, name: str, stream: TextIO | None = None) -> None:
    """Print the result in format `name` (one of `NAMES`) to `stream`, standard output by default.

    Text between two states shows what the change introduces first; otherwise it groups the
    findings by subject.
    """
    out = stream or sys.stdout
    if name == "text":
        from rich.console import Console

        from collectif.report.status import print_changes
        from collectif.report.text import print_not_run, print_text

        console = Console(file=out, highlight=False, soft_wrap=True)
        if result.base is not None:
            print_changes(result, console)
        else:
            print_text(result, console)
        print_not_run(result, console)
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
