"""What every command that changes data shares: who I am, the files to edit, and the one way
to record a change: apply it in memory, check it, refuse it if it breaks the charter, else
write the files and commit them, by the member.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from rich.console import Console

from collectif import i18n
from collectif.checks import runner
from collectif.checks.base import Context
from collectif.engine import evaluate
from collectif.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, CollectifError
from collectif.model.collective import Collective
from collectif.model.files import Holding, Member, Project, Role
from collectif.model.finding import Finding, Placed, Severity, Status
from collectif.model.identity import identity
from collectif.model.layout import member_file, project_file, role_file
from collectif.model.message import N_, Message, Names, Text, msg
from collectif.model.types import ID_PATTERN
from collectif.model.words import GIT_OPERATIONS
from collectif.report.refusal import print_refusal
from collectif.store import git, load, place, roundtrip
from collectif.store.commit import Committed, WriterLock, inside, recover
from collectif.store.commit import commit as commit_change
from collectif.store.git import Person, Repository
from collectif.store.source import (
    GitFiles,
    Location,
    Overlay,
    Source,
    Unreadable,
    commit,
    language_of,
    locate,
    read_plain,
)

if TYPE_CHECKING:
    from collectif.commands.options import WriteOptions

_ID = re.compile(ID_PATTERN)
R = TypeVar("R")


@dataclass(frozen=True)
class Workspace:
    """The collective as its last commit holds it, where it lives, and the reader's language.

    Opening it takes the repository's writer lock, which the command holds until it ends: two
    writing commands run one after the other, each reading what the other committed.
    """

    location: Location
    repository: Repository
    head: str  # the commit `base` is, which the change is judged on and committed on top of
    base: GitFiles
    collective: Collective
    lang: i18n.Lang
    today: date
    lock: WriterLock = field(compare=False, repr=False)

    @property
    def root(self) -> Path:
        return self.location.folder


def open_workspace(repo: Path | None, lang: str | None) -> Workspace:
    """Read the collective around `repo` (or here) as its last commit holds it."""
    location = locate(repo)
    language = i18n.resolve(lang, language_of(location.folder))
    repository = git.require(location.folder, location.repository)
    lock = WriterLock(repository)
    told = recover(repository)
    if told is not None:
        Console(highlight=False, soft_wrap=True).print(i18n.render(told, language))
    head, base = _last_commit(repository)
    collective = load.load(base)
    if collective.language is not None:
        language = i18n.resolve(lang, collective.language)
    return Workspace(location, repository, head, base, collective, language, date.today(), lock)


def _last_commit(repository: Repository) -> tuple[str, GitFiles]:
    """The state every write starts from: the last commit, which must hold the collective."""
    busy = repository.busy()
    if busy is not None:
        raise CollectifError(
            "git is in the middle of a {operation}: finish it or abort it first, so that this "
            "change is recorded on its own.",
            operation=Text(msg(GIT_OPERATIONS.get(busy, busy))),
        )
    head = repository.head()
    state = commit(repository, head) if head else None
    if head is None or state is None or not state.exists:
        raise CollectifError(
            "The collective is not committed yet: every change is recorded on top of the last "
            'commit. Commit it first (`git add -A && git commit -m "collectif"`), then try '
            "again."
        )
    return head, state


# Key orders of the files a command writes, as DESIGN.md shows them -------------------------------

MEMBER_KEYS = roundtrip.key_order(Member)
ROLE_KEYS = roundtrip.key_order(Role)
HOLDING_KEYS = roundtrip.key_order(Holding)
PROJECT_KEYS = roundtrip.key_order(Project)


# Arguments ----------------------------------------------------------------------------------


def parse_id(option: str, value: str) -> str:
    """`value` if it is a valid id, else a clear error naming the option."""
    if _ID.fullmatch(value):
        return value
    suggestion = suggested_id(value)
    if suggestion is not None:
        raise CollectifError(
            "{option}: `{value}` is not a valid id: ids use unaccented lowercase letters (a-z), "
            "digits and dashes; `{suggestion}` would do.",
            option=option,
            value=value,
            suggestion=suggestion,
        )
    raise CollectifError(
        "{option}: `{value}` is not a valid id: use lowercase letters, digits and dashes, "
        "starting with a letter or a digit, at most 63 characters.",
        option=option,
        value=value,
    )


def suggested_id(value: str) -> str | None:
    """`Élodie Roy` as `elodie-roy`: the id a person most likely meant, if one can be made."""
    folded = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    candidate = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")[:63].strip("-")
    return candidate if candidate and _ID.fullmatch(candidate) else None


def optional_text(value: str | None) -> str | None:
    """An optional text option: stripped, and None when it was not given or is blank."""
    return value.strip() if value and value.strip() else None


def given(values: dict[str, Any]) -> dict[str, Any]:
    """An item to write, without the keys whose value was not given (None)."""
    return {key: value for key, value in values.items() if value is not None}


def day_before(day: date) -> date:
    return day - timedelta(days=1)


# Who I am -----------------------------------------------------------------------------------


def _by_email(collective: Collective, email: str) -> list[str]:
    wanted = email.strip().lower()
    return sorted(m for m, data in collective.members.items() if data.email.lower() == wanted)


def git_email(workspace: Workspace) -> str | None:
    """git's user.email in this repository."""
    return workspace.repository.config("user.email")


def whoami(workspace: Workspace, as_member: str | None) -> str:
    """The member acting: `--as`, else the member whose email is git's user.email."""
    if as_member is not None:
        return require_member(workspace, parse_id("--as", as_member))
    return identify(workspace.collective, git_email(workspace), None)


def identify(collective: Collective, email: str | None, as_member: str | None) -> str:
    """The member that `--as` names, else the one whose email is git's user.email."""
    if as_member is not None:
        member_id = parse_id("--as", as_member)
        if member_id not in collective.members:
            raise CollectifError(
                "There is no member `{member}` (no members/{member}.yaml).", member=member_id
            )
        return member_id
    if email is None:
        raise CollectifError(
            "Who are you? git's user.email is not set in this repository. Set it to the email "
            "of your member file (`git config user.email you@example.org`), or pass --as "
            "MEMBER."
        )
    found = _by_email(collective, email)
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


@dataclass(frozen=True)
class Files(Generic[R]):
    """The files of one kind (members, roles, projects), as a command that names one reads them."""

    word: str  # the name of the id in `missing`
    path: Callable[[str], str]
    missing: str  # what to say when the id has no file
    records: Callable[[Collective], Mapping[str, R]]
    known: Callable[[Collective], frozenset[str]]

    def existing(self, collective: Collective, key: str) -> R:
        """The record of `key`, which must have a file, and not a broken one."""
        if key not in self.known(collective):
            raise CollectifError(self.missing, EXIT_USAGE, **{self.word: key})
        records = self.records(collective)
        if key not in records:
            raise broken(self.path(key))
        return records[key]

    def absent(self, collective: Collective, key: str) -> str:
        """`key`, for a new file: refused when it has one already (even a broken one)."""
        if key in self.known(collective):
            raise CollectifError("{path} already exists.", path=self.path(key))
        return key


MEMBERS = Files(
    "member",
    member_file,
    N_("There is no member `{member}` (no members/{member}.yaml)."),
    lambda collective: collective.members,
    lambda collective: collective.known.members,
)
ROLES = Files(
    "role",
    role_file,
    N_("There is no role `{role}` (no roles/{role}.yaml)."),
    lambda collective: collective.roles,
    lambda collective: collective.known.roles,
)
PROJECTS = Files(
    "project",
    project_file,
    N_("There is no project `{project}` (no projects/{project}.yaml)."),
    lambda collective: collective.projects,
    lambda collective: collective.known.projects,
)


def require_member(workspace: Workspace, member_id: str) -> str:
    MEMBERS.existing(workspace.collective, member_id)
    return member_id


def member(workspace: Workspace, member_id: str) -> Member:
    return MEMBERS.existing(workspace.collective, member_id)


# Files to edit ------------------------------------------------------------------------------


@dataclass
class Edits:
    """The files a change touches, loaded for editing (each once), and their new bytes."""

    workspace: Workspace
    documents: dict[str, roundtrip.Document] = field(default_factory=dict)

    def open(self, path: str) -> roundtrip.Document:
        """A file of the last commit, to edit (as it is on disk, which must not differ)."""
        if path not in self.documents:
            if path not in self.workspace.base.blobs:
                raise CollectifError("{path} does not exist.", path=path)
            self.documents[path] = roundtrip_of(self.workspace, path, self._read(path))
        return self.documents[path]

    def open_or_create(
        self, path: str, create: Callable[[], roundtrip.Document]
    ) -> roundtrip.Document:
        if path in self.documents or path in self.workspace.base.blobs:
            return self.open(path)
        self._clean(path)
        self.documents[path] = create()
        return self.documents[path]

    def _clean(self, path: str) -> None:
        """Refuse to edit a file whose uncommitted changes would mix with this one."""
        if self.workspace.repository.uncommitted([path]):
            raise CollectifError(
                "Nothing was written: {files} has changes that are not committed. Commit or "
                "undo them first, so that this change is recorded on its own.",
                files=self.workspace.repository.prefix + path,
            )

    def _read(self, path: str) -> bytes:
        self._clean(path)
        inside(self.workspace.root, path)  # never through a link
        try:
            return read_plain(self.workspace.root / path)
        except (OSError, Unreadable):
            raise broken(path) from None

    def changes(self) -> dict[str, bytes]:
        """The new bytes of every file whose content changed."""
        changed = {}
        for path, document in self.documents.items():
            content = document.dump()
            if content != document.original:
                changed[path] = content
        return changed


def roundtrip_of(workspace: Workspace, path: str, raw: bytes) -> roundtrip.Document:
    try:
        return roundtrip.load(raw)
    except roundtrip.EditError:
        raise broken(path) from None


# Check, write, commit -----------------------------------------------------------------------


def introduced_errors(before: Sequence[Finding], after: Sequence[Finding]) -> list[Finding]:
    """The error findings of `after` that `before` did not have (paired one for one, lines
    ignored), by the same rule as `collectif diff`, and those that got worse (a larger measure:
    more hours short, more holders missing)."""
    worse = Counter(identity(finding) for finding in evaluate.worsened(before, after))
    found = []
    for finding in evaluate.compare(before, after):
        if finding.severity is not Severity.ERROR or finding.status is Status.FIXED:
            continue
        if finding.status is Status.NEW:
            found.append(finding)
        elif worse[identity(finding)] > 0:
            worse[identity(finding)] -= 1
            found.append(finding)
    return found


def _findings(state: Source, day: date, memo: load.Memo) -> list[Finding]:
    collective = load.load(state, memo)
    return runner.run(collective, Context(as_of=day), runner.select()).findings


def _refused(workspace: Workspace, changes: dict[str, bytes], days: Sequence[date]) -> list[Placed]:
    """The errors the change would bring on any of `days`, placed in the files it commits."""
    after = Overlay(workspace.base, changes)
    memo: load.Memo = {}
    recorded = set(workspace.base.paths())
    for day in days:
        found = introduced_errors(_findings(workspace.base, day, memo), _findings(after, day, memo))
        new = [f for f in found if not evaluate.owed_before_recorded(f, recorded)]
        if new:
            return place.place(new, after)
    return []


def say(workspace: Workspace, message: Message) -> None:
    Console(highlight=False, soft_wrap=True).print(i18n.render(message, workspace.lang))


def _collective_language(after: Collective, workspace: Workspace) -> i18n.Lang:
    """The language commit messages are written in: the collective's, whoever reads them."""
    language = after.config.language if after.config else None
    return "fr" if language == "fr" else "en"


def _committer(workspace: Workspace, author: Person) -> Person:
    """The person at the keyboard (git's user.name and user.email), else the author."""
    name = workspace.repository.config("user.name")
    email = workspace.repository.config("user.email")
    return Person(name, email) if name and email else author


def _check_and_commit(
    workspace: Workspace, edits: Edits, summary: Message, author: str, effective: date | None
) -> Committed | None:
    """The commit of the change, or None when it was refused (and the refusal printed)."""
    changes = edits.changes()
    if not changes:
        raise CollectifError("Nothing to record: the files already say this.")
    days = sorted({workspace.today, *([effective] if effective else [])})
    new = _refused(workspace, changes, days)
    if new:
        print_refusal(new, workspace.lang)
        return None
    after = load.load(Overlay(workspace.base, changes))
    person = after.members.get(author) or workspace.collective.members[author]
    who = Person(person.name, person.email)
    return commit_change(
        workspace.repository,
        changes,
        i18n.render(summary, _collective_language(after, workspace)),
        who,
        _committer(workspace, who),
        parent=workspace.head,
    )


def record(
    workspace: Workspace,
    edits: Edits,
    summary: Message,
    author: str,
    effective: date | None = None,
) -> int:
    """Check the change on the state its commit will hold (the last commit and this change), as
    of today and as of `effective` when it takes effect later; refuse it (1) if it brings an
    error or makes one worse; else write and commit it, by `author`."""
    try:
        done = _check_and_commit(workspace, edits, summary, author, effective)
    finally:
        workspace.lock.release()  # whatever happened, the next writer may go
    if done is None:
        return EXIT_FINDINGS
    said = msg("Recorded: {summary} (commit {sha}).", summary=Text(summary), sha=done.sha[:10])
    say(workspace, said)
    if not done.index_updated:
        say(
            workspace,
            msg(
                "The commit is made, but git's index was busy and still has the old version of "
                "{files}: run `git reset -q -- {files}`.",
                files=" ".join(workspace.repository.prefix + path for path in edits.changes()),
            ),
        )
    return EXIT_OK


# What every writing command starts from ---------------------------------------------------------


@dataclass
class Change:
    """The collective as last committed, who acts, and the files the change edits."""

    workspace: Workspace
    me: str
    edits: Edits

    @property
    def today(self) -> date:
        return self.workspace.today

    def record(
        self, summary: Message, effective: date | None = None, author: str | None = None
    ) -> int:
        """Check, write and commit the edits (see `record`), authored by me unless said."""
        return record(self.workspace, self.edits, summary, author or self.me, effective)


def prepare(options: WriteOptions) -> Change:
    """Open the collective (taking the writer lock) and find who acts: every writing command
    starts here."""
    workspace = open_workspace(options.repo, options.lang)
    return Change(workspace, whoami(workspace, options.as_member), Edits(workspace))


@dataclass(frozen=True)
class Subject(Generic[R]):
    """What a command changes: a member, role or project that exists, and its file."""

    change: Change
    key: str  # its id
    data: R
    path: str

    def document(self) -> Any:
        """Its file, to edit (a ruamel mapping)."""
        return self.change.edits.open(self.path).data


def prepare_new(options: WriteOptions, files: Files[Any], key: str) -> tuple[Change, str]:
    """`prepare`, and the id (the argument ID) of a new member, role or project."""
    change = prepare(options)
    return change, files.absent(change.workspace.collective, parse_id("ID", key))


def prepare_subject(options: WriteOptions, files: Files[R], argument: str, key: str) -> Subject[R]:
    """`prepare`, and the member, role or project that the command's `argument` names."""
    change = prepare(options)
    key = parse_id(argument, key)
    return Subject(change, key, files.existing(change.workspace.collective, key), files.path(key))
