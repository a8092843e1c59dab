"""A finding keeps its identity between two states whatever lines move around it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from collectif.checks.base import Context
from collectif.engine import evaluate
from collectif.engine.evaluate import Evaluation, compare
from collectif.model.finding import Finding, Severity, Status
from collectif.model.message import msg
from collectif.store.source import Worktree


def finding(
    ref: str = "zed",
    line: int = 5,
    file: str = "roles/tresorerie.yaml",
    period: str | None = None,
    check: str = "references",
    severity: Severity = Severity.ERROR,
) -> Finding:
    return Finding(
        check=check,
        subject="role:" + file.split("/")[-1].removesuffix(".yaml"),
        file=file,
        message=msg("unknown member `{ref}`: there is no members/{ref}.yaml", ref=ref),
        period=period,
        severity=severity,
        line=line,
    )


def statuses(found: list[Finding]) -> list[tuple[str, int | None, Status | None]]:
    return [(str(dict(f.message.params)["ref"]), f.line, f.status) for f in found]


def test_new_existing_and_fixed() -> None:
    before = [finding("ana", 3), finding("bob", 4)]
    after = [finding("bob", 4), finding("cyd", 6)]

    assert statuses(compare(before, after)) == [
        ("ana", 3, Status.FIXED),
        ("bob", 4, Status.EXISTING),
        ("cyd", 6, Status.NEW),
    ]


def test_a_finding_whose_line_moved_is_the_same_finding() -> None:
    marked = compare([finding("zed", line=5)], [finding("zed", line=42)])

    assert statuses(marked) == [("zed", 42, Status.EXISTING)]


def test_identical_findings_are_matched_by_count() -> None:
    one, two = [finding("zed", 5)], [finding("zed", 5), finding("zed", 9)]

    assert statuses(compare(one, two)) == [("zed", 5, Status.EXISTING), ("zed", 9, Status.NEW)]
    assert statuses(compare(two, one)) == [("zed", 5, Status.EXISTING), ("zed", 9, Status.FIXED)]


def test_what_tells_findings_apart() -> None:
    base = finding()
    others = [
        finding(ref="other"),
        finding(file="roles/communication.yaml"),
        finding(period="2026-10"),
        finding(check="schema"),
    ]
    for other in others:
        marked = compare([base], [other])
        assert sorted(f.status or "" for f in marked) == [Status.FIXED, Status.NEW], other


def test_a_change_of_severity_alone_is_not_a_new_finding() -> None:
    marked = compare([finding(severity=Severity.WARNING)], [finding(severity=Severity.ERROR)])

    assert [(f.status, f.severity) for f in marked] == [(Status.EXISTING, Severity.ERROR)]


def test_nothing_before_means_everything_is_new() -> None:
    assert [f.status for f in compare([], [finding("a"), finding("b")])] == [Status.NEW] * 2
    assert compare([], []) == []


def test_the_timings_of_both_states_add_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    timings = [{"schema": 1.0, "minimum": 0.25}, {"schema": 2.0, "rotation": 0.5}]

    def evaluated(*args: object, **kwargs: object) -> Evaluation:
        return Evaluation([], ["schema"], None, {}, timings.pop(0))

    monkeypatch.setattr(evaluate, "evaluate", evaluated)
    context = Context(as_of=date(2026, 11, 1))
    done = evaluate.changes(Worktree(tmp_path / "a"), Worktree(tmp_path / "b"), context, [])
    assert done.timings == {"schema": 3.0, "minimum": 0.25, "rotation": 0.5}
