"""`references`: unknown ids, periods that end before they start, activity outside membership."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, timedelta
from decimal import Decimal
from functools import cache
from itertools import chain, tee
from operator import itemgetter

from collectif.checks import distribution
from collectif.checks.base import Check, Context, Explanation, charter_of
from collectif.checks.meeting_refs import meeting_references
from collectif.checks.periods import month_span
from collectif.model.collective import Collective, is_active
from collectif.model.entries import Entries, TimeEntry
from collectif.model.files import Contact, Holding, Member, Pause, Project, Role
from collectif.model.finding import Finding, Path, Severity
from collectif.model.layout import (
    contact_file,
    contribution_file,
    member_file,
    project_file,
    role_file,
)
from collectif.model.message import N_, Hours, Message, Text, msg
from collectif.model.types import DAY_HOURS
from collectif.model.words import closest

NAME = "references"

EXPLANATION = Explanation(
    summary="References to unknown ids, periods that end before they start, activity outside "
    "a membership.",
    finds=(
        "A member, role or project id that has no file; a period whose end comes before its "
        "start (membership, pause, holding, training, project); a holding, team place, quote "
        "line or time entry by a member on days they were not a member; a time entry dated "
        "outside the month of its file; a member's entries of one day that add up to more "
        "than 24 hours."
    ),
    why=(
        "Every rule of the charter counts people, roles and projects by their ids and dates. A "
        "misspelt id or a holding that outlived its member would make the collective look "
        "covered when it is not."
    ),
    fix=(
        "Correct the id to one that exists (ids are file names: members/<id>.yaml), fix the "
        "dates, close a holding with `until:` the day before its member left, or move the entry "
        "to the file of its month."
    ),
    settings="None.",
)


def _finding(subject: str, file: str, path: Path, message: Message) -> Finding:
    return Finding(check=NAME, subject=subject, file=file, path=path, message=message)


# What an unknown id is told: (no file of that name, no file but one close to it).
_UNKNOWN = {
    "member": (
        N_("unknown member `{ref}`: there is no members/{ref}.yaml"),
        N_("unknown member `{ref}`: did you mean `{suggestion}`?"),
    ),
    "role": (
        N_("unknown role `{ref}`: there is no roles/{ref}.yaml"),
        N_("unknown role `{ref}`: did you mean `{suggestion}`?"),
    ),
    "project": (
        N_("unknown project `{ref}`: there is no projects/{ref}.yaml"),
        N_("unknown project `{ref}`: did you mean `{suggestion}`?"),
    ),
    "contact": (
        N_("unknown contact `{ref}`: there is no contacts/{ref}.yaml"),
        N_("unknown contact `{ref}`: did you mean `{suggestion}`?"),
    ),
}


def _unknown(kind: str, ref: str, known: Iterable[str] = ()) -> Message:
    """An id that names no file, with the closest id that does when one is close (a typo)."""
    missing, typo = _UNKNOWN[kind]
    close = closest(ref, known)
    return msg(missing, ref=ref) if close is None else msg(typo, ref=ref, suggestion=close)


def _backwards(start: date, end: date) -> Message:
    return msg("this period ends on {end}, before it starts on {start}", start=start, end=end)


def _outside(member: str, member_data: Member, first: date, last: date | None) -> Message | None:
    """Why days `first`..`last` (None: open-ended) are not all within the membership."""
    if first < member_data.joined:
        return msg(
            "{member} only joined on {joined}, after {first}",
            member=member,
            joined=member_data.joined,
            first=first,
        )
    left = member_data.left
    if left is not None and first >= left:
        return msg(
            "{member} is no longer a member from {left}, before this starts on {first}",
            member=member,
            left=left,
            first=first,
        )
    if left is not None and (last is None or last >= left):
        if last is None:
            return msg(
                "{member} left on {left}, but this has no end: set its end to the day "
                "before, {before}",
                member=member,
                left=left,
                before=date.fromordinal(left.toordinal() - 1),
            )
        return msg(
            "{member} left on {left}, but this runs until {last}",
            member=member,
            left=left,
            last=last,
        )
    return None


# members ------------------------------------------------------------------------------------


def _member_findings(member_id: str, member: Member) -> Iterator[Finding]:
    subject, file = f"member:{member_id}", member_file(member_id)
    if member.left is not None and member.left < member.joined:
        yield _finding(subject, file, ("left",), _backwards(member.joined, member.left))
    for index, pause in enumerate(member.pauses):
        if pause.to is not None and pause.to < pause.start:
            yield _finding(
                subject, file, ("pauses", index, "to"), _backwards(pause.start, pause.to)
            )
            continue
        earlier = _overlapped(member.pauses[:index], pause)
        if earlier is not None:
            yield _finding(subject, file, ("pauses", index, "from"), _overlap(earlier))


def _overlapped(earlier: Sequence[Pause], pause: Pause) -> Pause | None:
    """The first of the `earlier` pauses that shares a day with `pause`, if any."""
    for other in earlier:
        if other.to is not None and other.to < other.start:
            continue  # backwards: already a finding of its own
        if (other.to is None or pause.start <= other.to) and (
            pause.to is None or other.start <= pause.to
        ):
            return other
    return None


def _overlap(other: Pause) -> Message:
    end = other.to.isoformat() if other.to is not None else "…"
    return msg(
        "this pause overlaps the one from {start} to {end}: merge them into one, or correct "
        "their dates",
        start=other.start,
        end=end,
    )


# roles --------------------------------------------------------------------------------------


def _holding_findings(
    collective: Collective, subject: str, file: str, key: str, index: int, holding: Holding
) -> Iterator[Finding]:
    path: Path = (key, index)
    if holding.member not in collective.known.members:
        unknown = _unknown("member", holding.member, collective.known.members)
        yield _finding(subject, file, (*path, "member"), unknown)
        return
    if holding.until is not None and holding.until < holding.since:
        yield _finding(subject, file, (*path, "until"), _backwards(holding.since, holding.until))
        return
    member = collective.members.get(holding.member)
    if member is None:
        return
    outside = _outside(holding.member, member, holding.since, holding.until)
    if outside is not None:
        yield _finding(subject, file, path, outside)


def _role_findings(collective: Collective, role_id: str, role: Role) -> Iterator[Finding]:
    subject, file = f"role:{role_id}", role_file(role_id)
    for key, holdings in (("holders", role.holders), ("trainees", role.trainees)):
        for index, holding in enumerate(holdings):
            yield from _holding_findings(collective, subject, file, key, index, holding)


# projects -----------------------------------------------------------------------------------


def _project_people(project: Project) -> Iterator[tuple[Path, str, bool]]:
    """Every member named in the project: where, who, and whether it is activity."""
    for index, finder in enumerate(project.brought_by):
        yield ("brought_by", index), finder, False
    if project.lead is not None:
        yield ("lead",), project.lead, False
    for index, place in enumerate(project.team):
        yield ("team", index, "member"), place.member, True
    for index, line in enumerate(project.lines):
        yield ("lines", index, "member"), line.member, True
    for index, payout in enumerate(project.payouts):
        yield ("payouts", index, "member"), payout.member, False


def _project_findings(
    collective: Collective,
    project_id: str,
    project: Project,
) -> Iterator[Finding]:
    subject, file = f"project:{project_id}", project_file(project_id)
    start, end = project.start, project.end
    backwards = False
    if start is not None and end is not None and start > end:
        backwards = True
        yield _finding(subject, file, ("end",), _backwards(start, end))
    for path, member_id, activity in _project_people(project):
        if member_id not in collective.known.members:
            unknown = _unknown("member", member_id, collective.known.members)
            yield _finding(subject, file, path, unknown)
            continue
        member = collective.members.get(member_id)
        if not (activity and not backwards and member is not None and project.start is not None):
            continue
        outside = _outside(member_id, member, project.start, project.end)
        if outside is not None:
            yield _finding(subject, file, path, outside)
    yield from _project_contact(collective, subject, file, project)


def _project_contact(
    collective: Collective, subject: str, file: str, project: Project
) -> Iterator[Finding]:
    """A project's contact must exist, and be of the project's kind of client."""
    if project.contact is None:
        return
    if project.contact not in collective.known.contacts:
        unknown = _unknown("contact", project.contact, collective.known.contacts)
        yield _finding(subject, file, ("contact",), unknown)
        return
    contact = collective.contacts.get(project.contact)
    if contact is not None and contact.kind != project.client_kind:
        yield _finding(
            subject,
            file,
            ("contact",),
            msg(
                "the contact {contact} is of kind `{kind}`, but this project's `client_kind` is "
                "`{client_kind}`: correct one of them, or name the right contact",
                contact=project.contact,
                kind=contact.kind,
                client_kind=project.client_kind,
            ),
        )


# contacts -----------------------------------------------------------------------------------


def _contact_findings(
    collective: Collective, contact_id: str, contact: Contact
) -> Iterator[Finding]:
    subject, file = f"contact:{contact_id}", contact_file(contact_id)
    if contact.shared_by not in collective.known.members:
        unknown = _unknown("member", contact.shared_by, collective.known.members)
        yield _finding(subject, file, ("shared_by",), unknown)
    known = collective.known
    if contact_id in known.roles or contact_id in known.projects:
        yield _finding(
            subject,
            file,
            (),
            msg(
                "the id {contact} is also a role's or a project's: a prospecting entry's `ref` "
                "would not say which; rename contacts/{contact}.yaml (and the projects and "
                "entries that name it)",
                contact=contact_id,
            ),
        )


# contributions ------------------------------------------------------------------------------


def _entry_ref(collective: Collective, kind: str, ref: str) -> Message | None:
    known = collective.known
    if kind == "project":
        return None if ref in known.projects else _unknown("project", ref, known.projects)
    if kind == "support":
        return None if ref in known.roles else _unknown("role", ref, known.roles)
    if ref in known.roles or ref in known.projects:
        return None
    if kind == "prospecting":
        if ref in known.contacts:
            return None
        return msg(
            "unknown role, project or contact `{ref}`: there is no roles/{ref}.yaml, "
            "projects/{ref}.yaml nor contacts/{ref}.yaml",
            ref=ref,
        )
    return msg(
        "unknown role or project `{ref}`: there is no roles/{ref}.yaml nor projects/{ref}.yaml",
        ref=ref,
    )


class _Refs:
    """What is wrong with each (kind, ref) of the entries, worked out once per pair."""

    def __init__(self, collective: Collective) -> None:
        self.collective = collective
        self.problems: dict[tuple[str, str | None], Message | None] = {}
        everything = chain.from_iterable(collective.contributions.values())
        kinds, refs = tee(everything)
        pairs = set(zip(map(_KIND, kinds), map(_REF, refs), strict=True))
        # The refs that are wrong in at least one entry: only files holding one of them need
        # their entries looked at one by one.
        self.suspects = frozenset(ref for kind, ref in pairs if self.problem(kind, ref))

    def problem(self, kind: str, ref: str | None) -> Message | None:
        key = (kind, ref)
        if key not in self.problems:
            self.problems[key] = None if ref is None else _entry_ref(self.collective, kind, ref)
        return self.problems[key]

    def all_known(self, entries: Entries) -> bool:
        """Whether every entry's ref is right."""
        return not self.suspects or self.suspects.isdisjoint(map(_REF, entries))


_DAY, _HOURS, _KIND, _REF = itemgetter(0), itemgetter(1), itemgetter(2), itemgetter(3)


def _misplaced(member_id: str, month: str, index: int, entry: TimeEntry) -> Finding:
    entry_month = f"{entry.date.year:04d}-{entry.date.month:02d}"
    return _finding(
        f"member:{member_id}",
        contribution_file(member_id, month),
        (index, "date"),
        msg(
            "this entry is dated {date}, outside {month}: move it to "
            "contributions/{member}/{entry_month}.yaml",
            date=entry.date,
            month=month,
            member=member_id,
            entry_month=entry_month,
        ),
    )


def _not_member(member_id: str, member: Member, month: str, index: int, day: date) -> Finding:
    return _finding(
        f"member:{member_id}",
        contribution_file(member_id, month),
        (index, "date"),
        msg(
            "this entry is dated {date}, when {member} was not a member (member from {joined}"
            "{until})",
            date=day,
            member=member_id,
            joined=member.joined,
            until=Text(msg(" until {last}", last=member.left - timedelta(days=1)))
            if member.left
            else "",
        ),
    )


@cache
def _month_span(month: str) -> tuple[date, date]:
    return month_span(int(month[:4]), int(month[5:7]))


def _file_findings(
    collective: Collective, refs: _Refs, member_id: str, month: str, entries: Entries
) -> Iterator[Finding]:
    """Per entry: a date outside the file's month, an unknown ref, a day outside membership."""
    if not entries:
        return
    first, last = _month_span(month)
    member = collective.members.get(member_id)
    # A month within the membership needs no test per entry dated in it.
    whole = member is None or (
        member.joined <= first and (member.left is None or last < member.left)
    )
    if (
        first <= min(map(_DAY, entries))
        and max(map(_DAY, entries)) <= last
        and whole
        and refs.all_known(entries)
    ):
        return  # the usual file: nothing to look at entry by entry
    subject, file = f"member:{member_id}", contribution_file(member_id, month)
    for index, entry in enumerate(entries):
        day = entry.date
        inside = first <= day <= last
        if not inside:
            yield _misplaced(member_id, month, index, entry)
        problem = refs.problem(entry.kind, entry.ref)
        if problem is not None:
            yield _finding(subject, file, (index, "ref"), problem)
        if member is not None and not (whole and inside) and not is_active(member, day):
            yield _not_member(member_id, member, month, index, day)


def _contribution_findings(collective: Collective) -> Iterator[Finding]:
    refs = _Refs(collective)
    for (member_id, month), entries in collective.contributions.items():
        if member_id not in collective.known.members:
            yield _finding(
                f"member:{member_id}",
                contribution_file(member_id, month),
                (),
                msg(
                    "these entries belong to `{ref}`, who has no members/{ref}.yaml", ref=member_id
                ),
            )
            continue
        yield from _file_findings(collective, refs, member_id, month, entries)


# a member's day ---------------------------------------------------------------------------


def _files_by_member(collective: Collective) -> dict[str, list[tuple[str, Entries]]]:
    """Each member's contribution files, in file name order (their months)."""
    files: dict[str, list[tuple[str, Entries]]] = {}
    for (member_id, month), entries in sorted(collective.contributions.items()):
        files.setdefault(member_id, []).append((month, entries))
    return files


def _plain(month: str, entries: Entries) -> bool:
    """Entries filed in their month, of which no day can pass 24 hours: the most entries of
    one day, each at most as long as the file's longest, stay within it. Builtins only, no
    loop per entry: this is every file's cost."""
    if not entries:
        return True
    days = list(map(_DAY, entries))
    first, last = _month_span(month)
    if not (first <= min(days) and max(days) <= last):
        return False
    repeats = len(days) - len(set(days))
    if repeats == 0:
        return True
    longest: Decimal = max(map(_HOURS, entries))
    # A day holds at most `repeats + 1` entries: count them exactly only if that is not enough.
    if (repeats + 1) * longest <= DAY_HOURS:
        return True
    return max(Counter(days).values()) * longest <= DAY_HOURS


def _too_long(member_id: str, month: str, index: int, day: date, total: Decimal) -> Finding:
    return Finding(
        check=NAME,
        subject=f"member:{member_id}",
        file=contribution_file(member_id, month),
        path=(index, "hours"),
        message=msg(
            "the entries of {member} on {date} add up to {total}, more than {limit} in one day: "
            "correct their hours or their dates",
            member=member_id,
            date=day,
            total=Hours(total),
            limit=Hours(DAY_HOURS),
        ),
        details={"date": day.isoformat(), "hours": total},
    )


def _long_days(member_id: str, files: list[tuple[str, Entries]]) -> Iterator[Finding]:
    """One finding per day whose entries pass 24 hours, on the entry that passes it.

    Entries count by their own date, in file name order, then in their order in the file.
    """
    if all(_plain(month, entries) for month, entries in files):
        return  # the usual member: each file's days plainly within 24 hours
    totals: dict[date, Decimal] = {}
    for month, entries in files:
        for index, entry in enumerate(entries):
            before = totals.get(entry.date, Decimal(0))
            totals[entry.date] = before + entry.hours
            if before <= DAY_HOURS < totals[entry.date]:
                yield _too_long(member_id, month, index, entry.date, totals[entry.date])


def _day_findings(collective: Collective) -> Iterator[Finding]:
    for member_id, files in _files_by_member(collective).items():
        yield from _long_days(member_id, files)


def check(collective: Collective, context: Context) -> Iterator[Finding]:
    """Every dangling reference and misplaced date, wherever it is written."""
    for member_id, member in collective.members.items():
        yield from _member_findings(member_id, member)
    for role_id, role in collective.roles.items():
        yield from _role_findings(collective, role_id, role)
    for project_id, project in collective.projects.items():
        yield from _project_findings(collective, project_id, project)
    if charter_of(collective).contacts is not None:
        for contact_id, contact in collective.contacts.items():
            yield from _contact_findings(collective, contact_id, contact)
    yield from _contribution_findings(collective)
    yield from _day_findings(collective)
    yield from meeting_references(collective)
    yield from distribution.references(collective)


CHECK = Check("references", Severity.ERROR, check, EXPLANATION, settings=())
