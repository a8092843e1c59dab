"""`minimum`: every member gives the collective at least the charter's minimum of volunteer time."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from collectif.checks.base import Check, Context, Explanation, charter_of
from collectif.checks.periods import Period, closed_periods, said
from collectif.checks.shares import (
    ByPeriod,
    cents,
    hours_of,
    hours_shown,
    incomplete,
    owed_days,
    owing,
    time_in,
)
from collectif.model.collective import Collective
from collectif.model.files import Minimum
from collectif.model.finding import Finding, Severity
from collectif.model.layout import member_file
from collectif.model.message import Hours, Message, msg

NAME = "minimum"
SLACK = Decimal("0.005")

EXPLANATION = Explanation(
    summary="A member who gave less collective time than the charter's minimum.",
    finds=(
        "For the last closed period (or every closed period from `--since`), each member who "
        "was active on at least one of its days and whose volunteer hours dated in the period, "
        "of the kinds the charter counts, are below the minimum. The minimum is prorated: "
        "hours × (days of the period on which the member was active and not on a pause) / "
        "(days in the period). An entry counts by its own date, wherever it is filed."
    ),
    why=(
        "Everyone is free to give the collective as much time as they like, above a minimum "
        "that everyone agreed to. The support functions, meetings and prospecting that keep "
        "the collective alive are nobody's paid job: when some members stop giving, the others "
        "carry them, and unequal effort breeds friction. A pause (leave, illness) lowers the "
        "minimum for its days: nobody is blamed for taking leave or being ill."
    ),
    fix=(
        "Log the collective time that was given but not recorded (`collectif log HOURS KIND`), "
        "or record the pause that explains it (`collectif member pause ID --from D --to D`). "
        "If the member cannot give the minimum for a while, talk about it at the next meeting."
    ),
    settings=(
        "`charter.minimum.period` (default month: month, quarter or year); "
        "`charter.minimum.hours` (default 4): the hours asked for a whole period; "
        "`charter.minimum.counts` (default: every kind but project): the kinds of entry that "
        "count; `charter.records_from` (a date): periods that began before it, when the "
        "collective did not record its time yet, are owed by nobody."
    ),
)


def required(hours: Decimal, days: int, period: Period) -> Decimal:
    """The minimum prorated for `days` of the period's days."""
    return hours * days / period.days


def short(counted: Decimal, hours: Decimal, days: int, period: Period) -> bool:
    """counted < required − 0.005, compared without dividing."""
    return (counted + SLACK) * period.days < hours * days


def _message(member: str, counted: Decimal, rules: Minimum, due: Decimal, label: str) -> Message:
    if due == rules.hours:
        return msg(
            "{member} gave {counted} of collective time in {period}, below the {minimum} "
            "minimum: log any time not yet recorded, or record a pause for leave or illness",
            member=member,
            counted=Hours(counted),
            period=said(label),
            minimum=Hours(rules.hours),
        )
    return msg(
        "{member} gave {counted} of collective time in {period}, below the {minimum} minimum "
        "(prorated: {required} for the days they were a member and not on a pause): log any "
        "time not yet recorded, or record a pause for leave or illness",
        member=member,
        counted=Hours(counted),
        period=said(label),
        minimum=Hours(rules.hours),
        required=Hours(hours_shown(due, counted)),
    )


def _period_findings(
    collective: Collective,
    period: Period,
    rules: Minimum,
    given: ByPeriod,
) -> Iterator[Finding]:
    for member_id, member in owing(collective, period):
        if incomplete(collective, member_id, period):
            continue
        days = owed_days(member, period)
        counted = hours_of(given.get((member_id, period.label), []))
        if not short(counted, rules.hours, days, period):
            continue
        due = required(rules.hours, days, period)
        yield Finding(
            check=NAME,
            subject=f"member:{member_id}",
            file=member_file(member_id),
            period=period.label,
            key="minimum",
            message=_message(member_id, counted, rules, due, period.label),
            details={
                "member": member_id,
                "counted": counted,
                "required": cents(due),
                "minimum": rules.hours,
            },
            measure=due - counted,
        )


def check(collective: Collective, context: Context) -> Iterator[Finding]:
    """Members below the prorated minimum in each closed period looked at."""
    rules = charter_of(collective).minimum
    periods = closed_periods(rules.period, context.as_of, context.since)
    given = time_in(collective, rules.counts, rules.period, periods)
    for period in periods:
        yield from _period_findings(collective, period, rules, given)


CHECK = Check(
    "minimum",
    Severity.ERROR,
    check,
    EXPLANATION,
    settings=(("charter", "minimum"), ("charter", "records_from")),
)
