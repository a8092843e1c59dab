"""What the CI reports share: a finding's stable identity, and which findings each one shows.

A code scanning alert or a code quality issue keeps its identity from one commit to the next
as long as the finding does: the fingerprint hashes what makes a finding the same one (check,
subject, file, period, message id and parameters), never its line, which moves whenever
someone edits the lines above it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from collectif.model.finding import Finding, Severity, Status
from collectif.model.message import Hours, Message, Money, Names, Param, Text

VERSION = "collectifFinding/v1"


def _canonical(value: Param | Message) -> Any:
    """A JSON-able form of a message parameter that does not depend on the language."""
    if isinstance(value, Message):
        return [value.msgid, [[key, _canonical(param)] for key, param in value.params]]
    if isinstance(value, Money):
        return ["money", str(value.amount), value.currency]
    if isinstance(value, Hours):
        return ["hours", str(value.value)]
    if isinstance(value, Names):
        return ["names", list(value.items), value.alternatives]
    if isinstance(value, Text):
        return ["text", _canonical(value.message)]
    if isinstance(value, Decimal):
        return ["decimal", str(value)]
    if isinstance(value, date):
        return ["date", value.isoformat()]
    return value


def identity(finding: Finding) -> str:
    """The finding without its place in the file, as one canonical string."""
    parts = [
        finding.check,
        finding.subject,
        finding.file,
        finding.period,
        _canonical(finding.message),
    ]
    return json.dumps(parts, ensure_ascii=False, separators=(",", ":"))


def fingerprints(findings: Iterable[Finding]) -> list[str]:
    """One hash per finding, in order; unique, even for two copies of the same finding.

    A second copy (same identity, another line) hashes with its rank among the copies, the
    way two identical lines of code are told apart: the first keeps the plain hash.
    """
    seen: dict[str, int] = {}
    result = []
    for finding in findings:
        key = identity(finding)
        rank = seen.get(key, 0)
        seen[key] = rank + 1
        text = key if rank == 0 else f"{key}#{rank}"
        result.append(hashlib.sha256(text.encode("utf-8")).hexdigest())
    return result


def severity(finding: Finding) -> Severity:
    return finding.severity or Severity.ERROR


def has_statuses(findings: Iterable[Finding]) -> bool:
    return any(finding.status is not None for finding in findings)


def current(findings: Iterable[Finding]) -> list[Finding]:
    """The findings of the checked state: new and existing ones, not those a change fixed."""
    return [finding for finding in findings if finding.status is not Status.FIXED]


def introduced(findings: Iterable[Finding]) -> list[Finding]:
    """The findings to blame on a change: new ones, or all of them when nothing was compared."""
    return [finding for finding in findings if finding.status in (None, Status.NEW)]


def errors_first(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (severity(f) is not Severity.ERROR, f.sort_key()))
