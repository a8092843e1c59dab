"""`collectif role join`: become a holder of a role."""

from __future__ import annotations

from collectif.commands.options import WriteOptions
from collectif.commands.role.holdings import end_holding, prepare_role, refuse_running, running
from collectif.engine.write import ROLE_KEYS, day_before
from collectif.model.message import N_, msg
from collectif.store import roundtrip


def join(role_id: str, since: str | None, options: WriteOptions) -> int:
    """Add me to the role's holders from `since`; my training in it ends the day before."""
    work, day = prepare_role(role_id, "--since", since, options)
    me, data = work.change.me, work.data
    already = N_("You already hold {role}, since {since}.")
    refuse_running(data.holders, me, day, already, data.title)
    document = work.document()
    for index in running(data.trainees, me, day):
        if data.trainees[index].since < day:
            end_holding(work.change.edits, work.key, "trainees", index, me, day_before(day))
    roundtrip.add_item(document, "holders", {"member": me, "since": day}, ROLE_KEYS)
    summary = msg("role: {member} joins {role}", member=me, role=work.key)
    return work.change.record(summary, effective=day)
