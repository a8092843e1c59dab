"""The report's shared contacts: per member, contacts shared and prospecting done."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from collectif.commands.report import report
from tests.helpers import CONFIG, collective, member

SHARING = CONFIG + "  contacts: {retention_months: 36}\n"


def contact(shared_by: str, shared_on: str, name: str) -> str:
    return (
        f"name: {name}\nkind: ess\nstatus: prospect\nshared_by: {shared_by}\n"
        f"shared_on: {shared_on}\n"
    )


FILES = {
    "members/alice.yaml": member("Alice"),
    "members/bob.yaml": member("Bob"),
    "contacts/mda.yaml": contact("alice", "2026-03-10", "Maison"),
    "contacts/velo.yaml": contact("alice", "2025-01-10", "Vélo"),
    "contacts/rando.yaml": contact("bob", "2026-05-31", "Rando"),
    "contributions/alice/2026-04.yaml": """\
        - {date: 2026-04-02, hours: 1, kind: prospecting, ref: mda}
        - {date: 2026-04-03, hours: 1, kind: prospecting}
        - {date: 2026-04-04, hours: 1, kind: meeting}
        """,
    "contributions/bob/2026-02.yaml": "- {date: 2026-02-02, hours: 1, kind: prospecting}\n",
}


def _report(root: Path, output: str) -> str:
    out = root.parent / f"report.{output}"
    assert report(root, "2026-06-10", "2026-03", "2026-05", output, out, "en") == 0
    return out.read_text(encoding="utf-8")


def _json(root: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(_report(root, "json"))
    return document


def test_contacts_shared_and_prospecting_per_member(tmp_path: Path) -> None:
    root = collective(tmp_path / "c", FILES, SHARING)
    assert _json(root)["contacts"] == {
        "contacts": 3,
        "members": [
            {
                "member": "alice",
                "shared": 1,
                "shared_ever": 2,
                "prospecting": 2,
                "prospecting_with_contact": 1,
            },
            {
                "member": "bob",
                "shared": 1,
                "shared_ever": 1,
                "prospecting": 0,
                "prospecting_with_contact": 0,
            },
        ],
    }
    text = _report(root, "text")
    assert "Shared contacts" in text and "With a contact" in text
    markdown = _report(root, "markdown")
    assert "| alice | 1 | 2 | 2 | 1 |" in markdown
    html = _report(root, "html")
    assert 'id="contacts"' in html and 'href="#contacts"' in html


def test_no_section_while_contacts_are_not_shared(tmp_path: Path) -> None:
    root = collective(tmp_path / "c", FILES, CONFIG)
    assert _json(root)["contacts"] is None
    assert "Shared contacts" not in _report(root, "markdown")


def test_a_contact_shared_after_the_as_of_date_is_not_counted(tmp_path: Path) -> None:
    """As of 2026-06-10, a contact shared in August has not been shared yet: neither in the
    member's count nor in the total."""
    later = {**FILES, "contacts/tard.yaml": contact("bob", "2026-08-01", "Tard")}
    section = _json(collective(tmp_path / "c", later, SHARING))["contacts"]
    assert section["contacts"] == 3
    bob = next(row for row in section["members"] if row["member"] == "bob")
    assert (bob["shared"], bob["shared_ever"]) == (1, 1)
