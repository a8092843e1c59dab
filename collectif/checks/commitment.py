"""`commitment`: not implemented yet."""

from __future__ import annotations

from collections.abc import Iterator

from collectif.checks.base import Context, Explanation
from collectif.model.collective import Collective
from collectif.model.finding import Finding

EXPLANATION = Explanation(
    summary="(not implemented yet)",
    finds="(not implemented yet)",
    why="(not implemented yet)",
    fix="(not implemented yet)",
    settings="(not implemented yet)",
)


def check(collective: Collective, context: Context) -> Iterator[Finding]:
    """Not implemented yet."""
    yield from ()
