"""What a commit did to a meeting's file, in words: the meeting held, decisions taken,
objections raised and lifted."""

from __future__ import annotations

from collections.abc import Iterator

from collectif.engine.story.versions import changed_fields
from collectif.model.files import Decision, Meeting
from collectif.model.layout import FileId
from collectif.model.message import N_, Message, Names, msg

_HANDLED = ("decisions", "attendees", "facilitator")
_FIELD_WORDS = (N_("date"), N_("role"), N_("notes_by"))  # said in the reader's language


def _held(meeting_id: str, meeting: Meeting) -> Message:
    if meeting.facilitator is not None:
        return msg(
            "meeting {meeting} recorded: facilitated by {member}, with {attendees}",
            meeting=meeting_id,
            member=meeting.facilitator,
            attendees=Names(tuple(meeting.attendees)),
        )
    return msg(
        "meeting {meeting} recorded, with {attendees}",
        meeting=meeting_id,
        attendees=Names(tuple(meeting.attendees)),
    )


def _decided(decision: Decision) -> Message:
    if decision.outcome == "adopted" and decision.charter is not None:
        return msg(
            "decision {decision} adopted: {title} (charter version {version})",
            decision=decision.id,
            title=decision.title,
            version=decision.charter,
        )
    if decision.outcome == "adopted":
        return msg(
            "decision {decision} adopted: {title}", decision=decision.id, title=decision.title
        )
    if decision.outcome == "rejected":
        return msg(
            "decision {decision} rejected: {title}", decision=decision.id, title=decision.title
        )
    return msg("decision {decision} deferred: {title}", decision=decision.id, title=decision.title)


def _objections(before: Decision | None, after: Decision) -> Iterator[Message]:
    old = {o.member: o for o in before.objections} if before else {}
    for objection in after.objections:
        was = old.get(objection.member)
        if objection.lifted and (was is None or not was.lifted):
            yield msg(
                "{member} lifted their objection to {decision}",
                member=objection.member,
                decision=after.id,
            )
        elif was is None:
            yield msg("{member} objected to {decision}", member=objection.member, decision=after.id)


def _decisions(before: Meeting | None, after: Meeting) -> Iterator[Message]:
    old = {d.id: d for d in before.decisions} if before else {}
    for decision in after.decisions:
        was = old.pop(decision.id, None)
        if was is None or was.outcome != decision.outcome:
            yield _decided(decision)
        yield from _objections(was, decision)
        same_outcome = was is not None and was.outcome == decision.outcome
        if (
            same_outcome
            and was != decision
            and was is not None
            and was.objections == decision.objections
        ):
            yield msg("decision {decision} changed", decision=decision.id)
    for decision_id in old:
        yield msg("decision {decision} removed", decision=decision_id)


def _changes(meeting_id: str, before: Meeting, after: Meeting) -> Iterator[Message]:
    if before.facilitator != after.facilitator and after.facilitator is not None:
        yield msg(
            "{member} now facilitates {meeting}", member=after.facilitator, meeting=meeting_id
        )
    if before.attendees != after.attendees:
        yield msg(
            "attendees of {meeting}: {attendees}",
            meeting=meeting_id,
            attendees=Names(tuple(after.attendees)),
        )
    yield from _decisions(before, after)
    others = changed_fields(before, after, _HANDLED)
    if others:
        yield msg(
            "the meeting {meeting} changed: {keys}",
            meeting=meeting_id,
            keys=Names(tuple(others), words=True),
        )


def tell(file_id: FileId, before: Meeting | None, after: Meeting | None) -> Iterator[Message]:
    meeting_id = file_id.id
    if before is None and after is not None:
        yield _held(meeting_id, after)
        yield from _decisions(None, after)
    elif after is None:
        yield msg("the meeting {meeting} was removed", meeting=meeting_id)
    elif before is not None:
        yield from _changes(meeting_id, before, after)
