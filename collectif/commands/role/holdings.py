"""The holdings and trainings of one member in a role, as the role commands read them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from collectif.errors import CollectifError
from collectif.model.files import Holding, Role
from collectif.store import roundtrip

ROLE_KEYS = roundtrip.key_order(Role)
HOLDING_KEYS = roundtrip.key_order(Holding)


def running(holdings: Sequence[Holding], member_id: str, day: date) -> list[int]:
    """Indexes of the member's holdings that have not ended before `day`."""
    return [
        index
        for index, holding in enumerate(holdings)
        if holding.member == member_id and (holding.until is None or holding.until >= day)
    ]


def require_active(role_id: str, data: Role) -> None:
    if not data.active:
        raise CollectifError(
            "The role {role} is retired (`active: false` in roles/{role}.yaml).", role=role_id
        )
