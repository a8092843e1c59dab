"""`collectif project new`: a proposed client project, brought by me, with its lead."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

from collectif.engine.write import parse_id, prepare
from collectif.errors import CollectifError
from collectif.model.files import ClientKind
from collectif.model.layout import project_file
from collectif.model.message import Names, msg
from collectif.store import roundtrip

CLIENT_KINDS: tuple[str, ...] = get_args(ClientKind)


def _text(option: str, value: str) -> str:
    if not value.strip():
        raise CollectifError("{option}: this cannot be empty.", option=option)
    return value.strip()


def new(
    project_id: str,
    title: str,
    client: str,
    client_kind: str,
    lead: str | None = None,
    as_member: str | None = None,
    repo: Path | None = None,
    lang: str | None = None,
) -> int:
    """Write projects/ID.yaml with status `proposed`, as one commit."""
    change = prepare(repo, lang, as_member)
    project_id = parse_id("ID", project_id)
    if project_id in change.workspace.collective.known.projects:
        raise CollectifError("{path} already exists.", path=project_file(project_id))
    if client_kind not in CLIENT_KINDS:
        raise CollectifError(
            "--client-kind: `{value}` is not one of {choices}.",
            value=client_kind,
            choices=Names(CLIENT_KINDS, alternatives=True),
        )
    me = change.me
    leader = parse_id("--lead", lead) if lead is not None else me
    document = roundtrip.new_mapping(
        {
            "title": _text("--title", title),
            "client": _text("--client", client),
            "client_kind": client_kind,
            "brought_by": roundtrip.flow_list([me]),
            "lead": leader,
            "status": "proposed",
            "team": roundtrip.block_list([roundtrip.mapping({"member": leader}, flow=True)]),
        }
    )
    change.edits.open_or_create(project_file(project_id), lambda: document)
    return change.record(
        msg(
            "project: new {project} for {client}, led by {member}",
            project=project_id,
            client=client.strip(),
            member=leader,
        )
    )
