"""A contact through its life: an exchange (`touch`), an opt-out (`forget`)."""

from __future__ import annotations

from typing import Any

from collectif.commands.contact.common import CONTACT_KEYS, prepare_contact
from collectif.commands.dates import past_day
from collectif.commands.options import WriteOptions
from collectif.engine.write import say
from collectif.errors import EXIT_OK, CollectifError
from collectif.model import files
from collectif.model.files import Contact
from collectif.model.message import msg
from collectif.store import roundtrip


def touch(
    contact_id: str,
    day: str | None = None,
    *,
    options: WriteOptions,
) -> int:
    """Set the contact's `last_contact` to the day of an exchange (default today)."""
    work = prepare_contact(contact_id, options)
    when = past_day(day, work.change.today)
    last = work.contact.last_exchange
    if when < last:
        raise CollectifError(
            "--date: the last exchange with {contact} recorded is later, on {last}.",
            contact=work.contact_id,
            last=last,
        )
    if when == last and "last_contact" in files.written(work.contact):
        raise CollectifError(
            "Nothing to record: the last exchange with {contact} is already {date}.",
            contact=work.contact_id,
            date=when,
        )
    document = work.change.edits.open(work.path)
    roundtrip.set_value(document.data, "last_contact", when, CONTACT_KEYS)
    return work.change.record(
        msg("contact: exchange with {contact} on {date}", contact=work.contact_id, date=when)
    )


def _kept(contact: Contact, opted_out: Any) -> dict[str, Any]:
    """What a forgotten contact keeps: the organisation, who shared it, the dates; nobody."""
    kept: dict[str, Any] = {
        "name": contact.name,
        "kind": contact.kind,
        "status": contact.status,
        "shared_by": contact.shared_by,
        "shared_on": contact.shared_on,
    }
    if contact.last_contact is not None:
        kept["last_contact"] = contact.last_contact
    kept["opted_out"] = opted_out
    kept["people"] = roundtrip.flow_list()
    return kept


def forget(
    contact_id: str,
    day: str | None = None,
    *,
    options: WriteOptions,
) -> int:
    """Rewrite the contact's file with its organisation and opt-out date only: no people, and no
    comments (which may hold details too)."""
    work = prepare_contact(contact_id, options)
    contact = work.contact
    if contact.opted_out is not None and not contact.people and day is None:
        raise CollectifError(
            "Nothing to record: {contact} was already forgotten (opted out on {date}).",
            contact=work.contact_id,
            date=contact.opted_out,
        )
    when = past_day(day, work.change.today) if day or contact.opted_out is None else None
    document = work.change.edits.open(work.path)
    document.data = roundtrip.mapping(_kept(contact, when or contact.opted_out), flow=False)
    done = work.change.record(
        msg(
            "contact: {contact} forgotten, opted out on {date}",
            contact=work.contact_id,
            date=when or contact.opted_out,
        )
    )
    if done == EXIT_OK:
        say(
            work.change.workspace,
            msg(
                "{path} now keeps only the organisation's name and the opt-out date. Its earlier "
                "versions, with the details just removed, stay in the repository's history and "
                "in every member's clone. If the collective must erase them (a person's request "
                "under the GDPR), one member rewrites the history, e.g. with `git filter-repo "
                "--replace-text FILE` (each removed detail on a line of FILE), pushes it with "
                "`--force`, and every member clones the repository again.",
                path=work.path,
            ),
        )
    return done
