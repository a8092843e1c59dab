"""`collectif log`: a time entry in my month's file, as one commit."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, get_args

from collectif.commands.dates import parse_day
from collectif.commands.writing import Edits, open_workspace, parse_id, record, whoami
from collectif.errors import CollectifError
from collectif.model.collective import contribution_file
from collectif.model.files import EntryKind
from collectif.model.message import Names
from collectif.store import roundtrip

KINDS: tuple[str, ...] = get_args(EntryKind)
_HOURS = re.compile(r"(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)")


def parse_hours(value: str) -> Decimal:
    """Hours as an exact decimal, as written (`2.5`, or `2,5` the French way)."""
    text = value.strip()
    if not _HOURS.fullmatch(text):
        raise CollectifError(
            "HOURS: `{value}` is not a number of hours, e.g. 2 or 2.5.", value=value
        )
    return Decimal(text.replace(",", "."))


def _day(value: str | None, today: date) -> date:
    day = parse_day("--date", value, today)
    assert day is not None
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
            "KIND: `{value}` is not one of {choices}.", value=value, choices=Names(KINDS)
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
    workspace = open_workspace(repo, lang)
    amount = parse_hours(hours)
    kind = _kind(kind)
    reference = _ref(kind, ref)
    when = _day(day, workspace.today)
    me = whoami(workspace, as_member)
    entry: dict[str, Any] = {"date": when, "hours": amount, "kind": kind}
    if reference is not None:
        entry["ref"] = reference
    if note is not None and note.strip():
        entry["note"] = note.strip()
    edits = Edits(workspace)
    path = contribution_file(me, f"{when.year:04d}-{when.month:02d}")
    try:
        document = roundtrip.top_list(edits.open_or_create(path, roundtrip.new_list))
    except roundtrip.EditError:
        raise CollectifError(
            "{path} is not a list of time entries: fix it first (`collectif check` shows how).",
            path=path,
        ) from None
    roundtrip.append(document, roundtrip.mapping(entry, roundtrip.item_style(document, False)))
    what = f"{kind} ({reference})" if reference else kind
    return record(workspace, edits, f"log: {me} {amount} h {what} on {when}", me)
