"""The whole collective in memory, as the checks read it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from collectif.model.entries import Entries
from collectif.model.files import (
    CollectiveFile,
    Contact,
    Distribution,
    Meeting,
    Member,
    Project,
    Role,
)
from collectif.model.finding import Problem

Setting = tuple[str | int, ...]


@dataclass(frozen=True)
class Known:
    """Every id that has a file, even a broken one, so one bad file does not cascade."""

    members: frozenset[str] = frozenset()
    roles: frozenset[str] = frozenset()
    projects: frozenset[str] = frozenset()
    meetings: frozenset[str] = frozenset()
    distributions: frozenset[str] = frozenset()
    contacts: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Collective:
    """The valid files, the ids of every file, and what went wrong while loading."""

    config: CollectiveFile | None
    members: dict[str, Member] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    projects: dict[str, Project] = field(default_factory=dict)
    contributions: dict[tuple[str, str], Entries] = field(default_factory=dict)
    meetings: dict[str, Meeting] = field(default_factory=dict)
    contacts: dict[str, Contact] = field(default_factory=dict)
    known: Known = field(default_factory=Known)
    problems: tuple[Problem, ...] = ()
    # Settings of collectif.yaml that are broken (`()`: the whole file): the checks that read
    # them do not run, rather than run on a default nobody chose.
    broken_settings: frozenset[Setting] = frozenset()
    # (member, month) of contribution files with a dropped entry or that could not be read:
    # `minimum`, `prospecting` and `overload` leave those periods to the `schema` finding.
    incomplete: frozenset[tuple[str, str]] = frozenset()
    distributions: dict[str, Distribution] = field(default_factory=dict)

    @property
    def charter_config(self) -> CollectiveFile:
        """The collective's settings, or the defaults while collectif.yaml is broken."""
        return self.config or CollectiveFile(name="?")

    @property
    def language(self) -> str | None:
        """The collective's `language`, or None while collectif.yaml cannot say it (broken
        there, or as a whole): not the default nobody chose."""
        if self.config is None or ("language",) in self.broken_settings:
            return None
        return self.config.language


def is_active(member: Member, day: date) -> bool:
    """Active on `day`: joined on or before it and not yet left."""
    return member.joined <= day and (member.left is None or day < member.left)


def covers(start: date, end: date | None, day: date) -> bool:
    """A holding, training or pause covers `day`: start <= day and (no end or day <= end)."""
    return start <= day and (end is None or day <= end)


def active_holders(collective: Collective, role: Role, day: date) -> list[str]:
    """The distinct members holding `role` on `day` who are active members that day.

    A holding counts only while its member is active. A holder whose member file is broken is
    counted while the holding covers the day: their membership cannot be read, and one broken
    file must not make the roles they hold look abandoned.
    """
    found: list[str] = []
    for holding in role.holders:
        if holding.member in found or not covers(holding.since, holding.until, day):
            continue
        member = collective.members.get(holding.member)
        if (member is not None and is_active(member, day)) or (
            member is None and holding.member in collective.known.members
        ):
            found.append(holding.member)
    return found


def active_roles(collective: Collective, day: date) -> dict[str, Role]:
    """Roles not retired (`active: true`); retired roles are kept for history only."""
    return {role_id: role for role_id, role in collective.roles.items() if role.active_on(day)}
