"""`contact-retention`: personal data about prospects is kept only as long as the law allows."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from collectif.checks.base import Check, Context, Explanation, charter_of
from collectif.checks.periods import add_months
from collectif.model import files
from collectif.model.collective import Collective
from collectif.model.files import Contact
from collectif.model.finding import Finding, Severity
from collectif.model.layout import contact_file, contribution_file
from collectif.model.message import Text, msg
from collectif.model.words import CONTACT_STATUS_WORDS

NAME = "contact-retention"
# The statuses whose data is kept only for a while after the last exchange (a client's is
# kept while it is one).
EXPIRING = ("prospect", "former", "declined")

EXPLANATION = Explanation(
    summary="Contacts kept past the retention period; opted-out contacts that still hold "
    "personal details.",
    finds=(
        "A contact whose status is `prospect`, `former` or `declined` and whose last exchange "
        "(`last_contact`, else `shared_on`) plus `retention_months` months is on or before "
        "the as-of date (a warning; for an opted-out contact, counted from the opt-out when it "
        "is later, as the opt-out is kept to be honoured); a contact with `opted_out` whose "
        "`people` is not empty (an error); a prospecting entry that names an opted-out "
        "contact and is dated after the opt-out (an error, on the member's entry)."
    ),
    why=(
        "Personal data about prospects is regulated: in France the data protection "
        "authority's guidance keeps business prospects' data three years from the last "
        "exchange, and anyone may object to being prospected. The collective keeps only what "
        "prospecting needs, and honours every opt-out."
    ),
    fix=(
        "Record a new exchange (`collectif contact touch ID`), or delete the contact's file "
        "once it is no longer needed. For an opt-out: `collectif contact forget ID` keeps the "
        "organisation's name and the opt-out date only. Remove the prospecting entry, or its "
        "`ref`, that names an opted-out contact."
    ),
    settings=(
        "`charter.contacts.retention_months` (default 36) in collectif.yaml; without "
        "`charter.contacts`, the check finds nothing. Severity: `checks: {contact-retention: "
        "warning}` (every finding a warning) or `off`."
    ),
)


def counted_from(contact: Contact) -> date:
    """The day retention counts from: the last exchange; for an opt-out, the opt-out if later
    (the opt-out itself is kept as long, so that nobody contacts them again)."""
    if contact.opted_out is not None and contact.opted_out > contact.last_exchange:
        return contact.opted_out
    return contact.last_exchange


def expires(contact: Contact, months: int) -> date:
    """The day from which the contact is kept too long (`counted_from` plus `months`)."""
    return add_months(counted_from(contact), months)


def _expired(contact_id: str, contact: Contact, months: int, as_of: date) -> Finding | None:
    if contact.status not in EXPIRING:
        return None
    limit = expires(contact, months)
    if limit > as_of:
        return None
    if contact.opted_out is not None and contact.opted_out > contact.last_exchange:
        path: tuple[str, ...] = ("opted_out",)
        message = msg(
            "{name} opted out on {last}: its opt-out is kept {months} months at most, that is "
            "until {limit}; the collective may now delete contacts/{contact}.yaml",
            name=contact.name,
            last=contact.opted_out,
            months=months,
            limit=limit,
            contact=contact_id,
        )
    else:
        written = "last_contact" in files.written(contact)
        path = ("last_contact",) if written else ("shared_on",)
        message = msg(
            "{name} ({status}) has had no exchange since {last}: kept {months} months after "
            "the last exchange at most, that is until {limit}; delete contacts/{contact}.yaml, "
            "or record a new exchange with `collectif contact touch {contact}`",
            name=contact.name,
            status=Text(msg(CONTACT_STATUS_WORDS.of(contact.status))),
            last=contact.last_exchange,
            months=months,
            limit=limit,
            contact=contact_id,
        )
    return Finding(
        check=NAME,
        subject=f"contact:{contact_id}",
        file=contact_file(contact_id),
        path=path,
        severity=Severity.WARNING,
        message=message,
        details={"contact": contact_id, "since": counted_from(contact).isoformat()},
    )


def _opted_out(contact_id: str, contact: Contact) -> Finding | None:
    if contact.opted_out is None or not contact.people:
        return None
    return Finding(
        check=NAME,
        subject=f"contact:{contact_id}",
        file=contact_file(contact_id),
        path=("people",),
        on_key=True,
        severity=Severity.ERROR,
        message=msg(
            "{name} asked not to be contacted again on {date}, but the file still holds "
            "personal details: keep the organisation's name only, with `collectif contact "
            "forget {contact}`",
            name=contact.name,
            date=contact.opted_out,
            contact=contact_id,
        ),
        details={"contact": contact_id, "opted_out": contact.opted_out.isoformat()},
    )


def _prospected(collective: Collective, as_of: date) -> Iterator[Finding]:
    """Prospecting entries naming an opted-out contact, dated after the opt-out."""
    stopped = {cid: c.opted_out for cid, c in collective.contacts.items() if c.opted_out}
    if not stopped:
        return
    for (member_id, month), entries in sorted(collective.contributions.items()):
        for index, entry in enumerate(entries):
            if entry.kind != "prospecting" or entry.ref not in stopped:
                continue
            since = stopped[entry.ref]
            if not since < entry.date <= as_of:
                continue
            yield Finding(
                check=NAME,
                subject=f"member:{member_id}",
                file=contribution_file(member_id, month),
                path=(index, "ref"),
                severity=Severity.ERROR,
                message=msg(
                    "prospecting of {contact} on {date}, after they asked on {since} not to be "
                    "contacted again: remove this entry's `ref`, and do not contact them",
                    contact=entry.ref,
                    date=entry.date,
                    since=since,
                ),
                details={"member": member_id, "contact": entry.ref, "date": entry.date.isoformat()},
            )


def check(collective: Collective, context: Context) -> Iterator[Finding]:
    """Contacts kept too long, opt-outs not honoured."""
    rules = charter_of(collective).contacts
    if rules is None:
        return
    for contact_id, contact in sorted(collective.contacts.items()):
        for found in (
            _expired(contact_id, contact, rules.retention_months, context.as_of),
            _opted_out(contact_id, contact),
        ):
            if found is not None:
                yield found
    yield from _prospected(collective, context.as_of)


# The check is an error so that an opt-out not honoured blocks; the retention findings are
# warnings of their own (an override of `warning` makes every finding a warning).
CHECK = Check(NAME, Severity.ERROR, check, EXPLANATION, settings=(("charter", "contacts"),))
