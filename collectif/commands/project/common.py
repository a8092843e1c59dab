"""What every project command starts from: the change, the project and its file."""

from __future__ import annotations

from collections.abc import Mapping

from collectif.commands.options import WriteOptions
from collectif.engine.write import PROJECTS, Subject, prepare_subject
from collectif.errors import CollectifError
from collectif.model.files import Project
from collectif.model.message import N_

# What a command that refuses a project in some statuses says, by status.
NOT_CANCELLED = {"cancelled": N_("The project {project} was cancelled.")}
OPEN = {"done": N_("The project {project} is done."), **NOT_CANCELLED}


def prepare_project(
    project_id: str, options: WriteOptions, refused: Mapping[str, str] | None = None
) -> Subject[Project]:
    """Open the collective, find me and the project; refuse a project whose status is one of
    `refused`, with what it says for that status."""
    work = prepare_subject(options, PROJECTS, "ID", project_id)
    said = (refused or {}).get(work.data.status)
    if said is not None:
        raise CollectifError(said, project=work.key)
    return work
