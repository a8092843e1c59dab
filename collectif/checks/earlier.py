"""The rules a period is owed under: a new version applies from the first period that begins
once it is adopted; a period that began before is owed under `charter.earlier`, the rules of the
version before (a key left out there has not changed)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import NamedTuple

from collectif.checks.base import Context, charter_of, on_charter
from collectif.checks.charter_signed import adopted_on
from collectif.checks.periods import Period
from collectif.model.collective import Collective, Setting
from collectif.model.files import Charter, Minimum, Prospecting
from collectif.model.message import Message, Text, msg


def settings(section: str) -> tuple[Setting, ...]:
    """The settings a check of what each period owes reads (`minimum`, `prospecting`): its
    section of the charter, the day records begin, and which rules a period is owed under (the
    earlier rules, and the day the version was adopted: `adopted`, or the plenary that adopted
    `version` when `decisions` are kept)."""
    return on_charter(section, "records_from", "adopted", "earlier", "version", "decisions")


class Adoption(NamedTuple):
    """The current version's rules and the day they were adopted (None: always in force)."""

    charter: Charter
    day: date | None

    def before(self, period: Period) -> bool:
        """The period began before the current version was adopted."""
        return self.day is not None and period.start < self.day

    def minimum(self, period: Period) -> Minimum:
        current = self.charter.minimum
        if self.charter.earlier is None or not self.before(period):
            return current
        earlier = self.charter.earlier.minimum
        return replace(
            current,
            hours=current.hours if earlier.hours is None else earlier.hours,
            counts=current.counts if earlier.counts is None else earlier.counts,
        )

    def prospecting(self, period: Period) -> Prospecting:
        current = self.charter.prospecting
        if self.charter.earlier is None or not self.before(period):
            return current
        actions = self.charter.earlier.prospecting.actions
        return current if actions is None else replace(current, actions=actions)

    def hint(self, message: Message, period: Period) -> Message:
        """A finding about a period that began before the adoption, where the charter keeps no
        earlier rules: it says where the rules of the version before are written."""
        if self.day is None or self.charter.earlier is not None or not self.before(period):
            return message
        return msg(
            "{finding} (the charter's version adopted on {adopted} is applied to this period, "
            "which began before: if the rules of the version before were different, write "
            "them under `charter.earlier`)",
            finding=Text(message),
            adopted=self.day,
        )


def adoption(collective: Collective, context: Context) -> Adoption:
    charter = charter_of(collective)
    return Adoption(charter, adopted_on(collective, charter, context.as_of))
