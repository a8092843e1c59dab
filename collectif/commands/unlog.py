"""`collectif log --remove DATE`: take back one of my time entries, as one commit."""

from __future__ import annotations

import sys
from decimal import Decimal
from typing import Any, NamedTuple

from collectif import i18n
from collectif.commands.dates import parse_day
from collectif.commands.options import WriteOptions
from collectif.engine.write import Change, prepare
from collectif.errors import CollectifError
from collectif.model.layout import contribution_file
from collectif.model.message import Hours, msg
from collectif.model.words import kind_word
from collectif.store import roundtrip


def _describe(item: Any, lang: i18n.Lang) -> str:
    """An entry as a person reads it: « 2,5 h de réunion (tresorerie) : note »."""
    said = msg(
        "{hours} of {kind}",
        hours=Hours(Decimal(str(item.get("hours")))),
        kind=kind_word(str(item.get("kind"))),
    )
    text = i18n.render(said, lang)
    ref, note = item.get("ref"), item.get("note")
    return text + (f" ({ref})" if ref else "") + (f": {note}" if note else "")


class Selector(NamedTuple):
    """What the member said of the entry to take back, besides its day: None is "any"."""

    hours: Decimal | None = None
    kind: str | None = None
    ref: str | None = None
    note: str | None = None

    def matches(self, item: Any) -> bool:
        return (
            (self.hours is None or _hours(item) == self.hours)
            and (self.kind is None or item.get("kind") == self.kind)
            and (self.ref is None or item.get("ref") == self.ref)
            and (self.note is None or str(item.get("note") or "").strip() == self.note)
        )


def _hours(item: Any) -> Decimal | None:
    try:
        return Decimal(str(item.get("hours")))
    except ArithmeticError:
        return None


def _matching(items: Any, day: str, selector: Selector) -> list[int]:
    return [
        index
        for index, item in enumerate(items)
        if roundtrip.is_mapping(item) and str(item.get("date")) == day and selector.matches(item)
    ]


def _choose(change: Change, items: Any, found: list[int], day: str) -> int:
    """The entry to take back among several: asked at a terminal, else the options must say."""
    if all(dict(items[index]) == dict(items[found[0]]) for index in found):
        return found[-1]  # identical entries: any one of them is the same
    lang = change.workspace.lang
    first = items[found[0]]
    lines = "\n".join(
        f"  {number}. {_describe(items[i], lang)}" for number, i in enumerate(found, 1)
    )
    if not sys.stdin.isatty():
        raise CollectifError(
            "You have {count} entries on {date}:\n{entries}\nSay which by its hours and kind "
            "(`{example}`), --ref or --note, or run the command at a terminal to choose.",
            example=f"collectif log --remove {day} {_hours(first)} {first.get('kind')}",
            count=len(found),
            date=day,
            entries=lines,
        )
    from rich.prompt import IntPrompt

    question = i18n.render(
        msg("Which entry of {date} to take back?\n{entries}\n", date=day, entries=lines),
        change.workspace.lang,
    )
    choices = [str(number) for number in range(1, len(found) + 1)]
    return found[IntPrompt.ask(question, choices=choices) - 1]


def remove(day: str, selector: Selector, options: WriteOptions) -> int:
    """Take back my entry of `day` that the selector describes, as one commit."""
    change = prepare(options)
    when = parse_day("--remove", day, None)
    assert when is not None
    path = contribution_file(change.me, f"{when.year:04d}-{when.month:02d}")
    if path not in change.workspace.base.blobs:
        raise CollectifError("You have no entry on {date}.", date=when.isoformat())
    items = roundtrip.top_list(change.edits.open(path))
    found = _matching(items, when.isoformat(), selector)
    if not found:
        raise CollectifError(
            "You have no such entry on {date}: `collectif me` lists what you logged.",
            date=when.isoformat(),
        )
    index = found[0] if len(found) == 1 else _choose(change, items, found, when.isoformat())
    taken = items[index]
    summary = msg(
        "log: {member} takes back {hours} of {kind} on {date}",
        member=change.me,
        hours=Hours(Decimal(str(taken.get("hours")))),
        kind=kind_word(str(taken.get("kind"))),
        date=when,
    )
    del items[index]
    return change.record(summary, effective=when)
