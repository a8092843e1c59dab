"""`collectif project join`: join a project's team."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from collectif.commands.project.common import prepare_project
from collectif.engine.write import PROJECT_KEYS
from collectif.errors import CollectifError
from collectif.model.message import msg
from collectif.store import roundtrip


def join(
    project_id: str,
    role: str | None = None,
    as_member: str | None = None,
    repo: Path | None = None,
    lang: str | None = None,
) -> int:
    """Add me to the project's team, with what I do in it, as one commit."""
    work = prepare_project(project_id, repo, lang, as_member)
    change, project_id, data = work
    if data.status == "done":
        raise CollectifError(
            "The project {project} is done: its team is closed.", project=project_id
        )
    if data.status == "cancelled":
        raise CollectifError(
            "The project {project} was cancelled: its team is closed.", project=project_id
        )
    if any(place.member == change.me for place in data.team):
        raise CollectifError("You are already in the team of {project}.", project=project_id)
    item: dict[str, Any] = {"member": change.me}
    if role and role.strip():
        item["role"] = role.strip()
    roundtrip.add_item(work.document(), "team", item, PROJECT_KEYS)
    return change.record(
        msg("project: {member} joins {project}", member=change.me, project=project_id)
    )
