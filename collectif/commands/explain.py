"""`collectif explain [NAME]`: a check's principle and settings; without a name, the list."""

from __future__ import annotations

import json
import sys

from rich.console import Console
from rich.text import Text

from collectif import i18n
from collectif.checks import runner
from collectif.checks.base import Check
from collectif.checks.registry import CHECKS
from collectif.commands.options import require_format
from collectif.errors import EXIT_OK
from collectif.model.message import N_
from collectif.store import source

SECTIONS = (
    ("finds", N_("What it finds")),
    ("why", N_("Why it matters")),
    ("fix", N_("How to fix a finding")),
    ("settings", N_("Settings")),
)


def explain_json(check: Check, lang: i18n.Lang) -> dict[str, str]:
    text = {key: i18n.gettext_(lang, getattr(check.explanation, key)) for key, _ in SECTIONS}
    return {
        "name": check.name,
        "severity": check.severity.value,
        "summary": i18n.gettext_(lang, check.explanation.summary),
        **text,
    }


def _print_list(console: Console, lang: i18n.Lang) -> None:
    width = max(len(check.name) for check in CHECKS)
    for check in CHECKS:
        line = Text(check.name.ljust(width + 2), style="bold")
        line.append(i18n.gettext_(lang, check.severity.value).ljust(14), style="dim")
        line.append(i18n.gettext_(lang, check.explanation.summary))
        console.print(line)
    console.print()
    console.print(i18n.gettext_(lang, "`collectif explain NAME` explains one check."))


def _print_one(console: Console, check: Check, lang: i18n.Lang) -> None:
    severity = i18n.gettext_(lang, check.severity.value)
    console.print(Text(f"{check.name} ({severity})", style="bold"))
    console.print(i18n.gettext_(lang, check.explanation.summary))
    for key, title in SECTIONS:
        console.print()
        console.print(Text(i18n.gettext_(lang, title), style="bold underline"))
        console.print(i18n.gettext_(lang, getattr(check.explanation, key)))


def explain(name: str | None = None, lang: str | None = None, output: str = "text") -> int:
    """Print one check's explanation, or the list of checks."""
    language = i18n.resolve(lang, source.language_around(None))
    output = require_format(output, ("text", "json"))
    chosen = runner.select([name]) if name else list(CHECKS)
    if output == "json":
        document = [explain_json(check, language) for check in chosen]
        sys.stdout.write(
            json.dumps(document[0] if name else document, ensure_ascii=False, indent=2) + "\n"
        )
        return EXIT_OK
    console = Console(highlight=False, soft_wrap=True)
    if name:
        _print_one(console, chosen[0], language)
    else:
        _print_list(console, language)
    return EXIT_OK
