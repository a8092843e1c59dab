"""The report's figures on a small collective computed by hand, number by number in the JSON.

Three members over March to May 2026, seen on 2026-06-10: bob joins on 16 March, carla is on a
pause from 11 to 30 April, alice filed an entry of 3 May in her April file (it counts in May,
by its own date), and the treasury passes from alice to bob on 16 April.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from collectif.commands.report import report
from tests.helpers import CONFIG as BASE_CONFIG
from tests.helpers import collective, member, run

CONFIG = (
    BASE_CONFIG + '  cotraitance:\n    deductions:\n      - {name: fonds collectif, rate: "0.05"}\n'
)

FILES = {
    "members/alice.yaml": member("Alice", joined="2020-01-01"),
    "members/bob.yaml": member("Bob", joined="2026-03-16"),
    "members/carla.yaml": member("Carla", joined="2020-01-01")
    + "pauses:\n  - {from: 2026-04-11, to: 2026-04-30, reason: congé}\n",
    "roles/tresorerie.yaml": """\
        title: Trésorerie
        kind: support
        holders:
          - {member: alice, since: 2024-01-01, until: 2026-04-15}
          - {member: bob, since: 2026-04-16}
          - {member: carla, since: 2025-06-01}
        trainees:
          - {member: bob, since: 2026-03-20, until: 2026-04-15}
        """,
    "projects/p1.yaml": """\
        title: Site
        client: Maison
        client_kind: ess
        brought_by: [alice, carla]
        lead: alice
        status: active
        start: 2026-03-01
        end: 2026-12-31
        signed: 2026-03-05
        team: [{member: alice}, {member: carla}]
        lines:
          - {member: alice, amount: 1000}
          - {member: carla, days: 2, rate: 500}
        payouts:
          - {member: alice, amount: 950}
          - {member: carla, amount: 900}
        """,
    "projects/p2.yaml": """\
        title: Portail
        client: Groupe
        client_kind: big_account
        brought_by: [bob]
        lead: bob
        status: done
        start: 2026-05-20
        end: 2026-05-30
        signed: 2026-05-20
        team: [{member: bob}]
        lines:
          - {member: bob, amount: 3000}
        """,
    "contributions/alice/2026-03.yaml": """\
        - {date: 2026-03-02, hours: 2.5, kind: support, ref: tresorerie}
        - {date: 2026-03-10, hours: 1, kind: meeting}
        - {date: 2026-03-20, hours: 5, kind: project, ref: p1}
        """,
    "contributions/alice/2026-04.yaml": """\
        - {date: 2026-04-03, hours: 4, kind: support, ref: tresorerie}
        - {date: 2026-05-03, hours: 1.5, kind: meeting}
        """,
    "contributions/alice/2026-05.yaml": """\
        - {date: 2026-05-12, hours: 3, kind: prospecting}
        """,
    "contributions/bob/2026-03.yaml": """\
        - {date: 2026-03-20, hours: 3, kind: meeting}
        """,
    "contributions/bob/2026-04.yaml": """\
        - {date: 2026-04-02, hours: 16, kind: support, ref: tresorerie}
        - {date: 2026-04-03, hours: 16, kind: support, ref: tresorerie}
        """,
    "contributions/bob/2026-05.yaml": """\
        - {date: 2026-05-05, hours: 3.9, kind: support, ref: tresorerie}
        """,
    "contributions/carla/2026-03.yaml": """\
        - {date: 2026-03-05, hours: 4, kind: coaching}
        """,
    "contributions/carla/2026-04.yaml": """\
        - {date: 2026-04-06, hours: 1, kind: reflection}
        """,
    "contributions/carla/2026-05.yaml": """\
        - {date: 2026-05-07, hours: 3.9, kind: reflection}
        """,
}


@pytest.fixture(scope="module")
def doc(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = collective(tmp_path_factory.mktemp("report") / "c", FILES, CONFIG)
    out = root.parent / "report.json"
    code = report(root, "2026-06-10", "2026-03", "2026-05", "json", out, "en")
    assert code == 0
    document: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return document


def by(rows: list[dict[str, Any]], key: str, value: str) -> dict[str, Any]:
    return next(row for row in rows if row[key] == value)


def dec(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def test_the_period_and_its_months(doc: dict[str, Any]) -> None:
    assert (doc["from"], doc["to"], doc["as_of"]) == ("2026-03-01", "2026-05-31", "2026-06-10")
    assert [m["month"] for m in doc["months"]] == ["2026-03", "2026-04", "2026-05"]
    assert all(m["closed"] for m in doc["months"])


def test_at_a_glance(doc: dict[str, Any]) -> None:
    glance = doc["glance"]
    assert (glance["members"], glance["paused"], glance["roles"], glance["projects"]) == (
        3,
        0,
        1,
        1,
    )
    truck = glance["truck_factor"]
    # one role: any one holder leaving does not uncover it; both holders leaving does
    assert (truck["size"], truck["members"], truck["minimum"]) == (2, ["bob", "carla"], 3)


def test_volunteer_hours_per_month_count_each_entry_by_its_own_date(doc: dict[str, Any]) -> None:
    alice = by(doc["giving"]["members"], "member", "alice")
    months = {m["month"]: m for m in alice["months"]}
    assert dec(months["2026-03"]["volunteer"]) == Decimal("3.5")
    assert dec(months["2026-03"]["project"]) == Decimal("5")
    assert dec(months["2026-04"]["volunteer"]) == Decimal("4")  # the 3 May entry is not April's
    assert {k: dec(v) for k, v in months["2026-05"]["by_kind"].items()} == {
        "meeting": Decimal("1.5"),
        "prospecting": Decimal("3"),
    }
    assert dec(alice["volunteer"]) == Decimal("12")
    assert dec(doc["giving"]["volunteer"]) == Decimal("59.8")
    shares = {m["member"]: m["share"] for m in doc["giving"]["members"]}
    assert shares == {"alice": "0.2007", "bob": "0.6505", "carla": "0.1488"}


def test_the_minimum_month_by_month(doc: dict[str, Any]) -> None:
    def row(name: str) -> list[tuple[str, Decimal | None, Decimal | None, str]]:
        giver = by(doc["giving"]["members"], "member", name)
        return [
            (m["period"], dec(m["counted"]), dec(m["required"]), m["standing"])
            for m in giver["minimum"]
        ]

    assert row("alice") == [
        ("2026-03", Decimal("3.5"), Decimal("4"), "short"),
        ("2026-04", Decimal("4"), Decimal("4"), "met"),
        ("2026-05", Decimal("4.5"), Decimal("4"), "met"),
    ]
    # joined on 16 March: nothing asked for March
    assert row("bob") == [
        ("2026-03", Decimal("3"), None, "newcomer"),
        ("2026-04", Decimal("32"), Decimal("4"), "met"),
        ("2026-05", Decimal("3.9"), Decimal("4"), "short"),
    ]
    # a pause of 20 of April's 30 days: 4 h x 10 / 30 = 1.33 h asked
    assert row("carla") == [
        ("2026-03", Decimal("4"), Decimal("4"), "met"),
        ("2026-04", Decimal("1"), Decimal("1.33"), "short"),
        ("2026-05", Decimal("3.9"), Decimal("4"), "short"),
    ]


def test_overload_marks_the_months_the_check_finds(doc: dict[str, Any]) -> None:
    marks = {
        (giver["member"], month["month"]): month["overload"]
        for giver in doc["giving"]["members"]
        for month in giver["months"]
        if month["overload"]
    }
    # 32 h in April, and 32 of the 37 h everyone gave
    assert marks == {("bob", "2026-04"): ["hours", "share"]}


def test_hare_and_tortoise(doc: dict[str, Any]) -> None:
    months = doc["deliberation"]["months"]
    got = [
        (m["month"], dec(m["deliberation"]), dec(m["productive"]), dec(m["project"]), m["ratio"])
        for m in months
    ]
    assert got == [
        ("2026-03", Decimal("4"), Decimal("6.5"), Decimal("5"), "0.8000"),
        ("2026-04", Decimal("1"), Decimal("36"), Decimal("0"), None),
        ("2026-05", Decimal("5.4"), Decimal("6.9"), Decimal("0"), None),
    ]


def test_a_role_handed_over(doc: dict[str, Any]) -> None:
    role = doc["roles"]["roles"][0]
    assert role["holders"] == ["bob", "carla"]
    timeline = {(s["member"], s["trainee"]): s["months"] for s in role["timeline"]}
    assert timeline == {
        ("alice", False): ["2026-03", "2026-04"],
        ("bob", False): ["2026-04", "2026-05"],
        ("carla", False): ["2026-03", "2026-04", "2026-05"],
        ("bob", True): ["2026-03"],  # in April bob holds it: no longer in training
    }
    tenures = {t["member"]: (t["since"], t["months"], t["over"]) for t in role["tenures"]}
    assert tenures == {"bob": ("2026-04-16", 1, False), "carla": ("2025-06-01", 12, False)}


def test_clients_and_money(doc: dict[str, Any]) -> None:
    money = doc["money"]
    signed = {m["month"]: {k: dec(v) for k, v in m["by_kind"].items()} for m in money["months"]}
    assert signed == {
        "2026-03": {"ess": Decimal("2000")},
        "2026-04": {},
        "2026-05": {"big_account": Decimal("3000")},
    }
    now = money["ess_balance"]["now"]
    assert (now["date"], dec(now["ess"]), dec(now["big_account"]), now["share"]) == (
        "2026-06-10",
        Decimal("2000"),
        Decimal("3000"),
        "0.4000",
    )
    finders = [(f["member"], f["amount"], f["share"]) for f in money["finders"]["members"]]
    assert finders == [
        ("bob", "3000.00", "0.6000"),
        ("alice", "1000.00", "0.2000"),
        ("carla", "1000.00", "0.2000"),
    ]
    p1 = by(money["cotraitance"]["projects"], "project", "p1")
    assert [(m["member"], m["expected"], m["paid"], m["wrong"]) for m in p1["members"]] == [
        ("alice", "950.00", "950.00", False),
        ("carla", "950.00", "900.00", True),
    ]
    p2 = by(money["cotraitance"]["projects"], "project", "p2")
    assert (p2["paid"], p2["members"][0]["expected"]) == (False, "2850.00")


def test_prospecting_per_quarter(doc: dict[str, Any]) -> None:
    prospecting = doc["prospecting"]
    assert [p["period"] for p in prospecting["periods"]] == ["2026-Q1", "2026-Q2"]
    rows = {
        row["member"]: [(p["count"], p["required"], p["standing"]) for p in row["periods"]]
        for row in prospecting["members"]
    }
    assert rows == {
        "alice": [(0, 1, "short"), (1, 1, "open")],
        "bob": [(0, None, "newcomer"), (0, 1, "open")],
        # 71 of the quarter's 91 days owed: 1 x 71 / 91 rounded down is 0
        "carla": [(0, 1, "short"), (0, 0, "open")],
    }


def test_the_json_is_the_same_in_every_language(tmp_path: Path) -> None:
    root = collective(tmp_path / "c", FILES, CONFIG)
    texts = []
    for lang in ("en", "fr"):
        out = tmp_path / f"{lang}.json"
        report(root, "2026-06-10", "2026-03", "2026-05", "json", out, lang)
        texts.append(out.read_text(encoding="utf-8"))
    assert texts[0] == texts[1]


def test_the_minimum_asked_follows_the_version_in_force_for_each_period(tmp_path: Path) -> None:
    """A version adopted on 2026-05-10 raises the minimum from 4 h to 6 h: the report asks
    4 h for April and May (begun before) and 6 h for June, as `check` judges them."""
    files = {
        "collectif.yaml": BASE_CONFIG + "  adopted: 2026-05-10\n  minimum: {hours: 6}\n"
        "  earlier:\n    minimum: {hours: 4}\n",
        "members/camille.yaml": member("camille"),
    }
    for month in ("04", "05", "06"):
        files[f"contributions/camille/2026-{month}.yaml"] = (
            f"- {{date: 2026-{month}-10, hours: 5, kind: meeting}}\n"
        )
    root = collective(tmp_path, files)
    done = run("report", "--repo", str(root), "--format", "json", "--from", "2026-04-01",
               "--to", "2026-06-30")  # fmt: skip
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)["giving"]["members"][0]["minimum"]
    assert [(row["period"], row["required"], row["standing"]) for row in rows] == [
        ("2026-04", "4.00", "met"),
        ("2026-05", "4.00", "met"),
        ("2026-06", "6.00", "short"),
    ]
    checked = run("check", "--repo", str(root), "--format", "json", "--as-of", "2026-07-01",
                  "--since", "2026-04-01", "--only", "minimum")  # fmt: skip
    assert [f["period"] for f in json.loads(checked.stdout)["findings"]] == ["2026-06"]
