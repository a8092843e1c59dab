"""`minimum`: every member gives the collective at least the charter's minimum of volunteer time."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from collectif.checks import earlier
from collectif.checks.base import Check, Context, Explanation, about_member, charter_of, on_charter
from collectif.checks.earlier import Adoption
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
from collectif.model.message import Hours, Message, Param, msg

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
        "collective did not record its time yet, are owed by nobody; `charter.earlier.minimum` "
        "(`hours`, `counts`): the minimum of the version before, for the periods that began "
        "before the current version's adoption (`charter.adopted`, or the plenary that adopted "
        "it), so that a raised minimum applies from the first period that begins once it is "
        "adopted."
    ),
)


def required(hours: Decimal, days: int, period: Period) -> Decimal:
    """The minimum prorated for `days` of the period's days."""
    return hours * days / period.days


def short(counted: Decimal, hours: Decimal, days: int, period: Period) -> bool:
    """counted < required − 0.005, compared without dividing."""
    return (counted + SLACK) * period.days < hours * days


def _message(member: str, counted: Decimal, rules: Minimum, due: Decimal, label: str) -> Message:
    values: dict[str, Param] = {
        "member": member,
        "counted": Hours(counted),
        "period": said(label),
        "minimum": Hours(rules.hours),
    }
    if due == rules.hours:
        return msg(
            "{member} gave {counted} of collective time in {period}, below the {minimum} "
            "minimum: log any time not yet recorded, or record a pause for leave or illness",
            **values,
        )
    return msg(
        "{member} gave {counted} of collective time in {period}, below the {minimum} minimum "
        "(prorated: {required} for the days they were a member and not on a pause): log any "
        "time not yet recorded, or record a pause for leave or illness",
        **values,
        required=Hours(hours_shown(due, counted)),
    )


def _period_findings(
    collective: Collective,
    period: Period,
    adoption: Adoption,
    given: ByPeriod,
) -> Iterator[Finding]:
    rules = adoption.minimum(period)
    for member_id, member in owing(collective, period):
        if incomplete(collective, member_id, period):
            continue
        days = owed_days(member, period)
        counted = hours_of(given.get((member_id, period.label), []))
        if not short(counted, rules.hours, days, period):
            continue
        due = required(rules.hours, days, period)
        message = adoption.hint(_message(member_id, counted, rules, due, period.label), period)
        details = {
            "member": member_id,
            "counted": counted,
            "required": cents(due),
            "minimum": rules.hours,
        }
        yield about_member(member_id).finding(
            NAME, "minimum", message, details, period=period.label, measure=due - counted
        )


def check(collective: Collective, context: Context) -> Iterator[Finding]:
    """Members below the prorated minimum in each closed period looked at."""
    adoption = earlier.adoption(collective, context)
    kind = charter_of(collective).minimum.period
    for period in closed_periods(kind, context.as_of, context.since):
        given = time_in(collective, adoption.minimum(period).counts, kind, [period])
        yield from _period_findings(collective, period, adoption, given)


CHECK = Check(
    NAME,
    Severity.ERROR,
    check,
    EXPLANATION,
    on_charter("minimum", "records_from", *earlier.SETTINGS),
)
