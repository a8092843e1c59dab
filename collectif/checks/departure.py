"""The smallest group of members whose departure would leave enough roles without a holder.

Exact at any size, and the group named is always the first smallest one in lexicographic order
of member ids. A branch and bound in plain Python settles small collectives; past a fixed
number of steps an integer program solved by HiGHS takes over, imported only then: with numpy
it takes over a tenth of a second to import, which a small collective should not pay.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from highspy._core import _Highs

# Branch-and-bound steps (a member tried in a candidate set) before handing over to the solver:
# a few hundredths of a second, more than a collective of a few dozen members needs for the
# default minimum of 3.
STEPS = 20_000

# Seconds the solver may take in all before the answer is called undecided (the explanation of
# `truck-factor` says 10). It needs one program per member named: about half a second for 700
# members, 300 roles and a truck factor of 18.
TIME_LIMIT = 10.0


class Departure(NamedTuple):
    """Members whose departure empties enough groups; `exact` if no smaller set would."""

    members: tuple[str, ...]
    exact: bool = True


class Undecided(NamedTuple):
    """No set small enough was found, and none could be ruled out, within `seconds`."""

    seconds: float


def smallest_departure(
    groups: Sequence[frozenset[str]],
    need: int,
    below: int,
    *,
    steps: int = STEPS,
    time_limit: float = TIME_LIMIT,
) -> Departure | Undecided | None:
    """The first smallest set of fewer than `below` members holding all of `need` groups.

    Each group is the (non-empty) set of holders of one role. None when there is no such set;
    `Undecided` when the solver could neither find one nor rule it out within `time_limit`.
    """
    if below <= 0:
        return None
    if need <= 0:
        return Departure(())
    small = [group for group in groups if len(group) < below]
    if len(small) < need:
        return None
    search = _Search(small, need, steps)
    try:
        for size in range(1, below):
            found = search.first(size)
            if found is not None:
                return Departure(found)
    except _OutOfSteps:
        return _solve(_cover(small), need, below, time_limit)
    return None


class _OutOfSteps(Exception):
    pass


class _Search:
    """Branch and bound over sets of one size, in lexicographic order of member ids.

    A set uncovers a role when it holds all the role's holders, so only roles with at most
    `size` holders matter, and only their holders are candidates. The bound: a set can uncover
    no more roles than those already inside it plus the sum of the role counts of the members
    still to add.
    """

    def __init__(self, groups: Sequence[frozenset[str]], need: int, steps: int) -> None:
        self.groups = groups
        self.need = need
        self.steps = steps

    def _spend(self, steps: int) -> None:
        self.steps -= steps
        if self.steps < 0:
            raise _OutOfSteps

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


# The integer program ---------------------------------------------------------------------------


class _Cover(NamedTuple):
    """The groups over members numbered in id order; identical groups kept once, with a weight."""

    members: tuple[str, ...]
    groups: tuple[tuple[int, ...], ...]
    weights: tuple[int, ...]

    def emptied(self, leaving: frozenset[int]) -> int:
        """How many of the original groups `leaving` holds entirely."""
        return sum(
            w for g, w in zip(self.groups, self.weights, strict=True) if leaving.issuperset(g)
        )

    def names(self, numbers: Sequence[int]) -> tuple[str, ...]:
        return tuple(self.members[number] for number in sorted(numbers))


def _cover(groups: Sequence[frozenset[str]]) -> _Cover:
    members = tuple(sorted(frozenset().union(*groups)))
    number = {member: index for index, member in enumerate(members)}
    counts = Counter(tuple(sorted(number[member] for member in group)) for group in groups)
    distinct = sorted(counts)
    return _Cover(members, tuple(distinct), tuple(counts[group] for group in distinct))


def _solve(cover: _Cover, need: int, below: int, time_limit: float) -> Departure | Undecided | None:
    """Find the smallest size, then the first set of that size one member at a time."""
    deadline = time.monotonic() + time_limit
    smallest = _within(deadline, _fewest(cover, need, below - 1))
    if smallest.leaving is None:
        return None if smallest.proven else Undecided(time_limit)
    if not smallest.proven:
        # Out of time with a small enough set in hand: a true problem, its size an upper bound.
        return Departure(cover.names(_minimal(cover, need, smallest.leaving)), exact=False)
    return Departure(cover.names(_first(cover, need, smallest.leaving, deadline)))


def _minimal(cover: _Cover, need: int, leaving: tuple[int, ...]) -> tuple[int, ...]:
    """`leaving` less every member, last first, whom it does not need."""
    kept = set(leaving)
    for member in sorted(leaving, reverse=True):
        if cover.emptied(frozenset(kept - {member})) >= need:
            kept.discard(member)
    return tuple(sorted(kept))


def _first(cover: _Cover, need: int, found: tuple[int, ...], deadline: float) -> tuple[int, ...]:
    """The first set, in id order, of the size of `found` (a smallest set) that empties enough.

    Each program fixes the members chosen so far, keeps those numbered before the last of them,
    and finds the lowest number the next member can have.
    """
    size = len(found)
    prefix: tuple[int, ...] = ()
    while len(prefix) < size - 1:
        outcome = _within(deadline, _next(cover, need, size, prefix))
        if outcome.leaving is None or not outcome.proven:
            return found  # out of time: still a smallest set, if maybe not the first
        found = outcome.leaving
        prefix += (min(set(found) - set(prefix)),)
    start = prefix[-1] + 1 if prefix else 0
    return prefix + next(
        (member,)
        for member in range(start, len(cover.members))
        if cover.emptied(frozenset((*prefix, member))) >= need
    )


class _Columns(NamedTuple):
    """The variables: objective cost, bounds, and 1 for an integer, 0 for a continuous one."""

    cost: list[float]
    lower: list[float]
    upper: list[float]
    integer: list[int]
    leaving: int  # the first columns are x, one per member


class _Rows:
    """The constraints as a row-wise sparse matrix, built one row at a time."""

    def __init__(self) -> None:
        self.lower: list[float] = []
        self.upper: list[float] = []
        self.start: list[int] = [0]
        self.index: list[int] = []
        self.value: list[float] = []

    def add(self, terms: Sequence[tuple[int, float]], lower: float, upper: float) -> None:
        for column, value in terms:
            self.index.append(column)
            self.value.append(value)
        self.start.append(len(self.index))
        self.lower.append(lower)
        self.upper.append(upper)


_INF = float("inf")


def _constraints(cover: _Cover, need: int, sizes: tuple[int, int]) -> _Rows:
    """A group is emptied only if all its members leave (u_g <= x_m); emptied groups weigh
    at least `need`; between `sizes[0]` and `sizes[1]` members leave."""
    count = len(cover.members)
    rows = _Rows()
    for group, holders in enumerate(cover.groups, start=count):
        for member in holders:
            rows.add([(group, 1.0), (member, -1.0)], -_INF, 0.0)
    emptied = [(count + group, float(weight)) for group, weight in enumerate(cover.weights)]
    rows.add(emptied, need, _INF)
    rows.add([(member, 1.0) for member in range(count)], sizes[0], sizes[1])
    return rows


def _fewest(cover: _Cover, need: int, most: int) -> tuple[_Columns, _Rows]:
    """x: who leaves (binary), u: which groups are emptied; the fewest who empty enough."""
    count, groups = len(cover.members), len(cover.groups)
    columns = _Columns(
        cost=[1.0] * count + [0.0] * groups,
        lower=[0.0] * (count + groups),
        upper=[1.0] * (count + groups),
        integer=[1] * count + [0] * groups,
        leaving=count,
    )
    return columns, _constraints(cover, need, (1, most))


def _next(cover: _Cover, need: int, size: int, prefix: tuple[int, ...]) -> tuple[_Columns, _Rows]:
    """`size` members leave, `prefix` among them and none of those numbered before its last.

    y picks one leaving member after the prefix (y_m <= x_m, sum y = 1); minimising its number
    makes it the lowest number that the next member can have.
    """
    count, groups = len(cover.members), len(cover.groups)
    rows = _constraints(cover, need, (size, size))
    after = range(prefix[-1] + 1 if prefix else 0, count)
    first_y = count + groups
    for column, member in enumerate(after, start=first_y):
        rows.add([(column, 1.0), (member, -1.0)], -_INF, 0.0)
    rows.add([(column, 1.0) for column in range(first_y, first_y + len(after))], 1.0, 1.0)
    fixed = set(prefix)
    columns = _Columns(
        cost=[0.0] * (count + groups) + [float(member) for member in after],
        lower=[1.0 if m in fixed else 0.0 for m in range(count)] + [0.0] * (groups + len(after)),
        upper=[1.0 if m in fixed or m in after else 0.0 for m in range(count)]
        + [1.0] * (groups + len(after)),
        integer=[1] * count + [0] * (groups + len(after)),
        leaving=count,
    )
    return columns, rows


class _Outcome(NamedTuple):
    """What one run found: the members of its best set, if any, and whether it is proven best."""

    leaving: tuple[int, ...] | None
    proven: bool


def _within(deadline: float, program: tuple[_Columns, _Rows]) -> _Outcome:
    seconds = deadline - time.monotonic()
    if seconds <= 0:
        return _Outcome(None, False)
    return _run(*program, seconds)


def _highs(seconds: float) -> _Highs:
    # The plain binding, not `highspy.Highs`: that one sets up callbacks as it is made, which
    # prints HiGHS's banner on standard output before logging can be turned off.
    from highspy._core import _Highs

    highs = _Highs()
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("time_limit", seconds)
    # The objective is a whole number: a gap below 1 proves the best.
    highs.setOptionValue("mip_rel_gap", 0.0)
    highs.setOptionValue("mip_abs_gap", 0.5)
    return highs


def _run(columns: _Columns, rows: _Rows, seconds: float) -> _Outcome:
    from highspy import HighsModelStatus, MatrixFormat, ObjSense, kSolutionStatusFeasible

    highs = _highs(seconds)
    highs.passModel(
        len(columns.cost),
        len(rows.lower),
        len(rows.index),
        int(MatrixFormat.kRowwise),
        int(ObjSense.kMinimize),
        0.0,
        columns.cost,
        columns.lower,
        columns.upper,
        rows.lower,
        rows.upper,
        rows.start,
        rows.index,
        rows.value,
        columns.integer,
    )
    highs.run()
    status = highs.getModelStatus()
    if status == HighsModelStatus.kInfeasible:
        return _Outcome(None, True)
    if status not in (HighsModelStatus.kOptimal, HighsModelStatus.kTimeLimit):
        raise RuntimeError(f"HiGHS stopped with {highs.modelStatusToString(status)}")
    if highs.getInfo().primal_solution_status != int(kSolutionStatusFeasible):
        return _Outcome(None, False)
    values = highs.getSolution().col_value
    leaving = tuple(m for m in range(columns.leaving) if values[m] > 0.5)
    return _Outcome(leaving, status == HighsModelStatus.kOptimal)
