"""`collectif project join`: join a project's team."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from collectif.engine.write import Edits, open_workspace, parse_id, project, record, whoami
from collectif.errors import CollectifError
from collectif.model.files import Project
from collectif.model.layout import project_file
from collectif.store import roundtrip

PROJECT_KEYS = roundtrip.key_order(Project)


def join(
    project_id: str,
    role: str | None = None,
    as_member: str | None = None,
    repo: Path | None = None,
    lang: str | None = None,
) -> int:
    """Add me to the project's team, with what I do in it, as one commit."""
    workspace = open_workspace(repo, lang)
    project_id = parse_id("ID", project_id)
    data = project(workspace, project_id)
    if data.status == "done":
        raise CollectifError(
            "The project {project} is done: its team is closed.", project=project_id
        )
    if data.status == "cancelled":
        raise CollectifError(
            "The project {project} was cancelled: its team is closed.", project=project_id
        )
    me = whoami(workspace, as_member)
    if any(place.member == me for place in data.team):
        raise CollectifError("You are already in the team of {project}.", project=project_id)
    item: dict[str, Any] = {"member": me}
    if role and role.strip():
        item["role"] = role.strip()
    edits = Edits(workspace)
    roundtrip.add_item(edits.open(project_file(project_id)).data, "team", item, PROJECT_KEYS)
    return record(workspace, edits, f"project: {me} joins {project_id}", me)
