"""`collectif project join`: join a project's team."""

from __future__ import annotations

from collectif.commands.options import WriteOptions
from collectif.commands.project.common import prepare_project
from collectif.engine.write import PROJECT_KEYS, given, optional_text
from collectif.errors import CollectifError
from collectif.model.message import N_, msg
from collectif.store import roundtrip

_REFUSED = {
    "done": N_("The project {project} is done: its team is closed."),
    "cancelled": N_("The project {project} was cancelled: its team is closed."),
}


def join(project_id: str, role: str | None, options: WriteOptions) -> int:
    """Add me to the project's team, with what I do in it, as one commit."""
    work = prepare_project(project_id, options, _REFUSED)
    me = work.change.me
    if any(place.member == me for place in work.data.team):
        raise CollectifError("You are already in the team of {project}.", project=work.key)
    item = given({"member": me, "role": optional_text(role)})
    roundtrip.add_item(work.document(), "team", item, PROJECT_KEYS)
    return work.change.record(msg("project: {member} joins {project}", member=me, project=work.key))
