"""`collectif log`: a time entry in my month's file, as one commit."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import get_args

from collectif.commands.dates import past_day
from collectif.commands.options import WriteOptions, choose
from collectif.commands.unlog import Selector
from collectif.commands.unlog import remove as take_back
from collectif.engine.write import given, parse_id, prepare
from collectif.errors import CollectifError
from collectif.model.files import EntryKind
from collectif.model.layout import contribution_file
from collectif.model.message import N_, Hours, Text, msg
from collectif.model.types import DAY_HOURS, control_character, places
from collectif.model.words import KIND_WORDS, kind_word
from collectif.store import roundtrip

KINDS: tuple[str, ...] = get_args(EntryKind)
_HOURS = re.compile(r"-?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)")
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


def _kind(value: str) -> str:
    return choose(Text(msg(N_("KIND"))), value, KINDS, KIND_WORDS)


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


def _selector(
    hours: str | None, kind: str | None, kind_option: str | None, ref: str | None, note: str | None
) -> Selector:
    """Which entry `--remove` takes back: by what it says, HOURS and KIND as when it was logged
    (`collectif log --remove 2026-11-05 2.5 meeting`), or --kind, --ref and --note."""
    if kind is not None and kind_option is not None and _kind(kind) != _kind(kind_option):
        raise CollectifError(
            "--kind `{option}` and KIND `{kind}` say two kinds: give one.",
            option=kind_option,
            kind=kind,
        )
    chosen = kind if kind is not None else kind_option
    return Selector(
        hours=parse_hours(hours) if hours is not None else None,
        kind=_kind(chosen) if chosen is not None else None,
        ref=parse_id("--ref", ref) if ref is not None else None,
        note=_note(note),
    )


def log_or_remove(
    hours: str | None,
    kind: str | None,
    ref: str | None,
    day: str | None,
    note: str | None,
    remove: str | None,
    kind_option: str | None,
    options: WriteOptions,
) -> int:
    """`collectif log`: log time, or take back an entry with `--remove DATE`."""
    if remove is not None:
        if day is not None:
            raise CollectifError(
                "--date: with --remove, the day of the entry to take back is the one given to "
                "--remove: leave --date out."
            )
        return take_back(remove, _selector(hours, kind, kind_option, ref, note), options)
    if kind_option is not None:
        raise CollectifError(
            "--kind: only with --remove; to log time, give the kind after the hours, e.g. "
            "`collectif log 2.5 meeting`."
        )
    if hours is None or kind is None:
        raise CollectifError(
            "Give the hours and the kind of time, e.g. `collectif log 2.5 support --ref "
            "tresorerie`, or take back an entry with `collectif log --remove DATE`."
        )
    return log(hours, kind, ref, day, note, options)


def log(
    hours: str, kind: str, ref: str | None, day: str | None, note: str | None, options: WriteOptions
) -> int:
    """Append the entry to contributions/<me>/<YYYY-MM>.yaml (made if needed), as one commit."""
    change = prepare(options)
    amount = parse_hours(hours)
    kind = _kind(kind)
    reference = _ref(kind, ref)
    when = past_day(
        day, change.today, N_("--date: {date} is after today ({today}): log time once it is given.")
    )
    text = _note(note)
    me = change.me
    entry = given({"date": when, "hours": amount, "kind": kind, "ref": reference, "note": text})
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
