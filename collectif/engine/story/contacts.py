"""What a commit did to a contact's file, in words (never the people's details themselves)."""

from __future__ import annotations

from collections.abc import Iterator

from collectif.engine.story.versions import changed_fields, described, text
from collectif.model.files import Contact
from collectif.model.layout import FileId
from collectif.model.message import Message, Text, msg
from collectif.model.words import CONTACT_STATUS_WORDS

_HANDLED = ("last_contact", "opted_out", "people", "status")


def _exchange(contact: str, before: Contact, after: Contact) -> Iterator[Message]:
    if before.last_exchange != after.last_exchange:
        yield msg(
            "an exchange with {contact} on {date}",
            contact=contact,
            date=text(after.last_exchange),
        )


def _opt_out(contact: str, before: Contact, after: Contact) -> Iterator[Message]:
    if after.opted_out is not None and before.opted_out != after.opted_out:
        yield msg(
            "{contact} asked not to be contacted again, on {date}",
            contact=contact,
            date=text(after.opted_out),
        )
    elif before.opted_out is not None and after.opted_out is None:
        yield msg("the opt-out of {contact} was removed", contact=contact)


def _people(contact: str, before: Contact, after: Contact) -> Iterator[Message]:
    if before.people == after.people:
        return
    if not after.people:
        yield msg("the personal details of {contact} were removed", contact=contact)
    else:
        yield msg("the people of {contact} changed", contact=contact)


def _changes(contact: str, before: Contact, after: Contact) -> Iterator[Message]:
    if before.status != after.status:
        yield msg(
            "{contact} is now {status}",
            contact=contact,
            status=Text(msg(CONTACT_STATUS_WORDS.of(after.status))),
        )
    yield from _exchange(contact, before, after)
    yield from _opt_out(contact, before, after)
    yield from _people(contact, before, after)
    others = changed_fields(before, after, _HANDLED)
    if others:
        yield msg(
            "the contact {contact} changed: {keys}",
            contact=contact,
            keys=described(before, after, others),
        )


def tell(file_id: FileId, before: Contact | None, after: Contact | None) -> Iterator[Message]:
    contact = file_id.id
    if before is None and after is not None:
        yield msg(
            "{member} shared the contact {contact}: {name}",
            member=after.shared_by,
            contact=contact,
            name=after.name,
        )
    elif after is None:
        yield msg("the contact {contact} was deleted", contact=contact)
    elif before is not None:
        yield from _changes(contact, before, after)
