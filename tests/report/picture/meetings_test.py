"""Section 8 of the report: meetings and decisions, from the same functions as the checks."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import collective, member, run

EXAMPLE = Path(__file__).resolve().parents[3] / "data" / "example"


def report(root: Path, *args: str) -> str:
    done = run("report", "--repo", str(root), "--lang", "en", *args)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_example_in_json() -> None:
    document = json.loads(report(EXAMPLE, "--as-of", "2026-11-26", "--format", "json"))
    section = document["meetings"]
    assert (section["plenaries"], section["other_meetings"]) == (21, 2)
    by_member = {row["member"]: row for row in section["attendance"]}
    assert by_member["nadia"] == {
        "member": "nadia",
        "name": by_member["nadia"]["name"],
        "plenaries": 4,
        "attended": 4,
        "facilitated": 0,
    }
    assert max(row["facilitated"] for row in section["attendance"]) == 7
    assert [d["id"] for d in section["adopted"]][:3] == [
        "formations-cae-2026",
        "repartition-2025",
        "charte-2026-01",
    ]
    assert section["due"] == []
    earlier = json.loads(report(EXAMPLE, "--as-of", "2026-10-01", "--format", "json"))
    assert [d["id"] for d in earlier["meetings"]["due"]] == ["binomes-prospection"]


def test_every_face_shows_it() -> None:
    text = report(EXAMPLE, "--as-of", "2026-10-01")
    assert "Meetings and decisions" in text and "binomes-prospection" in text
    assert "Due for review" in text
    html = report(EXAMPLE, "--as-of", "2026-11-26", "--format", "html")
    assert '<section id="meetings">' in html and 'href="#meetings"' in html
    assert "No decision is due for review." in html
    markdown = report(EXAMPLE, "--as-of", "2026-10-01", "--format", "markdown")
    assert "Due for review: put them on the next plenary's agenda" in markdown
    assert "| 2026-01-13 | charte-2026-01 |" in markdown


def test_left_out_without_decisions_kept(tmp_path: Path) -> None:
    root = collective(tmp_path, {"members/ana.yaml": member("Ana")})
    document = json.loads(report(root, "--as-of", "2026-11-26", "--format", "json"))
    assert document["meetings"] is None
    config = 'name: A\nlanguage: en\ncharter: {version: "2026-01", decisions: {}}\n'
    root = collective(tmp_path / "b", {"members/ana.yaml": member("Ana")}, config)
    assert json.loads(report(root, "--as-of", "2026-11-26", "--format", "json"))["meetings"] is None
    meeting = "date: 2026-11-02\nkind: group\nattendees: [ana]\n"
    root = collective(
        tmp_path / "c",
        {"members/ana.yaml": member("Ana"), "meetings/2026-11-02.yaml": meeting},
        config,
    )
    text = report(root, "--as-of", "2026-12-01")
    assert "0 plenaries and 1 other meeting held in the period." in text
    assert "No decision adopted in the period." in text
