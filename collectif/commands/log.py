"""`collectif log`: a time entry in my month's file, as one commit."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, get_args

from collectif.commands.dates import parse_day
from collectif.engine.write import parse_id, prepare
from collectif.errors import CollectifError
from collectif.model.files import EntryKind
from collectif.model.layout import contribution_file
from collectif.model.message import Hours, Names, msg
from collectif.model.types import DAY_HOURS, control_character, places
from collectif.model.words import kind_word
from collectif.store import roundtrip

KINDS: tuple[str, ...] = get_args(EntryKind)
_HOURS = re.compile(r"(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)")
# A note may run over several lines and hold tabs; other control characters would reach
# terminals as they are, and a byte that is not UTF-8 cannot be written at all.
_NOTE_ALLOWS = "\t\n"


def parse_hours(value: str) -> Decimal:
    """Hours as an exact decimal, as written (`2.5`, or `2,5` the French way): more than 0, at
    most 24 (the time of one day), at most 2 decimals."""
    text = value.strip()
    if not _HOURS.fullmatch(text):
        raise CollectifError(
            "HOURS: `{value}` is not a number of hours, e.g. 2 or 2.5.", value=value
        )
    hours = Decimal(text.replace(",", "."))
    if not Decimal(0) < hours <= DAY_HOURS:
        raise CollectifError(
            "HOURS: `{value}` is not more than 0 and at most 24: an entry is the time given "
            "on one day.",
            value=value,
        )
    if places(hours) > 2:
        raise CollectifError(
            "HOURS: `{value}` has more than 2 decimals: write 0.25 for a quarter of an hour.",
            value=value,
        )
    return hours


def _note(note: str | None) -> str | None:
    if note is None or not note.strip():
        return None
    code = control_character(note, _NOTE_ALLOWS)
    if code is not None:
        raise CollectifError(
            "--note: the note holds a control character or a byte that is not UTF-8 text "
            "({code}), which collectif does not store: remove it.",
            code=code,
        )
    return note.strip()


def _day(value: str | None, today: date) -> date:
    day = parse_day("--date", value, today)
    if day > today:
        raise CollectifError(
            "--date: {date} is after today ({today}): log time once it is given.",
            date=day,
            today=today,
        )
    return day


def _kind(value: str) -> str:
    if value not in KINDS:
        raise CollectifError(
            "KIND: `{value}` is not one of {choices}.",
            value=value,
            choices=Names(KINDS, alternatives=True),
        )
    return value


def _ref(kind: str, ref: str | None) -> str | None:
    if ref is not None:
        return parse_id("--ref", ref)
    if kind == "project":
        raise CollectifError(
            "--ref: time on a project needs the project's id, e.g. --ref site-mda."
        )
    if kind == "support":
        raise CollectifError("--ref: support time needs the role's id, e.g. --ref tresorerie.")
    return None


def log(
    hours: str,
    kind: str,
    ref: str | None = None,
    day: str | None = None,
    note: str | None = None,
    as_member: str | None = None,
    repo: Path | None = None,
    lang: str | None = None,
) -> int:
    """Append the entry to contributions/<me>/<YYYY-MM>.yaml (made if needed), as one commit."""
    change = prepare(repo, lang, as_member)
    amount = parse_hours(hours)
    kind = _kind(kind)
    reference = _ref(kind, ref)
    when = _day(day, change.today)
    text = _note(note)
    me = change.me
    entry: dict[str, Any] = {"date": when, "hours": amount, "kind": kind}
    if reference is not None:
        entry["ref"] = reference
    if text is not None:
        entry["note"] = text
    path = contribution_file(me, f"{when.year:04d}-{when.month:02d}")
    try:
        document = roundtrip.top_list(change.edits.open_or_create(path, roundtrip.new_list))
    except roundtrip.EditError:
        raise CollectifError(
            "{path} is not a list of time entries: fix it first (`collectif check` shows how).",
            path=path,
        ) from None
    roundtrip.append(document, roundtrip.mapping(entry, roundtrip.item_style(document, False)))
    if reference:
        summary = msg(
            "log: {member} {hours} {kind} ({ref}) on {date}",
            member=me, hours=Hours(amount), kind=kind_word(kind), ref=reference, date=when,
        )  # fmt: skip
    else:
        summary = msg(
            "log: {member} {hours} {kind} on {date}",
            member=me, hours=Hours(amount), kind=kind_word(kind), date=when,
        )  # fmt: skip
    return change.record(summary, effective=when)
