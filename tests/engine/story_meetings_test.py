"""`history` in words for meeting files: held, decided, objected, lifted, changed, removed."""

from __future__ import annotations

from collectif.engine.story import summarise
from collectif.i18n import Lang, render
from collectif.store.history import FileChange

PATH = "meetings/2026-12-10-pleniere.yaml"
HELD = b"date: 2026-12-10\nkind: plenary\nfacilitator: ines\nattendees: [ines, leo]\n"
DECIDED = HELD + (
    b"decisions:\n"
    b"  - {id: a, title: A, outcome: deferred, objections: [{member: leo}]}\n"
    b"  - {id: b, title: B, outcome: rejected}\n"
)


def told(before: bytes | None, after: bytes | None, lang: Lang = "en") -> list[str]:
    return [render(m, lang) for m in summarise(FileChange(PATH, before, after))]


def test_a_new_meeting_and_its_decisions() -> None:
    assert told(None, DECIDED) == [
        "meeting 2026-12-10-pleniere recorded: facilitated by ines, with ines and leo",
        "decision a deferred: A",
        "leo objected to a",
        "decision b rejected: B",
    ]
    group = b"date: 2026-12-10\nkind: group\nattendees: [ines]\n"
    assert told(None, group) == ["meeting 2026-12-10-pleniere recorded, with ines"]


def test_decisions_adopted_lifted_changed_removed() -> None:
    later = HELD.replace(b"facilitator: ines", b"facilitator: leo") + (
        b"notes_by: ines\n"
        b"decisions:\n"
        b"  - {id: a, title: A, outcome: adopted, objections: [{member: leo, lifted: true}],"
        b" charter: '2026-12'}\n"
        b"  - {id: c, title: C, outcome: adopted}\n"
    )
    assert told(DECIDED, later) == [
        "leo now facilitates 2026-12-10-pleniere",
        "decision a adopted: A (charter version 2026-12)",
        "leo lifted their objection to a",
        "decision c adopted: C",
        "decision b removed",
        "the meeting 2026-12-10-pleniere changed: notes_by",
    ]
    retitled = DECIDED.replace(b"title: B", b"title: B2").replace(b"[ines, leo]", b"[ines]")
    assert told(DECIDED, retitled) == [
        "attendees of 2026-12-10-pleniere: ines",
        "decision b changed",
    ]
    assert told(DECIDED, None) == ["the meeting 2026-12-10-pleniere was removed"]
    assert told(HELD, HELD.replace(b"[ines, leo]", b"[ines, leo]  # ok")) == [
        f"{PATH}: only comments or layout changed"
    ]


def test_in_french() -> None:
    assert told(None, DECIDED, "fr")[0].startswith("réunion 2026-12-10-pleniere notée")
