"""`prospecting`: finding clients is everyone's job, so every member logs prospecting."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from collectif.checks import earlier
from collectif.checks.base import Check, Context, Explanation, about_member, charter_of, on_charter
from collectif.checks.earlier import Adoption
from collectif.checks.periods import Period, closed_periods, said
from collectif.checks.shares import ByPeriod, incomplete, owed_days, owing, time_in
from collectif.model.collective import Collective
from collectif.model.files import Prospecting
from collectif.model.finding import Finding, Severity
from collectif.model.message import Message, Param, msg

NAME = "prospecting"

EXPLANATION = Explanation(
    summary="A member with fewer prospecting entries than the charter asks for.",
    finds=(
        "For the last closed period (or every closed period from `--since`), each member who "
        "was active on at least one of its days and who logged fewer entries of kind "
        "`prospecting`, dated in the period, than required. Required is actions × (days of the "
        "period on which the member was active and not on a pause) / (days in the period), "
        "rounded down: a member who joined late in the period may owe none."
    ),
    why=(
        "Finding clients is everybody's job, so that new contracts never depend on one or two "
        "members: if they leave or tire, the collective's income goes with them. Those at ease "
        "with prospecting coach the others."
    ),
    fix=(
        "Log the prospecting actions that were done but not recorded (`collectif log HOURS "
        "prospecting`), or plan some with a member at ease with prospecting who can coach you. "
        "A pause (`collectif member pause`) lowers what is asked for its days."
    ),
    settings=(
        "`charter.prospecting.period` (default quarter: month, quarter or year); "
        "`charter.prospecting.actions` (default 1): the prospecting entries asked of each "
        "member for a whole period; `charter.records_from` (a date): periods that began "
        "before it, when the collective did not record its time yet, are owed by nobody; "
        "`charter.earlier.prospecting.actions`: what the version before asked, for the "
        "periods that began before the current version's adoption."
    ),
)


def required(actions: int, days: int, period: Period) -> int:
    """The actions asked for `days` of the period's days, rounded down."""
    return actions * days // period.days


def _message(member: str, count: int, due: int, rules: Prospecting, label: str) -> Message:
    values: dict[str, Param] = {
        "member": member,
        "period": said(label),
        "count": count,
        "required": due,
    }
    if due == rules.actions:
        return msg(
            "prospecting entries by {member} in {period}: {count}, below the minimum of "
            "{required} that the charter asks of every member: log the prospecting done, or find "
            "a member at ease with it to coach them",
            **values,
        )
    return msg(
        "prospecting entries by {member} in {period}: {count}, below the minimum of {required} "
        "for the days they were a member and not on a pause ({actions} for a whole period): "
        "log the prospecting done, or find a member at ease with it to coach them",
        **values,
        actions=rules.actions,
    )


def _period_findings(
    collective: Collective, period: Period, adoption: Adoption, done: ByPeriod
) -> Iterator[Finding]:
    rules = adoption.prospecting(period)
    for member_id, member in owing(collective, period):
        if incomplete(collective, member_id, period):
            continue
        due = required(rules.actions, owed_days(member, period), period)
        count = len(done.get((member_id, period.label), []))
        if count >= due:
            continue
        message = adoption.hint(_message(member_id, count, due, rules, period.label), period)
        details = {"member": member_id, "count": count, "required": due}
        yield about_member(member_id).finding(
            NAME, "prospecting", message, details, period=period.label, measure=Decimal(due - count)
        )


def check(collective: Collective, context: Context) -> Iterator[Finding]:
    """Members with too few prospecting entries in each closed period looked at."""
    adoption = earlier.adoption(collective, context)
    kind = charter_of(collective).prospecting.period
    periods = closed_periods(kind, context.as_of, context.since)
    done = time_in(collective, ("prospecting",), kind, periods)
    for period in periods:
        yield from _period_findings(collective, period, adoption, done)


CHECK = Check(
    NAME,
    Severity.WARNING,
    check,
    EXPLANATION,
    on_charter("prospecting", "records_from", *earlier.SETTINGS),
)
