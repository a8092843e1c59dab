"""`collectif share`: a proposed share-out of the fund under a formula, the four formulas side
by side, or the proposal recorded as `distributions/ID.yaml` (one commit)."""

from __future__ import annotations

import json
import sys
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any, NamedTuple

from rich.console import Console
from rich.table import Table

from collectif import i18n
from collectif.checks import ledger, valuation
from collectif.commands.dates import parse_day
from collectif.commands.options import WriteOptions, choose, require_format
from collectif.commands.project.money import parse_amount
from collectif.commands.roster import open_collective
from collectif.engine.write import optional_text, parse_id, prepare
from collectif.errors import CollectifError, needed
from collectif.model.collective import Collective
from collectif.model.files import FORMULAS, Distribution, Formula
from collectif.model.layout import distribution_file
from collectif.model.message import N_, Money, Names, Text, msg
from collectif.model.types import MAX_MONEY
from collectif.store import roundtrip

FORMATS = ("text", "json", "markdown")
_WORDS = (N_("Member"), N_("Points"), N_("Share"), N_("Amount"), N_("Total"))
KEYS = roundtrip.key_order(Distribution)


class Request(NamedTuple):
    """What the person asked: the pot, the period, the formula (None: the charter's)."""

    pot: Decimal
    window: valuation.Window
    formula: Formula | None


Proposal = valuation.Proposal


def parse_request(
    pot: str, start: str | None, end: str | None, formula: str | None, as_of: date
) -> Request:
    amount = parse_amount(Text(msg(N_("AMOUNT"))), pot, MAX_MONEY)  # as help names it
    last = parse_day("--to", end, as_of)
    first = parse_day("--from", start, date(last.year, 1, 1))
    if last < first:
        raise CollectifError(
            "The period ends on {end}, before it starts on {start}: give --from before --to.",
            end=last,
            start=first,
        )
    if formula is not None:
        formula = choose("--formula", formula, FORMULAS)
    chosen: Formula | None = next((f for f in FORMULAS if f == formula), None)
    return Request(amount, valuation.Window(first, last), chosen)


def charter_formula(collective: Collective) -> Formula:
    rules = needed(
        collective.charter_config.charter.valuation,
        N_(
            "The charter does not say how contribution is valued: choose a formula with "
            "--formula (equal, hours, weighted or balanced), or set `valuation: {{formula: ...}}` "
            "under `charter` in collectif.yaml."
        ),
    )
    return rules.formula


def proposal_of(
    collective: Collective, request: Request, formula: Formula, paid: dict[str, Fraction]
) -> Proposal | None:
    """The share-out the formula gives, from the charter's weights and cap; None when nobody
    has any points under it."""
    return valuation.propose(collective, formula, request.window, request.pot, paid)


def propose(
    collective: Collective, request: Request, formula: Formula, paid: dict[str, Fraction]
) -> Proposal:
    """The share-out the formula gives, or a clear error when nobody has any points."""
    found = proposal_of(collective, request, formula, paid)
    if found is None:
        raise CollectifError(
            "Nobody has any points under the formula {formula} from {start} to {end}, so the "
            "pot cannot be shared: check the period, or log the time given in it.",
            formula=formula,
            start=request.window.start,
            end=request.window.end,
        )
    return found


def compared(collective: Collective, request: Request, paid: dict[str, Fraction]) -> list[Proposal]:
    """The formulas under which somebody has points, side by side."""
    found = [proposal_of(collective, request, formula, paid) for formula in FORMULAS]
    shown = [proposal for proposal in found if proposal is not None]
    return shown or [propose(collective, request, "equal", paid)]


# Output ----------------------------------------------------------------------------------------


def _share(proposal: Proposal, member: str, pot: Decimal) -> Decimal:
    exact = proposal.split.exact.get(member, Fraction(0))
    return (Decimal(exact.numerator) / Decimal(exact.denominator) / pot * 100).quantize(
        Decimal("0.1")
    )


def _as_json(proposal: Proposal, pot: Decimal) -> dict[str, Any]:
    return {
        "formula": proposal.formula,
        "weights": {kind: str(value) for kind, value in proposal.weights.items()},
        "cap_share": None if proposal.cap_share is None else str(proposal.cap_share),
        "members": [
            {
                "member": member,
                "points": str(points),
                "share": str(_share(proposal, member, pot)),
                "amount": str(proposal.split.amounts[member]),
            }
            for member, points in proposal.points.items()
        ],
        "total": str(sum(proposal.split.amounts.values(), Decimal(0))),
    }


def _header(request: Request, lang: i18n.Lang, currency: str) -> str:
    return i18n.render(
        msg(
            "Share-out of {pot} for {start} to {end}",
            pot=Money(request.pot, currency),
            start=request.window.start,
            end=request.window.end,
        ),
        lang,
    )


def _points(points: Decimal, lang: i18n.Lang) -> str:
    """Points as a reader compares them: at most 2 decimals (`balanced` gives fractions such as
    192.481728); the amounts are computed from the exact points, and `--format json` and
    `--write` keep them exact."""
    return i18n.number(points.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), lang)


def _rows(proposal: Proposal, pot: Decimal, lang: i18n.Lang, currency: str) -> list[list[str]]:
    rows = [
        [
            member,
            _points(points, lang),
            i18n.number(_share(proposal, member, pot), lang, places=1) + " %",
            i18n.money(Money(proposal.split.amounts[member], currency), lang),
        ]
        for member, points in proposal.points.items()
    ]
    total = sum(proposal.split.amounts.values(), Decimal(0))
    rows.append([i18n.gettext_(lang, "Total"), "", "", i18n.money(Money(total, currency), lang)])
    return rows


def _formula_line(proposal: Proposal, lang: i18n.Lang) -> str:
    return i18n.render(msg("Formula: {formula}", formula=proposal.formula), lang)


def _print_one(request: Request, proposal: Proposal, lang: i18n.Lang, currency: str) -> None:
    table = Table(title=_header(request, lang, currency), title_justify="left")
    for header in ("Member", "Points", "Share", "Amount"):
        table.add_column(
            i18n.gettext_(lang, header), justify="left" if header == "Member" else "right"
        )
    for row in _rows(proposal, request.pot, lang, currency):
        table.add_row(*row)
    console = Console(highlight=False, soft_wrap=True)
    console.print(_formula_line(proposal, lang))
    console.print(table)


def _markdown_one(request: Request, proposal: Proposal, lang: i18n.Lang, currency: str) -> str:
    words = [i18n.gettext_(lang, h) for h in ("Member", "Points", "Share", "Amount")]
    lines = [f"## {_header(request, lang, currency)}", "", _formula_line(proposal, lang), ""]
    lines += ["| " + " | ".join(words) + " |", "|---|--:|--:|--:|"]
    lines += ["| " + " | ".join(row) + " |" for row in _rows(proposal, request.pot, lang, currency)]
    return "\n".join(lines)


def _compare_rows(proposals: list[Proposal], lang: i18n.Lang, currency: str) -> list[list[str]]:
    members = sorted({m for p in proposals for m in p.points})
    rows = []
    for member in members:
        row = [member]
        for proposal in proposals:
            amount = proposal.split.amounts.get(member, Decimal(0))
            points = proposal.points.get(member, Decimal(0))
            row.append(f"{i18n.money(Money(amount, currency), lang)} ({_points(points, lang)})")
        rows.append(row)
    return rows


def _print_compare(
    request: Request, proposals: list[Proposal], lang: i18n.Lang, currency: str, output: str
) -> None:
    note = i18n.render(msg("Each cell: the amount, and the points in brackets."), lang)
    headers = [i18n.gettext_(lang, "Member"), *(p.formula for p in proposals)]
    rows = _compare_rows(proposals, lang, currency)
    if output == "markdown":
        lines = [f"## {_header(request, lang, currency)}", "", note, ""]
        lines += ["| " + " | ".join(headers) + " |", "|---" + "|--:" * len(proposals) + "|"]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        sys.stdout.write("\n".join(lines) + "\n")
        return
    table = Table(title=_header(request, lang, currency), title_justify="left")
    for index, header in enumerate(headers):
        table.add_column(header, justify="left" if index == 0 else "right")
    for row in rows:
        table.add_row(*row)
    console = Console(highlight=False, soft_wrap=True)
    console.print(table)
    console.print(note)


def _document(
    request: Request, proposal: Proposal, day: date, decision: str | None, title: str | None
) -> roundtrip.Document:
    pairs: dict[str, Any] = {}
    if title is not None:
        pairs["title"] = title
    pairs["date"] = day
    if decision is not None:
        pairs["decision"] = decision
    pairs["period"] = roundtrip.mapping(
        {"from": request.window.start, "to": request.window.end}, flow=True
    )
    pairs["pot"] = roundtrip.quoted(str(request.pot.quantize(Decimal("0.01"))))
    pairs["formula"] = proposal.formula
    if proposal.formula in ("weighted", "balanced"):
        pairs["weights"] = roundtrip.mapping(
            {
                kind: roundtrip.quoted(f"{value.normalize():f}")
                for kind, value in proposal.weights.items()
            },
            flow=True,
        )
    if proposal.cap_share is not None and proposal.split.capped:
        pairs["cap_share"] = roundtrip.quoted(str(proposal.cap_share))
    pairs["payouts"] = roundtrip.block_list(
        roundtrip.mapping(
            {
                "member": member,
                "points": roundtrip.quoted(f"{points.normalize():f}"),
                "amount": roundtrip.quoted(str(proposal.split.amounts[member])),
            },
            flow=True,
        )
        for member, points in proposal.points.items()
    )
    return roundtrip.new_mapping(pairs)


class Writing(NamedTuple):
    ident: str
    day: str | None
    decision: str | None
    title: str | None


def _write(request: Request, writing: Writing, as_of: date, options: WriteOptions) -> int:
    change = prepare(options)
    workspace = change.workspace
    ident = parse_id("--write", writing.ident)
    path = distribution_file(ident)
    if ident in workspace.collective.known.distributions:
        raise CollectifError("{path} already exists.", path=path)
    day = parse_day("--date", writing.day, workspace.today)
    if request.window.end > day:
        raise CollectifError(
            "The period ends on {end}, after the share-out's date {day}: only what was given by "
            "the day it is paid can be valued.",
            end=request.window.end,
            day=day,
        )
    collective = workspace.collective
    formula = request.formula or charter_formula(collective)
    paid = valuation.earlier_payouts(collective, (day, ident), as_of)
    proposal = propose(collective, request, formula, paid)
    decision = None if writing.decision is None else parse_id("--decision", writing.decision)
    document = _document(request, proposal, day, decision, optional_text(writing.title))
    change.edits.open_or_create(path, lambda: document)
    return change.record(
        msg(
            "distribution: {id}, {pot} shared among {members}",
            id=ident,
            pot=Money(request.pot, collective.charter_config.currency),
            members=Names(tuple(m for m, a in proposal.split.amounts.items() if a > 0)),
        ),
        effective=day,
    )


def _fund_line(collective: Collective, day: date, pot: Decimal, lang: i18n.Lang) -> str | None:
    """What the fund holds on the as-of date, and whether the pot fits, where a fund is kept."""
    fund = collective.charter_config.charter.fund
    if fund is None:
        return None
    holds = ledger.balance(fund, ledger.movements(collective, fund), day)
    currency = collective.charter_config.currency
    if pot > holds:
        said = msg(
            "The fund holds {balance} on {day}: less than this pot, which could not be recorded.",
            balance=Money(holds, currency),
            day=day,
        )
    else:
        said = msg("The fund holds {balance} on {day}.", balance=Money(holds, currency), day=day)
    return i18n.render(said, lang)


def _fund_balance(collective: Collective, day: date) -> str | None:
    fund = collective.charter_config.charter.fund
    if fund is None:
        return None
    return str(ledger.balance(fund, ledger.movements(collective, fund), day))


def _show(
    collective: Collective,
    request: Request,
    proposals: list[Proposal],
    day: date,
    output: str,
    lang: i18n.Lang,
    side_by_side: bool,
) -> None:
    currency = collective.charter_config.currency
    if output == "json":
        document: dict[str, Any] = {
            "as_of": day.isoformat(),
            "pot": str(request.pot),
            "from": request.window.start.isoformat(),
            "to": request.window.end.isoformat(),
            "fund": _fund_balance(collective, day),
        }
        if side_by_side:
            document["formulas"] = [_as_json(p, request.pot) for p in proposals]
        else:
            document.update(_as_json(proposals[0], request.pot))
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        return
    if side_by_side:
        _print_compare(request, proposals, lang, currency, output)
    elif output == "markdown":
        sys.stdout.write(_markdown_one(request, proposals[0], lang, currency) + "\n")
    else:
        _print_one(request, proposals[0], lang, currency)
    line = _fund_line(collective, day, request.pot, lang)
    if line is not None:
        sys.stdout.write(("\n" if output == "markdown" else "") + line + "\n")


def share(
    pot: str,
    start: str | None,
    end: str | None,
    formula: str | None,
    compare: bool,
    write: Writing | None,
    as_of: str | None,
    output: str,
    options: WriteOptions,
) -> int:
    """Propose a share-out of the fund, compare the formulas, or record one."""
    output = require_format(output, FORMATS)
    day = parse_day("--as-of", as_of, date.today())
    request = parse_request(pot, start, end, formula, day)
    if compare and (formula is not None or write is not None):
        raise CollectifError(
            "--compare shows the four formulas: give it without --formula or --write."
        )
    if write is not None:
        return _write(request, write, day, options)
    collective, language = open_collective(options.repo, options.lang)
    paid = valuation.earlier_payouts(collective, None, day)
    if compare:
        proposals = compared(collective, request, paid)
    else:
        chosen = request.formula or charter_formula(collective)
        proposals = [propose(collective, request, chosen, paid)]
    _show(collective, request, proposals, day, output, language, compare)
    return 0


def run(
    pot: str,
    start: str | None,
    end: str | None,
    formula: str | None,
    compare: bool,
    write: str | None,
    day: str | None,
    decision: str | None,
    title: str | None,
    as_of: str | None,
    output: str,
    options: WriteOptions,
) -> int:
    """`collectif share`, as the command line gives it."""
    writing = None if write is None else Writing(write, day, decision, title)
    return share(pot, start, end, formula, compare, writing, as_of, output, options)
