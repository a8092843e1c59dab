"""`collectif share` and `collectif fund`: proposals, comparisons, records, the fund's ledger."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.commands.recording import Repo, make, plain
from tests.helpers import config, member, run

CONFIG = config(
    """\
    cotraitance:
      deductions:
        - {name: fonds collectif, rate: "0.05"}
    valuation:
      formula: weighted
      weights: {facilitation: 1.5, meeting: 0.5}
    fund:
      from_deductions: [fonds collectif]
      opening: {date: 2026-01-01, balance: "3000.00"}
    """
)

PROJECT = """\
title: Site
client: MDA
client_kind: ess
status: done
start: 2026-02-01
end: 2026-03-31
paid: 2026-04-10
lines:
  - {member: camille, amount: 1000}
payouts:
  - {member: camille, amount: 950}
"""

FILES = {
    "collectif.yaml": CONFIG,
    "members/camille.yaml": member("Camille", joined="2015-01-10"),
    "members/leo.yaml": member("Leo", joined="2026-07-01"),
    "projects/site.yaml": PROJECT,
    "contributions/camille/2026-03.yaml": "- {date: 2026-03-02, hours: 10, kind: reflection}\n",
    "contributions/leo/2026-09.yaml": (
        "- {date: 2026-09-02, hours: 4, kind: facilitation}\n"
        "- {date: 2026-09-05, hours: 4, kind: meeting}\n"
    ),
}
PERIOD = ("--from", "2026-01-01", "--to", "2026-11-30")


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    return make(tmp_path, FILES)


def _json(repo: Repo, *args: str) -> dict[str, object]:
    done = repo.run(*args, "--format", "json")
    assert done.returncode == 0, done.stdout + done.stderr
    found: dict[str, object] = json.loads(done.stdout)
    return found


def test_share_proposes_the_charters_formula_adding_up_to_the_pot(repo: Repo) -> None:
    found = _json(repo, "share", "100", *PERIOD)
    assert found["formula"] == "weighted"
    assert found["members"] == [
        {"member": "camille", "points": "10.000000", "share": "55.6", "amount": "55.56"},
        {"member": "leo", "points": "8.000000", "share": "44.4", "amount": "44.44"},
    ]
    assert found["total"] == "100.00"
    done = repo.run("share", "100", *PERIOD)
    assert done.returncode == 0
    assert "Formula: weighted" in done.stdout and "€55.56" in done.stdout
    assert (
        "The fund holds €3,050.00 on 2026-11-30."
        in repo.run("share", "100", *PERIOD, "--as-of", "2026-11-30").stdout
    )
    over = repo.run("share", "4000", *PERIOD, "--as-of", "2026-11-30", "--format", "markdown")
    assert "less than this pot, which could not be recorded" in over.stdout
    assert _json(repo, "share", "1", *PERIOD, "--as-of", "2026-04-09")["fund"] == "3000.00"


def test_another_formula_and_the_four_side_by_side(repo: Repo) -> None:
    equal = _json(repo, "share", "100", *PERIOD, "--formula", "equal")
    amounts = {row["member"]: row["amount"] for row in equal["members"]}  # type: ignore[attr-defined]
    # camille is a member all the period (334 days), leo from 1 July (153 days)
    assert amounts == {"camille": "68.58", "leo": "31.42"}
    both = _json(repo, "share", "100", *PERIOD, "--compare")
    formulas = both["formulas"]
    assert [f["formula"] for f in formulas] == ["equal", "hours", "weighted", "balanced"]  # type: ignore[attr-defined]
    hours = formulas[1]["members"]  # type: ignore[index]
    assert [row["amount"] for row in hours] == ["55.56", "44.44"]
    text = repo.run("share", "100", *PERIOD, "--compare")
    assert text.returncode == 0 and "balanced" in text.stdout
    markdown = repo.run("share", "100", *PERIOD, "--compare", "--format", "markdown")
    assert "| camille |" in markdown.stdout
    one = repo.run("share", "100", *PERIOD, "--format", "markdown")
    assert "| camille | 10 | 55.6 % | €55.56 |" in one.stdout


def test_write_records_the_share_out_as_one_commit_that_checks_clean(repo: Repo) -> None:
    before = repo.count()
    done = repo.run(
        "share", "100", *PERIOD, "--write", "d2026", "--date", "2026-12-01", "--decision", "rep"
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert repo.count() == before + 1
    assert repo.changed() == ["distributions/d2026.yaml"]
    assert repo.read("distributions/d2026.yaml") == (
        "date: 2026-12-01\n"
        "decision: rep\n"
        "period: {from: 2026-01-01, to: 2026-11-30}\n"
        'pot: "100.00"\n'
        "formula: weighted\n"
        'weights: {facilitation: "1.5", meeting: "0.5"}\n'
        "payouts:\n"
        '  - {member: camille, points: "10", amount: "55.56"}\n'
        '  - {member: leo, points: "8", amount: "44.44"}\n'
    )
    assert repo.run("check", "--as-of", "2026-12-02", "--skip", "minimum").returncode == 0
    history = repo.run("history", "distribution:d2026")
    assert "share-out d2026 of the fund recorded, paid on 2026-12-01 to camille and leo" in (
        history.stdout
    )
    fund = _json(repo, "fund", "--as-of", "2026-12-31")
    assert fund["balance"] == "2950.00"
    again = repo.run("share", "100", *PERIOD, "--write", "d2026", "--date", "2026-12-01")
    assert again.returncode == 2 and "already exists" in again.stderr


def test_a_blank_title_is_no_title(repo: Repo) -> None:
    done = repo.run("share", "100", *PERIOD, "--write", "d", "--date", "2026-12-01", "--title", " ")
    assert done.returncode == 0, done.stdout + done.stderr
    assert repo.read("distributions/d.yaml").startswith("date: 2026-12-01\n")


def test_write_is_refused_when_the_fund_cannot_pay(repo: Repo) -> None:
    before = repo.count()
    done = repo.run("share", "5000", *PERIOD, "--write", "big", "--date", "2026-12-01")
    assert done.returncode == 1
    assert "more than the fund holds on 2026-12-01 (€3,050.00)" in done.stdout + done.stderr
    assert repo.count() == before
    assert not (repo.root / "distributions").exists()


def test_balanced_catches_up_on_an_earlier_share_out(repo: Repo) -> None:
    assert repo.run("share", "100", *PERIOD, "--formula", "equal", "--write", "a").returncode == 0
    found = _json(repo, "share", "100", *PERIOD, "--formula", "balanced")
    # paid 68.58 / 31.42; lifetime 10 / 8; targets of 200: 111.11 / 88.89
    assert [row["amount"] for row in found["members"]] == ["42.53", "57.47"]  # type: ignore[index]


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("share", "abc"), "AMOUNT: `abc` is not a number with at most 2 decimals"),
        (("share", "1.234"), "`1.234` is not a number with at most 2 decimals"),
        (("share", "0"), "`0` is not more than 0"),
        (("share", "1e3"), "`1e3` is not a number"),
        (("share", "100", "--from", "2026-06-01", "--to", "2026-05-01"), "before it starts"),
        (("share", "100", "--formula", "fair"), "--formula: `fair` is not one of"),
        (("share", "100", "--from", "2020-01-01", "--to", "2020-12-31"), "Nobody has any points"),
        (("share", "100", "--compare", "--formula", "equal"), "--compare shows the four"),
        (("share", "9", "--compare", "--from", "2010-01-01", "--to", "2010-02-01"), "Nobody has"),
        (("share", "100", "--format", "html"), "--format: `html` is not one of"),
        (("share", "100", *PERIOD, "--write", "x", "--date", "2026-11-01"), "after the share-out"),
        (("share", "100", *PERIOD, "--write", "Bad Id"), "is not a valid id"),
        (("fund", "--format", "sarif"), "--format: `sarif` is not one of"),
    ],
)
def test_bad_input_is_a_clear_message_and_nothing_is_written(
    repo: Repo, args: tuple[str, ...], said: str
) -> None:
    before = repo.count()
    done = repo.run(*args)
    assert done.returncode == 2, done.stdout + done.stderr
    assert said in done.stderr
    assert repo.count() == before and repo.status() == ""


def test_a_bad_amount_is_named_as_help_names_it_in_french(repo: Repo) -> None:
    done = repo.run("share", "abc", lang="fr")
    assert done.returncode == 2
    assert plain(done.stderr).startswith("MONTANT : `abc`"), done.stderr


def test_without_a_valuation_a_formula_must_be_chosen(tmp_path: Path) -> None:
    config = CONFIG.split("  valuation:")[0]
    repo = make(tmp_path, {**FILES, "collectif.yaml": config})
    done = repo.run("share", "100", *PERIOD)
    assert done.returncode == 2 and "choose a formula with --formula" in done.stderr
    assert repo.run("share", "100", *PERIOD, "--formula", "hours").returncode == 0
    nothing = repo.run("fund")
    assert nothing.returncode == 2 and "The charter keeps no fund" in nothing.stderr


def test_fund_shows_the_balance_and_every_movement(repo: Repo) -> None:
    found = _json(repo, "fund", "--as-of", "2026-12-31")
    assert found["opening"] == {"date": "2026-01-01", "balance": "3000.00"}
    assert found["movements"] == [
        {
            "date": "2026-04-10",
            "source": "project:site",
            "member": "camille",
            "deduction": "fonds collectif",
            "amount": "50.00",
        }
    ]
    assert found["balance"] == "3050.00"
    assert _json(repo, "fund", "--as-of", "2026-04-09")["balance"] == "3000.00"
    text = repo.run("fund", "--as-of", "2026-12-31", lang="fr")
    assert "ouverture" in text.stdout and "3 050,00" in plain(text.stdout)
    markdown = repo.run("fund", "--as-of", "2026-12-31", "--format", "markdown")
    assert "| 2026-04-10 | project:site (camille, fonds collectif) | €50.00 | €3,050.00 |" in (
        markdown.stdout
    )


def test_compare_leaves_out_a_formula_under_which_nobody_has_points(repo: Repo) -> None:
    found = _json(repo, "share", "100", "--from", "2026-10-01", "--to", "2026-10-31", "--compare")
    assert [f["formula"] for f in found["formulas"]] == ["equal", "balanced"]  # type: ignore[attr-defined]


def test_history_tells_a_share_out_changed_by_hand(repo: Repo) -> None:
    assert repo.run("share", "100", *PERIOD, "--write", "d", "--date", "2026-12-01").returncode == 0
    repo.write(
        "distributions/d.yaml",
        repo.read("distributions/d.yaml").replace("2026-12-01", "2026-12-02"),
    )
    repo.git("commit", "-qam", "date")
    repo.git("rm", "-q", "distributions/d.yaml")
    repo.git("commit", "-qm", "gone")
    told = repo.run("history", "distribution:d").stdout
    assert "the share-out d changed: date (2026-12-01 → 2026-12-02)" in told
    assert "the share-out d was removed" in told


def test_points_are_shown_to_two_decimals_and_kept_exact_in_json() -> None:
    """`balanced` gives points such as 192.481728: the table rounds them for the eye, the
    JSON keeps them whole, and the amounts come from the exact points either way."""
    example = str(Path(__file__).parents[2] / "data" / "example")
    args = ("share", "2000", "--repo", example, "--from", "2025-01-01", "--to", "2025-11-30")
    text = run(*args, "--formula", "balanced", "--lang", "en", env={"COLUMNS": "100"})
    assert text.returncode == 0, text.stderr
    assert "192.48" in text.stdout and "192.481728" not in text.stdout
    document = json.loads(run(*args, "--formula", "balanced", "--format", "json").stdout)
    assert "192.481728" in json.dumps(document)
