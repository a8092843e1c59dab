"""`meeting-cadence`: too long since the last plenary."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from itertools import pairwise

from collectif.checks.base import Check, Context, Explanation, about_meeting, charter_of, on_charter
from collectif.model.collective import Collective
from collectif.model.finding import Finding, Severity
from collectif.model.meetings import plenaries
from collectif.model.message import msg

NAME = "meeting-cadence"

EXPLANATION = Explanation(
    summary="Too long since the last plenary.",
    finds=(
        "More than `max_gap_days` days from the last plenary dated on or before the as-of date "
        "to the as-of date; with `--since`, also each gap longer than that between two "
        "plenaries in a row when the later one is on or after that date. The finding points at "
        "the plenary before the gap. Nothing is checked while no plenary is recorded. Example: "
        "with max_gap_days 35, a last plenary on 2026-10-20 and the as-of date 2026-11-26, 37 "
        "days have passed: a finding on meetings/2026-10-20-pleniere.yaml."
    ),
    why=(
        "The collective decides in its plenaries, twice a month: when they lapse, decisions are "
        "taken elsewhere, by fewer people, and what nobody decided goes on by default."
    ),
    fix=(
        "Hold the next plenary and record it (`collectif meeting new DATE --facilitator M "
        "--attendees A,B,...`). If a meeting was held but not recorded, record it."
    ),
    settings=(
        "`charter.decisions.max_gap_days` (default 35) in collectif.yaml. Without "
        "`charter.decisions`, nothing is checked. Severity: `checks: {meeting-cadence: error}` "
        "or `off`."
    ),
)


def _gap(meeting_id: str, last: date, until: date, days: int, limit: int) -> Finding:
    return about_meeting(meeting_id).finding(
        check=NAME,
        path=("date",),
        key=f"gap:{until.isoformat()}",
        measure=Decimal(days),
        message=msg(
            "{days} days passed between the plenary of {last} and {until}, more than the "
            "{limit} days the charter allows: hold the next plenary and record it (`collectif "
            "meeting new`)",
            days=days,
            last=last,
            until=until,
            limit=limit,
        ),
        details={"last": last.isoformat(), "until": until.isoformat(), "days": days},
    )


def check(collective: Collective, context: Context) -> Iterator[Finding]:
    """The gap up to the as-of date, and with `--since` each gap between plenaries since."""
    rules = charter_of(collective).decisions
    if rules is None:
        return
    held = plenaries(collective, context.as_of)
    if not held:
        return
    limit = rules.max_gap_days
    if context.since is not None:
        for (first_id, first), (_, second) in pairwise(held):
            days = (second.date - first.date).days
            if second.date >= context.since and days > limit:
                yield _gap(first_id, first.date, second.date, days, limit)
    last_id, last = held[-1]
    days = (context.as_of - last.date).days
    if days > limit:
        yield _gap(last_id, last.date, context.as_of, days, limit)


CHECK = Check(NAME, Severity.WARNING, check, EXPLANATION, settings=on_charter("decisions"))
