"""`collectif member pause`: days a member is exempt from the minimum (leave, illness...)."""

from __future__ import annotations

from collectif.commands.dates import parse_day
from collectif.commands.options import WriteOptions
from collectif.engine.write import MEMBER_KEYS, MEMBERS, given, optional_text, prepare_subject
from collectif.errors import CollectifError
from collectif.model.message import msg
from collectif.store import roundtrip


def pause(member_id: str, start: str, end: str, reason: str | None, options: WriteOptions) -> int:
    """Add a pause from `start` to `end` (both included) to the member's file, as one commit."""
    work = prepare_subject(options, MEMBERS, "ID", member_id)
    first, last = parse_day("--from", start), parse_day("--to", end)
    if last < first:
        raise CollectifError(
            "--to {to} comes before --from {start}: the pause ends on its last day.",
            to=last,
            start=first,
        )
    item = given({"from": first, "to": last, "reason": optional_text(reason)})
    roundtrip.add_item(work.document(), "pauses", item, MEMBER_KEYS)
    summary = msg(
        "member: {member} pauses from {start} to {end}", member=work.key, start=first, end=last
    )
    return work.change.record(summary, effective=first)
