"""`collectif project close`: a project is done."""

from __future__ import annotations

from collectif.commands.dates import parse_day
from collectif.commands.options import WriteOptions
from collectif.commands.project.common import prepare_project
from collectif.engine.write import PROJECT_KEYS
from collectif.model.message import N_, msg
from collectif.store import roundtrip

_REFUSED = {
    "done": N_("The project {project} is already done."),
    "cancelled": N_("The project {project} was cancelled: it cannot be done."),
    "proposed": N_(
        "The project {project} never started: a proposal that will not happen is cancelled "
        "(`collectif project cancel {project}`); one that starts is `collectif project start "
        "{project}`."
    ),
}


def close(project_id: str, day: str | None, options: WriteOptions) -> int:
    """Set the status to `done` and the end to `day` if it has none, as one commit."""
    work = prepare_project(project_id, options, _REFUSED)
    end = parse_day("--date", day, work.change.today)
    document = work.document()
    roundtrip.set_value(document, "status", "done", PROJECT_KEYS)
    if work.data.end is None:
        roundtrip.set_value(document, "end", end, PROJECT_KEYS)
    return work.change.record(msg("project: {project} is done", project=work.key))
