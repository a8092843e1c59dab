"""The whole collective in memory, as the checks read it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from collectif.model.entries import Entries
from collectif.model.files import CollectiveFile, Member, Project, Role
from collectif.model.finding import Finding

CONFIG_FILE = "collectif.yaml"


def member_file(member: str) -> str:
    return f"members/{member}.yaml"


def role_file(role: str) -> str:
    return f"roles/{role}.yaml"


def project_file(project: str) -> str:
    return f"projects/{project}.yaml"


def contribution_file(member: str, month: str) -> str:
    return f"contributions/{member}/{month}.yaml"


@dataclass(frozen=True)
class Known:
    """Every id that has a file, even a broken one, so one bad file does not cascade."""

    members: frozenset[str] = frozenset()
    roles: frozenset[str] = frozenset()
    projects: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Collective:
    """The valid files, the ids of every file, and what went wrong while loading."""

    config: CollectiveFile | None
    members: dict[str, Member] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    projects: dict[str, Project] = field(default_factory=dict)
    contributions: dict[tuple[str, str], Entries] = field(default_factory=dict)
    known: Known = field(default_factory=Known)
    load_findings: tuple[Finding, ...] = ()

    @property
    def charter_config(self) -> CollectiveFile:
        """The collective's settings, or the defaults while collectif.yaml is broken."""
        return self.config or CollectiveFile(name="?")


def is_active(member: Member, day: date) -> bool:
    """Active on `day`: joined on or before it and not yet left."""
    return member.joined <= day and (member.left is None or day < member.left)


def covers(start: date, end: date | None, day: date) -> bool:
    """A holding, training or pause covers `day`: start <= day and (no end or day <= end)."""
    return start <= day and (end is None or day <= end)


def active_holders(collective: Collective, role: Role, day: date) -> list[str]:
    """The distinct members holding `role` on `day` who are active members that day.

    A holding counts only while its member is active; a holder whose file is broken is not
    counted (their file takes no part in the checks).
    """
    found: list[str] = []
    for holding in role.holders:
        member = collective.members.get(holding.member)
        if member is None or holding.member in found:
            continue
        if covers(holding.since, holding.until, day) and is_active(member, day):
            found.append(holding.member)
    return found


def active_roles(collective: Collective) -> dict[str, Role]:
    """Roles not retired (`active: true`); retired roles are kept for history only."""
    return {role_id: role for role_id, role in collective.roles.items() if role.active}
