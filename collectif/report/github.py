"""`--format github`: workflow commands that GitHub shows as annotations on the changed files.

Only the findings a change introduces are annotated (all of them when nothing was compared).
GitHub displays at most 10 error and 10 warning annotations per step, so no more are written;
one notice then says how many were left out.
"""

from __future__ import annotations

from collections.abc import Iterable

from collectif.i18n import Lang, render
from collectif.model.finding import Placed, Severity
from collectif.model.message import msg
from collectif.report.fingerprint import errors_first, introduced
from collectif.report.result import Result, not_run
from collectif.report.safe import period_label, printable, shown, subject_label

PER_STEP = 10
_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning"}


def escape_data(text: str) -> str:
    """A command's message: `%`, carriage returns and line feeds are percent-encoded."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A command's property value: as a message, and `:` and `,` too."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _title(finding: Placed, lang: Lang) -> str:
    """The check, its subject in the reader's words (« rôle tresorerie »), the period."""
    title = f"{finding.check} · {subject_label(finding.subject, lang)}"
    return printable(title + (f" · {period_label(finding.period, lang)}" if finding.period else ""))


def annotation(finding: Placed, lang: Lang) -> str:
    """`::error file=…,line=…,col=…,title=…::message` for one finding."""
    properties: list[tuple[str, str]] = []
    if finding.file:
        properties.append(("file", printable(finding.file)))
        properties.append(("line", str(finding.line)))
        properties.append(("col", str(finding.column)))
    properties.append(("title", _title(finding, lang)))
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    message = escape_data(shown(finding.message, lang))
    return f"::{_COMMAND[finding.severity]} {joined}::{message}"


def _shown(findings: Iterable[Placed]) -> tuple[list[Placed], int]:
    """The findings GitHub will display, errors first, and how many are left out."""
    shown: list[Placed] = []
    taken = {Severity.ERROR: 0, Severity.WARNING: 0}
    left_out = 0
    for finding in errors_first(findings):
        kind = finding.severity
        if taken[kind] < PER_STEP:
            taken[kind] += 1
            shown.append(finding)
        else:
            left_out += 1
    return shown, left_out


def render_github(result: Result) -> str:
    shown, left_out = _shown(introduced(result.findings))
    lines = [annotation(finding, result.lang) for finding in shown]
    if left_out:
        more = msg(
            "Not shown as annotations: {count} more (GitHub shows 10 errors and 10 warnings per "
            "step); the job summary and `collectif check` list them all.",
            count=left_out,
        )
        lines.append("::notice title=collectif::" + escape_data(render(more, result.lang)))
    for line in not_run(result):
        lines.append("::warning title=collectif::" + escape_data(line))
    return "\n".join(lines)
