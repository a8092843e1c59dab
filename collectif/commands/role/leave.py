"""`collectif role leave`: stop holding a role, or end a training in it."""

from __future__ import annotations

from pathlib import Path

from collectif.commands.role.holdings import end_holding, prepare_role, running
from collectif.engine.write import day_before
from collectif.errors import CollectifError
from collectif.model.message import msg


def leave(
    role_id: str,
    day: str | None = None,
    as_member: str | None = None,
    repo: Path | None = None,
    lang: str | None = None,
) -> int:
    """End my holding (else my training) the day before `day`, the first day without it."""
    change, role_id, data, first_day = prepare_role(
        role_id, "--date", day, as_member, repo, lang, retired_ok=True
    )
    me = change.me
    key, found = "holders", running(data.holders, me, first_day)
    summary = msg("role: {member} leaves {role}", member=me, role=role_id)
    if not found:
        key, found = "trainees", running(data.trainees, me, first_day)
        summary = msg("role: {member} ends training for {role}", member=me, role=role_id)
    if not found:
        raise CollectifError(
            "You do not hold {role} nor train for it on {date}.", role=data.title, date=first_day
        )
    for index in found:
        end_holding(change.edits, role_id, key, index, me, day_before(first_day))
    return change.record(summary, effective=first_day)
