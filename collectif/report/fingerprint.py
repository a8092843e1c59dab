"""What the CI reports share: a finding's stable identity, and which findings each one shows.

A code scanning alert or a code quality issue keeps its identity from one commit to the next
as long as the finding does: the fingerprint hashes what makes a finding the same one (check,
subject, file, period, and the check's key for the problem or the message id and parameters;
see `collectif.model.identity`), never its line, which moves whenever someone edits the lines
above it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from collectif.model.finding import Placed, Severity, Status
from collectif.model.identity import identity

VERSION = "collectifFinding/v1"


def fingerprints(findings: Iterable[Placed]) -> list[str]:
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


def has_statuses(findings: Iterable[Placed]) -> bool:
    return any(finding.status is not None for finding in findings)


def current(findings: Iterable[Placed]) -> list[Placed]:
    """The findings of the checked state: new and existing ones, not those a change fixed."""
    return [finding for finding in findings if finding.status is not Status.FIXED]


def introduced(findings: Iterable[Placed]) -> list[Placed]:
    """The findings to blame on a change: new ones, or all of them when nothing was compared."""
    return [finding for finding in findings if finding.status in (None, Status.NEW)]


def errors_first(findings: Iterable[Placed]) -> list[Placed]:
    return sorted(findings, key=lambda f: (f.severity is not Severity.ERROR, f.sort_key()))
