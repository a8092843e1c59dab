"""`collectif role leave`: stop holding a role, or end a training in it."""

from __future__ import annotations

from pathlib import Path

from collectif.commands.role.holdings import end_holding, prepare, running
from collectif.engine.write import Edits, day_before, record
from collectif.errors import CollectifError


def leave(
    role_id: str,
    day: str | None = None,
    as_member: str | None = None,
    repo: Path | None = None,
    lang: str | None = None,
) -> int:
    """End my holding (else my training) the day before `day`, the first day without it."""
    change = prepare(role_id, "--date", day, as_member, repo, lang, retired_ok=True)
    role_id, data, first_day, me = change.role_id, change.role, change.day, change.me
    key, found = "holders", running(data.holders, me, first_day)
    summary = f"role: {me} leaves {role_id}"
    if not found:
        key, found = "trainees", running(data.trainees, me, first_day)
        summary = f"role: {me} ends training for {role_id}"
    if not found:
        raise CollectifError(
            "You do not hold {role} nor train for it on {date}.", role=role_id, date=first_day
        )
    edits = Edits(change.workspace)
    for index in found:
        end_holding(edits, role_id, key, index, me, day_before(first_day))
    return record(change.workspace, edits, summary, me, effective=first_day)
