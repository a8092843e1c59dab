"""`collectif role join`: become a holder of a role."""

from __future__ import annotations

from pathlib import Path

from collectif.commands.role.holdings import end_holding, prepare_role, running
from collectif.engine.write import ROLE_KEYS, day_before
from collectif.errors import CollectifError
from collectif.model.layout import role_file
from collectif.model.message import msg
from collectif.store import roundtrip


def join(
    role_id: str,
    since: str | None = None,
    as_member: str | None = None,
    repo: Path | None = None,
    lang: str | None = None,
) -> int:
    """Add me to the role's holders from `since`; my training in it ends the day before."""
    change, role_id, data, day = prepare_role(role_id, "--since", since, as_member, repo, lang)
    me = change.me
    held = running(data.holders, me, day)
    if held:
        raise CollectifError(
            "You already hold {role}, since {since}.",
            role=data.title,
            since=data.holders[held[0]].since,
        )
    document = change.edits.open(role_file(role_id)).data
    for index in running(data.trainees, me, day):
        if data.trainees[index].since < day:
            end_holding(change.edits, role_id, "trainees", index, me, day_before(day))
    roundtrip.add_item(document, "holders", {"member": me, "since": day}, ROLE_KEYS)
    return change.record(msg("role: {member} joins {role}", member=me, role=role_id), effective=day)
