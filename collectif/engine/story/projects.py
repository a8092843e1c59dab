"""What a commit did to a project's file, in words."""

from __future__ import annotations

from collections.abc import Iterator

from collectif.engine.story.versions import added_removed, changed_fields, described, text
from collectif.model.files import Project
from collectif.model.layout import FileId
from collectif.model.message import Message, Names, msg

_HANDLED = ("status", "team", "lead", "signed", "payouts", "lines")


def _status(project: str, status: str) -> Message:
    if status == "active":
        return msg("the project {project} started", project=project)
    if status == "done":
        return msg("the project {project} was closed", project=project)
    if status == "cancelled":
        return msg("the project {project} was cancelled", project=project)
    return msg("the project {project} is proposed", project=project)


def _status_on(project: str, status: str, day: str) -> Message:
    if status == "done":
        return msg("the project {project} was closed on {date}", project=project, date=day)
    return msg("the project {project} started on {date}", project=project, date=day)


def _new_status(project: str, before: Project, after: Project) -> tuple[list[Message], str | None]:
    """What the status change says, and the date field it tells of (so not told again)."""
    if before.status == after.status:
        return [], None
    key = {"done": "end", "active": "start"}.get(after.status)
    if key and getattr(before, key) != getattr(after, key) and getattr(after, key):
        return [_status_on(project, after.status, text(getattr(after, key)))], key
    return [_status(project, after.status)], None


def _team(project: str, before: Project, after: Project) -> Iterator[Message]:
    old = [item.member for item in before.team]
    new = [item.member for item in after.team]
    for member in new:
        if member not in old:
            yield msg("{member} joined the project {project}", member=member, project=project)
    for member in old:
        if member not in new:
            yield msg("{member} left the team of {project}", member=member, project=project)


def _payouts(project: str, before: Project, after: Project) -> Iterator[Message]:
    added, removed = added_removed(before.payouts, after.payouts)
    paid = tuple(dict.fromkeys(item.member for item in added))
    if paid:
        yield msg(
            "payouts recorded in {project} for {members}", project=project, members=Names(paid)
        )
    elif removed:
        yield msg("payouts removed from {project}", project=project)


def _changes(project: str, before: Project, after: Project) -> Iterator[Message]:
    told, key = _new_status(project, before, after)
    yield from told
    yield from _team(project, before, after)
    if before.lead != after.lead and after.lead:
        yield msg("{member} now leads {project}", member=after.lead, project=project)
    if before.signed != after.signed and after.signed:
        yield msg(
            "the contract of {project} was signed on {date}",
            project=project,
            date=text(after.signed),
        )
    if before.lines != after.lines:
        yield msg("the quote of {project} changed", project=project)
    yield from _payouts(project, before, after)
    others = changed_fields(before, after, (*_HANDLED, *([key] if key else [])))
    if others:
        yield msg(
            "the project {project} changed: {keys}",
            project=project,
            keys=described(before, after, others),
        )


def tell(file_id: FileId, before: Project | None, after: Project | None) -> Iterator[Message]:
    project = file_id.id
    if before is None and after is not None:
        yield msg(
            "new project {project}: {title}, for {client}",
            project=project,
            title=after.title,
            client=after.client,
        )
    elif after is None:
        yield msg("the project {project} was removed", project=project)
    elif before is not None:
        yield from _changes(project, before, after)
