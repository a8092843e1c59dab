"""What a check run produced, as every report reads it."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from collectif.i18n import Lang
from collectif.model.finding import Finding, Severity


class Result(NamedTuple):
    as_of: date
    source: str
    checks: list[str]
    findings: list[Finding]
    lang: Lang
    files: int = 0

    def count(self, severity: Severity) -> int:
        return sum(1 for finding in self.findings if finding.severity is severity)
