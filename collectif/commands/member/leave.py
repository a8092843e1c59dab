"""`collectif member leave`: a member leaves; the roles they hold end the day before."""

from __future__ import annotations

from datetime import date

from collectif.commands.dates import parse_day
from collectif.commands.options import WriteOptions
from collectif.commands.role.holdings import end_holding
from collectif.engine.write import (
    MEMBER_KEYS,
    MEMBERS,
    Edits,
    Workspace,
    day_before,
    prepare_subject,
)
from collectif.errors import CollectifError
from collectif.model.message import msg
from collectif.store import roundtrip


def close_holdings(workspace: Workspace, edits: Edits, member_id: str, day: date) -> list[str]:
    """End every holding and training of the member that runs on or past `day`: the roles."""
    ended = []
    for role_id, data in sorted(workspace.collective.roles.items()):
        for key in ("holders", "trainees"):
            for index, holding in reversed(list(enumerate(getattr(data, key)))):
                if holding.member != member_id or (holding.until and holding.until < day):
                    continue
                end_holding(edits, role_id, key, index, member_id, day_before(day))
                if role_id not in ended:
                    ended.append(role_id)
    return ended


def leave(member_id: str, day: str | None, options: WriteOptions) -> int:
    """Set `left` to the first day without membership, close their roles, as one commit."""
    work = prepare_subject(options, MEMBERS, "ID", member_id)
    change, member_id = work.change, work.key
    first_day = parse_day("--date", day, change.today)
    if work.data.left is not None:
        raise CollectifError(
            "{member} already left, on {left}.", member=member_id, left=work.data.left
        )
    roundtrip.set_value(work.document(), "left", first_day, MEMBER_KEYS)
    ended = close_holdings(change.workspace, change.edits, member_id, first_day)
    summary = msg("member: {member} leaves on {date}", member=member_id, date=first_day)
    if ended:
        summary = msg(
            "member: {member} leaves on {date} (ends {roles})",
            member=member_id,
            date=first_day,
            roles=", ".join(ended),
        )
    return change.record(summary, effective=first_day)
