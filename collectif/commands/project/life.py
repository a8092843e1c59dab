"""A project through its life: `start`, `sign`, `cancel`, and `leave` its team."""

from __future__ import annotations

from collectif.commands.dates import parse_day
from collectif.commands.options import WriteOptions
from collectif.commands.project.common import NOT_CANCELLED, OPEN, prepare_project
from collectif.engine.write import PROJECT_KEYS, parse_id
from collectif.errors import CollectifError
from collectif.model.message import msg
from collectif.store import roundtrip


def start(project_id: str, day: str | None, end: str | None, options: WriteOptions) -> int:
    """A proposed project becomes active, from `day` (its `start`, if it has none), until its
    planned `end` (a commitment is for one period, never open-ended)."""
    work = prepare_project(project_id, options, OPEN)
    if work.data.status == "active":
        raise CollectifError("The project {project} is already active.", project=work.key)
    first = work.data.start or parse_day("--date", day, work.change.today)
    assert first is not None  # a default was given
    last = parse_day("--end", end, None) if end is not None else work.data.end
    if last is None:
        raise CollectifError(
            "--end: give the planned end of {project} (YYYY-MM-DD): members commit to a project "
            "for one period, never open-endedly.",
            project=work.key,
        )
    if last < first:
        raise CollectifError("--end: {end} comes before the start, {start}.", end=last, start=first)
    document = work.document()
    roundtrip.set_value(document, "status", "active", PROJECT_KEYS)
    roundtrip.set_value(document, "start", first, PROJECT_KEYS)
    roundtrip.set_value(document, "end", last, PROJECT_KEYS)
    return work.change.record(msg("project: {project} starts", project=work.key), effective=first)


def sign(project_id: str, day: str | None, options: WriteOptions) -> int:
    """Record the day the client signed the contract (revenue counts from then)."""
    work = prepare_project(project_id, options, NOT_CANCELLED)
    signed = parse_day("--date", day, work.change.today)
    roundtrip.set_value(work.document(), "signed", signed, PROJECT_KEYS)
    return work.change.record(
        msg("project: {project} signed on {date}", project=work.key, date=signed)
    )


def cancel(project_id: str, options: WriteOptions) -> int:
    """A project that will not happen (or stops): kept for history, out of the checks."""
    work = prepare_project(project_id, options, OPEN)
    roundtrip.set_value(work.document(), "status", "cancelled", PROJECT_KEYS)
    return work.change.record(msg("project: {project} is cancelled", project=work.key))


def leave(project_id: str, lead: str | None, options: WriteOptions) -> int:
    """Leave a project's team; its lead hands the lead to another team member (`--lead`)."""
    work = prepare_project(project_id, options, OPEN)
    me, data = work.change.me, work.data
    team = [place.member for place in data.team]
    if me not in team:
        raise CollectifError("You are not in the team of {project}.", project=work.key)
    document = work.document()
    if data.lead == me:
        if lead is None:
            raise CollectifError(
                "You lead {project}: hand the lead to another member of its team as you leave "
                "(`--lead MEMBER`).",
                project=work.key,
            )
        successor = parse_id("--lead", lead)
        if successor == me or successor not in team:
            raise CollectifError(
                "--lead: {member} is not another member of the team of {project}: they join it "
                "first (`collectif project join {project} --as {member}`).",
                member=successor,
                project=work.key,
            )
        roundtrip.set_value(document, "lead", successor, PROJECT_KEYS)
    items = document.get("team")
    for index in reversed(range(len(items))):
        if roundtrip.is_mapping(items[index]) and items[index].get("member") == me:
            del items[index]
    return work.change.record(
        msg("project: {member} leaves {project}", member=me, project=work.key)
    )
