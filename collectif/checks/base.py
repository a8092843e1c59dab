"""What a check is, and what it is given."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from collectif.model.collective import Collective
from collectif.model.files import Charter
from collectif.model.finding import Finding, Severity


@dataclass(frozen=True)
class Context:
    """When the checks look: the as-of date and, for a review, the first period's date."""

    as_of: date
    since: date | None = None


class Explanation(NamedTuple):
    """`collectif explain NAME`: each field is an English catalog id."""

    summary: str
    finds: str
    why: str
    fix: str
    settings: str


class Check(NamedTuple):
    name: str
    severity: Severity
    run: Callable[[Collective, Context], Iterable[Finding]]
    explanation: Explanation


def charter_of(collective: Collective) -> Charter:
    return collective.charter_config.charter
