"""`collectif project new`: a proposed client project, brought by me, with its lead."""

from __future__ import annotations

from typing import get_args

from collectif.commands.options import WriteOptions, choose
from collectif.engine.write import PROJECTS, parse_id, prepare_new
from collectif.errors import CollectifError
from collectif.model.files import ClientKind
from collectif.model.layout import project_file
from collectif.model.message import msg
from collectif.model.words import CLIENT_KIND_WORDS
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
    lead: str | None,
    options: WriteOptions,
) -> int:
    """Write projects/ID.yaml with status `proposed`, as one commit."""
    change, project_id = prepare_new(options, PROJECTS, project_id)
    client_kind = choose("--client-kind", client_kind, CLIENT_KINDS, CLIENT_KIND_WORDS)
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
