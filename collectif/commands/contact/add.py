"""`collectif contact add`: share a client or prospect organisation with the collective."""

from __future__ import annotations

from typing import get_args

from collectif.checks.contacts_shared import same_name
from collectif.commands.options import WriteOptions, choose
from collectif.engine.write import parse_id, prepare, say
from collectif.errors import EXIT_OK, CollectifError
from collectif.model.files import ClientKind, ContactStatus
from collectif.model.layout import contact_file
from collectif.model.message import msg
from collectif.model.types import control_character
from collectif.model.words import CLIENT_KIND_WORDS, CONTACT_STATUS_WORDS
from collectif.store import roundtrip

KINDS: tuple[str, ...] = get_args(ClientKind)
STATUSES: tuple[str, ...] = get_args(ContactStatus)


def _name(value: str) -> str:
    name = " ".join(value.split())
    if not name:
        raise CollectifError("--name: this cannot be empty.")
    if control_character(name) is not None or len(name) > 200:
        raise CollectifError(
            "--name: give the organisation's name on one line, at most 200 characters; its "
            "people's details go into the file's `people`."
        )
    return name


def add(
    contact_id: str,
    name: str,
    kind: str,
    status: str = "prospect",
    *,
    options: WriteOptions,
) -> int:
    """Write contacts/ID.yaml, shared by me today, as one commit."""
    change = prepare(options)
    contact_id = parse_id("ID", contact_id)
    known = change.workspace.collective.known
    if contact_id in known.contacts:
        raise CollectifError("{path} already exists.", path=contact_file(contact_id))
    if contact_id in known.roles or contact_id in known.projects:
        raise CollectifError(
            "ID: `{contact}` is already a role's or a project's id: a prospecting entry's "
            "`--ref` would not say which; choose another id.",
            contact=contact_id,
        )
    organisation = _name(name)
    document = roundtrip.new_mapping(
        {
            "name": organisation,
            "kind": choose("--kind", kind, KINDS, CLIENT_KIND_WORDS),
            "status": choose("--status", status, STATUSES, CONTACT_STATUS_WORDS),
            "shared_by": change.me,
            "shared_on": change.today,
        }
    )
    twin = same_name(change.workspace.collective.contacts, organisation)
    change.edits.open_or_create(contact_file(contact_id), lambda: document)
    done = change.record(
        msg(
            "contact: {member} shares {contact} ({name})",
            member=change.me,
            contact=contact_id,
            name=organisation,
        )
    )
    if done == EXIT_OK and twin is not None:
        say(
            change.workspace,
            msg(
                "Note: {path} holds {name} too; if it is the same organisation, keep one file.",
                path=contact_file(twin),
                name=organisation,
            ),
        )
    if done == EXIT_OK and change.workspace.collective.charter_config.charter.contacts is None:
        say(
            change.workspace,
            msg(
                "Note: the charter does not share contacts yet, so their checks do not run: add "
                "`contacts: {{retention_months: 36}}` under `charter` in collectif.yaml, by a "
                "decision of the collective."
            ),
        )
    return done
