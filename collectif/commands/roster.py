"""`collectif members` and `collectif roles`: the roster, and who holds what, at a glance."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rich.console import Console
from rich.table import Table

from collectif import i18n
from collectif.model.collective import Collective, active_roles, covers, is_active
from collectif.model.message import N_, msg
from collectif.model.words import ROLE_KIND_WORDS
from collectif.report.safe import printable
from collectif.store import load
from collectif.store.source import language_of, locate


def open_collective(repo: Path | None, lang: str | None) -> tuple[Collective, i18n.Lang]:
    """The collective of the work tree, and the reader's language: what a reading command shows."""
    where = locate(repo)
    return load.load(where.worktree()), i18n.resolve(lang, language_of(where.folder))


def _title(text: str, lang: i18n.Lang) -> str:
    """A column title or a status word, from the catalog (see `_WORDS`)."""
    return i18n.gettext_(lang, text)


_WORDS = (
    N_("Name"),
    N_("Joined"),
    N_("Status"),
    N_("Roles"),
    N_("Skills"),
    N_("on a pause"),
    N_("active"),
    N_("Title"),
    N_("Kind"),
    N_("Holders"),
    N_("Training"),
    N_("Held before"),
)


def _members_table(collective: Collective, day: date, lang: i18n.Lang) -> Table:
    table = Table(title=i18n.render(msg("Members on {day}", day=day), lang), title_justify="left")
    for header in ("id", "Name", "Joined", "Status", "Roles", "Skills"):
        table.add_column(_title(header, lang))
    roles = active_roles(collective, day)
    for member_id, member in sorted(collective.members.items()):
        held = [
            role_id
            for role_id, role in sorted(roles.items())
            if any(h.member == member_id and covers(h.since, h.until, day) for h in role.holders)
        ]
        if not is_active(member, day):
            status = i18n.render(msg("left {day}", day=member.left), lang) if member.left else ""
        elif any(covers(p.start, p.to, day) for p in member.pauses):
            status = _title("on a pause", lang)
        else:
            status = _title("active", lang)
        table.add_row(
            member_id,
            printable(member.name),
            member.joined.isoformat(),
            status,
            ", ".join(held),
            printable(", ".join(member.skills)),
        )
    return table


def members(repo: Path | None = None, lang: str | None = None) -> int:
    """Print the roster: who is a member, since when, what they hold."""
    collective, language = open_collective(repo, lang)
    Console(highlight=False).print(_members_table(collective, date.today(), language))
    return 0


def _roles_table(collective: Collective, day: date, lang: i18n.Lang) -> Table:
    table = Table(title=i18n.render(msg("Roles on {day}", day=day), lang), title_justify="left")
    for header in ("id", "Title", "Kind", "Holders", "Training", "Held before"):
        table.add_column(_title(header, lang))
    for role_id, role in sorted(active_roles(collective, day).items()):
        now = [f"{h.member} ({h.since})" for h in role.holders if covers(h.since, h.until, day)]
        training = [h.member for h in role.trainees if covers(h.since, h.until, day)]
        before = sorted({h.member for h in role.holders if h.until is not None and h.until < day})
        table.add_row(
            role_id,
            printable(role.title),
            printable(_title(ROLE_KIND_WORDS.of(role.kind), lang)),
            ", ".join(now),
            ", ".join(training),
            ", ".join(before),
        )
    return table


def roles(repo: Path | None = None, lang: str | None = None) -> int:
    """Print each active role: who holds it, who trains for it, who held it before."""
    collective, language = open_collective(repo, lang)
    Console(highlight=False).print(_roles_table(collective, date.today(), language))
    return 0
