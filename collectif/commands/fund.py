"""`collectif fund`: the fund's balance as of a date, and every movement behind it."""

from __future__ import annotations

import json
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

from rich.console import Console
from rich.table import Table

from collectif import i18n
from collectif.checks import ledger
from collectif.commands.dates import parse_day
from collectif.commands.options import require_format
from collectif.commands.roster import open_collective
from collectif.errors import needed
from collectif.model.collective import Collective
from collectif.model.files import Fund
from collectif.model.message import N_, Money, msg

FORMATS = ("text", "json", "markdown")
_WORDS = (N_("Date"), N_("Movement"), N_("Amount"), N_("Balance"), N_("opening balance"))


def fund_of(collective: Collective) -> Fund:
    return needed(
        collective.charter_config.charter.fund,
        N_(
            "The charter keeps no fund: add `fund: {{from_deductions: [...], opening: {{date: "
            "YYYY-MM-DD, balance: 0}}}}` under `charter` in collectif.yaml."
        ),
    )


def _label(movement: ledger.Movement) -> str:
    if movement.member is None:
        return movement.source
    return f"{movement.source} ({movement.member}, {movement.deduction})"


def _rows(fund: Fund, moves: list[ledger.Movement]) -> list[tuple[date, str, Decimal, Decimal]]:
    rows, running = [], fund.opening.balance
    for movement in moves:
        running += movement.amount
        rows.append((movement.day, _label(movement), movement.amount, running))
    return rows


def _json(as_of: date, fund: Fund, moves: list[ledger.Movement], currency: str) -> str:
    document = {
        "as_of": as_of.isoformat(),
        "currency": currency,
        "opening": {"date": fund.opening.date.isoformat(), "balance": str(fund.opening.balance)},
        "movements": [
            {
                "date": m.day.isoformat(),
                "source": m.source,
                "member": m.member,
                "deduction": m.deduction,
                "amount": str(m.amount),
            }
            for m in moves
        ],
        "balance": str(ledger.balance(fund, moves, as_of)),
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


def _markdown(
    as_of: date, fund: Fund, moves: list[ledger.Movement], currency: str, lang: i18n.Lang
) -> str:
    def word(text: str) -> str:
        return i18n.gettext_(lang, text)

    def money(amount: Decimal) -> str:
        return i18n.money(Money(amount, currency), lang)

    title = i18n.render(
        msg(
            "The fund on {day}: {balance}",
            day=as_of,
            balance=Money(ledger.balance(fund, moves, as_of), currency),
        ),
        lang,
    )
    lines = [
        f"## {title}",
        "",
        f"| {word('Date')} | {word('Movement')} | {word('Amount')} | {word('Balance')} |",
        "|---|---|--:|--:|",
    ]
    lines.append(
        f"| {fund.opening.date} | {word('opening balance')} | | {money(fund.opening.balance)} |"
    )
    for day, label, amount, running in _rows(fund, moves):
        lines.append(f"| {day} | {label} | {money(amount)} | {money(running)} |")
    return "\n".join(lines)


def _text(
    as_of: date, fund: Fund, moves: list[ledger.Movement], currency: str, lang: i18n.Lang
) -> None:
    def money(amount: Decimal) -> str:
        return i18n.money(Money(amount, currency), lang)

    table = Table(title_justify="left")
    for header in ("Date", "Movement", "Amount", "Balance"):
        table.add_column(
            i18n.gettext_(lang, header),
            justify="right" if header in ("Amount", "Balance") else "left",
        )
    table.add_row(
        fund.opening.date.isoformat(),
        i18n.gettext_(lang, "opening balance"),
        "",
        money(fund.opening.balance),
    )
    for day, label, amount, running in _rows(fund, moves):
        table.add_row(day.isoformat(), label, money(amount), money(running))
    console = Console(highlight=False, soft_wrap=True)
    console.print(table)
    total = Money(ledger.balance(fund, moves, as_of), currency)
    console.print(
        i18n.render(msg("The fund holds {balance} on {day}.", balance=total, day=as_of), lang)
    )


def fund(
    repo: Path | None = None,
    as_of: str | None = None,
    output: str = "text",
    lang: str | None = None,
) -> int:
    """Print the fund's balance as of a date and every movement behind it."""
    output = require_format(output, FORMATS)
    day = parse_day("--as-of", as_of, date.today())
    collective, language = open_collective(repo, lang)
    kept = fund_of(collective)
    moves = [m for m in ledger.movements(collective, kept) if m.day <= day]
    currency = collective.charter_config.currency
    if output == "json":
        sys.stdout.write(_json(day, kept, moves, currency) + "\n")
    elif output == "markdown":
        sys.stdout.write(_markdown(day, kept, moves, currency, language) + "\n")
    else:
        _text(day, kept, moves, currency, language)
    return 0
