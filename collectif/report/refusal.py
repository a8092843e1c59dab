"""What a writing command prints when it refuses a change: the errors it would bring."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.text import Text

from collectif import i18n
from collectif.model.finding import Placed
from collectif.report.safe import printable, shown


def print_refusal(findings: Sequence[Placed], lang: i18n.Lang) -> None:
    """Say that nothing was written, and each error the change would have brought."""
    console = Console(stderr=True, highlight=False, soft_wrap=True)
    console.print(
        Text(
            i18n.plural(
                lang,
                len(findings),
                "Nothing was written: this change would bring {count} new error.",
                "Nothing was written: this change would bring {count} new errors.",
            ),
            style="bold red",
        )
    )
    for finding in findings:
        line = Text("  ✖ ", style="bold red")
        line.append(f"{printable(finding.file)}:{finding.line}", style="cyan")
        line.append(f"  [{finding.check}]", style="dim")
        if finding.period:
            line.append(f" {finding.period}", style="dim")
        line.append("\n    " + shown(finding.message, lang))
        console.print(line)
