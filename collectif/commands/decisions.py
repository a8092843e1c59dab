"""`collectif decisions [--open]`: the decisions, newest first, and those due for review."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from collectif import i18n
from collectif.checks.base import charter_of
from collectif.checks.decisions import stopped
from collectif.checks.review_due import due
from collectif.commands.dates import parse_day
from collectif.commands.options import require_format
from collectif.commands.roster import open_collective
from collectif.errors import EXIT_OK
from collectif.model.collective import Collective
from collectif.model.files import DecisionRules
from collectif.model.meetings import Decided, mode_of, standing_objections
from collectif.model.meetings import decisions as every_decision
from collectif.model.message import N_, msg
from collectif.report.safe import printable

_WORDS = (
    N_("Date"),
    N_("Decision"),
    N_("Outcome"),
    N_("Review"),
    N_("due"),
    N_("adopted"),
    N_("rejected"),
    N_("deferred"),
)


def listed(collective: Collective, day: date, open_only: bool) -> list[tuple[Decided, bool]]:
    """The decisions (newest first), each with whether it is due for review on `day`."""
    overdue = {found.decision.id for found in due(collective, day)}
    found = [(each, each.decision.id in overdue) for each in every_decision(collective)]
    found.reverse()
    return [item for item in found if item[1] or not open_only]


def as_json(collective: Collective, found: Decided, overdue: bool) -> dict[str, Any]:
    rules = charter_of(collective).decisions or DecisionRules()
    decision = found.decision
    return {
        "id": decision.id,
        "meeting": found.meeting,
        "date": found.date.isoformat(),
        "kind": found.kind,
        "title": decision.title,
        "mode": mode_of(decision, rules),
        "outcome": decision.outcome,
        "charter": decision.charter,
        "review_by": decision.review_by.isoformat() if decision.review_by else None,
        "due": overdue,
        "objections": list(standing_objections(decision)),
        "supersedes": list(decision.supersedes),
        "stopped": [code for code, _ in stopped(collective, found)],
    }


def _table(collective: Collective, found: list[tuple[Decided, bool]], lang: i18n.Lang) -> Table:
    table = Table(title_justify="left")
    for header in ("Date", "id", "Decision", "Outcome", "Review"):
        table.add_column(i18n.gettext_(lang, header), no_wrap=header != "Decision")
    for each, overdue in found:
        review = each.decision.review_by.isoformat() if each.decision.review_by else ""
        if overdue:
            review += " (" + i18n.gettext_(lang, "due") + ")"
        table.add_row(
            each.date.isoformat(),
            printable(each.decision.id),
            printable(each.decision.title),
            i18n.gettext_(lang, each.decision.outcome),
            review,
            style="bold" if overdue else None,
        )
    return table


def decisions(
    open_only: bool = False,
    as_of: str | None = None,
    repo: Path | None = None,
    lang: str | None = None,
    output: str = "text",
) -> int:
    """Print the decisions, newest first; with `open_only`, those due for review."""
    output = require_format(output, ("text", "json"))
    collective, language = open_collective(repo, lang)
    day = parse_day("--as-of", as_of, date.today())
    found = listed(collective, day, open_only)
    if output == "json":
        document = [as_json(collective, each, overdue) for each, overdue in found]
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    console = Console(highlight=False, soft_wrap=True)
    if not found:
        nothing = (
            msg("No decision is due for review.") if open_only else msg("No decision recorded.")
        )
        console.print(i18n.render(nothing, language))
        return EXIT_OK
    console.print(_table(collective, found, language))
    return EXIT_OK
