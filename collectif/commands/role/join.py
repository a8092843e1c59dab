"""`collectif role join`: become a holder of a role."""

from __future__ import annotations

from pathlib import Path

from collectif.commands.role.holdings import ROLE_KEYS, end_holding, prepare, running
from collectif.engine.write import Edits, day_before, record
from collectif.errors import CollectifError
from collectif.model.layout import role_file
from collectif.store import roundtrip


def join(
    role_id: str,
    since: str | None = None,
    as_member: str | None = None,
    repo: Path | None = None,
    lang: str | None = None,
) -> int:
    """Add me to the role's holders from `since`; my training in it ends the day before."""
    change = prepare(role_id, "--since", since, as_member, repo, lang)
    role_id, data, day, me = change.role_id, change.role, change.day, change.me
    held = running(data.holders, me, day)
    if held:
        raise CollectifError(
            "You already hold {role}, since {since}.",
            role=role_id,
            since=data.holders[held[0]].since,
        )
    edits = Edits(change.workspace)
    document = edits.open(role_file(role_id)).data
    for index in running(data.trainees, me, day):
        if data.trainees[index].since < day:
            end_holding(edits, role_id, "trainees", index, me, day_before(day))
    roundtrip.add_item(document, "holders", {"member": me, "since": day}, ROLE_KEYS)
    return record(change.workspace, edits, f"role: {me} joins {role_id}", me, effective=change.day)
