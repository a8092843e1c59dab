"""What every contact command starts from: the change, the contact, its file."""

from __future__ import annotations

from typing import NamedTuple

from collectif.commands.options import WriteOptions
from collectif.engine.write import Change, broken, parse_id, prepare
from collectif.errors import CollectifError
from collectif.model.files import Contact
from collectif.model.layout import contact_file
from collectif.store import roundtrip

CONTACT_KEYS = roundtrip.key_order(Contact)


class ContactChange(NamedTuple):
    change: Change
    contact_id: str
    contact: Contact

    @property
    def path(self) -> str:
        return contact_file(self.contact_id)


def prepare_contact(contact_id: str, options: WriteOptions) -> ContactChange:
    """Open the collective, find me and the contact (which must be valid to be changed)."""
    change = prepare(options)
    contact_id = parse_id("ID", contact_id)
    collective = change.workspace.collective
    if contact_id not in collective.known.contacts:
        raise CollectifError(
            "There is no contact `{contact}` (no contacts/{contact}.yaml).", contact=contact_id
        )
    if contact_id not in collective.contacts:
        raise broken(contact_file(contact_id))
    return ContactChange(change, contact_id, collective.contacts[contact_id])
