"""`facilitation`: over the last plenaries, one member facilitated more than their share."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from decimal import Decimal

from collectif.checks.base import Check, Context, Explanation, about_meeting, charter_of, on_charter
from collectif.model.collective import Collective
from collectif.model.finding import Finding, Severity
from collectif.model.meetings import facilitation_window
from collectif.model.message import msg

NAME = "facilitation"

EXPLANATION = Explanation(
    summary="Over the last plenaries, one member facilitated more than their share of them.",
    finds=(
        "The last `window` plenaries dated on or before the as-of date (fewer if fewer are "
        "recorded; nothing is checked under two): each member who facilitated more than "
        "`max_share` x that number of them. The window counts plenaries, not days, and a "
        "pause excuses nobody. The finding points at the latest of those plenaries that they "
        "facilitated. Example: with window 6 and max_share 0.5, ines may facilitate 3 of the "
        "last 6 plenaries; a fourth is a finding on the fourth one."
    ),
    why=(
        "Facilitation is what makes the group work, and nobody should carry a function alone: "
        "a member who always holds the room holds its agenda too, and the others never learn "
        "to. Rotating it spreads the skill and the power."
    ),
    fix=(
        "Let someone else facilitate the next plenaries: `collectif meeting next-facilitator` "
        "names who has facilitated least lately. Pair a first-time facilitator with an "
        "experienced one if needed."
    ),
    settings=(
        "`charter.decisions.facilitation` in collectif.yaml: `window` (default 6 plenaries) and "
        "`max_share` (default 0.5). Without `charter.decisions`, nothing is checked. Severity: "
        "`checks: {facilitation: error}` or `off`."
    ),
)


def check(collective: Collective, context: Context) -> Iterator[Finding]:
    """Each member who facilitated more than their share of the window's plenaries."""
    rules = charter_of(collective).decisions
    if rules is None:
        return
    window = facilitation_window(collective, rules, context.as_of)
    if len(window) < 2:
        return
    limit = rules.facilitation.max_share * len(window)
    facilitators = {m: collective.meetings[m].facilitator for m in window}
    counts = Counter(f for f in facilitators.values() if f is not None)
    for member_id, count in sorted(counts.items()):
        if Decimal(count) <= limit:
            continue
        latest = [m for m in window if facilitators[m] == member_id][-1]
        yield about_meeting(latest).finding(
            check=NAME,
            path=("facilitator",),
            key=f"facilitator:{member_id}",
            measure=Decimal(count),
            message=msg(
                "{member} facilitated {count} of the last {window} plenaries, more than "
                "{share} of them: let someone else facilitate the next ones (`collectif "
                "meeting next-facilitator`)",
                member=member_id,
                count=count,
                window=len(window),
                share=rules.facilitation.max_share,
            ),
            details={"member": member_id, "count": count, "plenaries": len(window)},
        )


CHECK = Check(NAME, Severity.WARNING, check, EXPLANATION, settings=on_charter("decisions"))
