"""Meetings and their decisions as the checks and the commands read them: in order, plenaries,
who facilitated, and a decision found by its id.

Pure functions of the loaded collective. `decision_problem` is what another file that names a
decision (a share-out of the fund) asks: is it known, adopted, and taken by that day?
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from collectif.model.collective import Collective, is_active
from collectif.model.files import Decision, DecisionMode, DecisionRules, Meeting


class Decided(NamedTuple):
    """A decision where it was taken: the meeting's id, date and kind, its place in the file."""

    meeting: str
    date: date
    kind: str
    position: int
    decision: Decision

    @property
    def adopted(self) -> bool:
        return self.decision.outcome == "adopted"


def ordered(collective: Collective) -> list[tuple[str, Meeting]]:
    """Every valid meeting, by date, then file name."""
    return sorted(collective.meetings.items(), key=lambda item: (item[1].date, item[0]))


def plenaries(collective: Collective, until: date) -> list[tuple[str, Meeting]]:
    """The plenaries dated on or before `until`, oldest first."""
    return [
        (meeting_id, meeting)
        for meeting_id, meeting in ordered(collective)
        if meeting.kind == "plenary" and meeting.date <= until
    ]


def decisions(collective: Collective) -> Iterator[Decided]:
    """Every decision of every meeting, by date, file name, then position in the file."""
    for meeting_id, meeting in ordered(collective):
        for index, decision in enumerate(meeting.decisions):
            yield Decided(meeting_id, meeting.date, meeting.kind, index, decision)


def find_decision(collective: Collective, decision_id: str) -> Decided | None:
    """The first decision recorded with this id (a later one with the same id is a finding)."""
    return next(
        (found for found in decisions(collective) if found.decision.id == decision_id), None
    )


def decision_problem(collective: Collective, decision_id: str | None, day: date) -> str | None:
    """Why `decision_id` cannot stand for something done on `day`: `missing` (no id given),
    `unknown`, `not-adopted` (rejected or deferred), `later` (taken after `day`); None if it
    is an adopted decision of a meeting dated on or before `day`."""
    if not decision_id:
        return "missing"
    found = find_decision(collective, decision_id)
    if found is None:
        return "unknown"
    if not found.adopted:
        return "not-adopted"
    if found.date > day:
        return "later"
    return None


def mode_of(decision: Decision, rules: DecisionRules) -> DecisionMode:
    """How it was taken: as written, else the first of the charter's modes."""
    if decision.mode is not None:
        return decision.mode
    return rules.modes[0] if rules.modes else "consensus"


def standing_objections(decision: Decision) -> tuple[str, ...]:
    """The members whose objection was not lifted, each once."""
    return tuple(dict.fromkeys(o.member for o in decision.objections if not o.lifted))


def members_active(collective: Collective, day: date) -> int:
    """Members (with a valid file) active on `day`."""
    return sum(1 for member in collective.members.values() if is_active(member, day))


def present(collective: Collective, meeting: Meeting) -> int:
    """Distinct attendees who are members (with a valid file) active on the meeting's day."""
    return sum(
        1
        for member_id in set(meeting.attendees)
        if (member := collective.members.get(member_id)) is not None
        and is_active(member, meeting.date)
    )


def quorum_needed(collective: Collective, rules: DecisionRules, day: date) -> int:
    """ceil(quorum x members active on `day`)."""
    return math.ceil(rules.quorum * Decimal(members_active(collective, day)))


def facilitation_window(collective: Collective, rules: DecisionRules, day: date) -> list[str]:
    """The meeting ids of the last `window` plenaries on or before `day`."""
    window = rules.facilitation.window
    found = plenaries(collective, day)
    return [meeting_id for meeting_id, _ in (found[-window:] if window else [])]
