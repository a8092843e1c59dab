"""What a check is, and what it is given."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

from collectif.model.collective import Collective, Setting
from collectif.model.files import Charter
from collectif.model.finding import Finding, Path, Severity
from collectif.model.layout import (
    CONFIG_FILE,
    distribution_file,
    meeting_file,
    member_file,
    project_file,
    role_file,
)
from collectif.model.message import Message

if TYPE_CHECKING:
    from collectif.model.authorship import Commit


@dataclass(frozen=True)
class Context:
    """When the checks look: the as-of date and, for a review, the first period's date; between
    two states, the commits that lead from one to the other (for `authorship`)."""

    as_of: date
    since: date | None = None
    commits: tuple[Commit, ...] | None = None


class Explanation(NamedTuple):
    """`collectif explain NAME`: each field is an English catalog id."""

    summary: str
    finds: str
    why: str
    fix: str
    settings: str


class Check(NamedTuple):
    """A check's registry record, exported by its own module as `CHECK`.

    `settings` are the parts of collectif.yaml it reads: while one of them is broken, the check
    does not run (and says so), rather than run on a default nobody chose. `between`, if
    any, compares two states: what it finds is what the change did, new by nature.
    """

    name: str
    severity: Severity
    run: Callable[[Collective, Context], Iterable[Finding]]
    explanation: Explanation
    settings: tuple[Setting, ...] = ()
    # What it finds between two states (`check --staged`, `diff`): before, after, when.
    between: Callable[[Collective, Collective, Context], Iterable[Finding]] | None = None

    def blocked_by(self, broken: Iterable[Setting]) -> list[Setting]:
        """The broken settings that stop this check: those it reads. (A broken severity
        override under `checks:` does not stop it: it runs at its default severity, which
        shows more, never less; the schema finding says the override is ignored.)"""
        return sorted(
            {
                setting
                for setting in broken
                if setting[:1] != ("checks",)
                and any(_overlap(setting, read) for read in self.settings)
            },
            key=str,
        )


def _overlap(one: Setting, other: Setting) -> bool:
    """One setting path holds the other (or they are the same)."""
    size = min(len(one), len(other))
    return one[:size] == other[:size]


class About(NamedTuple):
    """What a finding is about (`member:ID`, `role:ID`, `project:ID` or `collective`), and the
    file a member would edit for it."""

    subject: str
    file: str

    def finding(
        self,
        check: str,
        key: str | None,
        message: Message,
        details: dict[str, Any] | None,
        path: Path = (),
        **more: Any,
    ) -> Finding:
        """The check's finding about this subject; `more` are the other fields of `Finding`."""
        return Finding(
            check=check,
            subject=self.subject,
            file=self.file,
            path=path,
            key=key,
            message=message,
            details=details,
            **more,
        )


COLLECTIVE = About("collective", CONFIG_FILE)


def about_member(member_id: str) -> About:
    return About(f"member:{member_id}", member_file(member_id))


def about_role(role_id: str) -> About:
    return About(f"role:{role_id}", role_file(role_id))


def about_project(project_id: str) -> About:
    return About(f"project:{project_id}", project_file(project_id))


def about_meeting(meeting_id: str) -> About:
    return About(f"meeting:{meeting_id}", meeting_file(meeting_id))


def about_distribution(ident: str) -> About:
    return About(f"distribution:{ident}", distribution_file(ident))


def on_charter(*sections: str, currency: bool = False) -> tuple[Setting, ...]:
    """The settings a check reads: these sections of the charter, and, with `currency`, the
    currency its amounts are said in."""
    return (*(("charter", section) for section in sections), *([("currency",)] if currency else []))


def charter_of(collective: Collective) -> Charter:
    return collective.charter_config.charter
