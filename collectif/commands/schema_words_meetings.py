"""Hover texts of the meeting files' keys and of `charter.decisions` (see `schema_words`)."""

from __future__ import annotations

from collectif.model.message import N_

HOVER: dict[str, str] = {
    "Charter.decisions": N_(
        "Present: the collective records its meetings and decisions (meetings/), and the "
        "checks of decisions, facilitation and cadence run."
    ),
    "DecisionRules.modes": N_("How a decision may be taken: consensus, consent or vote."),
    "DecisionRules.quorum": N_("The share of active members a plenary decision needs present."),
    "DecisionRules.charter_by_decision": N_(
        "true: the charter's version must be adopted by a plenary decision."
    ),
    "DecisionRules.max_gap_days": N_("A plenary at least every so many days."),
    "DecisionRules.facilitation": N_("How facilitation rotates over the last plenaries."),
    "FacilitationRules.window": N_("How many of the last plenaries are looked at."),
    "FacilitationRules.max_share": N_("The largest share of them one member may facilitate."),
    # meetings/<YYYY-MM-DD>[-slug].yaml
    "Meeting.date": N_("The meeting's day, YYYY-MM-DD, the same as in the file's name."),
    "Meeting.kind": N_("plenary, project or group."),
    "Meeting.project": N_("The project of a project meeting."),
    "Meeting.role": N_("The role whose group met (a group meeting)."),
    "Meeting.facilitator": N_("Who facilitated: required for a plenary, among the attendees."),
    "Meeting.notes_by": N_("Who took the notes."),
    "Meeting.attendees": N_("The members who came."),
    "Meeting.decisions": N_("What was decided, one item per decision."),
    "Decision.id": N_("The decision's id, unique across all meetings."),
    "Decision.title": N_("What was decided, in a few words."),
    "Decision.mode": N_("consensus, consent or vote (default: the charter's first mode)."),
    "Decision.outcome": N_("adopted, rejected or deferred."),
    "Decision.objections": N_("Who objected, why, and whether they lifted their objection."),
    "Decision.votes": N_("For a vote: the votes for, against and abstaining."),
    "Decision.charter": N_("The charter version this decision adopts."),
    "Decision.review_by": N_("The day by which it is to be revisited, YYYY-MM-DD (optional)."),
    "Decision.supersedes": N_("The ids of earlier decisions it replaces."),
    "Objection.member": N_("The member who objected."),
    "Objection.reason": N_("Why, in a few words."),
    "Objection.lifted": N_("true once they lifted their objection."),
    "Votes.for": N_("Votes for."),
    "Votes.against": N_("Votes against."),
    "Votes.abstain": N_("Members abstaining."),
}
