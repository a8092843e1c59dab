"""Section 8 of the report, meetings and decisions, in each face: plenaries held, who attended
and facilitated, the decisions adopted in the period, the reviews due."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from collectif.engine.picture.records import Decided, Meetings
from collectif.model.message import N_, Message, msg
from collectif.report.picture import words as w

if TYPE_CHECKING:
    from collectif.report.picture.html import Page as HtmlPage
    from collectif.report.picture.markdown import Page as MarkdownPage
    from collectif.report.picture.text import Face

KEY = "meetings"
_WORDS = (N_("Plenaries"), N_("Attended"), N_("Facilitated"), N_("Charter"), N_("Review by"))
ATTENDANCE = ("Member", "Plenaries", "Attended", "Facilitated")
DECISIONS = ("Date", "id", "Decision", "Charter")
DUE = ("Review by", "id", "Decision")


def held(data: Meetings) -> Message:
    return msg(
        "{plenaries} plenaries and {others} other meetings held in the period.",
        plenaries=data.plenaries,
        others=data.others,
    )


def _attendance(data: Meetings) -> list[list[str]]:
    return [
        [row.member, str(row.held), str(row.attended), str(row.facilitated)]
        for row in data.attendance
    ]


def _adopted(decisions: tuple[Decided, ...]) -> list[list[str]]:
    return [[d.day.isoformat(), d.id, d.title, d.charter or ""] for d in decisions]


def _due(decisions: tuple[Decided, ...]) -> list[list[str]]:
    return [[str(d.review_by or ""), d.id, d.title] for d in decisions]


_NONE_ADOPTED = msg("No decision adopted in the period.")
_NONE_DUE = msg("No decision is due for review.")
_ADOPTED = msg("Decisions adopted in the period")
_DUE = msg("Due for review: put them on the next plenary's agenda")


def text_section(face: Face, data: Meetings) -> None:
    from rich import box
    from rich.table import Table

    from collectif.report.safe import printable

    face.title(w.SECTIONS[KEY])
    face.say(held(data))
    for headers, rows, title, empty in (
        (ATTENDANCE, _attendance(data), None, None),
        (DECISIONS, _adopted(data.adopted), _ADOPTED, _NONE_ADOPTED),
        (DUE, _due(data.due), _DUE, _NONE_DUE),
    ):
        if not rows and empty is not None:
            face.say(empty, "dim")
            continue
        if title is not None:
            face.console.print()
            face.say(title, "bold")
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False, padding=(0, 1), collapse_padding=True)
        for index, header in enumerate(headers):
            numbers = headers is ATTENDANCE and index > 0
            table.add_column(
                face.word(header),
                justify="right" if numbers else "left",
                no_wrap=header != "Decision",
            )
        for row in rows:
            table.add_row(*(printable(cell) for cell in row))
        face.console.print(table)


def markdown_section(page: MarkdownPage, data: Meetings) -> None:
    from collectif.report.markdown import escape_cell

    page.title(w.SECTIONS[KEY])
    page.say(held(data))
    for headers, rows, title, empty in (
        (ATTENDANCE, _attendance(data), None, None),
        (DECISIONS, _adopted(data.adopted), _ADOPTED, _NONE_ADOPTED),
        (DUE, _due(data.due), _DUE, _NONE_DUE),
    ):
        if not rows and empty is not None:
            page.say(empty)
            continue
        if title is not None:
            page.say(title)
        page.table(
            [page.word(h) for h in headers],
            ([escape_cell(cell) for cell in row] for row in rows),
            right=4 if headers is not ATTENDANCE else 1,
        )


def html_section(page: HtmlPage, data: Meetings) -> None:
    from collectif.report.picture.html import escape

    page.add(f'<section id="{KEY}"><h2>{escape(page.word(w.SECTIONS[KEY]))}</h2>')
    page.para(held(data))
    for headers, rows, title, empty in (
        (ATTENDANCE, _attendance(data), None, None),
        (DECISIONS, _adopted(data.adopted), _ADOPTED, _NONE_ADOPTED),
        (DUE, _due(data.due), _DUE, _NONE_DUE),
    ):
        if not rows and empty is not None:
            page.para(empty, "note")
            continue
        page.table(
            [page.word(h) for h in headers],
            (
                [(escape(cell), "th" if i == 0 else "") for i, cell in enumerate(row)]
                for row in rows
            ),
            page.plain(title) if title is not None else "",
        )
    page.add("</section>")


def _decision(d: Decided) -> dict[str, Any]:
    return {
        "id": d.id,
        "meeting": d.meeting,
        "date": d.day.isoformat(),
        "title": d.title,
        "outcome": d.outcome,
        "charter": d.charter,
        "review_by": d.review_by.isoformat() if d.review_by else None,
    }


def json_section(data: Meetings) -> dict[str, Any]:
    return {
        "plenaries": data.plenaries,
        "other_meetings": data.others,
        "attendance": [
            {
                "member": row.member,
                "name": row.name,
                "plenaries": row.held,
                "attended": row.attended,
                "facilitated": row.facilitated,
            }
            for row in data.attendance
        ],
        "adopted": [_decision(d) for d in data.adopted],
        "due": [_decision(d) for d in data.due],
    }
