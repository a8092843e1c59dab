"""`decisions`: adopted decisions that a standing objection, a missing quorum, a mode the
charter does not allow or a lost vote should have stopped."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from collectif.checks.base import Check, Context, Explanation, about_meeting, charter_of, on_charter
from collectif.model.collective import Collective
from collectif.model.files import DecisionRules, Meeting
from collectif.model.finding import Finding, Severity
from collectif.model.meetings import (
    Decided,
    decisions,
    mode_of,
    present,
    quorum_needed,
    standing_objections,
)
from collectif.model.message import Message, Names, Text, msg

NAME = "decisions"

EXPLANATION = Explanation(
    summary="Adopted decisions that a standing objection, a missing quorum, a mode the charter "
    "does not allow or a lost vote should have stopped.",
    finds=(
        "Each decision recorded with `outcome: adopted` in a meeting dated on or before the "
        "as-of date, when: it was taken by consensus or consent while an objection is not "
        "`lifted`; its `mode` is not one of `charter.decisions.modes`; it was put to a vote "
        "without `votes`, or with no more votes for than against; or, in a plenary, fewer "
        "members attended than the quorum, ceil(quorum x members active on that day). Rejected "
        "and deferred decisions are records, never findings. One finding per decision, listing "
        "every reason. Example: 8 members are active on 2026-12-10 and the quorum is 0.5, so a "
        "plenary needs 4 of them; with camille, ines and leo only, the decision "
        "charte-2026-12 adopted that day is a finding, and so it is while julien's objection "
        "is not lifted."
    ),
    why=(
        "The collective decides by consensus, in its meetings twice a month: a decision binds "
        "everyone only if it was taken the way the charter says, with enough members in the "
        "room and no objection left standing. A decision recorded as adopted when it was not "
        "would let a few decide for all."
    ),
    fix=(
        "If the objection was in fact lifted, say so (`collectif decide --lift DECISION "
        "MEMBER`); otherwise record the decision as `deferred` and take it up again at the "
        "next meeting. Correct the attendees if someone is missing from the list, or the "
        "`mode` or `votes` if they were written wrong."
    ),
    settings=(
        "`charter.decisions` in collectif.yaml: `modes` (default [consensus, consent]) and "
        "`quorum` (default 0.5, a share of the active members). Without `charter.decisions`, "
        "nothing is checked. Severity: `checks: {decisions: warning}` or `off`."
    ),
)


Reason = tuple[str, Message]


def _reasons(
    collective: Collective, rules: DecisionRules, found: Decided, meeting: Meeting
) -> list[Reason]:
    decision = found.decision
    mode = mode_of(decision, rules)
    reasons: list[Reason] = []
    if mode not in rules.modes:
        reasons.append(
            (
                "mode",
                msg(
                    "it was taken by {mode}, which the charter does not allow (it allows {modes})",
                    mode=mode,
                    modes=Names(tuple(rules.modes), alternatives=True),
                ),
            )
        )
    standing = standing_objections(decision)
    if mode in ("consensus", "consent") and standing:
        reasons.append(
            ("objection", msg("the objection of {members} is not lifted", members=Names(standing)))
        )
    votes = decision.votes
    if mode == "vote" and votes is None:
        reasons.append(("votes", msg("it was put to a vote, but no votes are recorded")))
    elif mode == "vote" and votes is not None and votes.yes <= votes.against:
        reasons.append(
            (
                "vote",
                msg(
                    "the vote did not pass: {yes} for, {against} against",
                    yes=votes.yes,
                    against=votes.against,
                ),
            )
        )
    if found.kind == "plenary":
        needed, came = quorum_needed(collective, rules, found.date), present(collective, meeting)
        if came < needed:
            said = msg(
                "{present} active members attended, below the quorum of {needed}",
                present=came,
                needed=needed,
            )
            reasons.append(("quorum", said))
    return reasons


def joined(reasons: list[Message]) -> Message:
    """Several reasons as one sentence: `a; b; c`."""
    message = reasons[-1]
    for reason in reversed(reasons[:-1]):
        message = msg("{first}; {rest}", first=Text(reason), rest=Text(message))
    return message


def stopped(collective: Collective, found: Decided) -> list[Reason]:
    """Why an adopted decision should not have been adopted (empty: it stands)."""
    rules = charter_of(collective).decisions
    if rules is None or not found.adopted:
        return []
    return _reasons(collective, rules, found, collective.meetings[found.meeting])


def check(collective: Collective, context: Context) -> Iterator[Finding]:
    """Every adopted decision up to the as-of date that the charter should have stopped."""
    if charter_of(collective).decisions is None:
        return
    for found in decisions(collective):
        if found.date > context.as_of:
            continue
        reasons = stopped(collective, found)
        if not reasons:
            continue
        yield about_meeting(found.meeting).finding(
            check=NAME,
            path=("decisions", found.position),
            key=found.decision.id,
            measure=Decimal(len(reasons)),
            message=msg(
                "the decision {decision} is recorded as adopted, but {reasons}: record it as "
                "deferred, or correct what was written wrong",
                decision=found.decision.id,
                reasons=Text(joined([said for _, said in reasons])),
            ),
            details={"decision": found.decision.id, "reasons": [code for code, _ in reasons]},
        )


CHECK = Check(NAME, Severity.ERROR, check, EXPLANATION, settings=on_charter("decisions"))
