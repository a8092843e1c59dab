"""Give every finding its line and column, and its path from the git repository's root."""

from __future__ import annotations

from collections.abc import Iterable

from yaml.nodes import Node

from collectif.model.finding import Finding
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


def place(findings: Iterable[Finding], source: Source) -> list[Finding]:
    """Findings with lines filled in, files prefixed, sorted by file, line, check."""
    findings = list(findings)
    trees = _trees({f.file for f in findings if f.line is None}, source)
    placed = []
    for finding in findings:
        if finding.line is None:
            line, column = locate.find(trees.get(finding.file), finding.path, finding.on_key)
            finding = finding._replace(line=line, column=column)
        placed.append(finding._replace(file=source.prefix + finding.file))
    return sorted(placed, key=Finding.sort_key)
