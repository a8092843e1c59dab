"""`distribution`: a share-out recomputed from its own frozen inputs, to the cent, and checked
against the fund."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from collectif.checks import ledger
from collectif.i18n import render
from tests.helpers import collective, config, findings, loaded, member

AS_OF = "2026-12-31"

CONFIG = config(
    """\
    cotraitance:
      deductions:
        - {name: fonds collectif, rate: "0.05"}
        - {name: frais, rate: "0.03"}
    valuation:
      formula: weighted
      weights: {facilitation: 1.5, meeting: 0.5}
    fund:
      from_deductions: [fonds collectif]
      opening: {date: 2026-01-01, balance: "100.00"}
    """
)

PROJECT = """\
title: Site
client: MDA
client_kind: ess
status: done
start: 2026-02-01
end: 2026-03-31
lines:
  - {member: ana, amount: 1000.10}
  - {member: bo, days: 3, rate: 333.33}
payouts:
  - {member: ana, amount: 920.09}
  - {member: bo, amount: 919.99}
"""

ANA = """\
- {date: 2026-03-02, hours: 10, kind: prospecting}
- {date: 2026-03-03, hours: 4, kind: project, ref: site}
"""
BO = """\
- {date: 2026-03-02, hours: 4, kind: facilitation}
- {date: 2026-03-05, hours: 4, kind: meeting}
"""

GOOD = """\
date: 2026-12-15
period: {from: 2026-01-01, to: 2026-11-30}
pot: "100.00"
formula: weighted
weights: {facilitation: 1.5, meeting: 0.5}
payouts:
  - {member: ana, points: "10", amount: "55.56"}
  - {member: bo, points: "8", amount: "44.44"}
"""


def build(tmp_path: Path, distribution: str = GOOD, config: str = CONFIG, **more: str) -> Path:
    files = {
        "members/ana.yaml": member("ana"),
        "members/bo.yaml": member("bo"),
        "projects/site.yaml": PROJECT,
        "contributions/ana/2026-03.yaml": ANA,
        "contributions/bo/2026-03.yaml": BO,
        "distributions/d2026.yaml": distribution,
        **{path.replace("__", "/").replace("_yaml", ".yaml"): text for path, text in more.items()},
    }
    return collective(tmp_path, files, config=config)


def said(root: Path, check: str = "distribution") -> list[tuple[str, int, str, str]]:
    return [
        (f.file, f.line, f.severity.value, render(f.message, "en"))
        for f in findings(root, AS_OF, only=check)
    ]


def test_a_share_out_that_follows_its_formula_has_no_finding(tmp_path: Path) -> None:
    assert said(build(tmp_path)) == []
    assert said(tmp_path, "references") == []
    assert said(tmp_path, "schema") == []


def test_the_fund_counts_each_members_deduction_half_up_on_the_day_paid(tmp_path: Path) -> None:
    data = loaded(build(tmp_path))
    fund = data.charter_config.charter.fund
    assert fund is not None
    moves = ledger.movements(data, fund)
    # ana: 1000.10 x 0.05 = 50.005 -> 50.01; bo: 999.99 x 0.05 = 49.9995 -> 50.00
    assert [(m.day, m.amount, m.member) for m in moves] == [
        (date(2026, 3, 31), Decimal("50.01"), "ana"),
        (date(2026, 3, 31), Decimal("50.00"), "bo"),
        (date(2026, 12, 15), Decimal("-100.00"), None),
    ]
    assert ledger.balance(fund, moves, date(2026, 3, 30)) == Decimal("100.00")
    assert ledger.balance(fund, moves, date(2026, 12, 31)) == Decimal("100.01")
    assert ledger.available(data, fund, "d2026") == Decimal("200.01")


def test_a_payout_off_its_share_names_who_received_too_much_and_too_little(
    tmp_path: Path,
) -> None:
    root = build(tmp_path, GOOD.replace('"55.56"', '"60.56"').replace('"44.44"', '"39.44"'))
    assert said(root) == [
        (
            "distributions/d2026.yaml",
            7,
            "error",
            "ana received €5.00 more than the pot shared by the recorded points gives (expected "
            "€55.56, paid €60.56), while bo received less: correct the payouts",
        ),
        (
            "distributions/d2026.yaml",
            8,
            "error",
            "bo received €5.00 less than the pot shared by the recorded points gives (expected "
            "€44.44, paid €39.44), while ana received more: correct the payouts",
        ),
    ]


def test_payouts_that_do_not_add_up_to_the_pot(tmp_path: Path) -> None:
    root = build(tmp_path, GOOD.replace('"44.44"', '"44.43"'))
    assert said(root) == [
        (
            "distributions/d2026.yaml",
            3,
            "error",
            "the payouts add up to €99.99, not €100.00: the amounts must add up to the pot to "
            "the cent",
        )
    ]


def test_a_pot_above_what_the_fund_holds(tmp_path: Path) -> None:
    text = GOOD.replace('pot: "100.00"', 'pot: "300.00"')
    text = text.replace('"55.56"', '"166.67"').replace('"44.44"', '"133.33"')
    assert said(build(tmp_path, text)) == [
        (
            "distributions/d2026.yaml",
            3,
            "error",
            "the pot of €300.00 is more than the fund holds on 2026-12-15 (€200.01): lower the "
            "pot, or check the fund's movements with `collectif fund`",
        )
    ]


def test_two_share_outs_of_one_day_spend_in_the_order_of_their_ids(tmp_path: Path) -> None:
    later = GOOD.replace('"100.00"', '"150.00"').replace('"55.56"', '"83.33"')
    root = build(tmp_path, distributions__e2026_yaml=later.replace('"44.44"', '"66.67"'))
    found = said(root)
    assert [(f[0], f[1]) for f in found] == [("distributions/e2026.yaml", 3)]
    assert "the pot of €150.00 is more than the fund holds on 2026-12-15 (€100.01)" in found[0][3]


def test_hours_logged_after_the_share_out_are_a_warning_per_member(tmp_path: Path) -> None:
    root = build(
        tmp_path,
        **{"contributions__bo__2026-04.yaml": "- {date: 2026-04-02, hours: 2, kind: reflection}\n"},
    )
    assert said(root) == [
        (
            "distributions/d2026.yaml",
            8,
            "warning",
            "bo has 10 points by the entries today, but the share-out recorded 8: hours "
            "were logged or changed after it; the amounts stand, and the next share-out counts "
            "what is logged by then",
        )
    ]


def test_a_share_out_without_points_cannot_be_shared(tmp_path: Path) -> None:
    text = GOOD.replace('points: "10"', 'points: "0"').replace('points: "8"', 'points: "0"')
    found = said(build(tmp_path, text))
    assert found[0][3].startswith("nobody has any points in this share-out")


def test_the_recomputation_uses_the_files_own_cap(tmp_path: Path) -> None:
    text = GOOD.replace("payouts:", 'cap_share: "0.5"\npayouts:')
    text = text.replace('"55.56"', '"50.00"').replace('"44.44"', '"50.00"')
    assert said(build(tmp_path, text)) == []


def test_references_of_the_fund_and_its_share_outs(tmp_path: Path) -> None:
    text = GOOD.replace("to: 2026-11-30", "to: 2026-12-31").replace("member: bo", "member: zed")
    config = CONFIG.replace("[fonds collectif]", "[fonds collectif, fond]")
    found = said(build(tmp_path, text, config=config), "references")
    assert [(f[0], f[1], f[3].split(":")[0]) for f in found] == [
        (
            "collectif.yaml",
            14,
            "the fund is fed by `fond`, but no cotraitance deduction has that name",
        ),
        (
            "distributions/d2026.yaml",
            2,
            "the period ends on 2026-12-31, after the share-out's date 2026-12-15",
        ),
        ("distributions/d2026.yaml", 8, "there is no member `zed` (no members/zed.yaml)"),
    ]
    backwards = GOOD.replace("from: 2026-01-01", "from: 2026-12-01")
    found = said(build(tmp_path / "b", backwards), "references")
    assert [f[3] for f in found] == [
        "the period ends on 2026-11-30, before it starts on 2026-12-01"
    ]


def test_a_share_out_without_a_formula_needs_the_charters(tmp_path: Path) -> None:
    text = GOOD.replace("formula: weighted\n", "")
    assert said(build(tmp_path, text)) == []
    config = CONFIG.split("  valuation:")[0] + "  fund:" + CONFIG.split("  fund:")[1]
    root = build(tmp_path / "b", text, config=config)
    found = said(root, "schema")
    assert [f[:2] for f in found] == [("distributions/d2026.yaml", 1)]
    assert "does not say its `formula`" in found[0][3]
    assert said(root) == []


def test_a_broken_share_out_is_a_schema_finding_and_takes_no_part(tmp_path: Path) -> None:
    text = GOOD.replace('points: "10"', 'points: "1.1234567"').replace("meeting: 0.5", "project: 1")
    root = build(tmp_path, text)
    messages = [f[3] for f in said(root, "schema")]
    assert any("at most 6 decimals" in m for m in messages)
    assert len(messages) == 2
    assert said(root) == []  # not recomputed from what is left of it
    assert "d2026" not in loaded(root).distributions


def test_the_decision_rule_says_why_a_decision_cannot_stand(tmp_path: Path) -> None:
    from collectif.checks import distribution

    share_out = loaded(build(tmp_path)).distributions["d2026"]
    assert list(distribution.decision_findings("d2026", share_out, None)) == []
    said = {
        problem: [
            (f.path, render(f.message, "en"))
            for f in distribution.decision_findings("d2026", share_out, problem)
        ]
        for problem in ("missing", "unknown", "not-adopted", "later")
    }
    assert said["missing"] == [
        (
            (),
            "the share-out names no `decision`: the collective keeps its decisions, so write the "
            "id of the decision that adopted it",
        )
    ]
    named = replace(share_out, decision="rep")
    assert [
        render(f.message, "en") for f in distribution.decision_findings("d2026", named, "later")
    ] == [
        "the decision `rep` was taken after the share-out's date 2026-12-15: a share-out is "
        "paid once a decision adopts it"
    ]
    assert [f.path for f in distribution.decision_findings("d2026", named, "unknown")] == [
        ("decision",)
    ]
    assert "was not adopted" in said["not-adopted"][0][1]


def test_a_broken_deductions_setting_does_not_make_the_funds_names_unknown(tmp_path: Path) -> None:
    config = CONFIG.replace('rate: "0.05"', 'rate: "5"')
    assert said(build(tmp_path, config=config), "references") == []


@given(
    st.decimals(min_value=Decimal("0.01"), max_value=100_000, places=2),
    st.dictionaries(
        st.sampled_from(["ana", "bo", "cy", "dee"]),
        st.decimals(min_value=0, max_value=500, places=6),
        min_size=1,
    ).filter(lambda points: any(value > 0 for value in points.values())),
    st.none() | st.decimals(min_value=Decimal("0.1"), max_value=1, places=2),
)
def test_what_the_split_pays_the_check_accepts(
    pot: Decimal, points: dict[str, Decimal], cap: Decimal | None
) -> None:
    from collectif.checks import distribution, valuation
    from collectif.checks.base import Context
    from collectif.model.collective import Collective
    from collectif.model.files import CollectiveFile, Distribution, Share, Span

    shared = valuation.split(pot, points, cap)
    assert shared is not None
    share_out = Distribution(
        date=date(2026, 12, 1),
        period=Span(start=date(2026, 1, 1), to=date(2026, 11, 30)),
        pot=pot,
        formula="hours",
        cap_share=cap,
        payouts=[
            Share(member=m, points=points[m], amount=shared.amounts[m]) for m in sorted(points)
        ],
    )
    collective = Collective(config=CollectiveFile(name="A"), distributions={"d": share_out})
    found = distribution.check(collective, Context(as_of=date(2026, 12, 31)))
    assert [f.key for f in found if f.severity is None] == []


def test_with_decisions_kept_a_share_out_needs_an_adopted_decision(tmp_path: Path) -> None:
    """On the example (which keeps its decisions), the share-out of 2025 names the plenary's
    decision; naming another, or a decision taken later, is a `distribution` error."""
    import shutil

    example = Path(__file__).resolve().parents[2] / "data" / "example"
    root = tmp_path / "example"
    shutil.copytree(example, root)
    assert findings(root, "2026-11-26", only="distribution") == []
    path = root / "distributions" / "repartition-2025.yaml"
    text = path.read_text(encoding="utf-8")
    assert "decision: repartition-2025" in text
    path.write_text(text.replace("decision: repartition-2025", "decision: repartition-2052"))
    (finding,) = findings(root, "2026-11-26", only="distribution")
    assert "repartition-2052" in render(finding.message, "en")
    assert str(finding.severity) == "error"
