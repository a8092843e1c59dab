"""`collectif project close`: a project is done."""

from __future__ import annotations

from pathlib import Path

from collectif.commands.dates import parse_day
from collectif.engine.write import Edits, open_workspace, parse_id, project, record, whoami
from collectif.errors import CollectifError
from collectif.model.files import Project
from collectif.model.layout import project_file
from collectif.store import roundtrip

PROJECT_KEYS = roundtrip.key_order(Project)


def close(
    project_id: str,
    day: str | None = None,
    as_member: str | None = None,
    repo: Path | None = None,
    lang: str | None = None,
) -> int:
    """Set the status to `done` and the end to `day` if it has none, as one commit."""
    workspace = open_workspace(repo, lang)
    project_id = parse_id("ID", project_id)
    data = project(workspace, project_id)
    if data.status == "done":
        raise CollectifError("The project {project} is already done.", project=project_id)
    if data.status == "cancelled":
        raise CollectifError(
            "The project {project} was cancelled: it cannot be done.", project=project_id
        )
    end = parse_day("--date", day, workspace.today)
    me = whoami(workspace, as_member)
    edits = Edits(workspace)
    document = edits.open(project_file(project_id)).data
    roundtrip.set_value(document, "status", "done", PROJECT_KEYS)
    if data.end is None:
        roundtrip.set_value(document, "end", end, PROJECT_KEYS)
    return record(workspace, edits, f"project: {project_id} is done", me)
