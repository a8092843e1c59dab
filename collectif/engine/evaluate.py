"""The findings of one state of the collective, and how they changed between two states."""

from __future__ import annotations

import gc
from collections import defaultdict, deque
from collections.abc import Hashable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from typing import TYPE_CHECKING, Generic, NamedTuple, TypeVar

from collectif.checks import runner
from collectif.checks.base import Check, Context
from collectif.model.collective import Collective
from collectif.model.finding import Finding, Placed, Status
from collectif.model.identity import identity
from collectif.model.layout import member_file
from collectif.store import load, place
from collectif.store.git import Repository
from collectif.store.source import GitFiles, Source, language_in

if TYPE_CHECKING:
    from collectif.store.cache import Cache


# Findings are compared as checks find them (before a write) or placed (`check`, `diff`).
F = TypeVar("F", Finding, Placed)


class Evaluation(NamedTuple):
    """The placed findings of a state, the checks that ran, the collective's language, the
    checks that could not run (with the broken settings that stopped them), and how long each
    check took, in seconds."""

    findings: list[Placed]
    checks: list[str]
    language: str | None
    not_run: dict[str, list[str]]
    timings: dict[str, float]
    collective: Collective | None = None


def evaluate(
    files: Source,
    context: Context,
    checks: Sequence[Check],
    memo: load.Memo | None = None,
    store: Cache | None = None,
) -> Evaluation:
    """Load the state, run the checks, give every finding its line."""
    collective, run = examine(files, context, checks, store, memo)
    # a broken collectif.yaml still says what language it is written for, most of the time
    language = collective.language or language_in(files)
    placed = place.place(run.findings, files)
    return Evaluation(placed, run.checks, language, run.not_run, run.timings, collective)


def examine(
    files: Source,
    context: Context,
    checks: Sequence[Check],
    store: Cache | None = None,
    memo: load.Memo | None = None,
) -> tuple[Collective, runner.Run]:
    """The loaded state and its checks' run, for a command that shows more than the findings
    (`report`, `me`): the findings are not placed, no line is read."""
    with _collector_paused():
        collective = load.load(files, memo, store)
        return collective, runner.run(collective, context, checks)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while a state is loaded and checked.

    Loading a large collective builds a million objects that live until the end, with no
    cycle among them: the collector would walk them over and over (a third of the time) to
    free nothing. What was built is then left out of later collections.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def open_store(repository: Repository | None, no_cache: bool) -> Cache | None:
    """The cache of the repository, unless `--no-cache` (or no git)."""
    if no_cache or repository is None:
        return None
    from collectif.store.cache import open_cache

    return open_cache(repository)


class Paired(NamedTuple, Generic[F]):
    """Each finding of `after` with its match in `before` (None: new), and what `before` had
    that `after` lost."""

    matched: list[tuple[F, F | None]]
    lost: list[F]


def pair(before: Sequence[F], after: Sequence[F]) -> Paired[F]:
    """Findings with the same identity paired one for one, so that a second copy of a problem
    is new even though the first was already there."""
    waiting: dict[Hashable, deque[F]] = defaultdict(deque)
    for finding in before:
        waiting[identity(finding)].append(finding)
    matched: list[tuple[F, F | None]] = []
    for finding in after:
        match = waiting.get(identity(finding))
        matched.append((finding, match.popleft() if match else None))
    return Paired(matched, [finding for left in waiting.values() for finding in left])


def compare(before: Sequence[F], after: Sequence[F]) -> list[F]:
    """`after` marked new or existing, plus what `before` had and `after` lost, marked fixed."""
    paired = pair(before, after)
    marked = [
        now._replace(status=Status.NEW if then is None else Status.EXISTING)
        for now, then in paired.matched
    ]
    marked += [finding._replace(status=Status.FIXED) for finding in paired.lost]
    return sorted(marked, key=lambda finding: finding.sort_key())


def worsened(before: Sequence[Finding], after: Sequence[Finding]) -> list[Finding]:
    """The findings of `after` that were already in `before` with a smaller measure: the same
    problem, made worse (more hours short, more holders missing, a larger excess)."""
    return [
        now for now, then in pair(before, after).matched if then is not None and _worse(now, then)
    ]


def _worse(now: Finding, then: Finding) -> bool:
    return now.measure is not None and then.measure is not None and now.measure > then.measure


def changes(
    before: Source | None,
    after: Source,
    context: Context,
    checks: Sequence[Check],
    store: Cache | None = None,
    memo: load.Memo | None = None,
) -> Evaluation:
    """The findings of `after`, each with its status against `before` (None: nothing before);
    the timings of the checks on both states, added up. The commits of `context` lead to
    `after`: what they bring is new (`before` is checked without them)."""
    memo = {} if memo is None else memo  # a file unchanged between the states is loaded once
    now = evaluate(after, context, checks, memo, store)
    timings = dict(now.timings)
    ran_before = set(now.checks)
    if before is None:
        then: list[Placed] = []
    elif _same_files(before, after):
        then = [finding for finding in now.findings if not finding.subject.startswith("commit:")]
    else:
        earlier = evaluate(before, replace(context, commits=None), checks, memo, store)
        then, ran_before = earlier.findings, set(earlier.checks)
        for name, seconds in earlier.timings.items():
            timings[name] = timings.get(name, 0.0) + seconds
        now = now._replace(findings=now.findings + _between(earlier, now, after, context, checks))
    # A check that did not run now fixed nothing; one that did not run before brought nothing.
    ran = set(now.checks)
    findings = compare([f for f in then if f.check in ran], now.findings)
    if before is not None:
        recorded = set(before.paths())
        findings = [_owed_before(_unknown_before(f, ran_before), recorded) for f in findings]
    return now._replace(findings=findings, timings=timings)


def _between(
    earlier: Evaluation, now: Evaluation, after: Source, context: Context, checks: Sequence[Check]
) -> list[Placed]:
    """What the checks find in the change itself (the charter's rules changed under the same
    version...): it exists only between the two states, so it is always the change's doing."""
    if earlier.collective is None or now.collective is None:
        return []
    found = runner.between(earlier.collective, now.collective, context, checks)
    return place.place(found, after) if found else []


# The checks of what a member owes for their periods (hours, prospecting actions).
_OWED = frozenset({"minimum", "prospecting"})


def owed_before_recorded(finding: Finding | Placed, recorded: set[str]) -> bool:
    """Whether `finding` is what a member owes whose file the change adds (a member who
    joined before they were recorded): the change did not make that debt, it only wrote the
    member down; their past time is logged by the commits that follow."""
    kind, _, member = finding.subject.partition(":")
    return finding.check in _OWED and kind == "member" and member_file(member) not in recorded


def _owed_before(finding: Placed, recorded: set[str]) -> Placed:
    if finding.status is Status.NEW and owed_before_recorded(finding, recorded):
        return finding._replace(status=Status.EXISTING)
    return finding


def _unknown_before(finding: Placed, ran_before: set[str]) -> Placed:
    """A finding of a check that could not run before the change is not the change's doing:
    the change only made it visible (by mending a broken setting). It is shown as existing."""
    if finding.status is Status.NEW and finding.check not in ran_before:
        return finding._replace(status=Status.EXISTING)
    return finding


def _same_files(before: Source, after: Source) -> bool:
    """Two git states with the same blobs at the same paths give the same findings."""
    return (
        isinstance(before, GitFiles)
        and isinstance(after, GitFiles)
        and before.repository == after.repository
        and before.blobs == after.blobs
    )
