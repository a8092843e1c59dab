"""The report and `collectif check` never disagree: on the example collective, and on a copy of
it made to break the rules the report shows (short of the minimum, no prospecting, overload,
a wrong payout, a low truck factor)."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from collectif.commands.report import report
from tests.helpers import check_json

EXAMPLE = Path(__file__).resolve().parents[3] / "data" / "example"
AS_OF = "2026-11-26"
WINDOW_START = "2025-11-01"  # the default window, as of AS_OF: November 2025 to October 2026

Doc = dict[str, Any]


def report_json(root: Path, as_of: str = AS_OF) -> Doc:
    out = root.parent / f"report-{root.name}-{as_of}.json"
    assert report(root, as_of, None, None, "json", out, "en") == 0
    document: Doc = json.loads(out.read_text(encoding="utf-8"))
    return document


def check_since(root: Path, since: str, as_of: str = AS_OF) -> list[Doc]:
    _, document = check_json(root, "--as-of", as_of, "--since", since)
    findings: list[Doc] = document["findings"]
    return findings


def found(findings: list[Doc], check: str) -> set[tuple[str, str]]:
    return {(f["details"]["member"], f["period"]) for f in findings if f["check"] == check}


def shorts(rows: list[Doc], key: str) -> set[tuple[str, str]]:
    return {
        (row["member"], period["period"])
        for row in rows
        for period in row[key]
        if period["standing"] == "short"
    }


@pytest.fixture(scope="module")
def strained(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example with five months of hugo's gone, thomas overloaded in September, two payouts
    cut, and a charter asking for a truck factor of 7."""
    root = tmp_path_factory.mktemp("strained") / "example"
    shutil.copytree(EXAMPLE, root)
    for month in ("2026-06", "2026-10", "2026-07", "2026-08", "2026-09"):
        (root / "contributions" / "hugo" / f"{month}.yaml").unlink()
    with (root / "contributions" / "thomas" / "2026-09.yaml").open("a", encoding="utf-8") as f:
        f.write("- {date: 2026-09-28, hours: 12, kind: support, ref: tresorerie}\n")
    for name, before, after in (
        ("site-mda", "amount: 5130.00", "amount: 5000.00"),  # paid in 2025: before the period
        ("campagne-vallauris", "amount: 3135.00", "amount: 3000.00"),
    ):
        project = root / "projects" / f"{name}.yaml"
        text = project.read_text(encoding="utf-8")
        assert before in text
        project.write_text(text.replace(before, after), encoding="utf-8")
    config = root / "collectif.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("truck_factor_min: 3", "truck_factor_min: 7"),
        encoding="utf-8",
    )
    return root


@pytest.fixture(scope="module")
def strained_pair(strained: Path) -> tuple[Doc, list[Doc], list[Doc]]:
    _, now = check_json(strained, "--as-of", AS_OF)
    return report_json(strained), now["findings"], check_since(strained, WINDOW_START)


def test_the_strained_copy_has_findings_to_compare(
    strained_pair: tuple[Doc, list[Doc], list[Doc]],
) -> None:
    _, now, since = strained_pair
    checks = {f["check"] for f in since} | {f["check"] for f in now}
    assert {"minimum", "prospecting", "overload", "cotraitance", "truck-factor"} <= checks


def test_shortfalls_are_the_minimum_and_prospecting_findings(
    strained_pair: tuple[Doc, list[Doc], list[Doc]],
) -> None:
    doc, now, since = strained_pair
    giving = doc["giving"]["members"]
    assert shorts(giving, "minimum") == found(since, "minimum")
    # the last closed month's shortfalls are what `check` finds today
    last = {pair for pair in shorts(giving, "minimum") if pair[1] == "2026-10"}
    assert last == found(now, "minimum") != set()
    # the quarters that hold a month of the window: `--since` starts from the first one too
    prospecting = doc["prospecting"]["members"]
    assert shorts(prospecting, "periods") == found(since, "prospecting") != set()


def test_overload_marks_are_the_overload_findings(
    strained_pair: tuple[Doc, list[Doc], list[Doc]],
) -> None:
    doc, _, since = strained_pair
    marks = {
        (giver["member"], month["month"], key)
        for giver in doc["giving"]["members"]
        for month in giver["months"]
        for key in month["overload"]
    }
    expected = {
        (f["details"]["member"], f["period"], "share" if "total" in f["details"] else "hours")
        for f in since
        if f["check"] == "overload"
    }
    assert marks == expected != set()


def test_wrong_payouts_are_the_cotraitance_findings(
    strained_pair: tuple[Doc, list[Doc], list[Doc]], strained: Path
) -> None:
    doc, now, _ = strained_pair
    wrong = {
        (project["project"], pay["member"])
        for project in doc["money"]["cotraitance"]["projects"]
        for pay in project["members"]
        if pay["wrong"]
    }
    findings = {
        (f["subject"].removeprefix("project:"), f["details"]["member"])
        for f in now
        if f["check"] == "cotraitance"
    }
    # the report shows the projects of its period; site-mda was paid in 2025, before it
    shown = {p["project"] for p in doc["money"]["cotraitance"]["projects"]}
    assert (
        wrong
        == {pair for pair in findings if pair[0] in shown}
        == {("campagne-vallauris", "thomas")}
    )
    assert ("site-mda", "leo") in findings


def test_the_truck_factor_is_the_checks(strained_pair: tuple[Doc, list[Doc], list[Doc]]) -> None:
    doc, now, _ = strained_pair
    finding = next(f for f in now if f["check"] == "truck-factor")
    truck = doc["glance"]["truck_factor"]
    assert (truck["size"], truck["members"]) == (
        finding["details"]["truck_factor"],
        finding["details"]["members"],
    )
    assert truck["uncovered_roles"] == finding["details"]["uncovered_roles"]


def test_findings_at_a_glance_are_the_checks(
    strained_pair: tuple[Doc, list[Doc], list[Doc]],
) -> None:
    doc, now, _ = strained_pair
    glance = doc["glance"]
    assert glance["errors"] == sum(1 for f in now if f["severity"] == "error")
    assert glance["warnings"] == sum(1 for f in now if f["severity"] == "warning")
    counted = {(c["check"], c["errors"], c["warnings"]) for c in glance["findings"]}
    checks = {f["check"] for f in now}
    assert counted == {
        (
            check,
            sum(1 for f in now if f["check"] == check and f["severity"] == "error"),
            sum(1 for f in now if f["check"] == check and f["severity"] == "warning"),
        )
        for check in checks
    }


@pytest.mark.parametrize("as_of", ["2025-06-15", "2026-01-31", AS_OF])
def test_example_rules_of_the_day_agree(tmp_path: Path, as_of: str) -> None:
    root = tmp_path / "example"
    shutil.copytree(EXAMPLE, root)
    doc = report_json(root, as_of)
    _, checked = check_json(root, "--as-of", as_of)
    findings = checked["findings"]
    money = doc["money"]
    # the ESS share: what `client-balance` computes, and a finding exactly when out of bounds
    now = money["ess_balance"]["now"]
    balance = [f for f in findings if f["check"] == "client-balance"]
    low, high = (
        Decimal(money["ess_balance"]["ess_share_min"]),
        Decimal(money["ess_balance"]["ess_share_max"]),
    )
    share = Decimal(now["share"])
    assert bool(balance) == (not low <= share <= high)
    for finding in balance:
        assert (finding["details"]["ess_share"], finding["details"]["ess"]) == (
            now["share"],
            now["ess"],
        )
    # who brought the contracts: the top finder and share `contract-concentration` names
    top = doc["money"]["finders"]["members"][0]
    for finding in (f for f in findings if f["check"] == "contract-concentration"):
        assert (finding["details"]["members"], finding["details"]["share"]) == (
            [top["member"]],
            top["share"],
        )
        assert finding["details"]["total"] == doc["money"]["finders"]["total"]
    # tenure beyond the limit: the `rotation` findings
    over = {
        (role["role"], t["member"], t["months"])
        for role in doc["roles"]["roles"]
        for t in role["tenures"]
        if t["over"]
    }
    assert over == {
        (f["subject"].removeprefix("role:"), f["details"]["member"], f["details"]["months"])
        for f in findings
        if f["check"] == "rotation"
    }
    # skills fewer than two active members have: the `irreplaceable` skill warnings
    rare = {
        (s["skill"], tuple(s["members"])) for s in doc["roles"]["skills"] if len(s["members"]) < 2
    }
    assert rare == {
        (f["details"]["skill"], tuple(f["details"]["members"]))
        for f in findings
        if f["check"] == "irreplaceable" and "skill" in f["details"]
    }
    # the truck factor: a finding exactly when the report names a group
    truck = [f for f in findings if f["check"] == "truck-factor"]
    assert bool(truck) == (doc["glance"]["truck_factor"]["size"] is not None)


def test_periods_before_records_from_are_owed_by_nobody_in_both(strained: Path) -> None:
    """With `charter.records_from`, the periods that began before it are not shortfalls in the
    report either (hugo's missing months of 2026 are before it)."""
    root = strained.parent / "recorded" / "example"
    shutil.copytree(strained, root)
    config = root / "collectif.yaml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("charter:\n", "charter:\n  records_from: 2026-10-01\n", 1))
    document = report_json(root)
    since = check_since(root, WINDOW_START)
    minimum = found(since, "minimum")
    assert shorts(document["giving"]["members"], "minimum") == minimum != set()
    assert all(period >= "2026-10" for _, period in minimum)
    prospecting = found(since, "prospecting")
    assert shorts(document["prospecting"]["members"], "periods") == prospecting
    assert all(period >= "2026-Q4" for _, period in prospecting)
