"""`collectif meeting new`: a meeting's file, with who came and who facilitated, as one commit."""

from __future__ import annotations

import re
from datetime import date
from typing import Any, NamedTuple, get_args

from collectif.commands.dates import parse_day
from collectif.commands.options import WriteOptions, choose
from collectif.engine.write import PROJECTS, ROLES, Change, parse_id, prepare, require_member, say
from collectif.errors import EXIT_OK, CollectifError
from collectif.model.files import MeetingKind
from collectif.model.layout import meeting_file
from collectif.model.message import Message, msg
from collectif.model.words import MEETING_KIND_WORDS
from collectif.store import roundtrip

MEETING_KINDS: tuple[str, ...] = get_args(MeetingKind)
_SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,51}\Z")
# The file's default name after its day, in the collective's language.
_DEFAULT_SLUG = {"fr": {"plenary": "pleniere", "group": "groupe"}, "en": {}}


class Wanted(NamedTuple):
    """The options of `meeting new`, as given."""

    day: str | None
    facilitator: str | None
    attendees: str
    kind: str
    notes_by: str | None
    project: str | None
    role: str | None
    slug: str | None


def _members(change: Change, option: str, value: str) -> list[str]:
    found = [parse_id(option, item.strip()) for item in value.split(",") if item.strip()]
    return [require_member(change.workspace, member) for member in dict.fromkeys(found)]


def _member(change: Change, option: str, value: str) -> str:
    """The one member an option names (`--facilitator camille`)."""
    return require_member(change.workspace, parse_id(option, value.strip()))


def _kind(wanted: Wanted) -> str:
    kind = choose("--kind", wanted.kind, MEETING_KINDS, MEETING_KIND_WORDS)
    if kind == "project" and wanted.project is None:
        raise CollectifError("--project: a project meeting names its project, e.g. site-mda.")
    if kind == "plenary" and wanted.facilitator is None:
        raise CollectifError("--facilitator: a plenary has a facilitator, one of the attendees.")
    return kind


def _slug(change: Change, wanted: Wanted, kind: str, named: str | None) -> str:
    if wanted.slug is not None:
        if not _SLUG.fullmatch(wanted.slug):
            raise CollectifError(
                "--slug: `{value}` cannot end a file name: use lowercase letters, digits and "
                "dashes, at most 52 characters.",
                value=wanted.slug,
            )
        return wanted.slug
    config = change.workspace.collective.config
    language = config.language if config else "en"
    return (named or "")[:52].rstrip("-") or _DEFAULT_SLUG[language].get(kind, kind)


def _content(change: Change, wanted: Wanted, kind: str, day: date) -> dict[str, Any]:
    content: dict[str, Any] = {"date": day, "kind": kind}
    if wanted.project is not None:
        content["project"] = parse_id("--project", wanted.project)
        PROJECTS.existing(change.workspace.collective, content["project"])
    if wanted.role is not None:
        content["role"] = parse_id("--role", wanted.role)
        ROLES.existing(change.workspace.collective, content["role"])
    attendees = _members(change, "--attendees", wanted.attendees)
    if not attendees:
        raise CollectifError("--attendees: name who came, e.g. `camille,ines,leo`.")
    if wanted.facilitator is not None:
        content["facilitator"] = _member(change, "--facilitator", wanted.facilitator)
        if content["facilitator"] not in attendees:
            raise CollectifError(
                "--facilitator: {member} is not among the attendees; add them to --attendees.",
                member=content["facilitator"],
            )
    if wanted.notes_by is not None:
        content["notes_by"] = _member(change, "--notes-by", wanted.notes_by)
    content["attendees"] = roundtrip.flow_list(attendees)
    return content


def _summary(meeting_id: str, content: dict[str, Any]) -> Message:
    if "facilitator" in content:
        return msg(
            "meeting: {meeting}, facilitated by {member}, {count} present",
            meeting=meeting_id,
            member=content["facilitator"],
            count=len(content["attendees"]),
        )
    return msg(
        "meeting: {meeting}, {count} present", meeting=meeting_id, count=len(content["attendees"])
    )


def new(wanted: Wanted, options: WriteOptions) -> int:
    """Write meetings/DATE-SLUG.yaml, without decisions yet, as one commit."""
    change = prepare(options)
    kind = _kind(wanted)
    day = parse_day("DATE", wanted.day, change.today)
    content = _content(change, wanted, kind, day)
    named = content.get("project") or content.get("role")
    meeting_id = f"{day.isoformat()}-{_slug(change, wanted, kind, named)}"
    if meeting_id in change.workspace.collective.known.meetings:
        raise CollectifError(
            "{path} already exists: give this meeting another name with --slug.",
            path=meeting_file(meeting_id),
        )
    document = roundtrip.new_mapping(content)
    change.edits.open_or_create(meeting_file(meeting_id), lambda: document)
    done = change.record(_summary(meeting_id, content), effective=day)
    if done == EXIT_OK and change.workspace.collective.charter_config.charter.decisions is None:
        say(change.workspace, _NOT_KEPT)
    return done


_NOT_KEPT = msg(
    "collectif.yaml has no `charter.decisions` yet: this meeting is kept, but its decisions, "
    "facilitation and cadence are checked only once the charter says how the collective "
    "decides (see the commented `decisions:` in `collectif init`'s collectif.yaml)."
)


def run(
    day: str | None,
    facilitator: str | None,
    attendees: str,
    kind: str,
    notes_by: str | None,
    project: str | None,
    role: str | None,
    slug: str | None,
    options: WriteOptions,
) -> int:
    """`collectif meeting new`, as the command line gives it."""
    return new(Wanted(day, facilitator, attendees, kind, notes_by, project, role, slug), options)
