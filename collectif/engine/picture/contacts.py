"""Shared contacts: per member, the contacts they shared and the prospecting they did."""

from __future__ import annotations

from collections import Counter
from itertools import chain

from collectif.checks import contacts_shared
from collectif.checks.base import charter_of
from collectif.engine.picture.giving import members_in
from collectif.engine.picture.hours import ByKind, runs
from collectif.engine.picture.records import Sharer, Sharing, Window
from collectif.model.collective import Collective


def sharing(
    collective: Collective, frame: Window, hours: dict[tuple[str, str], ByKind]
) -> Sharing | None:
    """Per member, over the window: contacts shared, prospecting actions and those that name a
    shared contact; None while the collective does not share contacts. A contact shared after
    the as-of date is not counted: it has not happened yet."""
    if charter_of(collective).contacts is None or not runs(collective, contacts_shared.CHECK):
        return None
    last = min(frame.end, frame.as_of)
    known = [c for c in collective.contacts.values() if c.shared_on <= frame.as_of]
    shared = Counter(
        contact.shared_by for contact in known if frame.start <= contact.shared_on <= last
    )
    total = Counter(contact.shared_by for contact in known)
    actions: Counter[str] = Counter()
    named: Counter[str] = Counter()
    for (member_id, _), entries in collective.contributions.items():
        for entry in entries:
            if entry.kind == "prospecting" and frame.start <= entry.date <= last:
                actions[member_id] += 1
                named[member_id] += entry.ref in collective.contacts
    members = sorted(set(members_in(collective, frame, hours)) | set(chain(shared, actions)))
    rows = tuple(
        Sharer(member, shared[member], total[member], actions[member], named[member])
        for member in members
    )
    return Sharing(len(known), rows)
