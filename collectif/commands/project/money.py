"""A project's money: `line` adds a line to its quote, `pay` records what co-traitance pays."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from collectif.checks.cotraitance import due
from collectif.commands.dates import parse_day
from collectif.commands.options import WriteOptions
from collectif.commands.project.common import NOT_CANCELLED, OPEN, prepare_project
from collectif.engine.write import PROJECT_KEYS, parse_id, require_member
from collectif.errors import CollectifError
from collectif.model.message import Names, Text, msg
from collectif.model.types import MAX_DAYS, MAX_MONEY
from collectif.store import roundtrip

if TYPE_CHECKING:
    from collectif.commands.project import LineValue

_NUMBER = re.compile(r"[0-9]+(?:[.,][0-9]{1,2})?")


def parse_amount(option: str | Text, value: str, most: Decimal) -> Decimal:
    """A number written `1200`, `1200.50` or `1200,50`: at most 2 decimals, within bounds."""
    text = value.strip().replace("\u202f", "").replace(" ", "")
    if not _NUMBER.fullmatch(text):
        raise CollectifError(
            "{option}: `{value}` is not a number with at most 2 decimals, e.g. 1200 or 450.50.",
            option=option,
            value=value,
        )
    number = Decimal(text.replace(",", "."))
    if not Decimal(0) < number <= most:
        raise CollectifError(
            "{option}: `{value}` is not more than 0 and at most {most}.",
            option=option,
            value=value,
            most=most,
        )
    return number


def _line(member: str, what: str, value: LineValue) -> dict[str, Any]:
    item: dict[str, Any] = {"member": member, "what": what}
    amount, days, rate = value.amount, value.days, value.rate
    if amount is not None and days is None and rate is None:
        item["amount"] = parse_amount("--amount", amount, MAX_MONEY)
    elif amount is None and days is not None and rate is not None:
        item["days"] = parse_amount("--days", days, MAX_DAYS)
        item["rate"] = parse_amount("--rate", rate, MAX_MONEY)
    else:
        raise CollectifError(
            "A quote line has either --amount, or both --days and --rate: give one of the two."
        )
    return item


def line(
    project_id: str,
    member: str,
    what: str,
    value: LineValue,
    options: WriteOptions,
) -> int:
    """Add a line to the project's quote: the work one member does in it, at its value."""
    work = prepare_project(project_id, options, OPEN)
    member = require_member(work.change.workspace, parse_id("--member", member))
    if not what.strip():
        raise CollectifError("--what: say what the line is for, e.g. `intégration`.")
    item = _line(member, what.strip(), value)
    roundtrip.add_item(work.document(), "lines", item, PROJECT_KEYS)
    return work.change.record(
        msg("project: quote line for {member} in {project}", member=member, project=work.key)
    )


def pay(project_id: str, day: str | None, options: WriteOptions) -> int:
    """Record the payouts co-traitance gives: each member's lines less the charter's
    deductions, so that paying never takes a margin on anyone's work."""
    work = prepare_project(project_id, options, NOT_CANCELLED)
    payouts = due(work.change.workspace.collective, work.data)
    if not payouts:
        raise CollectifError(
            "The project {project} has no quote line yet: add them first "
            "(`collectif project line {project} --member M --what W --amount A`).",
            project=work.key,
        )
    items = roundtrip.block_list(
        roundtrip.mapping({"member": member, "amount": amount}, flow=True)
        for member, amount in payouts.items()
    )
    document = work.document()
    roundtrip.set_value(document, "payouts", items, PROJECT_KEYS)
    if day is not None:
        roundtrip.set_value(document, "paid", parse_day("--date", day), PROJECT_KEYS)
    return work.change.record(
        msg(
            "project: payouts of {project} for {members}",
            project=work.key,
            members=Names(tuple(payouts)),
        )
    )
