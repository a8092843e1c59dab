"""`collectif role new` and `role retire`: a support function, mission or facilitation comes
into being with its holders, or is retired (kept for history)."""

from __future__ import annotations

from typing import Any, get_args

from collectif.commands.dates import parse_day
from collectif.commands.member.add import skills
from collectif.commands.options import WriteOptions, choose
from collectif.commands.role.holdings import prepare_role
from collectif.engine.write import ROLE_KEYS, ROLES, parse_id, prepare_new, require_member
from collectif.errors import CollectifError
from collectif.model.files import RoleKind
from collectif.model.layout import role_file
from collectif.model.message import Names, msg
from collectif.model.words import ROLE_KIND_WORDS
from collectif.store import roundtrip

ROLE_KINDS: tuple[str, ...] = get_args(RoleKind)


def _holders(workspace: Any, value: str) -> list[str]:
    found = [parse_id("--holders", item.strip()) for item in value.split(",") if item.strip()]
    if not found:
        raise CollectifError("--holders: name the members who hold it, e.g. `camille,leo`.")
    return [require_member(workspace, member) for member in dict.fromkeys(found)]


def _count(value: str | None) -> int | None:
    if value is None:
        return None
    if not value.isdigit() or not 1 <= int(value) <= 100:
        raise CollectifError(
            "--min-holders: `{value}` is not a number of holders from 1 to 100.", value=value
        )
    return int(value)


def new(
    role_id: str,
    title: str,
    kind: str,
    holders: str,
    skill_list: str | None,
    min_holders: str | None,
    since: str | None,
    options: WriteOptions,
) -> int:
    """Write roles/ID.yaml with its first holders from `since` (its creation), as one commit."""
    change, role_id = prepare_new(options, ROLES, role_id)
    if not title.strip():
        raise CollectifError("--title: give the role's name, e.g. `Trésorerie`.")
    kind = choose("--kind", kind, ROLE_KINDS, ROLE_KIND_WORDS)
    first_day = parse_day("--date", since, change.today)
    members = _holders(change.workspace, holders)
    content: dict[str, Any] = {"title": title.strip(), "kind": kind}
    needed = _count(min_holders)
    if needed is not None:
        content["min_holders"] = needed
    if skill_list is not None:
        content["skills"] = roundtrip.flow_list(skills(skill_list))
    content["holders"] = roundtrip.block_list(
        roundtrip.mapping({"member": member, "since": first_day}, flow=True) for member in members
    )
    content["created"] = first_day
    document = roundtrip.new_mapping(content)
    change.edits.open_or_create(role_file(role_id), lambda: document)
    summary = msg(
        "role: new {role}, held by {members}", role=role_id, members=Names(tuple(members))
    )
    return change.record(summary, effective=first_day)


def retire(role_id: str, day: str | None, options: WriteOptions) -> int:
    """Retire a role from `day` on (its first day without it); its file stays for history."""
    work, first_day = prepare_role(role_id, "--date", day, options)
    if work.data.retired is not None:
        raise CollectifError("The role {role} is already retired.", role=work.key)
    roundtrip.set_value(work.document(), "retired", first_day, ROLE_KEYS)
    summary = msg("role: {role} is retired from {date}", role=work.key, date=first_day)
    return work.change.record(summary, effective=first_day)
