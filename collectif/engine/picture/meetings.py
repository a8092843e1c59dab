"""Meetings and decisions: plenaries held, each member's attendance and facilitation, the
decisions adopted in the window and those due for review (by the `review-due` check's own
function)."""

from __future__ import annotations

from collectif.checks import review_due
from collectif.checks.base import charter_of
from collectif.engine.picture.hours import runs
from collectif.engine.picture.records import Attendance, Decided, Meetings, Window
from collectif.model import meetings as m
from collectif.model.collective import Collective, is_active
from collectif.model.files import Meeting


def _decided(found: m.Decided) -> Decided:
    decision = found.decision
    return Decided(
        decision.id,
        found.meeting,
        found.date,
        decision.title,
        decision.outcome,
        decision.charter,
        decision.review_by,
    )


def _attendance(collective: Collective, held: list[tuple[str, Meeting]]) -> list[Attendance]:
    rows = []
    for member_id, member in sorted(collective.members.items()):
        while_member = [meeting for _, meeting in held if is_active(member, meeting.date)]
        if not while_member:
            continue
        rows.append(
            Attendance(
                member_id,
                member.name,
                len(while_member),
                sum(1 for meeting in while_member if member_id in meeting.attendees),
                sum(1 for meeting in while_member if meeting.facilitator == member_id),
            )
        )
    return rows


def meetings(collective: Collective, frame: Window) -> Meetings | None:
    """The section's figures; None when the charter keeps no decisions (or the setting is
    broken) or no meeting is recorded."""
    if charter_of(collective).decisions is None or not runs(collective, review_due.CHECK):
        return None
    if not collective.meetings:
        return None
    inside = [
        (meeting_id, meeting)
        for meeting_id, meeting in m.ordered(collective)
        if frame.start <= meeting.date <= min(frame.end, frame.as_of)
    ]
    held = [(meeting_id, meeting) for meeting_id, meeting in inside if meeting.kind == "plenary"]
    adopted = [
        _decided(found)
        for found in m.decisions(collective)
        if found.adopted and frame.start <= found.date <= min(frame.end, frame.as_of)
    ]
    return Meetings(
        len(held),
        len(inside) - len(held),
        tuple(_attendance(collective, held)),
        tuple(adopted),
        tuple(_decided(found) for found in review_due.due(collective, frame.as_of)),
    )
