"""The text report: findings by subject, and their counts by check when there are many."""

from __future__ import annotations

import io
import re
from pathlib import Path

from rich.console import Console

from collectif.model.finding import Placed, Severity
from collectif.report.result import Result
from collectif.report.text import MANY, print_text
from tests.helpers import run
from tests.report.samples import finding, many, result

EXAMPLE = Path(__file__).resolve().parents[2] / "data" / "example"


def _printed(report: Result) -> list[str]:
    out = io.StringIO()
    print_text(report, Console(file=out, highlight=False, soft_wrap=True))
    return out.getvalue().splitlines()


def _block(lines: list[str], heading: str = "By check:") -> list[str]:
    """The lines of counts by check, without their heading."""
    start = lines.index(heading) + 1
    return lines[start : lines.index("", start)]


def _mixed() -> list[Placed]:
    """40 `minimum` errors, 3 `irreplaceable` errors and a warning, 2 `rotation` warnings."""

    def of(check: str, count: int, severity: Severity = Severity.ERROR) -> list[Placed]:
        return [
            f._replace(check=check, subject=f"{f.subject}-{check}", severity=severity)
            for f in many(count)
        ]

    return (
        of("minimum", 40)
        + of("irreplaceable", 3)
        + of("irreplaceable", 1, Severity.WARNING)
        + of("rotation", 2, Severity.WARNING)
    )


def test_many_findings_are_counted_by_check_before_the_last_line() -> None:
    lines = _printed(result(_mixed()))
    assert _block(lines) == [
        "  minimum        40 errors",
        "  irreplaceable   3 errors, 1 warning",
        "  rotation        2 warnings",
    ]
    assert lines[-1] == "43 errors, 3 warnings, as of 2026-11-01."
    assert lines[-2] == "" and lines[-3] == "  rotation        2 warnings"


def test_errors_come_first_whatever_the_number_of_warnings() -> None:
    findings = [f._replace(check="rotation", severity=Severity.WARNING) for f in many(30)]
    findings.append(finding("references"))
    assert [line.split()[0] for line in _block(_printed(result(findings)))] == [
        "references",
        "rotation",
    ]


def test_few_findings_or_a_single_check_are_not_counted_by_check() -> None:
    few = [finding(), finding("minimum", line=9)]
    assert "By check:" not in _printed(result(few))
    assert "By check:" not in _printed(result(many(MANY)))
    assert "By check:" not in _printed(result(many(200)))
    assert "By check:" in _printed(result([*many(MANY), finding("minimum", line=9)]))


def test_french_counts_by_check() -> None:
    lines = _printed(result(_mixed(), lang="fr"))
    assert _block(lines, "Par vérification\u00a0:") == [
        "  minimum        40 erreurs",
        "  irreplaceable   3 erreurs, 1 avertissement",
        "  rotation        2 avertissements",
    ]


def test_the_example_later_on_reads_at_100_columns_in_french() -> None:
    done = run(
        "check",
        *("--repo", str(EXAMPLE), "--as-of", "2028-01-01", "--since", "2026-01-01"),
        *("--lang", "fr"),
        env={"COLUMNS": "100"},
    )
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    block = _block(lines, "Par vérification\u00a0:")
    assert len(block) >= 2 and all(len(line) <= 100 for line in block)
    counts = re.compile(r"  [a-z-]+ +(\d+ erreurs?(, \d+ avertissements?)?|\d+ avertissements?)")
    assert all(counts.fullmatch(line) for line in block), block
    with_errors = ["erreur" in line for line in block]
    assert with_errors == sorted(with_errors, reverse=True)
