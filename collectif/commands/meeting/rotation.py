"""`collectif meeting next-facilitator`: who should facilitate the next plenary."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import NamedTuple

from rich.console import Console

from collectif import i18n
from collectif.checks.base import charter_of
from collectif.commands.dates import parse_day
from collectif.commands.roster import open_collective
from collectif.errors import EXIT_OK, CollectifError
from collectif.model.collective import Collective, is_active
from collectif.model.files import DecisionRules
from collectif.model.meetings import facilitation_window, plenaries
from collectif.model.message import Message, msg


class Standing(NamedTuple):
    """A member's facilitations over the window, and the day they last facilitated (if ever)."""

    member: str
    times: int
    last: date | None


def standings(collective: Collective, rules: DecisionRules, day: date) -> list[Standing]:
    """The active members, who should facilitate first: the fewest facilitations over the
    window, then the longest since their last (never first), then by id."""
    window = set(facilitation_window(collective, rules, day))
    counts: dict[str, int] = {}
    last: dict[str, date] = {}
    for meeting_id, meeting in plenaries(collective, day):
        if meeting.facilitator is None:
            continue
        last[meeting.facilitator] = meeting.date
        if meeting_id in window:
            counts[meeting.facilitator] = counts.get(meeting.facilitator, 0) + 1
    found = [
        Standing(member_id, counts.get(member_id, 0), last.get(member_id))
        for member_id, member in collective.members.items()
        if is_active(member, day)
    ]
    return sorted(found, key=lambda s: (s.times, s.last or date.min, s.member))


def next_facilitator(
    as_of: str | None = None, repo: Path | None = None, lang: str | None = None
) -> int:
    """Print who should facilitate next, and everyone's facilitations over the window."""
    collective, language = open_collective(repo, lang)
    day = parse_day("--as-of", as_of, date.today())
    rules = charter_of(collective).decisions or DecisionRules()
    ranked = standings(collective, rules, day)
    if not ranked:
        raise CollectifError("There is no active member to facilitate on {date}.", date=day)
    console = Console(highlight=False, soft_wrap=True)
    first = ranked[0]
    console.print(
        i18n.render(
            msg(
                "Next facilitator: {member} ({count} of the last {window} plenaries).",
                member=first.member,
                count=first.times,
                window=len(facilitation_window(collective, rules, day)),
            ),
            language,
        )
    )
    for standing in ranked[1:]:
        console.print("  " + i18n.render(_line(standing), language))
    return EXIT_OK


def _line(standing: Standing) -> Message:
    if standing.last is None:
        return msg("then {member}: never facilitated", member=standing.member)
    return msg(
        "then {member}: {count} in the window, last on {date}",
        member=standing.member,
        count=standing.times,
        date=standing.last,
    )
