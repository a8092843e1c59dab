"""`collectif member pause`: days a member is exempt from the minimum (leave, illness...)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from collectif.commands.dates import parse_day
from collectif.engine.write import MEMBER_KEYS, member, parse_id, prepare
from collectif.errors import CollectifError
from collectif.model.layout import member_file
from collectif.model.message import msg
from collectif.store import roundtrip


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
    change = prepare(repo, lang, as_member)
    member_id = parse_id("ID", member_id)
    member(change.workspace, member_id)
    first, last = parse_day("--from", start), parse_day("--to", end)
    if last < first:
        raise CollectifError(
            "--to {to} comes before --from {start}: the pause ends on its last day.",
            to=last,
            start=first,
        )
    item: dict[str, Any] = {"from": first, "to": last}
    if reason and reason.strip():
        item["reason"] = reason.strip()
    document = change.edits.open(member_file(member_id)).data
    roundtrip.add_item(document, "pauses", item, MEMBER_KEYS)
    summary = msg(
        "member: {member} pauses from {start} to {end}", member=member_id, start=first, end=last
    )
    return change.record(summary, effective=first)
