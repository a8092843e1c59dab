"""`collectif role leave`: stop holding a role, or end a training in it."""

from __future__ import annotations

from collectif.commands.options import WriteOptions
from collectif.commands.role.holdings import end_holding, prepare_role, running
from collectif.engine.write import day_before
from collectif.errors import CollectifError
from collectif.model.message import msg


def leave(role_id: str, day: str | None, options: WriteOptions) -> int:
    """End my holding (else my training) the day before `day`, the first day without it."""
    work, first_day = prepare_role(role_id, "--date", day, options, retired_ok=True)
    me, data, role_id = work.change.me, work.data, work.key
    key, found = "holders", running(data.holders, me, first_day)
    summary = msg("role: {member} leaves {role}", member=me, role=role_id)
    if not found:
        key, found = "trainees", running(data.trainees, me, first_day)
        summary = msg("role: {member} ends training for {role}", member=me, role=role_id)
    if not found:
        raise CollectifError(
            "You do not hold {role} nor train for it on {date}.", role=data.title, date=first_day
        )
    for index in reversed(found):
        end_holding(work.change.edits, role_id, key, index, me, day_before(first_day))
    return work.change.record(summary, effective=first_day)
