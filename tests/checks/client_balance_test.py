"""`client-balance`: the ESS share of the window's signed revenue, within the charter's range."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.helpers import (
    CONFIG,
    Seen,
    check_json,
    collective,
    findings,
    in_french,
    member,
    seen,
)

NAME = "client-balance"
AS_OF = "2026-06-30"
LOW = (
    "over the 12 months to {as_of}, ESS clients brought {share}% of the revenue signed with ESS "
    "clients and big accounts ({ess} of {total}), below the 30% minimum: the collective is "
    "drifting away from the social-economy clients who share its values"
)
HIGH = (
    "over the 12 months to {as_of}, ESS clients brought {share}% of the revenue signed with ESS "
    "clients and big accounts ({ess} of {total}), above the 80% maximum: the collective also "
    "needs big accounts who pay full price"
)
CONFIG_WITH_CLIENTS = CONFIG + (
    '  clients: {ess_share_min: "0.3", ess_share_max: "0.8", window_months: 12}\n'
)


def project(kind: str, amount: str, signed: str, status: str = "done") -> str:
    return (
        f"title: Projet {kind}\nclient: Client\nclient_kind: {kind}\nbrought_by: [ana]\n"
        f"status: {status}\nsigned: {signed}\nlines:\n  - {{member: ana, amount: {amount}}}\n"
    )


def book(tmp_path: Path, projects: dict[str, str], config: str = CONFIG_WITH_CLIENTS) -> Path:
    files = {f"projects/{name}.yaml": text for name, text in projects.items()}
    return collective(tmp_path, {"members/ana.yaml": member("ana"), **files}, config=config)


def found(root: Path, as_of: str = AS_OF) -> list[Seen]:
    return seen(root, as_of, NAME)


def test_a_balanced_year(tmp_path: Path) -> None:
    root = book(
        tmp_path,
        {
            "asso": project("ess", "5000", "2026-01-10"),
            "banque": project("big_account", "5000", "2025-09-10"),
        },
    )
    assert found(root) == []


def test_too_few_social_economy_clients(tmp_path: Path) -> None:
    root = book(
        tmp_path,
        {
            "asso": project("ess", "9000", "2026-01-10"),
            "banque": project("big_account", "40000", "2025-09-10"),
        },
    )
    assert found(root) == [
        (
            NAME,
            "collective",
            "collectif.yaml",
            6,
            None,
            LOW.format(as_of=AS_OF, share=18, ess="€9,000.00", total="€49,000.00"),
        )
    ]
    assert findings(root, AS_OF, only=NAME)[0].details == {
        "ess": Decimal("9000"),
        "big_account": Decimal("40000"),
        "ess_share": Decimal("0.1837"),
    }


def test_too_few_big_accounts(tmp_path: Path) -> None:
    root = book(
        tmp_path,
        {
            "asso": project("ess", "9000", "2026-01-10"),
            "banque": project("big_account", "1000", "2025-09-10"),
        },
    )
    assert [message for *_, message in found(root)] == [
        HIGH.format(as_of=AS_OF, share=90, ess="€9,000.00", total="€10,000.00")
    ]


def test_public_and_other_clients_are_left_out(tmp_path: Path) -> None:
    root = book(
        tmp_path,
        {
            "asso": project("ess", "3000", "2026-01-10"),
            "banque": project("big_account", "7000", "2025-09-10"),
            "mairie": project("public", "90000", "2026-02-10"),
            "autre": project("other", "1", "2026-02-10"),
        },
    )
    assert found(root) == []


def test_no_ess_nor_big_account_revenue_is_no_finding(tmp_path: Path) -> None:
    root = book(tmp_path, {"mairie": project("public", "90000", "2026-02-10")})
    assert found(root) == []


def test_only_the_window_counts(tmp_path: Path) -> None:
    root = book(
        tmp_path,
        {
            "asso": project("ess", "3000", "2026-06-30"),  # on the as-of date: in
            "banque": project("big_account", "7000", "2025-07-01"),  # first day: in
            "vieux": project("big_account", "50000", "2025-06-30"),  # twelve months ago: out
            "futur": project("big_account", "50000", "2026-07-01"),  # after the as-of date: out
            "annule": project("big_account", "50000", "2026-03-01", "cancelled"),
            "jamais": project("big_account", "50000", "2026-03-01").replace(
                "signed: 2026-03-01\n", ""
            ),
        },
    )
    assert found(root) == []


def test_proposed_projects_count_once_signed(tmp_path: Path) -> None:
    root = book(
        tmp_path,
        {
            "asso": project("ess", "1000", "2026-01-10", "proposed"),
            "banque": project("big_account", "9000", "2025-09-10", "active"),
        },
    )
    assert [message for *_, message in found(root)] == [
        LOW.format(as_of=AS_OF, share=10, ess="€1,000.00", total="€10,000.00")
    ]


def test_a_share_just_below_the_minimum_does_not_read_as_the_minimum(tmp_path: Path) -> None:
    root = book(
        tmp_path,
        {
            "asso": project("ess", "2980", "2026-01-10"),
            "banque": project("big_account", "7020", "2025-09-10"),
        },
    )
    assert [message for *_, message in found(root)] == [
        LOW.format(as_of=AS_OF, share="29.8", ess="€2,980.00", total="€10,000.00")
    ]


def test_the_window_across_a_leap_day(tmp_path: Path) -> None:
    # 2025-02-28 minus 12 months is 2024-02-28: a contract signed on 2024-02-29 is in
    root = book(
        tmp_path,
        {
            "asso": project("ess", "1000", "2024-02-29"),
            "banque": project("big_account", "1000", "2024-02-28"),
        },
    )
    assert [message for *_, message in found(root, "2025-02-28")] == [
        HIGH.format(as_of="2025-02-28", share=100, ess="€1,000.00", total="€1,000.00")
    ]


def test_through_the_cli(tmp_path: Path) -> None:
    root = book(
        tmp_path,
        {
            "asso": project("ess", "9000", "2026-01-10"),
            "banque": project("big_account", "40000", "2025-09-10"),
        },
    )
    code, document = check_json(root, "--as-of", AS_OF, "--only", NAME)
    assert code == 0
    assert document["findings"] == [
        {
            "check": NAME,
            "severity": "warning",
            "subject": "collective",
            "file": "collectif.yaml",
            "line": 6,
            "period": None,
            "message": LOW.format(as_of=AS_OF, share=18, ess="€9,000.00", total="€49,000.00"),
            "details": {"ess": "9000", "big_account": "40000", "ess_share": "0.1837"},
        }
    ]


def test_in_french(tmp_path: Path) -> None:
    root = book(
        tmp_path,
        {
            "asso": project("ess", "9000", "2026-01-10"),
            "banque": project("big_account", "40000", "2025-09-10"),
        },
    )
    _, text = in_french(root, AS_OF, NAME)
    assert "les clients de l'ESS représentent 18 % du chiffre d'affaires signé" in text
    assert "(9\u202f000,00\u00a0€ sur 49\u202f000,00\u00a0€), sous le minimum de 30 %" in text
