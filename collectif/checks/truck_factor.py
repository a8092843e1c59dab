"""`truck-factor`: the fewest members whose departure would leave most active roles uncovered."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

from collectif.checks.base import COLLECTIVE, Check, Context, Explanation, charter_of
from collectif.checks.departure import STEPS, TIME_LIMIT, Departure, Undecided, smallest_departure
from collectif.model.collective import Collective, active_holders, active_roles
from collectif.model.files import written
from collectif.model.finding import Finding, Path, Severity
from collectif.model.message import Message, Names, Text, msg

NAME = "truck-factor"

EXPLANATION = Explanation(
    summary="The fewest members whose joint departure would leave most active roles uncovered.",
    finds=(
        "The collective's truck factor: the smallest group of active members whose departure "
        "together would leave more than half of the active roles with no active holder. Roles "
        "that already have no active holder count as uncovered, and trainees are not holders. "
        "When a group smaller than `truck_factor_min` would do it, the finding names one such "
        "smallest group (the first in alphabetical order of ids). The answer is exact at any "
        "size: a small collective is searched directly, a large one is solved as an integer "
        "program. Should the solver run out of time (10 seconds) before it can tell, the finding "
        "says that the truck factor could not be decided, or names the smallest group found so "
        "far and says that the truck factor is at most its size: it never reports no problem "
        "when it does not know."
    ),
    why=(
        "Nobody should be indispensable: regular missions and support functions are shared so "
        "that the collective survives anyone stepping back. If two or three people carry most "
        "of the roles, their burnout or departure would stop the collective, and they cannot "
        "easily say no to more."
    ),
    fix=(
        "Bring other members into the roles these members hold, as holders or first as "
        "trainees (`collectif role train ROLE`, then `collectif role join ROLE`), until no small "
        "group carries most roles. `collectif check --only irreplaceable` shows the roles with "
        "too few holders."
    ),
    settings=(
        "`charter.truck_factor_min` (default 3) in collectif.yaml: the smallest acceptable "
        "truck factor; 0 turns the check off. Severity: `checks: {truck-factor: error}` or "
        "`off`."
    ),
)


def _path(collective: Collective) -> Path:
    config = collective.config
    if config is None or "charter" not in written(config):
        return ()
    return ("charter", "truck_factor_min") if "truck_factor_min" in written(config.charter) else ()


def _message(departure: Departure, uncovered: int, total: int, minimum: int) -> Message:
    members = departure.members
    if not members:
        return msg(
            "the active roles without an active holder are already {uncovered} of {total}, more "
            "than half: the collective's truck factor is 0, below the charter's minimum of "
            "{minimum}. Members should join these roles (`collectif role join ROLE`)",
            uncovered=uncovered,
            total=total,
            minimum=minimum,
        )
    if len(members) == 1:
        leaving = msg("if {member} left", member=members[0])
    else:
        leaving = msg("if {members} left together", members=Names(members))
    if departure.exact:
        factor = msg("the collective's truck factor is {size}", size=len(members))
    else:
        factor = msg("the collective's truck factor is at most {size}", size=len(members))
    return msg(
        "{leaving}, the active roles left without a holder would be {uncovered} of {total}, "
        "more than half: {factor}, below the charter's minimum of {minimum}. Bring other "
        "members into these roles, as holders or first as trainees, so that the collective "
        "does not rest on so few people",
        leaving=Text(leaving),
        uncovered=uncovered,
        total=total,
        factor=Text(factor),
        minimum=minimum,
    )


def _undecided(answer: Undecided, total: int, minimum: int) -> Message:
    return msg(
        "the collective's truck factor could not be decided within {seconds} s: no group of "
        "fewer than {minimum} members was found whose departure would leave more than half of "
        "the {total} active roles without a holder, but none could be ruled out either. Run the "
        "check again on a less busy machine; if it stays undecided, this is a bug in collectif: "
        "please report it with this message",
        seconds=Decimal(str(answer.seconds)),
        minimum=minimum,
        total=total,
    )


Holders = dict[str, frozenset[str]]


def _found(collective: Collective, departure: Departure, holders: Holders, minimum: int) -> Finding:
    gone = frozenset(departure.members)
    uncovered = [role_id for role_id, group in holders.items() if group <= gone]
    message = _message(departure, len(uncovered), len(holders), minimum)
    details = {
        "members": list(departure.members),
        "truck_factor": len(departure.members),
        "exact": departure.exact,
        "truck_factor_min": minimum,
        "uncovered_roles": uncovered,
        "active_roles": len(holders),
    }
    return COLLECTIVE.finding(NAME, "truck-factor", message, details, _path(collective))


def _not_found(
    collective: Collective, answer: Undecided, holders: Holders, minimum: int
) -> Finding:
    # Its own key: a baseline that accepts the problem must not hide the doubt, nor the reverse.
    message = _undecided(answer, len(holders), minimum)
    details = {
        "members": [],
        "truck_factor": None,
        "exact": False,
        "undecided": True,
        "time_limit": answer.seconds,
        "truck_factor_min": minimum,
        "uncovered_roles": [role_id for role_id, group in holders.items() if not group],
        "active_roles": len(holders),
    }
    return COLLECTIVE.finding(NAME, "truck-factor-undecided", message, details, _path(collective))


def role_holders(collective: Collective, day: date) -> Holders:
    """Each role active on `day`, with its active holders that day (by role id)."""
    return {
        role_id: frozenset(active_holders(collective, role, day))
        for role_id, role in sorted(active_roles(collective, day).items())
    }


def departure(
    holders: Holders, minimum: int, *, steps: int = STEPS, time_limit: float = TIME_LIMIT
) -> Departure | Undecided | None:
    """The first smallest group of fewer than `minimum` members whose departure would leave
    more than half of the roles without a holder (roles already without one count)."""
    already = sum(1 for group in holders.values() if not group)
    need = len(holders) // 2 + 1 - already
    groups = [group for group in holders.values() if group]
    return smallest_departure(groups, need, minimum, steps=steps, time_limit=time_limit)


def check(collective: Collective, context: Context) -> Iterator[Finding]:
    """One finding when fewer than `truck_factor_min` members would uncover most roles."""
    return check_within(collective, context)


def check_within(
    collective: Collective,
    context: Context,
    *,
    steps: int = STEPS,
    time_limit: float = TIME_LIMIT,
) -> Iterator[Finding]:
    """`check`, with the search's steps and the solver's time limit (in seconds) chosen.

    When the solver runs out of time before it can tell, the finding says so: an undecided
    truck factor is never reported as no problem.
    """
    minimum = charter_of(collective).truck_factor_min
    holders = role_holders(collective, context.as_of)
    if not holders:
        return
    answer = departure(holders, minimum, steps=steps, time_limit=time_limit)
    if isinstance(answer, Departure):
        yield _found(collective, answer, holders, minimum)
    elif isinstance(answer, Undecided):
        yield _not_found(collective, answer, holders, minimum)


CHECK = Check(
    NAME, Severity.WARNING, check, EXPLANATION, settings=(("charter", "truck_factor_min"),)
)
