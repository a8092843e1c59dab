"""`cotraitance`: each member paid the value of their own lines less the charter's deductions."""

from __future__ import annotations

import textwrap
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from collectif.checks import cotraitance
from collectif.checks.base import Context
from collectif.model.collective import Collective
from collectif.model.files import Charter, CollectiveFile, Cotraitance, Deduction, Project
from collectif.model.rules import validate
from tests.helpers import (
    Seen,
    check_json,
    collective,
    config,
    findings,
    in_french,
    member,
    seen,
)

AS_OF = "2026-11-01"
NAME = "cotraitance"

CONFIG = config(
    """\
    cotraitance:
      deductions:
        - {name: fonds collectif, rate: "0.05"}
      tolerance: "0.01"
    """
)

MEMBERS = {f"members/{who}.yaml": member(who) for who in ("ana", "emma", "leo", "sam")}

PROJECT = """\
title: Site MDA
client: Maison des Associations
client_kind: ess
status: done
lines:
  - {member: ana, days: 8, rate: 450}
  - {member: emma, amount: 5400}
payouts:
"""


def site(tmp_path: Path, payouts: str, config: str = CONFIG, project: str = PROJECT) -> Path:
    text = textwrap.dedent(project) + payouts
    return collective(tmp_path, {**MEMBERS, "projects/site-mda.yaml": text}, config=config)


def found(root: Path) -> list[Seen]:
    return seen(root, AS_OF, NAME)


def test_each_member_paid_their_own_share_less_deductions(tmp_path: Path) -> None:
    # 8 x 450 x 0.95 = 3420; 5400 x 0.95 = 5130
    root = site(tmp_path, "  - {member: ana, amount: 3420}\n  - {member: emma, amount: 5130}\n")
    assert found(root) == []


def test_a_margin_on_a_peer_names_who_got_too_much_and_too_little(tmp_path: Path) -> None:
    root = site(tmp_path, "  - {member: ana, amount: 3895}\n  - {member: emma, amount: 4655}\n")
    assert found(root) == [
        (
            NAME,
            "project:site-mda",
            "projects/site-mda.yaml",
            9,
            None,
            "in Site MDA, ana received €475.00 more than the value of their own work (expected "
            "€3,420.00, paid €3,895.00), while emma received €475.00 less: a member may not keep "
            "a margin on a peer's work",
        ),
        (
            NAME,
            "project:site-mda",
            "projects/site-mda.yaml",
            10,
            None,
            "in Site MDA, emma received €475.00 less than the value of their own work (expected "
            "€5,130.00, paid €4,655.00), while ana received €475.00 more: a member may not keep "
            "a margin on a peer's work",
        ),
    ]
    details = [f.details for f in findings(root, AS_OF, only=NAME)]
    assert details == [
        {"member": "ana", "expected": "3420.00", "paid": "3895.00", "excess": "475.00"},
        {"member": "emma", "expected": "5130.00", "paid": "4655.00", "shortfall": "475.00"},
    ]


def test_no_payout_recorded_yet_is_no_finding(tmp_path: Path) -> None:
    root = site(tmp_path, "  []\n")
    assert found(root) == []


def test_payouts_for_only_some_members_point_at_payouts(tmp_path: Path) -> None:
    root = site(tmp_path, "  - {member: ana, amount: 3420}\n")
    assert found(root) == [
        (
            NAME,
            "project:site-mda",
            "projects/site-mda.yaml",
            8,
            None,
            "in Site MDA, emma has no payout, although their own work is worth €5,130.00 after "
            "the deductions: pay each member the value of their own lines less the charter's "
            "deductions, and nothing to a member without a line",
        )
    ]
    assert findings(root, AS_OF, only=NAME)[0].details == {
        "member": "emma",
        "expected": "5130.00",
        "paid": "0.00",
        "shortfall": "5130.00",
    }


def test_a_payout_to_a_member_without_a_line(tmp_path: Path) -> None:
    root = site(
        tmp_path,
        "  - {member: ana, amount: 3420}\n"
        "  - {member: emma, amount: 4630}\n"
        "  - {member: sam, amount: 500}\n",
    )
    messages = [(line, message) for _, _, _, line, _, message in found(root)]
    assert messages == [
        (
            10,
            "in Site MDA, emma received €500.00 less than the value of their own work (expected "
            "€5,130.00, paid €4,630.00), while sam received €500.00 more: a member may not keep "
            "a margin on a peer's work",
        ),
        (
            11,
            "in Site MDA, sam was paid €500.00 but has no line in the quote, while emma received "
            "€500.00 less: a member may not keep a margin on a peer's work",
        ),
    ]


def test_several_payouts_of_one_member_add_up(tmp_path: Path) -> None:
    root = site(
        tmp_path,
        "  - {member: ana, amount: 1420}\n"
        "  - {member: emma, amount: 5130}\n"
        "  - {member: ana, amount: 2000}\n",
    )
    assert found(root) == []


def test_several_counterparts_are_listed(tmp_path: Path) -> None:
    project = PROJECT.replace("payouts:", "  - {member: leo, amount: 1000}\npayouts:")
    paid = (
        "  - {member: ana, amount: 3895}\n"
        "  - {member: emma, amount: 4930}\n"
        "  - {member: leo, amount: 675}\n"
        "  - {member: sam, amount: 300}\n"
    )
    # due: ana 3420 (paid +475), emma 5130 (-200), leo 950 (-275); sam has no line (+300)
    messages = [message for *_, message in found(site(tmp_path, paid, project=project))]
    assert messages[0] == (
        "in Site MDA, ana received €475.00 more than the value of their own work (expected "
        "€3,420.00, paid €3,895.00), while emma received €200.00 less and leo received €275.00 "
        "less: a member may not keep a margin on a peer's work"
    )
    assert messages[1] == (
        "in Site MDA, emma received €200.00 less than the value of their own work (expected "
        "€5,130.00, paid €4,930.00), while ana received €475.00 more and sam received €300.00 "
        "more: a member may not keep a margin on a peer's work"
    )
    assert len(messages) == 4


def test_three_counterparts_read_as_a_list(tmp_path: Path) -> None:
    project = PROJECT.replace(
        "payouts:", "  - {member: leo, amount: 100}\n  - {member: sam, amount: 100}\npayouts:"
    )
    paid = (
        "  - {member: ana, amount: 3450}\n"
        "  - {member: emma, amount: 5120}\n"
        "  - {member: leo, amount: 85}\n"
        "  - {member: sam, amount: 90}\n"
    )
    messages = [message for *_, message in found(site(tmp_path, paid, project=project))]
    assert messages[0] == (
        "in Site MDA, ana received €30.00 more than the value of their own work (expected "
        "€3,420.00, paid €3,450.00), while emma received €10.00 less, leo received €10.00 less "
        "and sam received €5.00 less: a member may not keep a margin on a peer's work"
    )


def test_deductions_leaving_half_cents_round_half_up(tmp_path: Path) -> None:
    project = """\
    title: Atelier
    client: Big Corp
    client_kind: big_account
    status: done
    lines:
      - {member: ana, amount: 10.30}
      - {member: emma, days: 2.5, rate: 401.30}
    payouts:
    """
    config = CONFIG.replace('tolerance: "0.01"', 'tolerance: "0"')
    # 10.30 x 0.95 = 9.785 -> 9.79 (half-even would give 9.78); 1003.25 x 0.95 = 953.0875 -> 953.09
    paid = "  - {member: ana, amount: 9.79}\n  - {member: emma, amount: 953.09}\n"
    assert found(site(tmp_path / "up", paid, config, project)) == []
    paid = "  - {member: ana, amount: 9.78}\n  - {member: emma, amount: 953.09}\n"
    assert [f[5] for f in found(site(tmp_path / "even", paid, config, project))] == [
        "in Atelier, ana received €0.01 less than the value of their own work (expected €9.79, "
        "paid €9.78): pay each member the value of their own lines less the charter's "
        "deductions, and nothing to a member without a line"
    ]


def test_tolerance_is_inclusive(tmp_path: Path) -> None:
    within = "  - {member: ana, amount: 3420.01}\n  - {member: emma, amount: 5129.99}\n"
    assert found(site(tmp_path / "within", within)) == []
    beyond = "  - {member: ana, amount: 3420.02}\n  - {member: emma, amount: 5130}\n"
    assert len(found(site(tmp_path / "beyond", beyond))) == 1


def test_tenths_adding_up_exactly_make_no_finding(tmp_path: Path) -> None:
    project = """\
    title: Petit
    client: Asso
    client_kind: ess
    status: done
    lines:
      - {member: ana, amount: 0.1}
      - {member: ana, amount: 0.2}
    payouts:
      - {member: ana, amount: 0.3}
    """
    config = CONFIG.replace('    deductions:\n      - {name: fonds collectif, rate: "0.05"}\n', "")
    config = config.replace('tolerance: "0.01"', 'tolerance: "0"')
    assert found(site(tmp_path, "", config, project)) == []


def test_through_the_cli(tmp_path: Path) -> None:
    root = site(tmp_path, "  - {member: ana, amount: 3895}\n  - {member: emma, amount: 4655}\n")
    code, document = check_json(root, "--as-of", AS_OF, "--only", NAME)
    assert code == 1
    assert [
        (f["subject"], f["line"], f["severity"], f["details"]) for f in document["findings"]
    ] == [
        (
            "project:site-mda",
            9,
            "error",
            {"member": "ana", "expected": "3420.00", "paid": "3895.00", "excess": "475.00"},
        ),
        (
            "project:site-mda",
            10,
            "error",
            {"member": "emma", "expected": "5130.00", "paid": "4655.00", "shortfall": "475.00"},
        ),
    ]


def test_in_french_money_reads_the_french_way(tmp_path: Path) -> None:
    root = site(tmp_path, "  - {member: ana, amount: 3895}\n  - {member: emma, amount: 4655}\n")
    code, text = in_french(root, AS_OF, NAME)
    assert code == 1
    assert "sur le projet Site MDA, ana a reçu 475,00\u00a0€ de plus" in text
    assert "(attendu 3\u202f420,00\u00a0€, versé 3\u202f895,00\u00a0€)" in text
    assert "et emma a reçu 475,00\u00a0€ de moins" in text


# property: no finding exactly when every payout is within tolerance of what is due ----------

CENTS = st.integers(min_value=0, max_value=10_000_000).map(lambda n: Decimal(n).scaleb(-2))


def _collective(rate: Decimal, tolerance: Decimal, project: Project) -> Collective:
    rules = Cotraitance(deductions=[Deduction(name="fonds", rate=rate)], tolerance=tolerance)
    config = CollectiveFile(name="Test", charter=Charter(cotraitance=rules))
    return Collective(config=config, projects={"p": project})


@given(
    values=st.lists(CENTS, min_size=1, max_size=5),
    gaps=st.lists(st.integers(min_value=-300, max_value=300), min_size=5, max_size=5),
    rate=st.integers(min_value=0, max_value=300).map(lambda n: Decimal(n).scaleb(-3)),
    tolerance=st.integers(min_value=0, max_value=200).map(lambda n: Decimal(n).scaleb(-2)),
)
def test_no_finding_exactly_when_every_payout_is_within_tolerance(
    values: list[Decimal], gaps: list[int], rate: Decimal, tolerance: Decimal
) -> None:
    members = [f"m{index}" for index in range(len(values))]
    expected = [(v * (1 - rate)).quantize(Decimal("0.01"), ROUND_HALF_UP) for v in values]
    paid = [
        max(due + Decimal(gap).scaleb(-2), Decimal(0))
        for due, gap in zip(expected, gaps[: len(expected)], strict=True)
    ]
    project = validate(
        Project,
        {
            "title": "P",
            "client": "C",
            "client_kind": "ess",
            "status": "done",
            "lines": [{"member": m, "amount": v} for m, v in zip(members, values, strict=True)],
            "payouts": [{"member": m, "amount": p} for m, p in zip(members, paid, strict=True)],
        },
    )
    result = list(
        cotraitance.check(_collective(rate, tolerance, project), Context(date(2026, 1, 1)))
    )
    within = all(abs(p - e) <= tolerance for p, e in zip(paid, expected, strict=True))
    assert (result == []) == within
    assert len(result) == sum(abs(p - e) > tolerance for p, e in zip(paid, expected, strict=True))
