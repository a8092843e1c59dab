"""What a check run produced, as every report reads it."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from collectif.i18n import Lang, render
from collectif.model.finding import Placed, Severity, Status
from collectif.model.message import Names, msg


class Result(NamedTuple):
    as_of: date
    source: str
    checks: list[str]
    findings: list[Placed]
    lang: Lang
    files: int = 0
    # Set when comparing two states: the earlier one (`rev:<sha>`), or "" when there was none.
    base: str | None = None
    # Checks that could not run, with the broken settings of collectif.yaml that stopped them.
    not_run: dict[str, list[str]] = {}  # noqa: RUF012 (never changed)
    # How long each check took, in seconds (`--timings`).
    timings: dict[str, float] = {}  # noqa: RUF012 (never changed)

    def count(self, severity: Severity) -> int:
        """Findings of that severity in the checked state (fixed ones are no longer there)."""
        return sum(
            1
            for finding in self.findings
            if finding.severity is severity and finding.status is not Status.FIXED
        )


def not_run(result: Result) -> list[str]:
    """One sentence per check that could not run: a broken setting is never taken as its
    default, and every face says so."""
    return [
        render(
            msg(
                "The check {check} did not run: collectif.yaml has an error in {settings}, which "
                "it reads. Fix that first; until then nothing is known of what it would find.",
                check=name,
                settings=Names(tuple(settings)),
            ),
            result.lang,
        )
        for name, settings in result.not_run.items()
    ]
