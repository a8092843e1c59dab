"""`truck-factor`: the fewest members whose departure would leave most active roles uncovered."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import NamedTuple

from collectif.checks.base import Check, Context, Explanation, charter_of
from collectif.model.collective import Collective, active_holders, active_roles
from collectif.model.finding import Finding, Path, Severity
from collectif.model.layout import CONFIG_FILE
from collectif.model.message import Message, Names, Text, msg

NAME = "truck-factor"

# Search steps (a member tried in a candidate set) before settling for a greedy answer. A
# collective of a thousand members and hundreds of roles needs a few thousand at most.
BUDGET = 1_000_000

EXPLANATION = Explanation(
    summary="The fewest members whose joint departure would leave most active roles uncovered.",
    finds=(
        "The collective's truck factor: the smallest group of active members whose departure "
        "together would leave more than half of the active roles with no active holder. Roles "
        "that already have no active holder count as uncovered, and trainees are not holders. "
        "When a group smaller than `truck_factor_min` would do it, the finding names one such "
        "smallest group (the first in alphabetical order of ids). The search is exact up to "
        "that size; only on a very large collective with a high `truck_factor_min` does it stop "
        "after a bounded amount of work, and the finding then names a group found step by step "
        "and says the truck factor is at most its size."
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


class Departure(NamedTuple):
    """Members whose departure uncovers enough roles; `exact` if no smaller group would."""

    members: tuple[str, ...]
    exact: bool = True


class _OutOfBudget(Exception):
    pass


class _Search:
    """Branch and bound over sets of one size, in lexicographic order of member ids.

    A set uncovers a role when it holds all the role's holders, so only roles with at most
    `size` holders matter, and only their holders are candidates. The bound: a set can uncover
    no more roles than those already inside it plus the sum of the role counts of the members
    still to add.
    """

    def __init__(self, groups: Sequence[frozenset[str]], need: int, budget: int) -> None:
        self.groups = groups
        self.need = need
        self.budget = budget

    def _spend(self, steps: int) -> None:
        self.budget -= steps
        if self.budget < 0:
            raise _OutOfBudget

    def first(self, size: int) -> tuple[str, ...] | None:
        """The first set of `size` members, in lexicographic order, that uncovers enough."""
        small = [group for group in self.groups if len(group) <= size]
        roles_of: dict[str, list[int]] = {}
        for index, group in enumerate(small):
            for member in group:
                roles_of.setdefault(member, []).append(index)
        candidates = sorted(roles_of)
        if len(small) < self.need or len(candidates) < size:
            return None
        degrees = [len(roles_of[member]) for member in candidates]
        best = self._suffix_bounds(degrees, size)
        if best[0][size] < self.need:
            return None
        return self._walk(candidates, roles_of, [len(group) for group in small], best, size)

    def _suffix_bounds(self, degrees: list[int], size: int) -> list[list[int]]:
        """best[i][t]: the sum of the t largest degrees among candidates i and after."""
        self._spend(len(degrees) * size)
        best = [[0] * (size + 1) for _ in range(len(degrees) + 1)]
        top: list[int] = []
        for i in range(len(degrees) - 1, -1, -1):
            top = sorted([*top, degrees[i]], reverse=True)[:size]
            running = 0
            for t in range(1, size + 1):
                running += top[t - 1] if t <= len(top) else 0
                best[i][t] = running
        return best

    def _walk(
        self,
        candidates: list[str],
        roles_of: dict[str, list[int]],
        sizes: list[int],
        best: list[list[int]],
        size: int,
    ) -> tuple[str, ...] | None:
        hits = [0] * len(sizes)
        chosen: list[int] = []
        inside = 0
        start = 0
        count = len(candidates)
        while True:
            left = size - len(chosen)
            if left == 0 and inside >= self.need:
                return tuple(candidates[i] for i in chosen)
            if left > 0 and start <= count - left and inside + best[start][left] >= self.need:
                roles = roles_of[candidates[start]]
                self._spend(1 + len(roles))
                for role in roles:
                    hits[role] += 1
                    inside += hits[role] == sizes[role]
                chosen.append(start)
                start += 1
                continue
            if not chosen:
                return None
            last = chosen.pop()
            for role in roles_of[candidates[last]]:
                inside -= hits[role] == sizes[role]
                hits[role] -= 1
            start = last + 1


def _greedy(groups: Sequence[frozenset[str]], need: int, below: int) -> tuple[str, ...] | None:
    """A small set found greedily: each time, whoever uncovers most, then holds most roles."""
    roles_of: dict[str, list[int]] = {}
    for index, group in enumerate(groups):
        for member in group:
            roles_of.setdefault(member, []).append(index)
    members = sorted(roles_of)
    left = [len(group) for group in groups]
    gone: list[str] = []
    uncovered = 0

    def score(member: str) -> tuple[int, int]:
        mine = [left[role] for role in roles_of[member]]
        return (mine.count(1), sum(1 for count in mine if count > 0))

    while uncovered < need and len(gone) < below - 1:
        pick = max((m for m in members if m not in gone), key=score, default=None)
        if pick is None:
            break
        gone.append(pick)
        for role in roles_of[pick]:
            left[role] -= 1
            uncovered += left[role] == 0
    return tuple(sorted(gone)) if uncovered >= need else None


def smallest_departure(
    groups: Sequence[frozenset[str]], need: int, below: int, budget: int = BUDGET
) -> Departure | None:
    """The first smallest set of fewer than `below` members holding all of `need` groups.

    Each group is the (non-empty) set of holders of one role. Exact within `budget` steps;
    beyond it, a greedy set marked not exact (or None if greedy finds none small enough).
    """
    if below <= 0:
        return None
    if need <= 0:
        return Departure(())
    search = _Search(groups, need, budget)
    try:
        for size in range(1, below):
            found = search.first(size)
            if found is not None:
                return Departure(found)
    except _OutOfBudget:
        greedy = _greedy(groups, need, below)
        return Departure(greedy, exact=False) if greedy is not None else None
    return None


def _path(collective: Collective) -> Path:
    config = collective.config
    if config is None or "charter" not in config.model_fields_set:
        return ()
    return (
        ("charter", "truck_factor_min")
        if "truck_factor_min" in config.charter.model_fields_set
        else ()
    )


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


def check(collective: Collective, context: Context) -> Iterator[Finding]:
    """One finding when fewer than `truck_factor_min` members would uncover most roles."""
    minimum = charter_of(collective).truck_factor_min
    holders = {
        role_id: frozenset(active_holders(collective, role, context.as_of))
        for role_id, role in sorted(active_roles(collective).items())
    }
    if not holders:
        return
    already = sum(1 for group in holders.values() if not group)
    need = len(holders) // 2 + 1 - already
    departure = smallest_departure([g for g in holders.values() if g], need, minimum)
    if departure is None:
        return
    gone = frozenset(departure.members)
    uncovered = [role_id for role_id, group in holders.items() if group <= gone]
    yield Finding(
        check=NAME,
        subject="collective",
        file=CONFIG_FILE,
        path=_path(collective),
        key="truck-factor",
        message=_message(departure, len(uncovered), len(holders), minimum),
        details={
            "members": list(departure.members),
            "truck_factor": len(departure.members),
            "exact": departure.exact,
            "truck_factor_min": minimum,
            "uncovered_roles": uncovered,
            "active_roles": len(holders),
        },
    )


CHECK = Check(
    "truck-factor",
    Severity.WARNING,
    check,
    EXPLANATION,
    settings=(("charter", "truck_factor_min"),),
)
