"""`--format text`: findings grouped by subject, errors first, for a person in a terminal.

When there are many, a line per check before the last line counts them, so that the few
findings of one check are not lost among the many of another.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from rich.console import Console
from rich.text import Text

from collectif.i18n import Lang, gettext_, plural, render
from collectif.model.finding import Placed, Severity
from collectif.model.message import N_, msg
from collectif.report.result import Result, not_run
from collectif.report.safe import period_label, printable, shown, subject_label

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow"}
_MARK = {Severity.ERROR: "✖", Severity.WARNING: "⚠"}
_WORDS = (N_("error"), N_("warning"), N_("new"), N_("existing"), N_("fixed"))
MANY = 10  # more findings than this, from more than one check, are counted by check


def _subject_order(item: tuple[str, list[Placed]]) -> tuple[int, str]:
    subject, findings = item
    has_error = any(f.severity is Severity.ERROR for f in findings)
    return (0 if has_error else 1, subject)


def _finding_line(finding: Placed, lang: Lang) -> Text:
    severity = finding.severity
    word = gettext_(lang, "error") if severity is Severity.ERROR else gettext_(lang, "warning")
    where = f"{printable(finding.file)}:{finding.line}:{finding.column}"
    line = Text("  ")
    line.append(f"{_MARK[severity]} {word}", style=_STYLE[severity])
    line.append(f"  {where}", style="cyan")
    line.append(f"  [{finding.check}]", style="dim")
    if finding.period:
        line.append(f" {period_label(finding.period, lang)}", style="dim")
    if finding.status is not None:
        line.append(f" ({gettext_(lang, finding.status.value)})", style="magenta")
    line.append("\n    " + shown(finding.message, lang))
    return line


def _summary(result: Result) -> str:
    errors, warnings = result.count(Severity.ERROR), result.count(Severity.WARNING)
    if not result.findings:
        checks = plural(result.lang, len(result.checks), "{count} check", "{count} checks")
        return render(
            msg("No problems found: {checks} as of {as_of}.", checks=checks, as_of=result.as_of),
            result.lang,
        )
    parts = [
        plural(result.lang, errors, "{count} error", "{count} errors"),
        plural(result.lang, warnings, "{count} warning", "{count} warnings"),
    ]
    return render(
        msg("{counts}, as of {as_of}.", counts=", ".join(parts), as_of=result.as_of), result.lang
    )


def _by_check(result: Result) -> list[Text]:
    """`  minimum        143 errors`, one line per check, errors first, then by count."""
    counts = Counter((f.check, f.severity) for f in result.findings)
    checks = {check for check, _ in counts}
    if len(result.findings) <= MANY or len(checks) < 2:
        return []
    width = max(len(check) for check in checks)
    digits = len(str(max(counts.values())))
    lang = result.lang
    lines = [Text(gettext_(lang, N_("By check:")), style="bold")]
    for check in sorted(
        checks,
        key=lambda c: (-counts[c, Severity.ERROR], -counts[c, Severity.WARNING], c),
    ):
        errors, warnings = counts[check, Severity.ERROR], counts[check, Severity.WARNING]
        first = errors or warnings  # right-aligned, so that the counts line up
        line = Text(f"  {check:<{width}}  " + " " * (digits - len(str(first))))
        if errors:
            line.append(
                plural(lang, errors, "{count} error", "{count} errors"), _STYLE[Severity.ERROR]
            )
        if errors and warnings:
            line.append(", ")
        if warnings:
            line.append(
                plural(lang, warnings, "{count} warning", "{count} warnings"),
                _STYLE[Severity.WARNING],
            )
        lines.append(line)
    return lines


def print_text(result: Result, console: Console) -> None:
    """Print the findings grouped by subject, their counts by check when there are many, then
    one summary line."""
    groups: dict[str, list[Placed]] = defaultdict(list)
    for finding in result.findings:
        groups[finding.subject].append(finding)
    for subject, findings in sorted(groups.items(), key=_subject_order):
        console.print(Text(subject_label(subject, result.lang), style="bold"))
        ordered = sorted(findings, key=lambda f: (f.severity is not Severity.ERROR, f.sort_key()))
        for finding in ordered:
            console.print(_finding_line(finding, result.lang))
        console.print()
    counts = _by_check(result)
    for line in counts:
        console.print(line)
    if counts:
        console.print()
    style = "bold red" if result.count(Severity.ERROR) else "bold green"
    if not result.count(Severity.ERROR) and result.findings:
        style = "bold yellow"
    console.print(Text(_summary(result), style=style))


def print_not_run(result: Result, console: Console) -> None:
    for line in not_run(result):
        console.print(Text("⊘ " + line, style="bold magenta"))
