"""The bundled example collective (`data/example`) stays valid and shows a few warnings."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.helpers import check_json, findings, loaded

EXAMPLE = Path(__file__).resolve().parents[2] / "data" / "example"
AS_OF = "2026-11-26"


def test_example_has_every_kind_of_file() -> None:
    example = loaded(EXAMPLE)
    assert example.config is not None
    assert example.config.language == "fr"
    assert len(example.members) >= 12
    assert {role.kind for role in example.roles.values()} == {
        "support",
        "mission",
        "facilitation",
        "coaching",
    }
    assert any(not role.active for role in example.roles.values())
    assert {project.status for project in example.projects.values()} == {
        "proposed",
        "active",
        "done",
        "cancelled",
    }
    assert {project.client_kind for project in example.projects.values()} == {
        "ess",
        "big_account",
        "public",
        "other",
    }
    assert len(example.contributions) > 200


def test_example_loads_without_schema_or_reference_findings() -> None:
    assert findings(EXAMPLE, AS_OF, only="schema") == []
    assert findings(EXAMPLE, AS_OF, only="references") == []


def test_example_checks_without_errors_and_with_warnings() -> None:
    code, document = check_json(EXAMPLE, "--as-of", AS_OF)
    errors = [f for f in document["findings"] if f["severity"] == "error"]
    assert errors == []
    assert code == 0
    assert document["summary"]["warnings"] >= 1, (
        "the example should show at least one warning (the rotation of coordination) once "
        "the charter checks are implemented"
    )


def test_example_has_no_error_over_its_whole_history() -> None:
    code, document = check_json(EXAMPLE, "--as-of", AS_OF, "--since", "2024-12-01")
    errors = [f for f in document["findings"] if f["severity"] == "error"]
    assert errors == []
    assert code == 0


def test_example_records_a_year_of_plenaries_and_its_charter_adoption() -> None:
    from datetime import date

    from collectif.model.meetings import decision_problem, find_decision, plenaries

    example = loaded(EXAMPLE)
    held = plenaries(example, date.fromisoformat(AS_OF))
    assert len(held) == 23
    assert len({meeting.facilitator for _, meeting in held}) >= 6  # facilitation rotates
    charter = find_decision(example, "charte-2026-01")
    assert charter is not None and charter.kind == "plenary"
    assert [o.lifted for o in charter.decision.objections] == [True]
    # the fund's share-out of 2025 names this decision
    fund = find_decision(example, "repartition-2025")
    assert fund is not None and fund.date == date(2025, 12, 16)
    assert fund.decision.title == "Répartition 2025 du fonds collectif"
    assert decision_problem(example, "repartition-2025", date(2025, 12, 20)) is None


def test_example_keeps_a_fund_and_one_share_out_that_follows_its_formula() -> None:
    from collectif.checks import ledger

    example = loaded(EXAMPLE)
    fund = example.charter_config.charter.fund
    assert fund is not None
    moves = ledger.movements(example, fund)
    assert str(ledger.balance(fund, moves, date(2025, 12, 19))) == "2440.00"
    assert str(ledger.balance(fund, moves, date(2026, 11, 26))) == "2198.00"
    (share_out,) = example.distributions.values()
    assert share_out.decision == "repartition-2025"
    assert sum(p.amount for p in share_out.payouts) == share_out.pot
    assert findings(EXAMPLE, AS_OF, only="distribution") == []
