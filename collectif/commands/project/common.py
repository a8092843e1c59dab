"""What every project command starts from: the change, the project and its file."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from collectif.engine.write import Change, parse_id, prepare, project
from collectif.errors import CollectifError
from collectif.model.files import Project
from collectif.model.layout import project_file


class ProjectChange(NamedTuple):
    change: Change
    project_id: str
    project: Project

    def document(self) -> Any:
        """The project's file, to edit (a ruamel mapping)."""
        return self.change.edits.open(project_file(self.project_id)).data


def prepare_project(
    project_id: str,
    repo: Path | None,
    lang: str | None,
    as_member: str | None,
    open_only: bool = False,
) -> ProjectChange:
    """Open the collective, find me and the project; with `open_only`, refuse a project that
    is done or cancelled."""
    change = prepare(repo, lang, as_member)
    project_id = parse_id("ID", project_id)
    data = project(change.workspace, project_id)
    if open_only and data.status == "done":
        raise CollectifError("The project {project} is done.", project=project_id)
    if open_only and data.status == "cancelled":
        raise CollectifError("The project {project} was cancelled.", project=project_id)
    return ProjectChange(change, project_id, data)
