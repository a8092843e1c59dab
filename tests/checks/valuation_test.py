"""Valuing contribution: a pot shared in proportion to points, exactly, to the cent."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from collectif.checks import valuation

CENT = Decimal("0.01")
MEMBERS = st.sampled_from(["ana", "bo", "cy", "dee", "eli", "fay", "gus"])
POINTS = st.dictionaries(
    MEMBERS,
    st.decimals(min_value=0, max_value=1000, places=3, allow_nan=False, allow_infinity=False),
    min_size=1,
)
POTS = st.decimals(min_value=Decimal("0.01"), max_value=100_000, places=2)
CAPS = st.none() | st.decimals(min_value=Decimal("0.05"), max_value=1, places=2)


def _shared(pot: Decimal, points: dict[str, Decimal], cap: Decimal | None) -> valuation.Split:
    found = valuation.split(pot, points, cap)
    assert found is not None
    return found


@given(POTS, POINTS.filter(lambda p: any(v > 0 for v in p.values())), CAPS)
def test_the_amounts_add_up_to_the_pot_and_are_never_negative(
    pot: Decimal, points: dict[str, Decimal], cap: Decimal | None
) -> None:
    shared = _shared(pot, points, cap)
    assert all(
        amount >= 0 and amount == amount.quantize(CENT) for amount in shared.amounts.values()
    )
    if len(shared.capped) < sum(1 for v in points.values() if v > 0):
        assert sum(shared.amounts.values()) == pot
    else:  # everyone is capped: the rest stays in the fund
        assert sum(shared.amounts.values()) <= pot


@given(POTS, POINTS.filter(lambda p: any(v > 0 for v in p.values())), CAPS)
def test_each_amount_is_its_exact_share_within_a_cent(
    pot: Decimal, points: dict[str, Decimal], cap: Decimal | None
) -> None:
    shared = _shared(pot, points, cap)
    for member, amount in shared.amounts.items():
        exact = shared.exact.get(member, Fraction(0))
        assert abs(Fraction(amount) - exact) < Fraction(1, 100)


@given(POTS, POINTS.filter(lambda p: sum(1 for v in p.values() if v > 0) >= 3), CAPS)
def test_a_feasible_cap_is_respected(
    pot: Decimal, points: dict[str, Decimal], cap: Decimal | None
) -> None:
    shared = _shared(pot, points, cap)
    if cap is None:
        return
    ceiling = Fraction(cap) * Fraction(pot)
    for member, exact in shared.exact.items():
        assert exact <= ceiling
        assert Fraction(shared.amounts[member]) < ceiling + Fraction(1, 100)


@given(POTS, POINTS.filter(lambda p: any(v > 0 for v in p.values())), CAPS)
def test_more_points_never_get_less(
    pot: Decimal, points: dict[str, Decimal], cap: Decimal | None
) -> None:
    shared = _shared(pot, points, cap)
    for one in points:
        for other in points:
            if points[one] > points[other]:
                assert shared.amounts[one] >= shared.amounts[other]


def test_nobody_with_points_cannot_be_shared() -> None:
    assert valuation.split(Decimal(100), {"ana": Decimal(0)}, None) is None
    assert valuation.split(Decimal(100), {}, None) is None


def test_the_leftover_cents_go_to_the_largest_remainders_then_by_id() -> None:
    shared = _shared(Decimal(100), {"bo": Decimal(1), "ana": Decimal(1), "cy": Decimal(1)}, None)
    assert shared.amounts == {
        "ana": Decimal("33.34"),
        "bo": Decimal("33.33"),
        "cy": Decimal("33.33"),
    }
    shared = _shared(Decimal("10.00"), {"ana": Decimal(1), "bo": Decimal(2)}, None)
    assert shared.amounts == {"ana": Decimal("3.33"), "bo": Decimal("6.67")}


def test_a_cap_re_shares_the_rest_among_the_others() -> None:
    shared = _shared(
        Decimal(100), {"ana": Decimal(50), "bo": Decimal(30), "cy": Decimal(20)}, Decimal("0.4")
    )
    assert shared.amounts == {"ana": Decimal(40), "bo": Decimal(36), "cy": Decimal(24)}
    assert shared.capped == {"ana"}


def test_when_everyone_is_capped_the_rest_stays_in_the_fund() -> None:
    shared = _shared(Decimal(100), {"ana": Decimal(1), "bo": Decimal(3)}, Decimal("0.3"))
    assert shared.amounts == {"ana": Decimal(30), "bo": Decimal(30)}


# balanced: SourceCred's BALANCED policy, the anchor of the formula ---------------------------


def test_balanced_catches_up_on_earlier_payouts() -> None:
    lifetime = {"ana": Fraction(50), "bo": Fraction(30), "cy": Fraction(20)}
    paid = {"ana": Fraction(60), "bo": Fraction(20), "cy": Fraction(20)}
    needs = valuation.balanced_points(lifetime, paid, Fraction(100))
    assert needs == {"ana": 40, "bo": 40, "cy": 20}
    points = {member: valuation.recorded(value) for member, value in needs.items()}
    shared = _shared(Decimal(100), points, None)
    assert shared.amounts == {"ana": Decimal(40), "bo": Decimal(40), "cy": Decimal(20)}


def test_balanced_without_earlier_payouts_is_weighted() -> None:
    lifetime = {"ana": Fraction(3), "bo": Fraction(1)}
    assert valuation.balanced_points(lifetime, {}, Fraction(100)) == {"ana": 75, "bo": 25}


@given(
    st.dictionaries(MEMBERS, st.integers(min_value=0, max_value=500), min_size=1).filter(
        lambda d: sum(d.values()) > 0
    ),
    st.dictionaries(MEMBERS, st.integers(min_value=0, max_value=5000)),
    st.integers(min_value=1, max_value=10_000),
)
def test_balanced_never_pays_whom_earlier_payouts_already_exceed_their_target(
    lifetime: dict[str, int], paid: dict[str, int], pot: int
) -> None:
    needs = valuation.balanced_points(
        {m: Fraction(v) for m, v in lifetime.items()},
        {m: Fraction(v) for m, v in paid.items()},
        Fraction(pot),
    )
    total_points, total_paid = sum(lifetime.values()), sum(paid.values())
    for member, need in needs.items():
        target = Fraction(total_paid + pot) * lifetime.get(member, 0) / total_points
        assert need >= 0
        if paid.get(member, 0) >= target:
            assert need == 0
    points = {m: valuation.recorded(v) for m, v in needs.items()}
    if any(p > 0 for p in points.values()):
        shared = _shared(Decimal(pot), points, None)
        for member, amount in shared.amounts.items():
            if needs[member] == 0:
                assert amount == 0


def test_points_are_recorded_half_up_to_six_decimals() -> None:
    assert valuation.recorded(Fraction(1, 3)) == Decimal("0.333333")
    assert valuation.recorded(Fraction(2, 3)) == Decimal("0.666667")
    assert valuation.recorded(Fraction(1, 2_000_000)) == Decimal("0.000001")
    assert valuation.recorded(Fraction(42)) == Decimal("42.000000")
