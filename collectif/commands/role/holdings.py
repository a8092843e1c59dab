"""The holdings and trainings of one member in a role, as the role commands read them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from collectif.commands.dates import parse_day
from collectif.commands.options import WriteOptions
from collectif.engine.write import HOLDING_KEYS, ROLES, Edits, Subject, broken, prepare_subject
from collectif.errors import CollectifError
from collectif.model.files import Holding, Role
from collectif.model.layout import role_file
from collectif.store import roundtrip


class RoleChange(NamedTuple):
    """What every role command starts from: the role (with the change: collective, me, edits)
    and the day."""

    role: Subject[Role]
    day: date


def prepare_role(
    role_id: str, option: str, day: str | None, options: WriteOptions, retired_ok: bool = False
) -> RoleChange:
    """Open the collective, read the role, the day given with `option` (default today), me."""
    work = prepare_subject(options, ROLES, "ROLE", role_id)
    if not retired_ok:
        require_active(work.key, work.data)
    return RoleChange(work, parse_day(option, day, work.change.today))


def running(holdings: Sequence[Holding], member_id: str, day: date) -> list[int]:
    """Indexes of the member's holdings that have not ended before `day`."""
    return [
        index
        for index, holding in enumerate(holdings)
        if holding.member == member_id and (holding.until is None or holding.until >= day)
    ]


def refuse_running(
    holdings: Sequence[Holding], member_id: str, day: date, already: str, title: str
) -> None:
    """Refuse when the member already holds (or trains for) the role on `day`: `already` says
    so, with the role's `title` and since when."""
    found = running(holdings, member_id, day)
    if found:
        raise CollectifError(already, role=title, since=holdings[found[0]].since)


def require_active(role_id: str, data: Role) -> None:
    if not data.active:
        raise CollectifError(
            "The role {role} is retired (`active: false` in roles/{role}.yaml).", role=role_id
        )


def end_holding(
    edits: Edits, role_id: str, key: str, index: int, member_id: str, last_day: date
) -> None:
    """Set `until` on the member's holding (or training) `index` of the role's file; a holding
    that would end before it starts (left on the day it began) never took effect and is
    removed. Callers going through several indexes of one list go from the last one."""
    items = edits.open(role_file(role_id)).data.get(key)
    item = items[index] if isinstance(items, list) and index < len(items) else None
    if not roundtrip.is_mapping(item) or item.get("member") != member_id:
        raise broken(role_file(role_id))  # the file says something else than its model
    since = item.get("since")
    if isinstance(since, str):
        since = date.fromisoformat(since)
    if isinstance(since, date) and last_day < since:
        del items[index]
        return
    roundtrip.set_item_value(items, index, "until", last_day, HOLDING_KEYS)
