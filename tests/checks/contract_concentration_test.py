"""`contract-concentration`: how much of the window's signed revenue one member brought."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.helpers import CONFIG, Seen, check_json, collective, findings, member, seen

NAME = "contract-concentration"
AS_OF = "2026-06-30"
ONE = (
    "over the 12 months to {as_of}, {who} brought {share}% of the signed revenue ({amount} of "
    "{total}), above the {maximum}% that one member may bring: share prospecting, so that new "
    "contracts do not depend on one member"
)
MEMBERS = {f"members/{who}.yaml": member(who) for who in ("ana", "emma", "leo")}


def project(finders: str, amount: str, signed: str = "2026-01-10", status: str = "done") -> str:
    return (
        f"title: Projet\nclient: Client\nclient_kind: ess\nbrought_by: {finders}\n"
        f"status: {status}\nsigned: {signed}\nlines:\n  - {{member: ana, amount: {amount}}}\n"
    )


def book(tmp_path: Path, projects: dict[str, str], config: str = CONFIG) -> Path:
    files = {f"projects/{name}.yaml": text for name, text in projects.items()}
    return collective(tmp_path, {**MEMBERS, **files}, config=config)


def found(root: Path, as_of: str = AS_OF) -> list[Seen]:
    return seen(root, as_of, NAME)


def test_prospecting_is_shared(tmp_path: Path) -> None:
    root = book(
        tmp_path,
        {
            "a": project("[ana]", "5000"),
            "b": project("[emma]", "3000"),
            "c": project("[leo]", "2000"),
        },
    )
    assert found(root) == []


def test_exactly_half_is_not_above_half(tmp_path: Path) -> None:
    root = book(tmp_path, {"a": project("[ana]", "5000"), "b": project("[emma]", "5000")})
    assert found(root) == []


def test_one_member_brought_most(tmp_path: Path) -> None:
    root = book(tmp_path, {"a": project("[ana]", "7000"), "b": project("[emma]", "3000")})
    assert found(root) == [
        (
            NAME,
            "collective",
            "collectif.yaml",
            5,
            None,
            ONE.format(
                as_of=AS_OF, who="ana", share=70, amount="€7,000.00", total="€10,000.00", maximum=50
            ),
        )
    ]
    assert findings(root, AS_OF, only=NAME)[0].details == {
        "members": ["ana"],
        "brought": Decimal("7000.00"),
        "total": Decimal("10000"),
        "share": Decimal("0.7000"),
    }


def test_co_finders_share_a_contract_evenly(tmp_path: Path) -> None:
    # ana: 6000 / 2 + 2500 = 5500 of 10000; alone she would have 8500
    root = book(
        tmp_path,
        {
            "a": project("[ana, emma]", "6000"),
            "b": project("[ana]", "2500"),
            "c": project("[leo]", "1500"),
        },
    )
    assert [message for *_, message in found(root)] == [
        ONE.format(
            as_of=AS_OF, who="ana", share=55, amount="€5,500.00", total="€10,000.00", maximum=50
        )
    ]


def test_a_three_way_split_is_exact(tmp_path: Path) -> None:
    # 100 / 3 each: a third is above 0.3333, with no rounding on the way
    config = CONFIG + '  contracts: {max_share_top_member: "0.3333"}\n'
    root = book(tmp_path, {"a": project("[leo, ana, emma]", "100")}, config=config)
    assert [message for *_, message in found(root)] == [
        "over the 12 months to 2026-06-30, ana, emma and leo each brought 33.333% of the signed "
        "revenue (€33.33 of €100.00), above the 33.33% that one member may bring: share "
        "prospecting, so that new contracts do not depend on a few members"
    ]
    config = CONFIG + '  contracts: {max_share_top_member: "0.3334"}\n'
    assert found(book(tmp_path / "above", {"a": project("[leo, ana, emma]", "100")}, config)) == []


def test_a_contract_nobody_brought_counts_in_the_total(tmp_path: Path) -> None:
    root = book(tmp_path, {"a": project("[ana]", "6000"), "b": project("[]", "6000")})
    assert found(root) == []


def test_only_the_window_and_live_contracts_count(tmp_path: Path) -> None:
    root = book(
        tmp_path,
        {
            "a": project("[ana]", "4000"),
            "b": project("[emma]", "6000", signed="2025-07-01"),
            "old": project("[ana]", "90000", signed="2025-06-30"),
            "later": project("[ana]", "90000", signed="2026-07-01"),
            "cancelled": project("[ana]", "90000", status="cancelled"),
        },
    )
    assert [message for *_, message in found(root)] == [
        ONE.format(
            as_of=AS_OF, who="emma", share=60, amount="€6,000.00", total="€10,000.00", maximum=50
        )
    ]


def test_through_the_cli(tmp_path: Path) -> None:
    root = book(tmp_path, {"a": project("[ana]", "7000"), "b": project("[emma]", "3000")})
    code, document = check_json(root, "--as-of", AS_OF, "--only", NAME)
    assert code == 0
    assert document["findings"] == [
        {
            "check": NAME,
            "severity": "warning",
            "subject": "collective",
            "file": "collectif.yaml",
            "line": 5,
            "period": None,
            "message": ONE.format(
                as_of=AS_OF, who="ana", share=70, amount="€7,000.00", total="€10,000.00", maximum=50
            ),
            "details": {
                "members": ["ana"],
                "brought": "7000.00",
                "total": "10000",
                "share": "0.7000",
            },
        }
    ]
