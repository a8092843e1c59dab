"""`collectif role train`: start training for a role, so that it never rests on too few."""

from __future__ import annotations

from pathlib import Path

from collectif.commands.role.holdings import prepare_role, running
from collectif.engine.write import ROLE_KEYS
from collectif.errors import CollectifError
from collectif.model.layout import role_file
from collectif.model.message import msg
from collectif.store import roundtrip


def train(
    role_id: str,
    since: str | None = None,
    as_member: str | None = None,
    repo: Path | None = None,
    lang: str | None = None,
) -> int:
    """Add me to the role's trainees from `since`, as one commit."""
    change, role_id, data, day = prepare_role(role_id, "--since", since, as_member, repo, lang)
    me = change.me
    if running(data.holders, me, day):
        raise CollectifError("You already hold {role}: no need to train for it.", role=data.title)
    training = running(data.trainees, me, day)
    if training:
        raise CollectifError(
            "You already train for {role}, since {since}.",
            role=data.title,
            since=data.trainees[training[0]].since,
        )
    document = change.edits.open(role_file(role_id)).data
    roundtrip.add_item(document, "trainees", {"member": me, "since": day}, ROLE_KEYS)
    return change.record(
        msg("role: {member} trains for {role}", member=me, role=role_id), effective=day
    )
