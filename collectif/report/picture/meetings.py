"""Section 8 of the report, meetings and decisions: plenaries held, who attended and
facilitated, the decisions adopted in the period, the reviews due; each face draws these parts
its own way, and the JSON document has them as figures."""

from __future__ import annotations

from typing import Any

from collectif.engine.picture.records import Decided, Meetings
from collectif.i18n import Lang, plural
from collectif.model.message import N_, Message, msg
from collectif.report.picture.sections import Grid, Part

_WORDS = (
    N_("Plenaries"),
    N_("Attended"),
    N_("Facilitated"),
    N_("Charter"),
    N_("Review by"),
    N_("Decision"),
    N_("id"),
)
ATTENDANCE = ("Member", "Plenaries", "Attended", "Facilitated")
DECISIONS = ("Date", "id", "Decision", "Charter")
DUE = ("Review by", "id", "Decision")


def held(data: Meetings, lang: Lang) -> Message:
    return msg(
        "{plenaries} and {others} held in the period.",
        plenaries=plural(lang, data.plenaries, "{count} plenary", "{count} plenaries"),
        others=plural(lang, data.others, "{count} other meeting", "{count} other meetings"),
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


def parts(data: Meetings, lang: Lang) -> list[Part]:
    """The section as every face shows it: the meetings held, the attendance, the decisions
    adopted in the period and those due for review."""
    return [
        held(data, lang),
        Grid(ATTENDANCE, _attendance(data)),
        Grid(
            DECISIONS,
            _adopted(data.adopted),
            msg("Decisions adopted in the period"),
            msg("No decision adopted in the period."),
            numbers=len(DECISIONS),
            wrap=2,
        ),
        Grid(
            DUE,
            _due(data.due),
            msg("Due for review: put them on the next plenary's agenda"),
            msg("No decision is due for review."),
            numbers=len(DUE),
            wrap=2,
        ),
    ]


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
