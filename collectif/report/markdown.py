"""`--format markdown`: a report for a pull request comment or a CI job summary.

A verdict first, then the counts, each check's count, the findings a change introduces, those
it fixes, and those that were already there folded away. Tables are cut to a number of rows and
the whole report kept under `MAX_CHARS`, so that it fits a GitHub comment (65,536 characters)
and, a fortiori, a job summary (1 MiB), however many findings there are. A cut table keeps a
share of its rows for every check, so that a thousand findings of one check never hide the
few of another, and the count per check says how many of each are not shown.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from collectif import __version__
from collectif.i18n import Lang, gettext_, plural, render
from collectif.model.finding import Placed, Severity, Status
from collectif.model.message import N_, msg
from collectif.report.fingerprint import errors_first, has_statuses
from collectif.report.result import Result, not_run
from collectif.report.safe import period_label, printable, shown, subject_label
from collectif.report.status import state_label

MAX_CHARS = 60_000
MESSAGE_CHARS = 400
MIN_ROWS = 5  # rows that every check keeps in a cut table, room permitting
MARKER = "<!-- collectif report -->"
_ICON = {Severity.ERROR: "❌", Severity.WARNING: "⚠️"}
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]|~])")
_CODE = re.compile(r"`([^`]+)`")


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
    return "<br>".join(_inline(line).strip() for line in lines)


def _inline(text: str) -> str:
    """One line of a cell: a pair of backticks stays a code span (`collectif log`), whose text
    Markdown shows as it is, but for `|`, which would end the cell. Everything else is made
    literal: a backtick left alone, and a span holding `<`, `>` or `&`, so that no HTML ever
    reaches the page as such, even where a renderer would read it as code."""
    parts, last = [], 0
    for span in _CODE.finditer(text):
        if any(character in span.group(1) for character in "<>&"):
            continue
        parts.append(_literal(text[last : span.start()]))
        parts.append("`" + span.group(1).replace("|", "\\|") + "`")
        last = span.end()
    parts.append(_literal(text[last:]))
    return "".join(parts)


def _literal(text: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIALS.sub(r"\\\1", text)


def _row(finding: Placed, lang: Lang) -> str:
    check = finding.check + (f" ({period_label(finding.period, lang)})" if finding.period else "")
    where = f"{finding.file}:{finding.line}"
    cells = [
        _ICON[finding.severity],
        escape_cell(printable(check)),
        escape_cell(subject_label(finding.subject, lang)),
        escape_cell(printable(where)),
        escape_cell(shown(finding.message, lang), MESSAGE_CHARS),
    ]
    return "| " + " | ".join(cells) + " |"


# A check's findings of one severity: errors sort first.
_Group = tuple[bool, str]


def _group(finding: Placed) -> _Group:
    return (finding.severity is not Severity.ERROR, finding.check)


def shares(sizes: Sequence[int], rows: int, least: int = MIN_ROWS) -> list[int]:
    """How many rows of `rows` each group gets: all it has when everything fits; else up to
    `least` each (fewer when there are many groups) and the rest in proportion to what each has
    left, largest remainders first. With more groups than rows, the first groups get one each."""
    if sum(sizes) <= rows:
        return list(sizes)
    floor = min(least, rows // len(sizes))
    if floor == 0:
        return [1 if i < rows else 0 for i in range(len(sizes))]
    taken = [min(size, floor) for size in sizes]
    left = rows - sum(taken)
    rest = [size - took for size, took in zip(sizes, taken, strict=True)]
    total = sum(rest)  # more than `left`, so no group gets more than it has
    extra = [left * each // total for each in rest]
    by_remainder = sorted(range(len(rest)), key=lambda i: -(left * rest[i] % total))
    for i in by_remainder[: left - sum(extra)]:
        extra[i] += 1
    return [took + more for took, more in zip(taken, extra, strict=True)]


def chosen(findings: Sequence[Placed], rows: int) -> list[Placed]:
    """The findings a table of at most `rows` rows shows, errors first: each check's share."""
    ordered = errors_first(findings)
    groups: dict[_Group, list[int]] = {}
    for index, finding in enumerate(ordered):
        groups.setdefault(_group(finding), []).append(index)
    keys = sorted(groups, key=lambda key: (key[0], -len(groups[key]), key[1]))
    counts = shares([len(groups[key]) for key in keys], rows)
    kept = sorted(i for key, count in zip(keys, counts, strict=True) for i in groups[key][:count])
    return [ordered[i] for i in kept]


def _table(findings: Sequence[Placed], rows: Sequence[Placed], lang: Lang) -> list[str]:
    """The table of `rows`, chosen among `findings`, and how many it leaves out."""
    titles = [gettext_(lang, title) for title in (N_("Check"), N_("Subject"), N_("Where"))]
    header = "|   | " + " | ".join([*titles, gettext_(lang, N_("Message"))]) + " |"
    lines = [header, "|---|---|---|---|---|"]
    lines += [_row(finding, lang) for finding in rows]
    if len(findings) > len(rows):
        more = msg("… and {count} more, not shown here.", count=len(findings) - len(rows))
        lines += ["", f"_{escape_cell(render(more, lang))}_"]
    return lines


def _by_check(
    findings: Sequence[Placed], rows: Sequence[Placed], lang: Lang, compared: bool
) -> list[str]:
    """Each check's count (new, fixed and existing when compared), errors first, then by count,
    and how many of its findings the tables leave out; nothing when one line would say it all."""
    total = Counter(_group(finding) for finding in findings)
    hidden = total - Counter(_group(finding) for finding in rows)
    if len(total) < 2 and not hidden:
        return []
    by_status = Counter((_group(f), f.status or Status.NEW) for f in findings)
    statuses = (Status.NEW, Status.FIXED, Status.EXISTING) if compared else (Status.NEW,)
    titles = [N_("New"), N_("Fixed"), N_("Already there")] if compared else [N_("Findings")]
    if hidden:
        titles.append(N_("Not shown"))
    header = [gettext_(lang, N_("Check")), *(gettext_(lang, title) for title in titles)]
    lines = ["|   | " + " | ".join(header) + " |", "|---|---|" + "--:|" * len(titles)]
    order = sorted(total, key=lambda key: (key[0], -by_status[key, Status.NEW], -total[key], key))
    for key in order:
        counts = [by_status[key, status] for status in statuses]
        if hidden:
            counts.append(hidden[key])
        icon = _ICON[Severity.WARNING if key[0] else Severity.ERROR]
        cells = [icon, escape_cell(printable(key[1])), *(str(count) for count in counts)]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _count(findings: Sequence[Placed], kind: Severity) -> int:
    return sum(1 for finding in findings if finding.severity is kind)


def _verdict(findings: Sequence[Placed], lang: Lang, compared: bool) -> str:
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


def _counts(groups: dict[Status, list[Placed]], lang: Lang) -> list[str]:
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
    groups: dict[Status, list[Placed]] = {status: [] for status in Status}
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
    rows = {
        Status.NEW: chosen(groups[Status.NEW], limits.new),
        Status.FIXED: chosen(groups[Status.FIXED], limits.fixed),
        Status.EXISTING: chosen(groups[Status.EXISTING], limits.existing),
    }
    every_row = [finding for status in Status for finding in rows[status]]
    by_check = _by_check(result.findings, every_row, lang, compared=True)
    lines += ["", *by_check] if by_check else []
    sections = (
        (Status.NEW, N_("Introduced by this change")),
        (Status.FIXED, N_("Fixed by this change")),
    )
    for status, title in sections:
        if groups[status]:
            heading = f"### {gettext_(lang, title)} ({len(groups[status])})"
            lines += ["", heading, "", *_table(groups[status], rows[status], lang)]
    existing = groups[Status.EXISTING]
    if existing:
        title = gettext_(lang, N_("Already there before this change, not caused by it"))
        lines += ["", "<details>", f"<summary>{title} ({len(existing)})</summary>", ""]
        lines += [*_table(existing, rows[Status.EXISTING], lang), "", "</details>"]
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
        rows = chosen(result.findings, limits.new)
        by_check = _by_check(result.findings, rows, lang, compared=False)
        lines += ["", *by_check] if by_check else []
        title = gettext_(lang, N_("Findings"))
        lines += ["", f"### {title} ({len(result.findings)})", ""]
        lines += _table(result.findings, rows, lang)
    return lines


def _document(result: Result, limits: Limits) -> str:
    compared = result.base is not None or has_statuses(result.findings)
    body = _compared(result, limits) if compared else _state(result, limits)
    footer = msg("`collectif explain NAME` says what a check asks and how to fix a finding.")
    lines = [
        MARKER,
        *body,
        *(f"\n> ⊘ {escape_cell(line)}" for line in not_run(result)),
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
