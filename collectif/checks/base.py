"""What a check is, and what it is given."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from collectif.model.collective import Collective, Setting
from collectif.model.files import Charter
from collectif.model.finding import Finding, Severity

if TYPE_CHECKING:
    from collectif.model.authorship import Commit


@dataclass(frozen=True)
class Context:
    """When the checks look: the as-of date and, for a review, the first period's date; between
    two states, the commits that lead from one to the other (for `authorship`)."""

    as_of: date
    since: date | None = None
    commits: tuple[Commit, ...] | None = None


class Explanation(NamedTuple):
    """`collectif explain NAME`: each field is an English catalog id."""

    summary: str
    finds: str
    why: str
    fix: str
    settings: str


class Check(NamedTuple):
    """A check's registry record, exported by its own module as `CHECK`.

    `settings` are the parts of collectif.yaml it reads: while one of them is broken, the check
    does not run (and says so), rather than run on a default nobody chose.
    """

    name: str
    severity: Severity
    run: Callable[[Collective, Context], Iterable[Finding]]
    explanation: Explanation
    settings: tuple[Setting, ...] = ()

    def blocked_by(self, broken: Iterable[Setting]) -> list[Setting]:
        """The broken settings that stop this check: those it reads. (A broken severity
        override under `checks:` does not stop it: it runs at its default severity, which
        shows more, never less; the schema finding says the override is ignored.)"""
        return sorted(
            {
                setting
                for setting in broken
                if setting[:1] != ("checks",)
                and any(_overlap(setting, read) for read in self.settings)
            },
            key=str,
        )


def _overlap(one: Setting, other: Setting) -> bool:
    """One setting path holds the other (or they are the same)."""
    size = min(len(one), len(other))
    return one[:size] == other[:size]


def charter_of(collective: Collective) -> Charter:
    return collective.charter_config.charter
