"""The `references` rules of meetings: who took part was a member that day, the facilitator
attended, what is named exists, a decision id is used once and supersedes an earlier one."""

from __future__ import annotations

from collections.abc import Iterator

from collectif.checks.base import about_meeting, charter_of
from collectif.model.collective import Collective, is_active
from collectif.model.files import Meeting
from collectif.model.finding import Finding, Path
from collectif.model.meetings import decisions
from collectif.model.message import Message, msg

NAME = "references"


def people(meeting: Meeting) -> Iterator[tuple[Path, str]]:
    """Every member a meeting names, and where."""
    if meeting.facilitator is not None:
        yield ("facilitator",), meeting.facilitator
    if meeting.notes_by is not None:
        yield ("notes_by",), meeting.notes_by
    for index, attendee in enumerate(meeting.attendees):
        yield ("attendees", index), attendee
    for index, decision in enumerate(meeting.decisions):
        for place, objection in enumerate(decision.objections):
            yield ("decisions", index, "objections", place, "member"), objection.member


def _member(collective: Collective, meeting: Meeting, member_id: str) -> Message | None:
    if member_id not in collective.known.members:
        return msg("unknown member `{ref}`: there is no members/{ref}.yaml", ref=member_id)
    member = collective.members.get(member_id)
    if member is None or is_active(member, meeting.date):
        return None
    return msg(
        "{member} was not a member on {date}, the day of this meeting",
        member=member_id,
        date=meeting.date,
    )


def _named(collective: Collective, meeting: Meeting) -> Iterator[tuple[Path, Message]]:
    if meeting.project is not None and meeting.project not in collective.known.projects:
        yield (
            ("project",),
            msg("unknown project `{ref}`: there is no projects/{ref}.yaml", ref=meeting.project),
        )
    if meeting.role is not None and meeting.role not in collective.known.roles:
        yield ("role",), msg("unknown role `{ref}`: there is no roles/{ref}.yaml", ref=meeting.role)
    facilitator = meeting.facilitator
    if facilitator is not None and facilitator not in meeting.attendees:
        yield (
            ("facilitator",),
            msg(
                "{member} facilitated but is not among the attendees: add them to `attendees`",
                member=facilitator,
            ),
        )
    told: set[str] = set()
    for path, member_id in people(meeting):
        problem = None if member_id in told else _member(collective, meeting, member_id)
        if problem is not None:
            told.add(member_id)
            yield path, problem


def _decision_ids(collective: Collective) -> Iterator[Finding]:
    seen: dict[str, str] = {}
    for found in decisions(collective):
        decision, where = found.decision, ("decisions", found.position)
        for place, old in enumerate(decision.supersedes):
            if old not in seen:
                yield _finding(
                    found.meeting,
                    (*where, "supersedes", place),
                    msg(
                        "`{ref}` names no earlier decision: `supersedes` lists the ids of "
                        "decisions taken before this one",
                        ref=old,
                    ),
                )
        if decision.id in seen:
            yield _finding(
                found.meeting,
                (*where, "id"),
                msg(
                    "the decision id `{ref}` is already used in meetings/{meeting}.yaml: give "
                    "this decision another id",
                    ref=decision.id,
                    meeting=seen[decision.id],
                ),
            )
        else:
            seen[decision.id] = found.meeting


def _finding(meeting_id: str, path: Path, message: Message) -> Finding:
    return about_meeting(meeting_id).finding(NAME, None, message, None, path)


def meeting_references(collective: Collective) -> Iterator[Finding]:
    """The `references` findings of the meetings (when the charter keeps decisions)."""
    if charter_of(collective).decisions is None:
        return
    for meeting_id, meeting in sorted(collective.meetings.items()):
        for path, message in _named(collective, meeting):
            yield _finding(meeting_id, path, message)
    yield from _decision_ids(collective)
