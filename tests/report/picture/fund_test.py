"""Section 7 of the report, the fund: the same balance as `collectif fund`, the last share-out as
recorded, and the proposal `collectif share` makes for today's balance."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from collectif.commands.report import report
from tests.commands.share_test import CONFIG, PROJECT
from tests.helpers import collective, member, run

EXAMPLE = Path(__file__).resolve().parents[3] / "data" / "example"

FILES = {
    "members/camille.yaml": member("Camille", joined="2015-01-10"),
    "members/leo.yaml": member("Leo", joined="2026-07-01"),
    "projects/site.yaml": PROJECT,
    "distributions/partage-2026.yaml": """\
        title: Premier partage
        date: 2026-06-15
        period: {from: 2026-01-01, to: 2026-05-31}
        pot: "1000.00"
        formula: weighted
        weights: {facilitation: "1.5", meeting: "0.5"}
        payouts:
          - {member: camille, points: "10", amount: "1000.00"}
        """,
    "contributions/camille/2026-03.yaml": "- {date: 2026-03-02, hours: 10, kind: reflection}\n",
    "contributions/leo/2026-09.yaml": (
        "- {date: 2026-09-02, hours: 4, kind: facilitation}\n"
        "- {date: 2026-09-05, hours: 4, kind: meeting}\n"
    ),
}
AS_OF = "2026-11-30"

Doc = dict[str, Any]


def _report(root: Path, output: str, as_of: str = AS_OF, lang: str = "en") -> str:
    out = root.parent / f"report-{root.name}.{output}"
    assert report(root, as_of, None, None, output, out, lang) == 0
    return out.read_text(encoding="utf-8")


def _fund(root: Path, as_of: str = AS_OF) -> Doc:
    section: Doc = json.loads(_report(root, "json", as_of))["fund"]
    return section


def _command(*args: str) -> Doc:
    done = run(*args, "--format", "json", "--lang", "en")
    assert done.returncode == 0, done.stderr
    document: Doc = json.loads(done.stdout)
    return document


def _amounts(payouts: list[Doc]) -> dict[str, tuple[Decimal, Decimal]]:
    return {p["member"]: (Decimal(p["points"]), Decimal(p["amount"])) for p in payouts}


def _agrees_with_the_commands(root: Path, as_of: str, section: Doc) -> None:
    """The balance is `collectif fund`'s; the proposal is `collectif share`'s for that balance
    and the section's period."""
    fund = _command("fund", "--repo", str(root), "--as-of", as_of)
    assert section["balance"] == fund["balance"]
    proposal = section["proposal"]
    share = _command(
        "share", proposal["pot"], "--repo", str(root), "--as-of", as_of,
        "--from", proposal["from"], "--to", proposal["to"],
    )  # fmt: skip
    assert proposal["formula"] == share["formula"]
    assert _amounts(proposal["payouts"]) == _amounts(share["members"])
    assert proposal["total"] == share["total"]


def test_a_collective_with_a_fund(tmp_path: Path) -> None:
    root = collective(tmp_path / "c", FILES, CONFIG)
    section = _fund(root)
    assert section["opening"] == {"date": "2026-01-01", "balance": "3000.00"}
    assert section["balance"] == "2050.00"  # 3000 + 5 % of 1000 - the share-out's 1000
    months = {m["month"]: (m["in"], m["out"], m["balance"]) for m in section["months"]}
    assert min(months) == "2026-01"  # nothing before the opening
    assert months["2026-03"] == ("0.00", "0.00", "3000.00")
    assert months["2026-04"] == ("50.00", "0.00", "3050.00")
    assert months["2026-06"] == ("0.00", "1000.00", "2050.00")
    assert months["2026-10"] == ("0.00", "0.00", "2050.00")
    last = section["last"]
    assert (last["id"], last["title"], last["date"], last["pot"]) == (
        "partage-2026",
        "Premier partage",
        "2026-06-15",
        "1000.00",
    )
    assert last["payouts"] == [
        {"member": "camille", "points": "10", "amount": "1000.00", "share": "1.0000"}
    ]
    # what the last share-out valued is not valued again: from the day after its period
    assert section["since"] == "2026-06-01"
    proposal = section["proposal"]
    assert (proposal["from"], proposal["to"], proposal["pot"]) == ("2026-06-01", AS_OF, "2050.00")
    assert proposal["payouts"] == [
        {"member": "leo", "points": "8", "amount": "2050.00", "share": "1.0000"}
    ]
    assert section["unshared"] is None
    _agrees_with_the_commands(root, AS_OF, section)


def test_every_face_shows_it(tmp_path: Path) -> None:
    root = collective(tmp_path / "c", FILES, CONFIG)
    text = _report(root, "text")
    assert "The fund holds €2,050.00 on 2026-11-30." in text
    assert "The last share-out, partage-2026, paid on 2026-06-15" in text
    assert "collectif share 2050.00 --from 2026-06-01 --to 2026-11-30" in text
    markdown = _report(root, "markdown")
    assert "## The fund" in markdown and "| Apr 2026 | €50.00 |  | €3,050.00 |" in markdown
    assert "| **Total** |  |  | **€2,050.00** |" in markdown
    html = _report(root, "html")
    assert '<section id="fund">' in html and 'href="#fund"' in html
    start = html.index('<section id="fund">')
    fund = html[start : html.index("</section>", start)]
    assert fund.count('class="pygal-chart"') == 1 and "The data of the chart" in fund
    french = _report(root, "text", lang="fr").replace("\u00a0", " ").replace("\u202f", " ")
    assert "Le fonds contient 2 050,00 € au 2026-11-30." in french


def test_why_nothing_is_proposed(tmp_path: Path) -> None:
    without = CONFIG.replace(
        "  valuation:\n    formula: weighted\n    weights: {facilitation: 1.5, meeting: 0.5}\n", ""
    )
    root = collective(tmp_path / "a", FILES, without)
    section = _fund(root)
    assert section["proposal"] is None and section["unshared"] == "formula"
    assert "does not say how contribution is valued" in _report(root, "markdown")
    empty = CONFIG.replace('balance: "3000.00"', 'balance: "0.00"')
    files = {k: v for k, v in FILES.items() if not k.startswith(("distributions/", "projects/"))}
    section = _fund(collective(tmp_path / "b", files, empty))
    assert section["balance"] == "0.00" and section["unshared"] == "empty"
    assert section["last"] is None
    valued = dict(FILES)
    valued["distributions/partage-2026.yaml"] = FILES["distributions/partage-2026.yaml"].replace(
        "to: 2026-05-31", "to: 2026-06-15"
    )
    root = collective(tmp_path / "d", valued, CONFIG)
    section = _fund(root, "2026-06-15")
    assert section["unshared"] == "period" and section["since"] == "2026-06-16"
    assert "Everything given up to 2026-06-15 was valued" in _report(root, "text", "2026-06-15")
    leo_only = {k: v for k, v in FILES.items() if "leo" not in k}
    section = _fund(collective(tmp_path / "c", leo_only, CONFIG))
    assert section["unshared"] == "points" and section["since"] == "2026-06-01"


def test_left_out_without_a_fund(tmp_path: Path) -> None:
    config = CONFIG[: CONFIG.index("  fund:")]
    root = collective(tmp_path / "c", FILES, config)
    assert _fund(root) is None
    assert "## The fund" not in _report(root, "markdown")


def test_the_example_agrees_with_collectif_fund_and_share() -> None:
    document = json.loads(
        run("report", "--repo", str(EXAMPLE), "--as-of", "2026-11-26", "--format", "json").stdout
    )
    section = document["fund"]
    assert section["balance"] == "2198.00"
    assert section["last"]["id"] == "repartition-2025"
    assert section["last"]["total"] == section["last"]["pot"] == "2000.00"
    assert section["since"] == "2025-12-01"  # repartition-2025 valued up to 2025-11-30
    assert section["proposal"]["pot"] == "2198.00"
    _agrees_with_the_commands(EXAMPLE, "2026-11-26", section)
