"""`collectif report` as a person runs it: the period, the faces, the file it writes, and the
data from the files shown harmlessly."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from collectif.commands.report import report
from collectif.errors import CollectifError
from tests.helpers import collective, member, run

EXAMPLE = Path(__file__).resolve().parents[2] / "data" / "example"

HOSTILE = {
    "members/eve.yaml": member("Eve", joined="2020-01-01"),
    "roles/r1.yaml": """\
        title: "<script>alert(1)</script> \\e[31mrouge\\u202e"
        kind: support
        min_holders: 1
        skills: ["<b>gras</b>"]
        holders: [{member: eve, since: 2021-01-01}]
        """,
    "projects/p1.yaml": """\
        title: "<img src=x onerror=alert(1)> | pipe"
        client: "<i>client</i>"
        client_kind: ess
        brought_by: [eve]
        status: done
        signed: 2026-03-02
        lines: [{member: eve, amount: 100}]
        """,
    "contributions/eve/2026-03.yaml": "- {date: 2026-03-02, hours: 2, kind: meeting}\n",
}


def example(lang: str, *args: str) -> str:
    """The example's report as of 2026-11-26, in `lang`, 100 columns wide."""
    done = run(
        "report", "--repo", str(EXAMPLE), "--as-of", "2026-11-26", "--lang", lang, *args,
        env={"COLUMNS": "100"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_text_fits_100_columns(lang: str) -> None:
    lines = example(lang).splitlines()
    assert max(len(line) for line in lines) <= 100
    assert len(lines) > 150
    heading = "Qui donne quoi" if lang == "fr" else "Who gives what"
    assert any(line.startswith(heading) for line in lines)
    # a sentence never breaks at the no-break space of `35 %` or before a French colon
    assert not [line for line in lines if line.lstrip().startswith(("%", ":", ";", "€"))]


@pytest.mark.parametrize("face", ["text", "markdown", "html"])
def test_the_french_reads_right(face: str) -> None:
    shown = re.sub(r"<[^>]*>", " ", example("fr", "--format", face))  # what a reader sees
    assert "(s)" not in shown and "onstat" not in shown  # real plurals; « problèmes relevés »
    assert "2 titulaires sur 2 requis" in shown.replace("\u00a0", " ")
    assert "21 plénières et 2 autres réunions" in shown
    for english in ("meetings", "Jan ", "Feb ", "holder", "The fund"):
        assert english not in shown, english
    if face == "text":  # every month's name whole over the roles' timeline
        assert "janv." in shown and "févr." in shown and "janv " not in shown


def test_markdown_has_every_section() -> None:
    titles = [
        line
        for line in example("en", "--format", "markdown").splitlines()
        if line.startswith("## ")
    ]
    assert titles == [
        "## At a glance",
        "## Who gives what",
        "## Hare and tortoise: talking and doing",
        "## Roles",
        "## Clients and money",
        "## Prospecting",
        "## Shared contacts",
        "## The fund",
        "## Meetings and decisions",
    ]


def test_the_default_period_is_the_twelve_months_to_the_last_closed_one(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    assert report(EXAMPLE, "2026-11-26", None, None, "json", out) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert (doc["from"], doc["to"]) == ("2025-11-01", "2026-10-31")
    assert report(EXAMPLE, "2026-11-26", "2026-01-15", None, "json", out) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert (doc["from"], doc["to"]) == ("2026-01-01", "2026-12-31")
    assert report(EXAMPLE, "2026-11-26", None, "2026-06", "json", out) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert (doc["from"], doc["to"]) == ("2025-07-01", "2026-06-30")


def test_misuse_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CollectifError, match="comes after"):
        report(EXAMPLE, "2026-11-26", "2026-06", "2026-01")
    with pytest.raises(CollectifError, match="is a folder"):
        report(EXAMPLE, "2026-11-26", None, None, "json", tmp_path)
    with pytest.raises(CollectifError, match="no folder"):
        report(EXAMPLE, "2026-11-26", None, None, "json", tmp_path / "nowhere" / "r.json")
    with pytest.raises(CollectifError, match="is not one of") as refused:
        report(EXAMPLE, "2026-11-26", None, None, "pdf")
    assert dict(refused.value.message.params)["option"] == "--format"
    done = run("report", "--repo", str(EXAMPLE), "--out", str(tmp_path), "--lang", "en")
    assert done.returncode == 2
    assert "is a folder" in done.stderr and "Traceback" not in done.stderr


def test_a_new_collective_has_a_report_in_every_face(tmp_path: Path) -> None:
    root = collective(tmp_path / "c", {"members/solo.yaml": member("Solo", joined="2026-11-02")})
    for face in ("text", "markdown", "json", "html"):
        out = tmp_path / f"r.{face}"
        assert report(root, "2026-11-26", None, None, face, out, "fr") == 0
        assert out.stat().st_size > 100
    doc = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert doc["money"] is None and doc["roles"] is None and doc["deliberation"] is None
    text = (tmp_path / "r.text").read_text(encoding="utf-8")
    assert "1 membre actif, 0 rôle actif, 0 projet en cours" in text
    assert doc["glance"]["members"] == 1


def test_values_from_the_files_are_shown_harmlessly(tmp_path: Path) -> None:
    root = collective(tmp_path / "c", HOSTILE)
    for face in ("text", "markdown", "html"):
        out = tmp_path / f"r.{face}"
        assert report(root, "2026-06-10", "2026-03", "2026-05", face, out, "en") == 0
        shown = out.read_text(encoding="utf-8")
        assert "\x1b" not in shown and "\u202e" not in shown
        if face == "html":
            assert "<script>" not in shown and "<img src=x" not in shown and "<b>gras" not in shown
            assert "&lt;script&gt;alert(1)&lt;/script&gt;" in shown
        if face == "markdown":
            assert "<img src=x" not in shown and "\\| pipe" in shown
        if face == "text":
            assert "\\x1b[31mrouge\\u202e" in shown


def test_the_file_is_replaced_whole(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    out.write_text("old", encoding="utf-8")
    assert report(EXAMPLE, "2026-11-26", None, None, "html", out, "fr") == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["r.html"]  # no temporary file left
