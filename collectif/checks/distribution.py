"""`distribution`: a share-out of the fund pays what its own formula and frozen points give,
adds up to its pot, and spends no more than the fund holds."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

from collectif.checks import ledger, valuation
from collectif.checks.base import Check, Context, Explanation, about_distribution, charter_of
from collectif.checks.shares import paid, payout_path, per_member
from collectif.model.collective import Collective
from collectif.model.files import Distribution, Formula
from collectif.model.finding import Finding, Path, Severity
from collectif.model.layout import CONFIG_FILE
from collectif.model.meetings import decision_problem
from collectif.model.message import Message, Money, Names, msg

NAME = "distribution"

EXPLANATION = Explanation(
    summary="A share-out of the fund that does not follow its formula, or spends more than the "
    "fund holds.",
    finds=(
        "Each file of `distributions/` is recomputed from its own frozen inputs: its `pot` "
        "shared in proportion to the recorded `points`, exactly, floored to cents, the cents "
        "left over going one each to the largest remainders. A member whose amount differs "
        "from that by more than the cotraitance tolerance; payouts that do not add up to the "
        "pot; a pot above what the fund holds on the share-out's date; points that nobody has. "
        "A warning names each member whose recorded points differ from what the entries give "
        "today (hours logged or changed after the share-out).\n"
        "The four formulas, on an example: Ana gave 10 hours of support, Bo 4 hours of "
        "facilitation and 4 of meetings, over a year when both were members; pot 100.\n"
        "- `equal`: everyone gets the same, prorated for the days they were a member in the "
        "period: 1 point each, 50 and 50.\n"
        "- `hours`: one point per volunteer hour, whatever the kind: 10 and 8, so 55.56 and "
        "44.44.\n"
        "- `weighted`: hours times the weight of their kind (facilitation 1.5, meetings 0.5): "
        "10 and 6 + 2 = 8, so 55.56 and 44.44; paid project work weighs 0, a kind the "
        "weights leave out weighs 1.\n"
        "- `balanced`: weighted, but it catches up on what earlier share-outs paid. Each "
        "member's target is their share of everything ever paid plus this pot, in proportion "
        "to their weighted points since the beginning; they get what they still miss of it. "
        "With lifetime points 50, 30 and 20, earlier payouts 60, 20 and 20, and a pot of "
        "100: the targets of 200 are 100, 60 and 40, so the pot goes 40, 40 and 20."
    ),
    why=(
        "Whether and how to reward members' unequal volunteer effort is for each collective to "
        "choose. Once it has chosen, what is paid must follow the formula, so that nobody has "
        "to trust a spreadsheet: anyone can recompute a share-out from its file."
    ),
    fix=(
        "Do not edit amounts by hand: record a share-out with `collectif share POT --from D "
        "--to D --write ID`, which computes it and refuses it if the fund cannot pay it. If a "
        "recorded one is wrong, correct its `payouts` to what the message says, or its `pot`."
    ),
    settings=(
        "`charter.valuation`: `formula` (equal, hours, weighted or balanced; default weighted), "
        "`weights` per volunteer kind (default 1), `cap_share` (optional: nobody receives more "
        "than this share of one pot, the rest going to the others). `charter.fund`: "
        "`from_deductions`, the cotraitance deductions that feed the fund, and `opening` "
        "{date, balance}. `charter.cotraitance.tolerance` (default 0.01). Each share-out keeps "
        "its own formula, weights and cap: changing the charter does not change past ones."
    ),
)


def formula_of(collective: Collective, distribution: Distribution) -> Formula:
    """The formula a share-out used: its own, else the charter's (loading drops a share-out
    that has neither)."""
    if distribution.formula is not None:
        return distribution.formula
    rules = charter_of(collective).valuation
    return rules.formula if rules is not None else "weighted"


def recorded_points(distribution: Distribution) -> dict[str, Decimal]:
    return per_member((payout.member, payout.points) for payout in distribution.payouts)


def paid_amounts(distribution: Distribution) -> dict[str, Decimal]:
    return paid(distribution.payouts)


def _line(distribution: Distribution, member: str, key: str) -> Path:
    return payout_path(distribution.payouts, member, key)


def _finding(
    ident: str,
    path: Path,
    key: str,
    message: Message,
    details: dict[str, str] | None = None,
    measure: Decimal | None = None,
    severity: Severity | None = None,
) -> Finding:
    about = about_distribution(ident)
    return about.finding(NAME, key, message, details, path, measure=measure, severity=severity)


def _amount_message(
    member: str, expected: Decimal, paid: Decimal, others: list[str], currency: str
) -> Message:
    gap, names = Money(abs(paid - expected), currency), Names(tuple(others))
    figures = {"expected": Money(expected, currency), "paid": Money(paid, currency)}
    if paid > expected and others:
        return msg(
            "{member} received {gap} more than the pot shared by the recorded points gives "
            "(expected {expected}, paid {paid}), while {others} received less: correct the "
            "payouts",
            member=member,
            gap=gap,
            others=names,
            **figures,
        )
    if paid > expected:
        return msg(
            "{member} received {gap} more than the pot shared by the recorded points gives "
            "(expected {expected}, paid {paid}): correct the payout",
            member=member,
            gap=gap,
            **figures,
        )
    if others:
        return msg(
            "{member} received {gap} less than the pot shared by the recorded points gives "
            "(expected {expected}, paid {paid}), while {others} received more: correct the "
            "payouts",
            member=member,
            gap=gap,
            others=names,
            **figures,
        )
    return msg(
        "{member} received {gap} less than the pot shared by the recorded points gives "
        "(expected {expected}, paid {paid}): correct the payout",
        member=member,
        gap=gap,
        **figures,
    )


def _amounts(
    ident: str,
    distribution: Distribution,
    expected: dict[str, Decimal],
    tolerance: Decimal,
    currency: str,
) -> Iterator[Finding]:
    paid = paid_amounts(distribution)
    members = sorted(set(expected) | set(paid))
    gaps = {m: paid.get(m, Decimal(0)) - expected.get(m, Decimal(0)) for m in members}
    wrong = [m for m in members if abs(gaps[m]) > tolerance]
    for member in wrong:
        others = [o for o in wrong if (gaps[o] > 0) != (gaps[member] > 0)]
        message = _amount_message(
            member, expected.get(member, Decimal(0)), paid.get(member, Decimal(0)), others, currency
        )
        yield _finding(
            ident,
            _line(distribution, member, "amount"),
            f"amount:{member}",
            message,
            details={
                "member": member,
                "expected": str(expected.get(member, Decimal(0))),
                "paid": str(paid.get(member, Decimal(0))),
            },
            measure=abs(gaps[member]),
        )


def _total(
    ident: str, distribution: Distribution, expected: dict[str, Decimal], currency: str
) -> Iterator[Finding]:
    total = sum(paid_amounts(distribution).values(), Decimal(0))
    wanted = sum(expected.values(), Decimal(0))
    if total != wanted:
        yield _finding(
            ident,
            ("pot",),
            "sum",
            msg(
                "the payouts add up to {total}, not {pot}: the amounts must add up to the pot "
                "to the cent",
                total=Money(total, currency),
                pot=Money(wanted, currency),
            ),
            details={"total": str(total), "pot": str(wanted)},
            measure=abs(total - wanted),
        )


def _fund(
    collective: Collective, ident: str, distribution: Distribution, currency: str
) -> Iterator[Finding]:
    fund = charter_of(collective).fund
    if fund is None:
        return
    holds = ledger.available(collective, fund, ident)
    if holds is not None and distribution.pot > holds:
        yield _finding(
            ident,
            ("pot",),
            "fund",
            msg(
                "the pot of {pot} is more than the fund holds on {day} ({holds}): lower the "
                "pot, or check the fund's movements with `collectif fund`",
                pot=Money(distribution.pot, currency),
                day=distribution.date,
                holds=Money(holds, currency),
            ),
            details={"pot": str(distribution.pot), "available": str(holds)},
            measure=distribution.pot - holds,
        )


def today_points(collective: Collective, ident: str, as_of: date) -> dict[str, Decimal]:
    """The points the entries give today under the share-out's own formula and weights."""
    distribution = collective.distributions[ident]
    basis = valuation.Basis(
        formula_of(collective, distribution),
        distribution.weights or {},
        valuation.Window(distribution.period.start, distribution.period.to),
        distribution.pot,
        valuation.earlier_payouts(collective, (distribution.date, ident), as_of),
    )
    return valuation.points_of(collective, basis)


def _drift(
    collective: Collective, ident: str, distribution: Distribution, as_of: date
) -> Iterator[Finding]:
    now = today_points(collective, ident, as_of)
    then = recorded_points(distribution)
    for member in sorted(set(now) | set(then)):
        was, now_is = then.get(member, Decimal(0)), now.get(member, Decimal(0))
        if was != now_is:
            yield _finding(
                ident,
                _line(distribution, member, "points"),
                f"points:{member}",
                msg(
                    "{member} has {now} points by the entries today, but the share-out recorded "
                    "{then}: hours were logged or changed after it; the amounts stand, and the "
                    "next share-out counts what is logged by then",
                    member=member,
                    now=now_is,
                    then=was,
                ),
                details={"member": member, "recorded": str(was), "today": str(now_is)},
                severity=Severity.WARNING,
            )


def _one(collective: Collective, ident: str, context: Context) -> Iterator[Finding]:
    distribution = collective.distributions[ident]
    currency = collective.charter_config.currency
    tolerance = charter_of(collective).cotraitance.tolerance
    shared = valuation.split(
        distribution.pot, recorded_points(distribution), distribution.cap_share
    )
    if shared is None:
        yield _finding(
            ident,
            ("payouts",),
            "no-points",
            msg(
                "nobody has any points in this share-out, so its pot cannot be shared: record "
                "the points of the period, or remove the share-out"
            ),
        )
    else:
        yield from _amounts(ident, distribution, shared.amounts, tolerance, currency)
        yield from _total(ident, distribution, shared.amounts, currency)
    yield from _fund(collective, ident, distribution, currency)
    if charter_of(collective).decisions is not None:
        problem = decision_problem(collective, distribution.decision, distribution.date)
        yield from decision_findings(ident, distribution, problem)
    yield from _drift(collective, ident, distribution, context.as_of)


def decision_findings(
    ident: str, distribution: Distribution, problem: str | None
) -> Iterator[Finding]:
    """The decision rule, where the collective keeps its decisions: `problem` says why the
    share-out's `decision` cannot stand (`missing`, `unknown`, `not-adopted`, `later`, as the
    meetings' `decision_problem` tells it), None when an adopted decision backs it."""
    if problem is None:
        return
    named = distribution.decision or ""
    path: Path = ("decision",) if distribution.decision else ()
    if problem == "missing":
        message = msg(
            "the share-out names no `decision`: the collective keeps its decisions, so write "
            "the id of the decision that adopted it"
        )
    elif problem == "unknown":
        message = msg(
            "no meeting records the decision `{decision}`: write the id of the decision that "
            "adopted this share-out",
            decision=named,
        )
    elif problem == "not-adopted":
        message = msg(
            "the decision `{decision}` was not adopted: a share-out is paid once a decision "
            "adopts it",
            decision=named,
        )
    else:
        message = msg(
            "the decision `{decision}` was taken after the share-out's date {day}: a share-out "
            "is paid once a decision adopts it",
            decision=named,
            day=distribution.date,
        )
    yield _finding(
        ident, path, "decision", message, details={"decision": named, "problem": problem}
    )


def check(collective: Collective, context: Context) -> Iterator[Finding]:
    """Every share-out recomputed from its own frozen inputs, and against the fund."""
    for ident in sorted(
        collective.distributions, key=lambda i: (collective.distributions[i].date, i)
    ):
        yield from _one(collective, ident, context)


def references(collective: Collective) -> Iterator[Finding]:
    """The `references` findings of the fund: a `from_deductions` name no deduction has, a
    share-out's period that ends before it starts or after its date, a payout to nobody."""
    charter = charter_of(collective)
    unsure = any(
        setting[:2] == ("charter", "cotraitance") for setting in collective.broken_settings
    )
    if charter.fund is not None and not unsure:  # never judged against a default
        names = {deduction.name for deduction in charter.cotraitance.deductions}
        for index, name in enumerate(charter.fund.from_deductions):
            if name not in names:
                yield Finding(
                    check="references",
                    subject="collective",
                    file=CONFIG_FILE,
                    path=("charter", "fund", "from_deductions", index),
                    message=msg(
                        "the fund is fed by `{name}`, but no cotraitance deduction has that name: "
                        "write the name of one of `charter.cotraitance.deductions`",
                        name=name,
                    ),
                )
    for ident, distribution in sorted(collective.distributions.items()):
        yield from _distribution_references(collective, ident, distribution)


def _distribution_references(
    collective: Collective, ident: str, distribution: Distribution
) -> Iterator[Finding]:
    period = distribution.period
    if period.to < period.start:
        problem = msg(
            "the period ends on {end}, before it starts on {start}",
            end=period.to,
            start=period.start,
        )
        yield _reference(ident, ("period", "to"), problem)
    elif period.to > distribution.date:
        problem = msg(
            "the period ends on {end}, after the share-out's date {day}: only what was given by "
            "the day it is paid can be valued",
            end=period.to,
            day=distribution.date,
        )
        yield _reference(ident, ("period", "to"), problem)
    for index, payout in enumerate(distribution.payouts):
        if payout.member not in collective.known.members:
            problem = msg(
                "there is no member `{member}` (no members/{member}.yaml)", member=payout.member
            )
            yield _reference(ident, ("payouts", index, "member"), problem)


def _reference(ident: str, path: Path, message: Message) -> Finding:
    return about_distribution(ident).finding("references", None, message, None, path)


CHECK = Check(
    NAME,
    Severity.ERROR,
    check,
    EXPLANATION,
    settings=(
        ("charter", "valuation"),
        ("charter", "fund"),
        ("charter", "cotraitance"),
        ("currency",),
    ),
)
