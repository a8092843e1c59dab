"""`collectif member pause`: days a member is exempt from the minimum (leave, illness...)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from collectif.commands.dates import parse_day
from collectif.engine.write import Edits, member, open_workspace, parse_id, record, whoami
from collectif.errors import CollectifError
from collectif.model.files import Member
from collectif.model.layout import member_file
from collectif.store import roundtrip

MEMBER_KEYS = roundtrip.key_order(Member)


def pause(
    member_id: str,
    start: str,
    end: str,
    reason: str | None = None,
    as_member: str | None = None,
    repo: Path | None = None,
    lang: str | None = None,
) -> int:
    """Add a pause from `start` to `end` (both included) to the member's file, as one commit."""
    workspace = open_workspace(repo, lang)
    member_id = parse_id("ID", member_id)
    member(workspace, member_id)
    first, last = parse_day("--from", start), parse_day("--to", end)
    if last < first:
        raise CollectifError(
            "--to {to} comes before --from {start}: the pause ends on its last day.",
            to=last,
            start=first,
        )
    author = whoami(workspace, as_member)
    item: dict[str, Any] = {"from": first, "to": last}
    if reason and reason.strip():
        item["reason"] = reason.strip()
    edits = Edits(workspace)
    roundtrip.add_item(edits.open(member_file(member_id)).data, "pauses", item, MEMBER_KEYS)
    return record(
        workspace,
        edits,
        f"member: {member_id} pauses from {first} to {last}",
        author,
        effective=first,
    )
