"""The charting library is imported by the HTML face only: `check` (the pre-commit hook's
command) and the other faces never pay for it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[3] / "data" / "example"

PROGRAM = """
import sys
from collectif import cli
sys.argv = ["collectif", *{args!r}]
try:
    cli.main()
except SystemExit:
    pass
sys.stdout.flush()
print("\\npygal imported:", "pygal" in sys.modules, file=sys.stderr)
"""


def imports_pygal(*args: str) -> bool:
    code = PROGRAM.format(args=list(args))
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )
    assert "pygal imported:" in done.stderr, done.stderr
    return "pygal imported: True" in done.stderr


def test_check_does_not_import_the_charting_library() -> None:
    assert not imports_pygal("check", "--repo", str(EXAMPLE), "--as-of", "2026-11-26")


def test_the_text_and_json_reports_do_not_either() -> None:
    assert not imports_pygal("report", "--repo", str(EXAMPLE), "--as-of", "2026-11-26")
    assert not imports_pygal("report", "--repo", str(EXAMPLE), "--format", "json")


def test_the_html_report_does(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    assert imports_pygal("report", "--repo", str(EXAMPLE), "--format", "html", "--out", str(out))
    assert out.is_file()
