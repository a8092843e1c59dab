"""What every command that changes data shares: who I am, the files to edit, and the one way
to record a change: apply it in memory, check it, refuse it if it breaks the charter, else
write the files and commit them, by the member.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from rich.console import Console
from rich.text import Text

from collectif import i18n
from collectif.checks import runner
from collectif.checks.base import Context
from collectif.commands import states
from collectif.errors import EXIT_FINDINGS, EXIT_OK, CollectifError
from collectif.model.collective import Collective, member_file, project_file, role_file
from collectif.model.files import Member, Project, Role
from collectif.model.finding import Finding, Severity, Status
from collectif.model.message import Message, Names, msg
from collectif.model.types import ID_PATTERN
from collectif.store import load, place, roundtrip
from collectif.store.commit import Identity, Repository
from collectif.store.overlay import Overlay
from collectif.store.source import Worktree, worktree

_ID = re.compile(ID_PATTERN)


@dataclass(frozen=True)
class Workspace:
    """The collective as it is now, where it lives in git, and the reader's language."""

    source: Worktree
    repository: Repository
    collective: Collective
    lang: i18n.Lang
    today: date


def open_workspace(repo: Path | None, lang: str | None) -> Workspace:
    """Read the collective around `repo` (or here), which must be in a git repository."""
    source = worktree(repo)
    collective = load.load(source)
    language = i18n.resolve(lang, collective.config.language if collective.config else None)
    return Workspace(
        source=source,
        repository=Repository.around(source.root),
        collective=collective,
        lang=language,
        today=date.today(),
    )


# Arguments ----------------------------------------------------------------------------------


def parse_id(option: str, value: str) -> str:
    """`value` if it is a valid id, else a clear error naming the option."""
    if _ID.match(value):
        return value
    raise CollectifError(
        "{option}: `{value}` is not a valid id: use lowercase letters, digits and dashes, "
        "starting with a letter or a digit, at most 63 characters.",
        option=option,
        value=value,
    )


def day_before(day: date) -> date:
    return day - timedelta(days=1)


# Who I am -----------------------------------------------------------------------------------


def _by_email(collective: Collective, email: str) -> list[str]:
    wanted = email.strip().lower()
    return sorted(m for m, data in collective.members.items() if data.email.lower() == wanted)


def git_email(workspace: Workspace) -> str | None:
    return workspace.repository.config("user.email")


def whoami(workspace: Workspace, as_member: str | None) -> str:
    """The member acting: `--as`, else the member whose email is git's user.email."""
    if as_member is not None:
        return require_member(workspace, parse_id("--as", as_member))
    email = git_email(workspace)
    if email is None:
        raise CollectifError(
            "Who are you? git's user.email is not set in this repository. Set it to the email "
            "of your member file (`git config user.email you@example.org`), or pass --as "
            "MEMBER."
        )
    found = _by_email(workspace.collective, email)
    if not found:
        raise CollectifError(
            "Who are you? No member has the email {email} (git's user.email). Set git's "
            "user.email to the email of your member file (`git config user.email ...`), or "
            "pass --as MEMBER.",
            email=email,
        )
    if len(found) > 1:
        raise CollectifError(
            "Who are you? {members} all have the email {email} (git's user.email): pass --as "
            "MEMBER.",
            members=Names(tuple(found)),
            email=email,
        )
    return found[0]


# What exists --------------------------------------------------------------------------------


def broken(path: str) -> CollectifError:
    return CollectifError(
        "{path} has errors: fix them first (`collectif check` shows them), then try again.",
        path=path,
    )


def require_member(workspace: Workspace, member_id: str) -> str:
    collective = workspace.collective
    if member_id not in collective.known.members:
        raise CollectifError(
            "There is no member `{member}` (no members/{member}.yaml).", member=member_id
        )
    if member_id not in collective.members:
        raise broken(member_file(member_id))
    return member_id


def member(workspace: Workspace, member_id: str) -> Member:
    return workspace.collective.members[require_member(workspace, member_id)]


def role(workspace: Workspace, role_id: str) -> Role:
    collective = workspace.collective
    if role_id not in collective.known.roles:
        raise CollectifError("There is no role `{role}` (no roles/{role}.yaml).", role=role_id)
    if role_id not in collective.roles:
        raise broken(role_file(role_id))
    return collective.roles[role_id]


def project(workspace: Workspace, project_id: str) -> Project:
    collective = workspace.collective
    if project_id not in collective.known.projects:
        raise CollectifError(
            "There is no project `{project}` (no projects/{project}.yaml).", project=project_id
        )
    if project_id not in collective.projects:
        raise broken(project_file(project_id))
    return collective.projects[project_id]


# Files to edit ------------------------------------------------------------------------------


@dataclass
class Edits:
    """The files a change touches, loaded for editing (each once), and their new bytes."""

    workspace: Workspace
    documents: dict[str, roundtrip.Document] = field(default_factory=dict)

    def open(self, path: str) -> roundtrip.Document:
        """An existing file of the collective, to edit."""
        if path not in self.documents:
            target = self.workspace.source.root / path
            if not target.is_file():
                raise CollectifError("{path} does not exist.", path=path)
            try:
                self.documents[path] = roundtrip.load(target.read_bytes())
            except roundtrip.EditError:
                raise broken(path) from None
        return self.documents[path]

    def open_or_create(
        self, path: str, create: Callable[[], roundtrip.Document]
    ) -> roundtrip.Document:
        if path in self.documents or (self.workspace.source.root / path).exists():
            return self.open(path)
        self.documents[path] = create()
        return self.documents[path]

    def changes(self) -> dict[str, bytes]:
        """The new bytes of every file whose content changed."""
        changed = {}
        for path, document in self.documents.items():
            content = document.dump()
            if content != document.original:
                changed[path] = content
        return changed


# Check, write, commit -----------------------------------------------------------------------


def introduced_errors(before: Sequence[Finding], after: Sequence[Finding]) -> list[Finding]:
    """The error findings of `after` that `before` did not have (paired one for one, lines
    ignored), by the same rule as `collectif diff`."""
    return [
        finding
        for finding in states.compare(before, after)
        if finding.status is Status.NEW and finding.severity is Severity.ERROR
    ]


def _findings(collective: Collective, today: date) -> list[Finding]:
    return runner.run(collective, Context(as_of=today), runner.select()).findings


def _print_refusal(findings: Sequence[Finding], lang: i18n.Lang) -> None:
    console = Console(stderr=True, highlight=False, soft_wrap=True)
    console.print(
        Text(
            i18n.plural(
                lang,
                len(findings),
                "Nothing was written: this change would bring {count} new error.",
                "Nothing was written: this change would bring {count} new errors.",
            ),
            style="bold red",
        )
    )
    for finding in findings:
        line = Text("  ✖ ", style="bold red")
        line.append(f"{finding.file}:{finding.line or 1}", style="cyan")
        line.append(f"  [{finding.check}]", style="dim")
        if finding.period:
            line.append(f" {finding.period}", style="dim")
        line.append("\n    " + i18n.render(finding.message, lang))
        console.print(line)


def say(workspace: Workspace, message: Message) -> None:
    Console(highlight=False, soft_wrap=True).print(i18n.render(message, workspace.lang))


def record(workspace: Workspace, edits: Edits, summary: str, author: str) -> int:
    """Check the change, then write and commit it as `author`; refuse it if it breaks the
    charter (1) or would mix with uncommitted edits of the same files (2)."""
    changes = edits.changes()
    if not changes:
        raise CollectifError("Nothing to record: the files already say this.")
    dirty = workspace.repository.uncommitted(changes)
    if dirty:
        raise CollectifError(
            "Nothing was written: {files} has changes that are not committed. Commit or undo "
            "them first, so that this change is recorded on its own.",
            files=Names(tuple(workspace.source.prefix + path for path in dirty)),
        )
    overlay = Overlay(workspace.source, changes)
    after = load.load(overlay)
    new = introduced_errors(
        _findings(workspace.collective, workspace.today), _findings(after, workspace.today)
    )
    if new:
        _print_refusal(place.place(new, overlay), workspace.lang)
        return EXIT_FINDINGS
    person = after.members.get(author) or workspace.collective.members[author]
    done = workspace.repository.commit(changes, summary, Identity(person.name, person.email))
    say(workspace, msg("Recorded: {summary} (commit {sha}).", summary=summary, sha=done.sha[:10]))
    if not done.index_updated:
        say(
            workspace,
            msg(
                "The commit is made, but git's index was busy and still has the old version of "
                "{files}: run `git reset -q -- {files}`.",
                files=" ".join(workspace.source.prefix + path for path in changes),
            ),
        )
    return EXIT_OK
