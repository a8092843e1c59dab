"""`contract-concentration`: new contracts must not depend on one member's prospecting."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from fractions import Fraction

from collectif.checks.base import COLLECTIVE, Check, Context, Explanation, charter_of, on_charter
from collectif.checks.shares import cents, percent, ratio, signed_in_window
from collectif.model.collective import Collective
from collectif.model.files import Contracts, Project
from collectif.model.finding import Finding, Severity
from collectif.model.message import Message, Money, Names, Param, msg

NAME = "contract-concentration"

EXPLANATION = Explanation(
    summary="One member brought most of the signed revenue.",
    finds=(
        "Over the window (projects not cancelled whose `signed` date falls in the "
        "`window_months` months up to the as-of date), the share of the signed revenue that "
        "each member brought: each project's budget is split evenly among the members in its "
        "`brought_by`; a project that nobody brought counts in the total but for nobody. A "
        "finding when the member who brought the most brought more than the maximum share."
    ),
    why=(
        "Finding clients is everybody's job. When one member brings most contracts, the "
        "collective's income depends on them: if they leave, fall ill or tire, the work stops, "
        "and the others become their subcontractors in all but name."
    ),
    fix=(
        "Share prospecting: the member at ease with it can coach the others, take them to "
        "meetings with prospects, and let them lead the next proposals. Check that each "
        "project's `brought_by` names every member who found the contract."
    ),
    settings=(
        "`charter.contracts.max_share_top_member` (default 0.5): the largest share of the "
        "signed revenue that one member may bring; `charter.contracts.window_months` (default "
        "12): how many months of signed contracts are counted."
    ),
)


def brought(projects: dict[str, Project]) -> dict[str, Fraction]:
    """The revenue each member brought, each budget split exactly among its co-finders."""
    credit: dict[str, Fraction] = {}
    for project in projects.values():
        finders = list(dict.fromkeys(project.brought_by))
        part = Fraction(project.budget) / len(finders) if finders else Fraction(0)
        for finder in finders:
            credit[finder] = credit.get(finder, Fraction(0)) + part
    return credit


def _decimal(value: Fraction) -> Decimal:
    return Decimal(value.numerator) / Decimal(value.denominator)


def _message(
    top: list[str], amount: Fraction, total: Decimal, rules: Contracts, as_of: date, cur: str
) -> Message:
    share = percent(_decimal(amount / Fraction(total)), rules.max_share_top_member)
    money = Money(cents(_decimal(amount)), cur)
    values: dict[str, Param] = {
        "share": share,
        "amount": money,
        "total": Money(total, cur),
        "maximum": percent(rules.max_share_top_member),
        "months": rules.window_months,
        "as_of": as_of,
    }
    if len(top) > 1:
        return msg(
            "over the {months} months to {as_of}, {members} each brought {share}% of the signed "
            "revenue ({amount} of {total}), above the {maximum}% that one member may bring: "
            "share prospecting, so that new contracts do not depend on a few members",
            members=Names(tuple(top)),
            **values,
        )
    return msg(
        "over the {months} months to {as_of}, {member} brought {share}% of the signed revenue "
        "({amount} of {total}), above the {maximum}% that one member may bring: share "
        "prospecting, so that new contracts do not depend on one member",
        member=top[0],
        **values,
    )


def check(collective: Collective, context: Context) -> Iterator[Finding]:
    """The member who brought the most of the window's signed revenue, if above the limit."""
    rules = charter_of(collective).contracts
    projects = signed_in_window(collective, context.as_of, rules.window_months)
    total = sum((project.budget for project in projects.values()), Decimal(0))
    credit = brought(projects)
    if total == 0 or not credit:
        return
    most = max(credit.values())
    if most <= Fraction(rules.max_share_top_member) * Fraction(total):
        return
    top = sorted(member for member, amount in credit.items() if amount == most)
    currency = collective.charter_config.currency
    message = _message(top, most, total, rules, context.as_of, currency)
    details = {
        "members": top,
        "brought": cents(_decimal(most)),
        "total": total,
        "share": ratio(_decimal(most), total),
    }
    yield COLLECTIVE.finding(NAME, "top-finder", message, details, ("charter", "contracts"))


CHECK = Check(NAME, Severity.WARNING, check, EXPLANATION, on_charter("contracts", currency=True))
