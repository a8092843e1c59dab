"""`collectif project close`: a project is done."""

from __future__ import annotations

from pathlib import Path

from collectif.commands.dates import parse_day
from collectif.engine.write import PROJECT_KEYS, parse_id, prepare, project
from collectif.errors import CollectifError
from collectif.model.layout import project_file
from collectif.store import roundtrip


def close(
    project_id: str,
    day: str | None = None,
    as_member: str | None = None,
    repo: Path | None = None,
    lang: str | None = None,
) -> int:
    """Set the status to `done` and the end to `day` if it has none, as one commit."""
    change = prepare(repo, lang, as_member)
    project_id = parse_id("ID", project_id)
    data = project(change.workspace, project_id)
    if data.status == "done":
        raise CollectifError("The project {project} is already done.", project=project_id)
    if data.status == "cancelled":
        raise CollectifError(
            "The project {project} was cancelled: it cannot be done.", project=project_id
        )
    end = parse_day("--date", day, change.today)
    document = change.edits.open(project_file(project_id)).data
    roundtrip.set_value(document, "status", "done", PROJECT_KEYS)
    if data.end is None:
        roundtrip.set_value(document, "end", end, PROJECT_KEYS)
    return change.record(f"project: {project_id} is done")
