"""What a commit did to one file, in words a member understands: joined, left the role, logged
2.5 h... found by comparing the file's data before and after (as typed models, with what is
valid in each version), never its raw diff. One module per kind of file."""

from __future__ import annotations

from collectif.engine.story import (
    config,
    contacts,
    contributions,
    distributions,
    meetings,
    members,
    projects,
    roles,
)
from collectif.engine.story.versions import UNREADABLE, Tell, version
from collectif.model.layout import FileId, Kind, classify
from collectif.model.message import Message, msg
from collectif.store.history import FileChange

_BY_KIND: dict[Kind, Tell] = {
    Kind.CONFIG: config.tell,
    Kind.MEMBER: members.tell,
    Kind.ROLE: roles.tell,
    Kind.PROJECT: projects.tell,
    Kind.CONTRIBUTION: contributions.tell,
    Kind.MEETING: meetings.tell,
    Kind.DISTRIBUTION: distributions.tell,
    Kind.CONTACT: contacts.tell,
}


def subject_of(path: str) -> str:
    file_id = classify(path)
    return file_id.subject if isinstance(file_id, FileId) else "collective"


def summarise(change: FileChange) -> list[Message]:
    """Sentences saying what the commit did to this file."""
    file_id = classify(change.path)
    if not isinstance(file_id, FileId):
        return [msg("{path} changed", path=change.path)]
    before, after = version(file_id, change.before), version(file_id, change.after)
    if UNREADABLE in (before.model, after.model):
        return [msg("{path} changed", path=change.path)]
    if change.after is None and file_id.kind in (Kind.CONFIG, Kind.CONTRIBUTION):
        return [msg("{path} was removed", path=change.path)]
    sentences = list(_BY_KIND[file_id.kind](file_id, before.model, after.model))
    if not after.whole:  # what is invalid is not told as if it were data
        sentences.append(
            msg("{path} changed and has errors (`collectif check` shows them)", path=change.path)
        )
    return sentences or [msg("{path}: only comments or layout changed", path=change.path)]
