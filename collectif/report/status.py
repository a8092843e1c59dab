"""`--format text` between two states: what the change introduces first, then the rest briefly.

Findings that were already there are listed one line each, never as the committer's doing.
"""

from __future__ import annotations

from collections import defaultdict

from rich.console import Console
from rich.text import Text

from collectif.i18n import Lang, gettext_, plural, render
from collectif.model.finding import Placed, Severity, Status
from collectif.model.message import N_, msg
from collectif.report.result import Result
from collectif.report.safe import printable, shown, subject_label

EXISTING_SHOWN = 10
_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow"}
_MARK = {Severity.ERROR: "✖", Severity.WARNING: "⚠"}


def _where(finding: Placed) -> str:
    return f"{printable(finding.file)}:{finding.line}:{finding.column}"


def _label(finding: Placed) -> str:
    return f"[{finding.check}]" + (f" {printable(finding.period)}" if finding.period else "")


def _full(finding: Placed, lang: Lang) -> Text:
    """A new finding: severity, place, check, and its message on a line of its own."""
    severity = finding.severity
    word = gettext_(lang, "error") if severity is Severity.ERROR else gettext_(lang, "warning")
    line = Text("  ")
    line.append(f"{_MARK[severity]} {word}", style=_STYLE[severity])
    line.append(f"  {_where(finding)}", style="cyan")
    line.append(f"  {_label(finding)}", style="dim")
    line.append("\n    " + shown(finding.message, lang))
    return line


def _brief(finding: Placed, lang: Lang, mark: str, style: str) -> Text:
    """A fixed finding, or one that was already there: its place, then as much of its message as
    one line of the terminal holds, so that findings alike are still told apart."""
    line = Text(no_wrap=True, overflow="ellipsis")
    line.append(f"  {mark} ", style=style)
    line.append(_where(finding), style="cyan")
    line.append(f"  {_label(finding)}", style="dim")
    line.append("\n    " + shown(finding.message, lang).replace("\n", " "), style="dim")
    return line


def _print_new(findings: list[Placed], lang: Lang, console: Console) -> None:
    console.print(Text(gettext_(lang, N_("Introduced by this change:")), style="bold"))
    groups: dict[str, list[Placed]] = defaultdict(list)
    for finding in findings:
        groups[finding.subject].append(finding)
    for subject, found in sorted(groups.items()):
        console.print(Text(subject_label(subject, lang), style="bold"))
        for finding in sorted(
            found, key=lambda f: (f.severity is not Severity.ERROR, f.sort_key())
        ):
            console.print(_full(finding, lang))
    console.print()


def _print_fixed(findings: list[Placed], lang: Lang, console: Console) -> None:
    console.print(Text(gettext_(lang, N_("Fixed by this change:")), style="bold green"))
    for finding in findings:
        console.print(_brief(finding, lang, "✔", "green"), no_wrap=True, overflow="ellipsis")
    console.print()


def _print_existing(findings: list[Placed], lang: Lang, console: Console) -> None:
    heading = N_("Already there before this change (not caused by it):")
    console.print(Text(gettext_(lang, heading), style="bold"))
    for finding in findings[:EXISTING_SHOWN]:
        severity = finding.severity
        style = _STYLE[severity].split()[-1]
        console.print(
            _brief(finding, lang, _MARK[severity], style), no_wrap=True, overflow="ellipsis"
        )
    if len(findings) > EXISTING_SHOWN:
        more = msg(
            "… and {count} more already there: `collectif check` lists them all.",
            count=len(findings) - EXISTING_SHOWN,
        )
        console.print(Text("  " + render(more, lang), style="dim"))
    console.print()


def state_label(name: str | None, lang: Lang) -> str:
    """How a person calls a state: the staged files, the work tree, a short commit id."""
    if name == "index":
        return gettext_(lang, N_("the staged files"))
    if name == "worktree":
        return gettext_(lang, N_("the work tree"))
    if name:
        return name.removeprefix("rev:")[:10]
    return gettext_(lang, N_("nothing committed yet"))


def _summary(result: Result, by_status: dict[Status, list[Placed]]) -> str:
    lang = result.lang
    new = by_status[Status.NEW]
    errors = sum(1 for f in new if f.severity is Severity.ERROR)
    parts = [
        plural(lang, errors, "{count} new error", "{count} new errors"),
        plural(lang, len(new) - errors, "{count} new warning", "{count} new warnings"),
        plural(
            lang, len(by_status[Status.FIXED]), "{count} finding fixed", "{count} findings fixed"
        ),
        plural(
            lang,
            len(by_status[Status.EXISTING]),
            "{count} finding already there",
            "{count} findings already there",
        ),
    ]
    return render(
        msg(
            "{counts} ({head} against {base}, as of {as_of}).",
            counts=", ".join(parts),
            head=state_label(result.source, lang),
            base=state_label(result.base, lang),
            as_of=result.as_of,
        ),
        lang,
    )


def print_changes(result: Result, console: Console) -> None:
    """New findings in full, then fixed and existing ones one line each, then the counts."""
    by_status: dict[Status, list[Placed]] = {status: [] for status in Status}
    for finding in result.findings:
        by_status[finding.status or Status.NEW].append(finding)
    if by_status[Status.NEW]:
        _print_new(by_status[Status.NEW], result.lang, console)
    if by_status[Status.FIXED]:
        _print_fixed(by_status[Status.FIXED], result.lang, console)
    if by_status[Status.EXISTING]:
        _print_existing(by_status[Status.EXISTING], result.lang, console)
    new_errors = any(f.severity is Severity.ERROR for f in by_status[Status.NEW])
    style = "bold red" if new_errors else "bold yellow" if by_status[Status.NEW] else "bold green"
    console.print(Text(_summary(result, by_status), style=style))
    if new_errors:
        hint = msg("Fix the new errors above; `collectif explain NAME` says what a check asks.")
        console.print(Text(render(hint, result.lang)))
