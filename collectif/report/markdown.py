"""`--format markdown`: a report for a pull request comment or a CI job summary.

A verdict first, then the counts, the findings a change introduces, those it fixes, and those
that were already there folded away. Tables are cut to a number of rows and the whole report
kept under `MAX_CHARS`, so that it fits a GitHub comment (65,536 characters) and, a fortiori,
a job summary (1 MiB), however many findings there are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from collectif import __version__
from collectif.i18n import Lang, gettext_, plural, render
from collectif.model.finding import Finding, Severity, Status
from collectif.model.message import N_, msg
from collectif.report.fingerprint import errors_first, has_statuses, severity
from collectif.report.result import Result
from collectif.report.safe import printable, shown
from collectif.report.status import state_label

MAX_CHARS = 60_000
MESSAGE_CHARS = 400
MARKER = "<!-- collectif report -->"
_ICON = {Severity.ERROR: "❌", Severity.WARNING: "⚠️"}
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]|~])")


class Limits(NamedTuple):
    """How many rows each table shows at most."""

    new: int = 100
    fixed: int = 25
    existing: int = 25

    def halved(self) -> Limits:
        return Limits(self.new // 2, self.fixed // 2, self.existing // 2)


def escape_cell(text: str, limit: int | None = None) -> str:
    """Text for a table cell: HTML and Markdown made literal, line breaks kept, length capped.

    Any other control character is shown as an escape (see `collectif.report.safe`).
    """
    if limit is not None and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    lines = [printable(line) for line in text.replace("\r\n", "\n").split("\n")]
    text = "\n".join(lines).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MARKDOWN_SPECIALS.sub(r"\\\1", text)
    return "<br>".join(line.strip() for line in text.split("\n"))


def _row(finding: Finding, lang: Lang) -> str:
    check = finding.check + (f" ({finding.period})" if finding.period else "")
    where = f"{finding.file}:{finding.line or 1}"
    cells = [
        _ICON[severity(finding)],
        escape_cell(printable(check)),
        escape_cell(printable(finding.subject)),
        escape_cell(printable(where)),
        escape_cell(shown(finding.message, lang), MESSAGE_CHARS),
    ]
    return "| " + " | ".join(cells) + " |"


def _table(findings: Sequence[Finding], lang: Lang, rows: int) -> list[str]:
    titles = [gettext_(lang, title) for title in (N_("Check"), N_("Subject"), N_("Where"))]
    header = "|   | " + " | ".join([*titles, gettext_(lang, N_("Message"))]) + " |"
    lines = [header, "|---|---|---|---|---|"]
    ordered = errors_first(findings)
    lines += [_row(finding, lang) for finding in ordered[:rows]]
    if len(ordered) > rows:
        more = msg("… and {count} more, not shown here.", count=len(ordered) - rows)
        lines += ["", f"_{escape_cell(render(more, lang))}_"]
    return lines


def _count(findings: Sequence[Finding], kind: Severity) -> int:
    return sum(1 for finding in findings if severity(finding) is kind)


def _verdict(findings: Sequence[Finding], lang: Lang, compared: bool) -> str:
    """`❌ 2 new errors`, `✅ No new error · 1 new warning`, `✅ No error`…"""
    errors, warnings = _count(findings, Severity.ERROR), _count(findings, Severity.WARNING)
    if compared and errors:
        return "❌ " + plural(lang, errors, "{count} new error", "{count} new errors")
    if errors:
        return "❌ " + plural(lang, errors, "{count} error", "{count} errors")
    verdict = "✅ " + gettext_(lang, N_("No new error") if compared else N_("No error"))
    if compared and warnings:
        verdict += " · " + plural(lang, warnings, "{count} new warning", "{count} new warnings")
    elif warnings:
        verdict += " · " + plural(lang, warnings, "{count} warning", "{count} warnings")
    return verdict


def _counts(groups: dict[Status, list[Finding]], lang: Lang) -> list[str]:
    """The table of new, fixed and existing errors and warnings."""
    errors, warnings = gettext_(lang, N_("Errors")), gettext_(lang, N_("Warnings"))
    lines = [f"|   | {errors} | {warnings} |", "|:--|--:|--:|"]
    labels = {
        Status.NEW: N_("New"),
        Status.FIXED: N_("Fixed"),
        Status.EXISTING: N_("Already there"),
    }
    for status, label in labels.items():
        found = groups[status]
        counts = f"{_count(found, Severity.ERROR)} | {_count(found, Severity.WARNING)}"
        lines.append(f"| {gettext_(lang, label)} | {counts} |")
    return lines


def _compared(result: Result, limits: Limits) -> list[str]:
    lang = result.lang
    groups: dict[Status, list[Finding]] = {status: [] for status in Status}
    for finding in result.findings:
        groups[finding.status or Status.NEW].append(finding)
    where = msg(
        "Changes in {head} against {base}, as of {as_of}.",
        head=state_label(result.source, lang),
        base=state_label(result.base, lang),
        as_of=result.as_of,
    )
    lines = [f"## {_verdict(groups[Status.NEW], lang, True)}", "", escape_cell(render(where, lang))]
    lines += ["", *_counts(groups, lang)]
    sections = (
        (Status.NEW, N_("Introduced by this change"), limits.new),
        (Status.FIXED, N_("Fixed by this change"), limits.fixed),
    )
    for status, title, rows in sections:
        if groups[status]:
            heading = f"### {gettext_(lang, title)} ({len(groups[status])})"
            lines += ["", heading, "", *_table(groups[status], lang, rows)]
    existing = groups[Status.EXISTING]
    if existing:
        title = gettext_(lang, N_("Already there before this change, not caused by it"))
        lines += ["", "<details>", f"<summary>{title} ({len(existing)})</summary>", ""]
        lines += [*_table(existing, lang, limits.existing), "", "</details>"]
    return lines


def _state(result: Result, limits: Limits) -> list[str]:
    lang = result.lang
    where = msg(
        "State of {source} as of {as_of}.",
        source=state_label(result.source, lang),
        as_of=result.as_of,
    )
    lines = [f"## {_verdict(result.findings, lang, False)}", "", escape_cell(render(where, lang))]
    if result.findings:
        title = gettext_(lang, N_("Findings"))
        lines += ["", f"### {title} ({len(result.findings)})", ""]
        lines += _table(result.findings, lang, limits.new)
    return lines


def _document(result: Result, limits: Limits) -> str:
    compared = result.base is not None or has_statuses(result.findings)
    body = _compared(result, limits) if compared else _state(result, limits)
    footer = msg("`collectif explain NAME` says what a check asks and how to fix a finding.")
    lines = [
        MARKER,
        *body,
        "",
        f"<sub>collectif {__version__} · {render(footer, result.lang)}</sub>",
    ]
    return "\n".join(lines)


def render_markdown(result: Result, max_chars: int = MAX_CHARS) -> str:
    """The report, with fewer rows per table until it fits in `max_chars`."""
    limits = Limits()
    text = _document(result, limits)
    while len(text) > max_chars and any(limits):
        limits = limits.halved()
        text = _document(result, limits)
    return text
