"""The findings of one state of the collective, and how they changed between two states."""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Hashable, Sequence
from typing import NamedTuple

from collectif.checks import runner
from collectif.checks.base import Check, Context
from collectif.model.finding import Finding, Status
from collectif.model.identity import identity
from collectif.store import load, place
from collectif.store.git import GitFiles
from collectif.store.source import Source


class Evaluation(NamedTuple):
    """The placed findings of a state, the checks that ran, the collective's language."""

    findings: list[Finding]
    checks: list[str]
    language: str | None


def evaluate(
    files: Source, context: Context, checks: Sequence[Check], memo: load.Memo | None = None
) -> Evaluation:
    """Load the state, run the checks, give every finding its line."""
    collective = load.load(files, memo)
    run = runner.run(collective, context, checks)
    language = collective.config.language if collective.config else None
    return Evaluation(place.place(run.findings, files), run.checks, language)


def compare(before: Sequence[Finding], after: Sequence[Finding]) -> list[Finding]:
    """`after` marked new or existing, plus what `before` had and `after` lost, marked fixed.

    Findings with the same identity are paired one for one, so that a second copy of a
    problem is new even though the first was already there.
    """
    waiting: dict[Hashable, deque[Finding]] = defaultdict(deque)
    for finding in before:
        waiting[identity(finding)].append(finding)
    marked = []
    for finding in after:
        match = waiting.get(identity(finding))
        status = Status.EXISTING if match else Status.NEW
        if match:
            match.popleft()
        marked.append(finding._replace(status=status))
    for left in waiting.values():
        marked.extend(finding._replace(status=Status.FIXED) for finding in left)
    return sorted(marked, key=Finding.sort_key)


def changes(
    before: Source | None, after: Source, context: Context, checks: Sequence[Check]
) -> Evaluation:
    """The findings of `after`, each with its status against `before` (None: nothing before)."""
    memo: load.Memo = {}  # a file unchanged between the two states is loaded once
    now = evaluate(after, context, checks, memo)
    if before is None:
        then: list[Finding] = []
    elif _same_files(before, after):
        then = now.findings
    else:
        then = evaluate(before, context, checks, memo).findings
    return now._replace(findings=compare(then, now.findings))


def _same_files(before: Source, after: Source) -> bool:
    """Two git states with the same blobs at the same paths give the same findings."""
    return (
        isinstance(before, GitFiles)
        and isinstance(after, GitFiles)
        and before.prefix == after.prefix
        and before.blobs == after.blobs
    )
