"""`review-due`: adopted decisions past their review date that no later decision replaced."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from collectif.checks.base import Check, Context, Explanation, about_meeting, charter_of, on_charter
from collectif.model.collective import Collective
from collectif.model.finding import Finding, Severity
from collectif.model.meetings import Decided, decisions
from collectif.model.message import msg

NAME = "review-due"

EXPLANATION = Explanation(
    summary="Adopted decisions whose review date has passed and that no later decision supersedes.",
    finds=(
        "Each adopted decision of a meeting dated on or before the as-of date whose `review_by` "
        "is before the as-of date, when no adopted decision dated on or before the as-of date "
        "lists it in `supersedes`. Example: the decision retenue-2025 says `review_by: "
        "2026-06-30`; checked as of 2026-07-01, it is a finding until a decision such as "
        "charte-2026-12 says `supersedes: [retenue-2025]`."
    ),
    why=(
        "Decisions are revisited: what suited the collective a year ago may not suit it now, "
        "and a decision that said it would be reviewed should be, rather than stand by inertia."
    ),
    fix=(
        "Put it on the agenda of the next plenary. Confirm or change it with a new decision "
        "that supersedes it (`collectif decide MEETING ID --title ... --supersedes OLD`), with "
        "its own `--review-by` if it should be revisited again."
    ),
    settings=(
        "`review_by` and `supersedes` on each decision; `charter.decisions` must be present in "
        "collectif.yaml. Severity: `checks: {review-due: error}` or `off`."
    ),
)


def superseded(collective: Collective, until: date) -> set[str]:
    """The ids that an adopted decision dated on or before `until` supersedes."""
    return {
        old
        for found in decisions(collective)
        if found.adopted and found.date <= until
        for old in found.decision.supersedes
    }


def due(collective: Collective, as_of: date) -> list[Decided]:
    """The adopted decisions due for review on `as_of`, oldest first."""
    replaced = superseded(collective, as_of)
    return [
        found
        for found in decisions(collective)
        if found.adopted
        and found.date <= as_of
        and found.decision.review_by is not None
        and found.decision.review_by < as_of
        and found.decision.id not in replaced
    ]


def check(collective: Collective, context: Context) -> Iterator[Finding]:
    """Every adopted decision past its review date, not superseded."""
    if charter_of(collective).decisions is None:
        return
    for found in due(collective, context.as_of):
        review_by = found.decision.review_by
        yield about_meeting(found.meeting).finding(
            check=NAME,
            path=("decisions", found.position, "review_by"),
            key=f"review:{found.decision.id}",
            message=msg(
                "the decision {decision} was to be reviewed by {date}: put it on the next "
                "plenary's agenda, and record the decision that confirms or replaces it with "
                "`--supersedes {decision}`",
                decision=found.decision.id,
                date=review_by,
            ),
            details={"decision": found.decision.id, "review_by": str(review_by)},
        )


CHECK = Check(NAME, Severity.WARNING, check, EXPLANATION, settings=on_charter("decisions"))
