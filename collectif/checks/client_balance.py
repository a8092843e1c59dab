"""`client-balance`: keep both social-economy clients and big accounts in the signed revenue."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from collectif.checks.base import COLLECTIVE, Check, Context, Explanation, charter_of, on_charter
from collectif.checks.shares import percent, ratio, signed_in_window
from collectif.model.collective import Collective
from collectif.model.files import Clients, Project
from collectif.model.finding import Finding, Severity
from collectif.model.message import Message, Money, Param, msg

NAME = "client-balance"

EXPLANATION = Explanation(
    summary="The share of social-economy clients in signed revenue is off balance.",
    finds=(
        "Over the window (projects not cancelled whose `signed` date falls in the "
        "`window_months` months up to the as-of date), the ESS share of signed revenue: the "
        "budgets of `ess` projects divided by those of `ess` and `big_account` projects. "
        "`public` and `other` clients are left out. A finding when the share is below the "
        "minimum or above the maximum; none when there is neither ESS nor big-account revenue."
    ),
    why=(
        "The collective serves both small social-economy clients who share its values and big "
        "accounts who pay full price, and wants to keep both: without the first it drifts from "
        "why it exists, without the second it cannot pay its members fairly."
    ),
    fix=(
        "Talk about it at the next meeting and aim the next prospecting at the kind of client "
        "that is missing. Check that each project's `client_kind`, `signed` date and `lines` "
        "are right: the budget of a project is the sum of its lines."
    ),
    settings=(
        "`charter.clients.ess_share_min` (default 0.3) and `charter.clients.ess_share_max` "
        "(default 0.8): the accepted range of the ESS share; `charter.clients.window_months` "
        "(default 12): how many months of signed contracts are counted."
    ),
)


def revenue_of(projects: dict[str, Project], kind: str) -> Decimal:
    return sum((p.budget for p in projects.values() if p.client_kind == kind), Decimal(0))


def balanced(ess: Decimal, big: Decimal, rules: Clients) -> bool:
    """Within the range, or nothing to weigh; compared without dividing."""
    total = ess + big
    return total == 0 or rules.ess_share_min * total <= ess <= rules.ess_share_max * total


def _message(ess: Decimal, big: Decimal, rules: Clients, context: Context, cur: str) -> Message:
    share = ess / (ess + big)
    low = share < rules.ess_share_min
    values: dict[str, Param] = {
        "months": rules.window_months,
        "as_of": context.as_of,
        "share": percent(share, rules.ess_share_min if low else rules.ess_share_max),
        "ess": Money(ess, cur),
        "total": Money(ess + big, cur),
    }
    if low:
        return msg(
            "over the {months} months to {as_of}, ESS clients brought {share}% of the revenue "
            "signed with ESS clients and big accounts ({ess} of {total}), below the {minimum}% "
            "minimum: the collective is drifting away from the social-economy clients who share "
            "its values",
            **values,
            minimum=percent(rules.ess_share_min),
        )
    return msg(
        "over the {months} months to {as_of}, ESS clients brought {share}% of the revenue "
        "signed with ESS clients and big accounts ({ess} of {total}), above the {maximum}% "
        "maximum: the collective also needs big accounts who pay full price",
        **values,
        maximum=percent(rules.ess_share_max),
    )


def check(collective: Collective, context: Context) -> Iterator[Finding]:
    """The ESS share of the window's signed revenue, against the charter's range."""
    rules = charter_of(collective).clients
    projects = signed_in_window(collective, context.as_of, rules.window_months)
    ess, big = revenue_of(projects, "ess"), revenue_of(projects, "big_account")
    if balanced(ess, big, rules):
        return
    message = _message(ess, big, rules, context, collective.charter_config.currency)
    details = {"ess": ess, "big_account": big, "ess_share": ratio(ess, ess + big)}
    yield COLLECTIVE.finding(NAME, "ess-share", message, details, ("charter", "clients"))


CHECK = Check(NAME, Severity.WARNING, check, EXPLANATION, on_charter("clients", currency=True))
