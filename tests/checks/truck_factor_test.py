"""`truck-factor`: the fewest members whose departure would uncover most active roles."""

from __future__ import annotations

import random
import subprocess
import sys
import time
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from collectif.checks import departure, truck_factor
from collectif.checks.base import Context
from collectif.checks.departure import STEPS, Departure, Undecided, smallest_departure
from collectif.i18n import render
from collectif.model.collective import Collective
from collectif.model.files import CollectiveFile, Holding, Member, Role
from collectif.model.rules import validate
from tests.helpers import CONFIG, Seen, check_json, collective, findings, member, rated, run_check

AS_OF = "2026-11-01"
NAME = "truck-factor"
WITH_MIN = CONFIG + "  truck_factor_min: 3\n"
PEOPLE = ("camille", "leo", "sam", "zoe")
ROOT = Path(__file__).resolve().parents[2]


def role(title: str, *holders: str, extra: str = "") -> str:
    lines = [f"title: {title}", "kind: support", "holders:" if holders else "holders: []"]
    lines += [f"  - {{member: {h}, since: 2025-01-01}}" for h in holders]
    return "\n".join(lines) + "\n" + extra


def files(**roles: str) -> dict[str, str]:
    people = {f"members/{m}.yaml": member(m.capitalize()) for m in PEOPLE}
    return {**people, **{f"roles/{role_id}.yaml": text for role_id, text in roles.items()}}


def found(root: Path, as_of: str = AS_OF) -> list[Seen]:
    return rated(root, as_of, NAME)


def details(root: Path, as_of: str) -> list[dict[str, Any]]:
    """The details of each finding of the check as of that day."""
    return [f.details for f in findings(root, as_of, only=NAME) if f.details]


CONCENTRATED = files(
    compta=role("Comptabilité", "camille", "leo"),
    com=role("Communication", "leo", "camille"),
    formations=role("Formations", "camille", "leo"),
    liaison=role("Liaison", "sam", "zoe"),
)


def test_roles_spread_over_pairs(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        files(
            compta=role("Comptabilité", "camille", "leo"),
            com=role("Communication", "sam", "zoe"),
            liaison=role("Liaison", "camille", "zoe"),
        ),
        config=WITH_MIN,
    )
    assert found(root) == []


def test_two_members_carry_most_roles(tmp_path: Path) -> None:
    root = collective(tmp_path, CONCENTRATED, config=WITH_MIN)
    assert found(root) == [
        (
            NAME,
            "collective",
            "collectif.yaml",
            6,
            "warning",
            "if camille and leo left together, the active roles left without a holder would be "
            "3 of 4, more than half: the collective's truck factor is 2, below the charter's "
            "minimum of 3. Bring other members into these roles, as holders or first as "
            "trainees, so that the collective does not rest on so few people",
        )
    ]


def test_details_and_first_line_when_the_minimum_is_not_written(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        files(
            compta=role("Comptabilité", "camille", "leo"),
            com=role("Communication", "leo", "camille"),
            liaison=role("Liaison", "camille"),
            formations=role("Formations", "sam", "zoe"),
        ),
    )
    (finding,) = findings(root, AS_OF, only=NAME)
    assert (finding.file, finding.line) == ("collectif.yaml", 1)
    assert finding.details == {
        "members": ["camille", "leo"],
        "truck_factor": 2,
        "exact": True,
        "truck_factor_min": 3,
        "uncovered_roles": ["com", "compta", "liaison"],
        "active_roles": 4,
    }


def test_one_member_alone(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        files(
            compta=role("Comptabilité", "camille"),
            com=role("Communication", "camille", "leo"),
            liaison=role("Liaison", "camille"),
        ),
        config=WITH_MIN,
    )
    (row,) = found(root)
    assert row[5].startswith(
        "if camille left, the active roles left without a holder would be 2 of 3, more than "
        "half: the collective's truck factor is 1, below the charter's minimum of 3."
    )


def test_most_roles_already_without_holder(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        files(
            compta=role("Comptabilité"),
            com=role("Communication"),
            liaison=role("Liaison", "sam", "zoe"),
        ),
        config=WITH_MIN,
    )
    assert [row[5] for row in found(root)] == [
        "the active roles without an active holder are already 2 of 3, more than half: the "
        "collective's truck factor is 0, below the charter's minimum of 3. Members should join "
        "these roles (`collectif role join ROLE`)"
    ]


def test_first_group_in_alphabetical_order(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        files(
            a=role("A", "zoe"),
            b=role("B", "zoe"),
            c=role("C", "sam"),
            d=role("D", "leo"),
            e=role("E", "camille", "leo"),
        ),
        config=WITH_MIN,
    )
    (finding,) = findings(root, AS_OF, only=NAME)
    # {leo, zoe} and {sam, zoe} uncover three roles each; {camille, ...} pairs fewer
    assert finding.details is not None
    assert finding.details["members"] == ["leo", "zoe"]


def test_trainees_are_not_holders(tmp_path: Path) -> None:
    training = "trainees:\n  - {member: sam, since: 2026-01-01}\n"
    root = collective(
        tmp_path,
        files(
            compta=role("Comptabilité", "camille", extra=training),
            com=role("Communication", "camille", extra=training),
            liaison=role("Liaison", "sam", "zoe"),
        ),
        config=WITH_MIN,
    )
    assert [d["members"] for d in details(root, AS_OF)] == [["camille"]]


def test_member_who_left_no_longer_holds(tmp_path: Path) -> None:
    """leo left mid-year while still listed as a holder: from then on camille alone is left."""
    people = files(
        compta=role("Comptabilité", "camille", "leo"),
        com=role("Communication", "camille", "leo"),
        liaison=role("Liaison", "sam", "zoe"),
    )
    people["members/leo.yaml"] = member("Leo", left="2026-06-15")
    root = collective(tmp_path, people, config=WITH_MIN)
    assert [d["members"] for d in details(root, "2026-06-14")] == [["camille", "leo"]]
    assert [d["members"] for d in details(root, "2026-06-15")] == [["camille"]]


def test_member_who_joined_mid_period(tmp_path: Path) -> None:
    """zoe joins on 2026-10-01: before, sam alone held two of the three roles."""
    people = files(
        compta=role("Comptabilité", "camille", "leo"),
        com=role("Communication", "sam", "zoe"),
        liaison=role("Liaison", "sam", "zoe"),
    )
    people["members/zoe.yaml"] = member("Zoe", joined="2026-10-01")
    root = collective(tmp_path, people, config=WITH_MIN)
    before = details(root, "2026-09-30")
    assert [(d["members"], d["uncovered_roles"]) for d in before] == [(["sam"], ["com", "liaison"])]
    after = details(root, "2026-10-01")
    assert [(d["members"], d["uncovered_roles"]) for d in after] == [
        (["sam", "zoe"], ["com", "liaison"])
    ]


def test_retired_role_is_ignored(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        files(
            compta=role("Comptabilité", "camille", "leo"),
            com=role("Communication", "sam", "zoe"),
            ancien=role("Ancien", "camille", extra="active: false\n"),
            vieux=role("Vieux", extra="active: false\n"),
        ),
        config=WITH_MIN,
    )
    assert found(root) == []


def test_no_active_role_no_finding(tmp_path: Path) -> None:
    root = collective(tmp_path, files(ancien=role("Ancien", extra="active: false\n")))
    assert found(root) == []


def test_minimum_setting(tmp_path: Path) -> None:
    two = collective(tmp_path / "two", CONCENTRATED, config=CONFIG + "  truck_factor_min: 2\n")
    assert found(two) == []
    zero = collective(
        tmp_path / "zero",
        files(compta=role("Comptabilité")),
        config=CONFIG + "  truck_factor_min: 0\n",
    )
    assert found(zero) == []


def test_severity_override(tmp_path: Path) -> None:
    error = collective(
        tmp_path / "e", CONCENTRATED, config=WITH_MIN + "checks: {truck-factor: error}\n"
    )
    assert [row[4] for row in found(error)] == ["error"]
    off = collective(
        tmp_path / "o", CONCENTRATED, config=WITH_MIN + "checks: {truck-factor: off}\n"
    )
    assert found(off) == []


def test_french(tmp_path: Path) -> None:
    root = collective(tmp_path, CONCENTRATED, config=WITH_MIN)
    (finding,) = findings(root, AS_OF, only=NAME)
    assert render(finding.message, "fr") == (
        "si camille et leo partaient ensemble, la part des rôles actifs laissés sans titulaire "
        "serait de 3 sur 4, plus de la moitié\u00a0: le facteur bus du collectif est de 2, sous le "
        "minimum de 3 fixé par la charte. Faites entrer d'autres membres dans ces rôles, comme "
        "titulaires ou d'abord en formation, pour que le collectif ne repose pas sur si peu de "
        "personnes"
    )
    done = run_check(root, AS_OF, "--only", NAME, "--lang", "fr")
    assert done.returncode == 0
    assert "facteur bus du collectif est de 2" in done.stdout


def test_cli_end_to_end(tmp_path: Path) -> None:
    root = collective(tmp_path, CONCENTRATED, config=WITH_MIN)
    code, document = check_json(root, "--as-of", AS_OF, "--only", NAME)
    assert code == 0
    (finding,) = document["findings"]
    assert {k: finding[k] for k in ("check", "severity", "subject", "file", "line")} == {
        "check": NAME,
        "severity": "warning",
        "subject": "collective",
        "file": "collectif.yaml",
        "line": 6,
    }
    assert finding["details"]["members"] == ["camille", "leo"]


# exactness against brute force ----------------------------------------------------------------

DAY = date(2026, 11, 1)
IDS = ("a", "b", "c", "d", "e", "f", "g")
OLD, EVE, TODAY, NEXT = date(2020, 1, 1), date(2026, 10, 31), DAY, date(2026, 11, 2)
# mostly active members and current holdings, with every boundary of the as-of date
JOINED = st.sampled_from([OLD, OLD, OLD, OLD, TODAY, NEXT])
LEFT = st.sampled_from([None, None, None, None, TODAY, NEXT])
SINCE = st.sampled_from([OLD, OLD, OLD, TODAY, NEXT])
UNTIL = st.sampled_from([None, None, None, EVE, TODAY])


@st.composite
def collectives(draw: Any) -> tuple[Collective, int]:
    ids = IDS[: draw(st.integers(1, len(IDS)))]
    members = {
        member_id: Member(
            name=member_id, email=f"{member_id}@x.org", joined=draw(JOINED), left=draw(LEFT)
        )
        for member_id in ids
    }
    holding = st.builds(Holding, member=st.sampled_from(ids), since=SINCE, until=UNTIL)
    roles = {
        f"r{index}": Role(
            title=f"R{index}",
            kind="support",
            holders=draw(st.lists(holding, min_size=1, max_size=5)),
            trainees=draw(st.lists(holding, max_size=1)),
            active=draw(st.booleans()),
        )
        for index in range(draw(st.integers(0, 6)))
    }
    minimum = draw(st.integers(0, 5))
    config = validate(CollectiveFile, {"name": "x", "charter": {"truck_factor_min": minimum}})
    return Collective(config=config, members=members, roles=roles), minimum


def brute_force(data: Collective, minimum: int) -> tuple[str, ...] | None:
    """The first smallest set of active members, fewer than `minimum`, uncovering most roles."""
    active = sorted(
        m for m, x in data.members.items() if x.joined <= DAY and (x.left is None or x.left > DAY)
    )
    holders = [
        {
            h.member
            for h in r.holders
            if h.member in active and h.since <= DAY and (h.until is None or h.until >= DAY)
        }
        for r in data.roles.values()
        if r.active
    ]
    if not holders:
        return None
    for size in range(minimum):
        for group in combinations(active, size):
            if 2 * sum(1 for h in holders if h <= set(group)) > len(holders):
                return group
    return None


@given(collectives())
def test_exact_against_brute_force(case: tuple[Collective, int]) -> None:
    data, minimum = case
    expected = brute_force(data, minimum)
    result = list(truck_factor.check(data, Context(as_of=DAY)))
    if expected is None:
        assert result == []
        return
    (finding,) = result
    assert finding.details is not None
    assert tuple(finding.details["members"]) == expected
    assert finding.details["exact"] is True
    assert 2 * len(finding.details["uncovered_roles"]) > finding.details["active_roles"]


@given(collectives())
def test_exact_through_the_solver_against_brute_force(case: tuple[Collective, int]) -> None:
    """The same collectives, with the search given no steps so that HiGHS answers."""
    data, minimum = case
    expected = brute_force(data, minimum)
    result = list(truck_factor.check_within(data, Context(as_of=DAY), steps=0))
    assert [tuple(f.details["members"]) for f in result if f.details] == (
        [] if expected is None else [expected]
    )
    assert all(f.details and f.details["exact"] for f in result)


def first_smallest(groups: list[frozenset[str]], need: int, below: int) -> tuple[str, ...] | None:
    """By brute force: the first set of fewer than `below` members holding `need` groups."""
    members = sorted(frozenset().union(*groups))
    for size in range(below):
        for chosen in combinations(members, size):
            if sum(1 for g in groups if g <= set(chosen)) >= need:
                return chosen
    return None


def random_groups(rng: random.Random) -> tuple[list[frozenset[str]], int, int]:
    """Up to 9 members and 12 roles, with repeated groups and many ties."""
    members = [f"m{i}" for i in range(rng.randint(1, 9))]
    groups = [
        frozenset(rng.sample(members, rng.randint(1, min(3, len(members)))))
        for _ in range(rng.randint(1, 12))
    ]
    return groups, rng.randint(1, len(groups)), rng.randint(1, 8)


def test_search_and_solver_agree_with_brute_force() -> None:
    """The search alone, the solver alone, and the solver taking over part way."""
    rng = random.Random(15)
    for _ in range(120):
        groups, need, below = random_groups(rng)
        expected = first_smallest(groups, need, below)
        for steps in (STEPS, 0, rng.randint(1, 40)):
            answer = smallest_departure(groups, need, below, steps=steps)
            assert answer == (None if expected is None else Departure(expected)), (
                groups,
                need,
                below,
                steps,
            )


# a large organisation: 700 people, 300 roles ------------------------------------------------

CLIQUE = 18  # C(17, 2) = 136 pairs < 151 <= C(18, 2) = 153
PEOPLE_700 = tuple(f"p{i:03d}" for i in range(700))


def organisation(seed: int = 5) -> tuple[list[frozenset[str]], tuple[str, ...]]:
    """153 roles held by the pairs of 18 core members, 97 by other pairs, 50 by 20 to 40 people.

    The roles small enough to be emptied are held by distinct pairs, so s members empty at most
    C(s, 2) of them: with 151 needed (of 300), the truck factor is 18, and the core is the only
    such group (any other 18 members hold at most 136 of the pairs).
    """
    rng = random.Random(seed)
    core = tuple(sorted(rng.sample(PEOPLE_700, CLIQUE)))
    pairs = {frozenset(pair) for pair in combinations(core, 2)}
    others = [person for person in PEOPLE_700 if person not in core]
    while len(pairs) < 250:
        pairs.add(frozenset(rng.sample(others, 2)))
    crowds = [frozenset(rng.sample(PEOPLE_700, rng.randint(20, 40))) for _ in range(50)]
    return sorted(pairs, key=sorted) + crowds, core


def as_collective(groups: list[frozenset[str]], minimum: int) -> Collective:
    joined = date(2020, 1, 1)
    members = {p: Member(name=p, email=f"{p}@x.org", joined=joined) for p in PEOPLE_700}
    roles = {
        f"r{index:03d}": Role(
            title=f"R{index}",
            kind="support",
            holders=[Holding(member=p, since=joined) for p in sorted(group)],
        )
        for index, group in enumerate(groups)
    }
    config = validate(CollectiveFile, {"name": "x", "charter": {"truck_factor_min": minimum}})
    return Collective(config=config, members=members, roles=roles)


def test_organisation_of_700_people_and_300_roles(capfd: pytest.CaptureFixture[str]) -> None:
    groups, core = organisation()
    data = as_collective(groups, minimum=20)
    assert len(data.members) == 700 and len(data.roles) == 300
    started = time.perf_counter()
    (finding,) = truck_factor.check(data, Context(as_of=DAY))
    elapsed = time.perf_counter() - started
    assert finding.details is not None
    assert (finding.details["members"], finding.details["exact"]) == (list(core), True)
    assert len(finding.details["uncovered_roles"]) == 153
    assert list(truck_factor.check(data, Context(as_of=DAY))) == [finding]
    # about half a second on 2 shared cores; the bound only catches a search gone astray
    assert elapsed < 10
    # none smaller than 18: with a minimum of 18 there is nothing to report
    assert list(truck_factor.check(as_collective(groups, minimum=18), Context(as_of=DAY))) == []
    # the solver prints nothing (it would break `--format json` on standard output)
    assert capfd.readouterr() == ("", "")


def test_organisation_needs_the_solver() -> None:
    """Without time for the solver, the search alone cannot settle it: the answer is undecided."""
    groups, _ = organisation()
    answer = smallest_departure(groups, 151, 20, time_limit=0)
    assert answer == Undecided(0)


# undecided and upper bounds -------------------------------------------------------------------


def test_undecided_is_a_finding_not_silence() -> None:
    groups, _ = organisation()
    data = as_collective(groups, minimum=20)
    (finding,) = truck_factor.check_within(data, Context(as_of=DAY), steps=0, time_limit=0)
    assert (finding.check, finding.subject, finding.key) == (
        NAME,
        "collective",
        "truck-factor-undecided",
    )
    assert finding.details == {
        "members": [],
        "truck_factor": None,
        "exact": False,
        "undecided": True,
        "time_limit": 0,
        "truck_factor_min": 20,
        "uncovered_roles": [],
        "active_roles": 300,
    }
    assert render(finding.message, "en") == (
        "the collective's truck factor could not be decided within 0 s: no group of fewer than "
        "20 members was found whose departure would leave more than half of the 300 active "
        "roles without a holder, but none could be ruled out either. Run the check again on a "
        "less busy machine; if it stays undecided, this is a bug in collectif: please report it "
        "with this message"
    )
    assert render(finding.message, "fr") == (
        "le facteur bus du collectif n'a pas pu être déterminé en 0\u00a0s\u00a0: aucun groupe de "
        "moins de 20 membres dont le départ laisserait plus de la moitié des 300 rôles actifs sans "
        "titulaire n'a été trouvé, mais aucun n'a pu être exclu non plus. Relancez la "
        "vérification sur une machine moins chargée\u202f; s'il reste indéterminé, c'est un bogue "
        "de collectif\u00a0: merci de le signaler avec ce message"
    )


def test_solver_out_of_time_is_undecided() -> None:
    """HiGHS's own time limit: half a millisecond finds nothing here, and proves nothing."""
    groups, core = organisation()
    cover = departure._cover([group for group in groups if len(group) < 20])
    program = departure._fewest(cover, 151, 19)
    assert departure._run(*program, 0.0005) == (None, False)
    assert departure._run(*program, 60) == (tuple(map(cover.members.index, core)), True)


def test_out_of_time_with_a_set_in_hand_is_an_upper_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    """When time runs out after a small enough set was found, the problem is still reported."""
    run = departure._run
    monkeypatch.setattr(departure, "_run", lambda *a: run(*a)._replace(proven=False))
    holder_sets = [frozenset({"a", "b"}), frozenset({"b", "c"}), frozenset({"c", "d"})]
    answer = smallest_departure(holder_sets, 2, 4, steps=0)
    assert isinstance(answer, Departure) and not answer.exact
    assert sum(1 for g in holder_sets if g <= set(answer.members)) >= 2
    groups, _ = organisation()
    (finding,) = truck_factor.check_within(as_collective(groups, 20), Context(as_of=DAY), steps=0)
    assert finding.details is not None
    assert finding.details["exact"] is False and finding.key == "truck-factor"
    assert "the collective's truck factor is at most" in render(finding.message, "en")


def test_a_small_collective_does_not_import_the_solver(tmp_path: Path) -> None:
    root = collective(tmp_path, CONCENTRATED, config=WITH_MIN)
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from tests.helpers import findings\n"
        f"assert len(findings(Path({str(root)!r}), {AS_OF!r}, only={NAME!r})) == 1\n"
        "print(sorted(m for m in ('highspy', 'numpy') if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout == "[]\n"
