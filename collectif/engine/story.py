"""What a commit did to one file, in words a member understands: joined, left the role, logged
2.5 h... found by comparing the file's data before and after, never its raw diff.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from decimal import Decimal
from functools import lru_cache
from typing import Any

import yaml

from collectif.model.layout import FileId, Kind, classify
from collectif.model.message import Hours, Message, Names, Param, msg
from collectif.store import yaml_fast
from collectif.store.history import FileChange

_UNREADABLE = object()
MANY_ENTRIES = 3


@lru_cache(maxsize=1024)
def _parse(raw: bytes | None) -> Any:
    """A file's data (read only: shared between the commits that show the same bytes)."""
    if raw is None:
        return None
    try:
        return yaml_fast.load(raw)
    except (yaml.YAMLError, yaml_fast.AliasBomb, UnicodeDecodeError):
        return _UNREADABLE


def _mapping(data: Any) -> dict[str, Any]:
    return data if isinstance(data, dict) else {}


def _items(data: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = data.get(key)
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _freeze(value: Any) -> Any:
    """A hashable copy of plain data, to count items of lists."""
    if isinstance(value, dict):
        return tuple(sorted((str(k), _freeze(v)) for k, v in value.items()))
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


def _added_removed(
    before: list[dict[str, Any]], after: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The items of `after` that `before` lacks, and the other way round (as multisets)."""
    old, new = Counter(_freeze(i) for i in before), Counter(_freeze(i) for i in after)
    added, removed = [], []
    for item in after:
        if old[_freeze(item)]:
            old[_freeze(item)] -= 1
        else:
            added.append(item)
    for item in before:
        if new[_freeze(item)]:
            new[_freeze(item)] -= 1
        else:
            removed.append(item)
    return added, removed


def _other_keys(before: dict[str, Any], after: dict[str, Any], handled: set[str]) -> list[str]:
    keys = list(dict.fromkeys([*before, *after]))
    return [str(k) for k in keys if k not in handled and before.get(k) != after.get(k)]


def _text(value: Any) -> str:
    return "" if value is None else str(value)


# members ------------------------------------------------------------------------------------

_MEMBER_HANDLED = {"left", "pauses", "charter_signed", "joined"}


def _pause(member: str, pause: dict[str, Any]) -> Message:
    start, end, reason = _text(pause.get("from")), _text(pause.get("to")), pause.get("reason")
    if reason:
        return msg(
            "{member} paused from {start} to {end} ({reason})",
            member=member,
            start=start,
            end=end,
            reason=str(reason),
        )
    return msg("{member} paused from {start} to {end}", member=member, start=start, end=end)


def _member(member: str, before: dict[str, Any], after: dict[str, Any]) -> Iterator[Message]:
    if before.get("joined") != after.get("joined"):
        yield msg(
            "{member}'s joining date is now {date}", member=member, date=_text(after.get("joined"))
        )
    left_before, left_after = before.get("left"), after.get("left")
    if left_before is None and left_after is not None:
        yield msg("{member} left the collective on {date}", member=member, date=_text(left_after))
    elif left_before is not None and left_after is None:
        yield msg("{member} is a member again: their departure was cancelled", member=member)
    elif left_before != left_after:
        yield msg("{member}'s departure date is now {date}", member=member, date=_text(left_after))
    added, removed = _added_removed(_items(before, "pauses"), _items(after, "pauses"))
    for pause in added:
        yield _pause(member, pause)
    for pause in removed:
        yield msg(
            "a pause of {member} was removed ({start} to {end})",
            member=member,
            start=_text(pause.get("from")),
            end=_text(pause.get("to")),
        )
    if before.get("charter_signed") != after.get("charter_signed") and after.get("charter_signed"):
        yield msg(
            "{member} signed the charter {version}",
            member=member,
            version=_text(after.get("charter_signed")),
        )
    others = _other_keys(before, after, _MEMBER_HANDLED)
    if others:
        yield msg("{member}'s details changed: {keys}", member=member, keys=Names(tuple(others)))


def _member_file(file_id: FileId, before: Any, after: Any) -> Iterator[Message]:
    member = file_id.id
    if before is None:
        yield msg(
            "{member} joined the collective on {date}",
            member=member,
            date=_text(_mapping(after).get("joined")),
        )
    elif after is None:
        yield msg("the file of {member} was removed", member=member)
    else:
        yield from _member(member, _mapping(before), _mapping(after))


# roles --------------------------------------------------------------------------------------


def _by_start(items: list[dict[str, Any]]) -> dict[tuple[Any, Any], dict[str, Any]]:
    return {(item.get("member"), item.get("since")): item for item in items}


def _holdings(
    role: str, key: str, before: dict[str, Any], after: dict[str, Any]
) -> Iterator[Message]:
    old, new = _by_start(_items(before, key)), _by_start(_items(after, key))
    holders = key == "holders"
    for start, item in new.items():
        member, since = _text(start[0]), _text(start[1])
        if start not in old:
            if holders:
                yield msg(
                    "{member} joined the role {role} on {since}",
                    member=member,
                    role=role,
                    since=since,
                )
            else:
                yield msg(
                    "{member} started training for {role} on {since}",
                    member=member,
                    role=role,
                    since=since,
                )
            continue
        until_before, until_after = old[start].get("until"), item.get("until")
        if until_before == until_after:
            continue
        if until_after is None:
            yield msg("{member} holds {role} again, with no end", member=member, role=role)
        elif holders:
            yield msg(
                "{member} left the role {role} (last day {until})",
                member=member,
                role=role,
                until=_text(until_after),
            )
        else:
            yield msg(
                "{member} ended training for {role} (last day {until})",
                member=member,
                role=role,
                until=_text(until_after),
            )
    for start in old:
        if start in new:
            continue
        if holders:
            yield msg(
                "{member} was taken off the holders of {role}", member=_text(start[0]), role=role
            )
        else:
            yield msg(
                "{member} was taken off the trainees of {role}", member=_text(start[0]), role=role
            )


def _role_file(file_id: FileId, before: Any, after: Any) -> Iterator[Message]:
    role = file_id.id
    if before is None:
        yield msg("new role {role}: {title}", role=role, title=_text(_mapping(after).get("title")))
        return
    if after is None:
        yield msg("the role {role} was removed", role=role)
        return
    before, after = _mapping(before), _mapping(after)
    yield from _holdings(role, "holders", before, after)
    yield from _holdings(role, "trainees", before, after)
    if before.get("active", True) != after.get("active", True):
        if after.get("active", True) is False:
            yield msg("the role {role} was retired", role=role)
        else:
            yield msg("the role {role} is active again", role=role)
    others = _other_keys(before, after, {"holders", "trainees", "active"})
    if others:
        yield msg("the role {role} changed: {keys}", role=role, keys=Names(tuple(others)))


# projects -----------------------------------------------------------------------------------

_PROJECT_HANDLED = {"status", "team", "lead", "signed", "payouts", "lines"}


def _status(project: str, status: Any) -> Message:
    if status == "active":
        return msg("the project {project} started", project=project)
    if status == "done":
        return msg("the project {project} was closed", project=project)
    if status == "cancelled":
        return msg("the project {project} was cancelled", project=project)
    return msg("the project {project} is proposed", project=project)


def _status_on(project: str, status: str, date: str) -> Message:
    if status == "done":
        return msg("the project {project} was closed on {date}", project=project, date=date)
    return msg("the project {project} started on {date}", project=project, date=date)


def _team(project: str, before: dict[str, Any], after: dict[str, Any]) -> Iterator[Message]:
    old = [_text(item.get("member")) for item in _items(before, "team")]
    new = [_text(item.get("member")) for item in _items(after, "team")]
    for member in new:
        if member not in old:
            yield msg("{member} joined the project {project}", member=member, project=project)
    for member in old:
        if member not in new:
            yield msg("{member} left the team of {project}", member=member, project=project)


def _payouts(project: str, before: dict[str, Any], after: dict[str, Any]) -> Iterator[Message]:
    added, removed = _added_removed(_items(before, "payouts"), _items(after, "payouts"))
    paid = tuple(dict.fromkeys(_text(item.get("member")) for item in added))
    if paid:
        yield msg(
            "payouts recorded in {project} for {members}", project=project, members=Names(paid)
        )
    elif removed:
        yield msg("payouts removed from {project}", project=project)


def _project(project: str, before: dict[str, Any], after: dict[str, Any]) -> Iterator[Message]:
    handled = set(_PROJECT_HANDLED)
    status = after.get("status")
    if before.get("status") != status:
        key = {"done": "end", "active": "start"}.get(str(status))
        if key and before.get(key) != after.get(key) and after.get(key):
            handled.add(key)
            yield _status_on(project, str(status), _text(after.get(key)))
        else:
            yield _status(project, status)
    yield from _team(project, before, after)
    if before.get("lead") != after.get("lead") and after.get("lead"):
        yield msg("{member} now leads {project}", member=_text(after.get("lead")), project=project)
    if before.get("signed") != after.get("signed") and after.get("signed"):
        yield msg(
            "the contract of {project} was signed on {date}",
            project=project,
            date=_text(after.get("signed")),
        )
    if before.get("lines") != after.get("lines"):
        yield msg("the quote of {project} changed", project=project)
    yield from _payouts(project, before, after)
    others = _other_keys(before, after, handled)
    if others:
        yield msg(
            "the project {project} changed: {keys}", project=project, keys=Names(tuple(others))
        )


def _project_file(file_id: FileId, before: Any, after: Any) -> Iterator[Message]:
    project = file_id.id
    if before is None:
        data = _mapping(after)
        yield msg(
            "new project {project}: {title}, for {client}",
            project=project,
            title=_text(data.get("title")),
            client=_text(data.get("client")),
        )
        return
    if after is None:
        yield msg("the project {project} was removed", project=project)
        return
    yield from _project(project, _mapping(before), _mapping(after))


# contributions ------------------------------------------------------------------------------


def _hours(entry: dict[str, Any]) -> Hours:
    value = entry.get("hours")
    return Hours(Decimal(value) if isinstance(value, int | Decimal) else Decimal(0))


def _logged(member: str, entry: dict[str, Any]) -> Message:
    common: dict[str, Param] = {
        "member": member,
        "hours": _hours(entry),
        "kind": _text(entry.get("kind")),
        "date": _text(entry.get("date")),
    }
    if entry.get("ref"):
        return msg(
            "{member} logged {hours} of {kind} ({ref}) on {date}", ref=_text(entry["ref"]), **common
        )
    return msg("{member} logged {hours} of {kind} on {date}", **common)


def _entries(data: Any) -> list[dict[str, Any]]:
    return [item for item in data if isinstance(item, dict)] if isinstance(data, list) else []


def _contribution_file(file_id: FileId, before: Any, after: Any) -> Iterator[Message]:
    member, month = file_id.id, file_id.month
    added, removed = _added_removed(_entries(before), _entries(after))
    if len(added) > MANY_ENTRIES:
        total = sum((_hours(entry).value for entry in added), Decimal(0))
        yield msg(
            "{member} logged {count} entries in {month}, {hours} in all",
            member=member,
            count=len(added),
            month=month,
            hours=Hours(total),
        )
    else:
        for entry in added:
            yield _logged(member, entry)
    for entry in removed:
        yield msg(
            "{member} took off an entry of {date} ({hours} of {kind})",
            member=member,
            date=_text(entry.get("date")),
            hours=_hours(entry),
            kind=_text(entry.get("kind")),
        )


# collectif.yaml -----------------------------------------------------------------------------


def _changed_paths(before: Any, after: Any, prefix: str = "") -> list[str]:
    """Dotted keys whose values differ, down through mappings."""
    if not (isinstance(before, dict) and isinstance(after, dict)):
        return [prefix] if before != after and prefix else []
    found: list[str] = []
    for key in dict.fromkeys([*before, *after]):
        found += _changed_paths(before.get(key), after.get(key), f"{prefix}{key}.")
    return [path.rstrip(".") for path in found]


def _config_file(file_id: FileId, before: Any, after: Any) -> Iterator[Message]:
    if before is None:
        yield msg("the collective {name} was created", name=_text(_mapping(after).get("name")))
        return
    before, after = _mapping(before), _mapping(after)
    old, new = _mapping(before.get("charter")), _mapping(after.get("charter"))
    if old.get("version") != new.get("version") and new.get("version"):
        yield msg("new charter version {version}", version=_text(new.get("version")))
    rules = [path for path in _changed_paths(old, new) if path != "version"]
    if rules:
        yield msg("the charter changed: {keys}", keys=Names(tuple(rules)))
    checks = _changed_paths(_mapping(before.get("checks")), _mapping(after.get("checks")))
    if checks:
        yield msg("the check settings changed: {keys}", keys=Names(tuple(checks)))
    others = _other_keys(before, after, {"charter", "checks"})
    if others:
        yield msg("the collective's settings changed: {keys}", keys=Names(tuple(others)))


# One file -----------------------------------------------------------------------------------

_BY_KIND: dict[Kind, Callable[[FileId, Any, Any], Iterator[Message]]] = {
    Kind.CONFIG: _config_file,
    Kind.MEMBER: _member_file,
    Kind.ROLE: _role_file,
    Kind.PROJECT: _project_file,
    Kind.CONTRIBUTION: _contribution_file,
}


def subject_of(path: str) -> str:
    file_id = classify(path)
    return file_id.subject if isinstance(file_id, FileId) else "collective"


def summarise(change: FileChange) -> list[Message]:
    """Sentences saying what the commit did to this file."""
    file_id = classify(change.path)
    before, after = _parse(change.before), _parse(change.after)
    if not isinstance(file_id, FileId) or _UNREADABLE in (before, after):
        return [msg("{path} changed", path=change.path)]
    if change.after is None and file_id.kind in (Kind.CONFIG, Kind.CONTRIBUTION):
        return [msg("{path} was removed", path=change.path)]
    sentences = list(_BY_KIND[file_id.kind](file_id, before, after))
    return sentences or [msg("{path}: only comments or layout changed", path=change.path)]
