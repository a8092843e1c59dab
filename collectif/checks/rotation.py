"""`rotation`: members who have held the same role continuously for too long."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from typing import NamedTuple

from collectif.checks.base import Check, Context, Explanation, about_role, charter_of
from collectif.checks.periods import whole_months
from collectif.model.collective import Collective, active_roles, covers, is_active
from collectif.model.files import Holding, Member, Role
from collectif.model.finding import Finding, Severity
from collectif.model.message import msg

NAME = "rotation"

EXPLANATION = Explanation(
    summary="Members who have held the same role continuously for too long.",
    finds=(
        "Every active holder of an active role (of any kind: support, mission, facilitation, "
        "coaching) whose current holding has lasted more than `max_tenure_months` whole months "
        "on the as-of date. Holdings of the same member in the same role that overlap or follow "
        "each other without a day's gap count as one continuous holding; it starts no earlier "
        "than the day the member joined."
    ),
    why=(
        "Responsibilities rotate: members join a role freely and leave it after a while, so that "
        "no function becomes someone's territory, knowledge spreads, and nobody carries the same "
        "load for years until they burn out."
    ),
    fix=(
        "Hand the role over: train a successor (`collectif role train ROLE`), let them join "
        "(`collectif role join ROLE`), then leave it (`collectif role leave ROLE`). If the "
        "collective decides otherwise, say so in `max_tenure_months`."
    ),
    settings=(
        "`charter.roles.max_tenure_months` (default 24) in collectif.yaml. Severity: "
        "`checks: {rotation: error}` or `off`."
    ),
)

_DAY = timedelta(days=1)


def continuous_since(holdings: list[Holding], current: Holding) -> date:
    """The first day of the run of overlapping or back-to-back holdings that holds `current`."""
    start = current.since
    extended = True
    while extended:
        extended = False
        for holding in holdings:
            if holding.since < start and (holding.until is None or holding.until >= start - _DAY):
                start, extended = holding.since, True
    return start


def _holdings_by_member(role: Role, day: date) -> dict[str, tuple[int, list[Holding]]]:
    """For each member holding the role on `day`: the index of that holding, and all theirs."""
    found: dict[str, tuple[int, list[Holding]]] = {}
    ordered = [h for h in role.holders if h.until is None or h.since <= h.until]
    for index, holding in enumerate(role.holders):
        if holding.member not in found and covers(holding.since, holding.until, day):
            mine = [h for h in ordered if h.member == holding.member]
            found[holding.member] = (index, mine)
    return found


def _finding(
    role_id: str, role: Role, index: int, member_id: str, since: date, months: int, limit: int
) -> Finding:
    message = msg(
        "{member} has held {title} continuously since {since}, {months} whole months, more than "
        "the charter's limit of {limit}: time to hand it over. Train a successor "
        "(`collectif role train {role}`), then {member} leaves it (`collectif role leave {role}`)",
        member=member_id,
        title=role.title,
        since=since,
        months=Decimal(months),
        limit=limit,
        role=role_id,
    )
    details = {
        "member": member_id,
        "since": since.isoformat(),
        "months": months,
        "max_tenure_months": limit,
    }
    return about_role(role_id).finding(
        NAME, f"tenure:{member_id}", message, details, ("holders", index)
    )


class Tenure(NamedTuple):
    """A current holding: its place in `holders`, its member, since when, whole months."""

    place: int
    member: str
    since: date
    months: int


def tenures(collective: Collective, role: Role, day: date) -> Iterator[Tenure]:
    """Each active member holding `role` on `day`, with their continuous holding's length."""
    for member_id, (index, holdings) in _holdings_by_member(role, day).items():
        member: Member | None = collective.members.get(member_id)
        if member is None or not is_active(member, day):
            continue
        since = max(continuous_since(holdings, role.holders[index]), member.joined)
        yield Tenure(index, member_id, since, whole_months(since, day))


def _role_findings(
    collective: Collective, role_id: str, role: Role, day: date, limit: int
) -> Iterator[Finding]:
    for tenure in tenures(collective, role, day):
        if tenure.months > limit:
            yield _finding(
                role_id, role, tenure.place, tenure.member, tenure.since, tenure.months, limit
            )


def check(collective: Collective, context: Context) -> Iterator[Finding]:
    """One finding per active holder past the charter's longest tenure."""
    limit = charter_of(collective).roles.max_tenure_months
    for role_id, role in sorted(active_roles(collective, context.as_of).items()):
        yield from _role_findings(collective, role_id, role, context.as_of, limit)


CHECK = Check(NAME, Severity.WARNING, check, EXPLANATION, settings=(("charter", "roles"),))
