"""Give every finding its line and column, and its path from the git repository's root."""

from __future__ import annotations

from collections.abc import Iterable

from yaml.nodes import Node

from collectif.model.finding import Finding, Placed, Severity
from collectif.store import locate
from collectif.store.source import GitFiles, Source, Unreadable


def _trees(paths: Iterable[str], source: Source) -> dict[str, Node | None]:
    trees: dict[str, Node | None] = {}
    if isinstance(source, GitFiles):
        source.prefetch(paths)
    for path in paths:
        try:
            trees[path] = locate.locator(source.read(path))
        except (OSError, Unreadable):
            trees[path] = None
    return trees


def place(findings: Iterable[Finding], source: Source) -> list[Placed]:
    """The runner's findings with lines filled in, files prefixed, sorted by file, line, check."""
    findings = list(findings)
    trees = _trees({f.file for f in findings if f.line is None or f.column is None}, source)
    return sorted((_placed(f, trees, source.prefix) for f in findings), key=Placed.sort_key)


def _placed(finding: Finding, trees: dict[str, Node | None], prefix: str) -> Placed:
    if finding.line is None or finding.column is None:
        line, column = locate.find(trees.get(finding.file), finding.path, finding.on_key)
    else:
        line, column = finding.line, finding.column
    return Placed(
        check=finding.check,
        subject=finding.subject,
        file=prefix + finding.file,
        message=finding.message,
        # The runner rates every finding (`runner.run`); one that did not go through it counts
        # as an error, as a check's findings do unless it says otherwise.
        severity=finding.severity or Severity.ERROR,
        line=line,
        column=column,
        period=finding.period,
        details=finding.details,
        status=finding.status,
        key=finding.key,
    )
