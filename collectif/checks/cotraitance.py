"""`cotraitance`: each member is paid the value of their own work, less the charter's deductions."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import NamedTuple

from collectif.checks.base import Check, Context, Explanation, about_project, charter_of, on_charter
from collectif.checks.shares import cents, paid, payout_path, per_member
from collectif.model.collective import Collective
from collectif.model.files import Project
from collectif.model.finding import Finding, Path, Severity
from collectif.model.message import Message, Money, Param, Text, msg

NAME = "cotraitance"

EXPLANATION = Explanation(
    summary="A member paid more or less than the value of their own work in a project.",
    finds=(
        "In a project that records payouts, a member whose payouts differ from the value of "
        "their own quote lines (`amount`, or `days` × `rate`) less the charter's deductions, "
        "rounded half-up to the cent, by more than the tolerance; a member with lines but no "
        "payout; a payout to a member who has no line. Each message names who received too "
        "much and who too little in that project, and what each payout should have been."
    ),
    why=(
        "In co-traitance each member is paid the full value of their own share of the work. "
        "Nobody subcontracts to a peer and keeps a cut: a margin taken on another member's "
        "work turns peers into employer and employee, which is what the collective exists to "
        "avoid. The only amounts withheld are the deductions the charter names, applied alike "
        "to everyone."
    ),
    fix=(
        "Correct the `payouts` of the project so that each member receives the value of their "
        "lines less the deductions, or correct the `lines` if they do not say who did the work. "
        "If a payout went to the wrong member, settle the difference between the members "
        "concerned and record what each one actually received."
    ),
    settings=(
        "`charter.cotraitance.deductions` (default: none): the named rates withheld alike from "
        'every member\'s share, e.g. `{name: fonds collectif, rate: "0.05"}`. '
        "`charter.cotraitance.tolerance` (default 0.01): the largest difference, in the "
        "collective's currency, that is not a finding."
    ),
)


class Share(NamedTuple):
    """One member's due and paid amounts in a project, and where their payout is written."""

    member: str
    expected: Decimal
    paid: Decimal
    has_line: bool
    path: Path

    @property
    def has_payout(self) -> bool:
        return self.path != ("payouts",)

    @property
    def difference(self) -> Decimal:
        return self.paid - self.expected


def _line_values(project: Project) -> dict[str, Decimal]:
    return per_member((line.member, line.value) for line in project.lines)


def shares(project: Project, kept: Decimal) -> list[Share]:
    """Every member with a line or a payout; `kept` is 1 less the deduction rates."""
    values, received = _line_values(project), paid(project.payouts)
    members = [*values, *(member for member in received if member not in values)]
    return [
        Share(
            member,
            cents(values[member] * kept) if member in values else Decimal(0),
            received.get(member, Decimal(0)),
            member in values,
            # the member's first payout: its amount, or its member if they have no line
            payout_path(project.payouts, member, "amount" if member in values else "member"),
        )
        for member in members
    ]


def _problem(title: str, share: Share, currency: str) -> Message:
    expected, paid = Money(share.expected, currency), Money(share.paid, currency)
    gap = Money(abs(share.difference), currency)
    if not share.has_line:
        return msg(
            "in {project}, {member} was paid {paid} but has no line in the quote",
            project=title,
            member=share.member,
            paid=paid,
        )
    # the order of the values does not matter: the finding's key, not its message, names it
    figures: dict[str, Param] = {
        "project": title,
        "member": share.member,
        "expected": expected,
        "paid": paid,
    }
    if share.difference > 0:
        return msg(
            "in {project}, {member} received {excess} more than the value of their own work "
            "(expected {expected}, paid {paid})",
            excess=gap,
            **figures,
        )
    if not share.has_payout:
        return msg(
            "in {project}, {member} has no payout, although their own work is worth {expected} "
            "after the deductions",
            project=title,
            member=share.member,
            expected=expected,
        )
    return msg(
        "in {project}, {member} received {shortfall} less than the value of their own work "
        "(expected {expected}, paid {paid})",
        shortfall=gap,
        **figures,
    )


def _counterpart(share: Share, currency: str) -> Message:
    gap = Money(abs(share.difference), currency)
    if share.difference > 0:
        return msg("{member} received {amount} more", member=share.member, amount=gap)
    return msg("{member} received {amount} less", member=share.member, amount=gap)


def _joined(parts: Sequence[Message]) -> Message:
    """Parts joined as a person writes a list: "a, b and c"."""
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2:
        return msg("{first} and {last}", first=Text(parts[0]), last=Text(parts[1]))
    return msg("{first}, {rest}", first=Text(parts[0]), rest=Text(_joined(parts[1:])))


def _message(title: str, share: Share, others: Sequence[Share], currency: str) -> Message:
    problem = Text(_problem(title, share, currency))
    if not others:
        return msg(
            "{problem}: pay each member the value of their own lines less the charter's "
            "deductions, and nothing to a member without a line",
            problem=problem,
        )
    return msg(
        "{problem}, while {others}: a member may not keep a margin on a peer's work",
        problem=problem,
        others=Text(_joined([_counterpart(other, currency) for other in others])),
    )


def _details(share: Share) -> dict[str, str]:
    gap = "excess" if share.difference > 0 else "shortfall"
    return {
        "member": share.member,
        "expected": str(cents(share.expected)),
        "paid": str(cents(share.paid)),
        gap: str(cents(abs(share.difference))),
    }


def _project_findings(
    project_id: str, project: Project, kept: Decimal, tolerance: Decimal, currency: str
) -> Iterator[Finding]:
    wrong = [s for s in shares(project, kept) if abs(s.difference) > tolerance or not s.has_line]
    for share in wrong:
        opposite = [other for other in wrong if (other.difference > 0) != (share.difference > 0)]
        yield about_project(project_id).finding(
            NAME,
            f"share:{share.member}",
            _message(project.title, share, opposite, currency),
            _details(share),
            share.path,
            on_key=not share.has_payout,
            measure=abs(share.difference),
        )


def kept_share(collective: Collective) -> Decimal:
    """What a member keeps of the value of their own lines: 1 less the charter's deductions."""
    rules = charter_of(collective).cotraitance
    return 1 - sum((deduction.rate for deduction in rules.deductions), Decimal(0))


def due(collective: Collective, project: Project) -> dict[str, Decimal]:
    """What co-traitance gives each member with lines: their lines less the deductions."""
    return {
        share.member: share.expected
        for share in shares(project, kept_share(collective))
        if share.has_line
    }


def deducted(project: Project, rate: Decimal) -> dict[str, Decimal]:
    """What one deduction withholds from each member with lines: the value of their lines x
    the rate, half-up to cents (what the fund receives from the project)."""
    return {member: cents(value * rate) for member, value in _line_values(project).items()}


def check(collective: Collective, context: Context) -> Iterator[Finding]:
    """Every project with payouts whose members are not each paid their own share."""
    rules = charter_of(collective).cotraitance
    kept = kept_share(collective)
    currency = collective.charter_config.currency
    for project_id, project in sorted(collective.projects.items()):
        if project.payouts:
            yield from _project_findings(project_id, project, kept, rules.tolerance, currency)


CHECK = Check(NAME, Severity.ERROR, check, EXPLANATION, on_charter("cotraitance", currency=True))
