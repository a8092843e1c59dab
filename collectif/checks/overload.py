"""`overload`: a member giving too much volunteer time, alone or compared with the others."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from collectif.checks.base import Check, Context, Explanation, about_member, charter_of
from collectif.checks.periods import Period, closed_periods
from collectif.checks.shares import ByPeriod, hours_of, incomplete, percent, time_in
from collectif.model.collective import Collective
from collectif.model.files import VOLUNTEER_KINDS, Overload
from collectif.model.finding import Finding, Severity
from collectif.model.message import Hours, Message, msg

NAME = "overload"

EXPLANATION = Explanation(
    summary="A member giving more volunteer time than is sustainable, or most of everyone's.",
    finds=(
        "For the last closed month (or every closed month from `--since`), each member whose "
        "volunteer hours (entries of every kind but `project`, dated in the month) exceed the "
        "monthly limit, and each member who gave more than the maximum share of all the "
        "members' volunteer hours that month. Each breach is one finding."
    ),
    why=(
        "Over-commitment leads to burnout, and unequal volunteer effort breeds friction: the "
        "member who does everything ends up resenting it, and the collective depends on their "
        "goodwill. The collective wants to notice it early, while it is still easy to share "
        "the load."
    ),
    fix=(
        "Talk about it at the next meeting: hand some of the work over to other members, train "
        "someone into the role the member carries, or let some of it go. Check that the hours "
        "were logged in the right month and with the right kind (paid project time is `project`)."
    ),
    settings=(
        "`charter.overload.volunteer_hours_per_month` (default 30): the most volunteer hours "
        "in a month before it is a finding; `charter.overload.max_share` (default 0.4): the "
        "largest share of all members' volunteer hours in a month that one member may give; "
        "`charter.overload.share_floor_hours` (default 10): the share rule applies only to a "
        "member who gave at least this many hours that month, so that the first to log a quiet "
        "month is not overloaded by 2 hours out of 2."
    ),
)


def _too_many(member: str, hours: Decimal, rules: Overload, label: str) -> Message:
    return msg(
        "{member} gave {hours} of volunteer time in {period}, above the {limit} a month the "
        "charter sees as sustainable: share the load with other members before it turns into "
        "burnout",
        member=member,
        hours=Hours(hours),
        period=label,
        limit=Hours(rules.volunteer_hours_per_month),
    )


def _too_large(member: str, hours: Decimal, total: Decimal, rules: Overload, label: str) -> Message:
    return msg(
        "{member} gave {share}% of all the members' volunteer time in {period} ({hours} of "
        "{total}), above the {limit}% maximum: spread the work so that the collective does not "
        "rest on one member",
        member=member,
        share=percent(hours / total, rules.max_share),
        period=label,
        hours=Hours(hours),
        total=Hours(total),
        limit=percent(rules.max_share),
    )


def _finding(
    member: str, period: Period, message: Message, details: dict[str, object], key: str
) -> Finding:
    return about_member(member).finding(
        NAME, key, message, {"member": member, **details}, period=period.label
    )


def _by_month(collective: Collective, given: ByPeriod) -> dict[str, dict[str, Decimal]]:
    """Volunteer hours per month label and member, for members who have a file."""
    months: dict[str, dict[str, Decimal]] = {}
    for (member, label), entries in sorted(given.items()):
        if member in collective.known.members:
            months.setdefault(label, {})[member] = hours_of(entries)
    return months


def _month_findings(
    collective: Collective, month: Period, rules: Overload, hours: dict[str, Decimal]
) -> Iterator[Finding]:
    total = sum(hours.values(), Decimal(0))
    for member, own in hours.items():
        if member not in collective.members or incomplete(collective, member, month):
            continue
        if own > rules.volunteer_hours_per_month:
            message = _too_many(member, own, rules, month.label)
            yield _finding(member, month, message, {"hours": own}, key="hours")
        if own >= rules.share_floor_hours and own > rules.max_share * total:
            message = _too_large(member, own, total, rules, month.label)
            yield _finding(member, month, message, {"hours": own, "total": total}, key="share")


def check(collective: Collective, context: Context) -> Iterator[Finding]:
    """Members over the monthly limit or over the maximum share, in each closed month."""
    rules = charter_of(collective).overload
    months = closed_periods("month", context.as_of, context.since)
    hours = _by_month(collective, time_in(collective, VOLUNTEER_KINDS, "month", months))
    for month in months:
        yield from _month_findings(collective, month, rules, hours.get(month.label, {}))


CHECK = Check(NAME, Severity.WARNING, check, EXPLANATION, settings=(("charter", "overload"),))
