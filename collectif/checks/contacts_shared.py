"""`contacts-shared`: the collective, not one member, holds its client relationships."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from collectif.checks.base import Check, Context, Explanation, charter_of
from collectif.model import files
from collectif.model.collective import Collective
from collectif.model.files import Contact, Project
from collectif.model.finding import Finding, Severity
from collectif.model.layout import contact_file, project_file
from collectif.model.message import Message, msg

NAME = "contacts-shared"
OPEN = ("proposed", "active")

EXPLANATION = Explanation(
    summary="A proposed or active project whose client is not a shared contact.",
    finds=(
        "Every project whose status is `proposed` or `active` and that names no `contact`; "
        "and, as a warning, two contact files that hold the same organisation (the same name, "
        "ignoring case, accents and spaces), naming both files."
    ),
    why=(
        "Members share their former clients and prospects with the group, so that the "
        "collective, not one member, holds its relationships, and new contracts never depend "
        "on one person's address book."
    ),
    fix=(
        "Share the client (`collectif contact add ID --name NAME --kind KIND`) and set "
        "`contact: ID` in the project's file. For a duplicate, keep one file, point projects "
        "and prospecting entries to it, and delete the other."
    ),
    settings=(
        "`charter.contacts` in collectif.yaml: without it, the check finds nothing. "
        "Severity: `checks: {contacts-shared: error}` or `off`."
    ),
)


def folded(name: str) -> str:
    """A name as two people would write it alike: no case, accents or extra spaces."""
    plain = unicodedata.normalize("NFKD", name.casefold())
    kept = "".join(character for character in plain if not unicodedata.combining(character))
    return " ".join(kept.replace("’", "'").split())


def same_name(contacts: dict[str, Contact], name: str) -> str | None:
    """The first contact (by id) whose name is `name`, as `folded` compares them."""
    wanted = folded(name)
    return next((cid for cid in sorted(contacts) if folded(contacts[cid].name) == wanted), None)


def _unshared(project_id: str, project: Project, match: str | None) -> Message:
    if match is not None:
        return msg(
            "the project {project} for {client} names no shared contact: contacts/{contact}.yaml "
            "looks like its client; set `contact: {contact}` in the project",
            project=project_id,
            client=project.client,
            contact=match,
        )
    return msg(
        "the project {project} for {client} names no shared contact: share the client "
        "(`collectif contact add ID --name NAME --kind {kind}`) and set `contact: ID` in the "
        "project, so that the collective, not one member, holds the relationship",
        project=project_id,
        client=project.client,
        kind=project.client_kind,
    )


def _projects(collective: Collective) -> Iterator[Finding]:
    for project_id, project in sorted(collective.projects.items()):
        if project.status not in OPEN or project.contact is not None:
            continue
        written = "client" in files.written(project)
        yield Finding(
            check=NAME,
            subject=f"project:{project_id}",
            file=project_file(project_id),
            path=("client",) if written else (),
            message=_unshared(project_id, project, same_name(collective.contacts, project.client)),
            details={"project": project_id, "client": project.client},
        )


def _duplicates(collective: Collective) -> Iterator[Finding]:
    first: dict[str, str] = {}
    for contact_id, contact in sorted(collective.contacts.items()):
        key = folded(contact.name)
        if key not in first:
            first[key] = contact_id
            continue
        yield Finding(
            check=NAME,
            subject=f"contact:{contact_id}",
            file=contact_file(contact_id),
            path=("name",),
            severity=Severity.WARNING,
            message=msg(
                "{name} is shared twice, in {first} and {second}: keep one file, point the "
                "projects and prospecting entries to it, and delete the other",
                name=contact.name,
                first=contact_file(first[key]),
                second=contact_file(contact_id),
            ),
            details={"contact": contact_id, "same_as": first[key]},
        )


def check(collective: Collective, context: Context) -> Iterator[Finding]:
    """Open projects without a shared contact, and organisations shared twice."""
    if charter_of(collective).contacts is None:
        return
    yield from _projects(collective)
    yield from _duplicates(collective)


CHECK = Check(NAME, Severity.WARNING, check, EXPLANATION, settings=(("charter", "contacts"),))
