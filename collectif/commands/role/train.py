"""`collectif role train`: start training for a role, so that it never rests on too few."""

from __future__ import annotations

from collectif.commands.options import WriteOptions
from collectif.commands.role.holdings import prepare_role, refuse_running, running
from collectif.engine.write import ROLE_KEYS
from collectif.errors import CollectifError
from collectif.model.message import N_, msg
from collectif.store import roundtrip


def train(role_id: str, since: str | None, options: WriteOptions) -> int:
    """Add me to the role's trainees from `since`, as one commit."""
    work, day = prepare_role(role_id, "--since", since, options)
    me, data = work.change.me, work.data
    if running(data.holders, me, day):
        raise CollectifError("You already hold {role}: no need to train for it.", role=data.title)
    already = N_("You already train for {role}, since {since}.")
    refuse_running(data.trainees, me, day, already, data.title)
    roundtrip.add_item(work.document(), "trainees", {"member": me, "since": day}, ROLE_KEYS)
    summary = msg("role: {member} trains for {role}", member=me, role=work.key)
    return work.change.record(summary, effective=day)
