"""`--timings`: how long each check took, one line each, for a person looking for a slow one.

Written on stderr after the findings, so that `--format json` and the other formats stay what
scripts read.
"""

from __future__ import annotations

from decimal import Decimal

from collectif.i18n import gettext_, number
from collectif.model.message import N_
from collectif.report.result import Result


def render_timings(result: Result) -> str:
    """`Time taken by each check:`, then `  name  12.3 ms` per check in the order they ran."""
    if not result.timings:
        return ""
    lang = result.lang
    shown = {
        name: number(Decimal(seconds * 1000), lang, places=1)
        for name, seconds in result.timings.items()
    }
    width = max(len(name) for name in shown)
    digits = max(len(text) for text in shown.values())
    lines = [gettext_(lang, N_("Time taken by each check:"))]
    lines += [f"  {name:<{width}}  {text:>{digits}} ms" for name, text in shown.items()]
    return "\n".join(lines)
