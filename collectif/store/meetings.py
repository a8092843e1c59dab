"""What a meeting's file must say beyond its fields' types (`schema`): its date is its file
name's, a plenary has a facilitator, a project meeting names its project, nobody attends twice.

These are problems of the file, not reasons to drop it: the meeting still takes part with what
it says, so that one slip does not hide its decisions from every other check.
"""

from __future__ import annotations

from collections.abc import Iterator

from collectif.model.files import Meeting
from collectif.model.finding import Path, Problem
from collectif.model.layout import FileId, meeting_day
from collectif.model.message import Message, msg
from collectif.store import locate
from collectif.store.parse import problem_at


def _found(file_id: FileId, meeting: Meeting) -> Iterator[tuple[Path, Message]]:
    named = meeting_day(file_id.id)
    if named is not None and named != meeting.date:
        yield (
            ("date",),
            msg(
                "this meeting is dated {date}, but its file is named for {named}: correct the "
                "date or rename the file",
                date=meeting.date,
                named=named,
            ),
        )
    if meeting.kind == "plenary" and meeting.facilitator is None:
        yield (
            ("kind",),
            msg("a plenary needs a facilitator: add `facilitator:` (one of the attendees)"),
        )
    if meeting.kind == "project" and meeting.project is None:
        yield (("kind",), msg("a project meeting names its project: add `project:` (its id)"))
    seen: set[str] = set()
    for index, attendee in enumerate(meeting.attendees):
        if attendee in seen:
            yield (
                ("attendees", index),
                msg("{member} is listed twice among the attendees", member=attendee),
            )
        seen.add(attendee)


def meeting_problems(path: str, file_id: FileId, raw: bytes, meeting: Meeting) -> list[Problem]:
    """The `schema` problems of a meeting file that validated, each at its line."""
    found = list(_found(file_id, meeting))
    if not found:
        return []
    tree = locate.locator(raw)
    return [
        problem_at(path, file_id.subject, message, *locate.find(tree, where))
        for where, message in found
    ]
