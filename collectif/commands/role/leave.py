"""`collectif role leave`: stop holding a role, or end a training in it."""

from __future__ import annotations

from pathlib import Path

from collectif.commands.dates import parse_day
from collectif.commands.role.holdings import end_holding, running
from collectif.commands.writing import (
    Edits,
    day_before,
    open_workspace,
    parse_id,
    record,
    role,
    whoami,
)
from collectif.errors import CollectifError


def leave(
    role_id: str,
    day: str | None = None,
    as_member: str | None = None,
    repo: Path | None = None,
    lang: str | None = None,
) -> int:
    """End my holding (else my training) the day before `day`, the first day without it."""
    workspace = open_workspace(repo, lang)
    role_id = parse_id("ROLE", role_id)
    data = role(workspace, role_id)
    first_day = parse_day("--date", day, workspace.today)
    assert first_day is not None
    me = whoami(workspace, as_member)
    key, found = "holders", running(data.holders, me, first_day)
    summary = f"role: {me} leaves {role_id}"
    if not found:
        key, found = "trainees", running(data.trainees, me, first_day)
        summary = f"role: {me} ends training for {role_id}"
    if not found:
        raise CollectifError(
            "You do not hold {role} nor train for it on {date}.", role=role_id, date=first_day
        )
    edits = Edits(workspace)
    for index in found:
        end_holding(edits, role_id, key, index, me, day_before(first_day))
    return record(workspace, edits, summary, me)
