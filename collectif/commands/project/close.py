"""`collectif project close`: a project is done."""

from __future__ import annotations

from pathlib import Path

from collectif.commands.dates import parse_day
from collectif.commands.project.common import prepare_project
from collectif.engine.write import PROJECT_KEYS
from collectif.errors import CollectifError
from collectif.model.message import msg
from collectif.store import roundtrip


def close(
    project_id: str,
    day: str | None = None,
    as_member: str | None = None,
    repo: Path | None = None,
    lang: str | None = None,
) -> int:
    """Set the status to `done` and the end to `day` if it has none, as one commit."""
    work = prepare_project(project_id, repo, lang, as_member)
    change, project_id, data = work
    if data.status == "done":
        raise CollectifError("The project {project} is already done.", project=project_id)
    if data.status == "cancelled":
        raise CollectifError(
            "The project {project} was cancelled: it cannot be done.", project=project_id
        )
    end = parse_day("--date", day, change.today)
    document = work.document()
    roundtrip.set_value(document, "status", "done", PROJECT_KEYS)
    if data.end is None:
        roundtrip.set_value(document, "end", end, PROJECT_KEYS)
    return change.record(msg("project: {project} is done", project=project_id))
