"""Read every file of a collective from a source into one in-memory `Collective`.

One broken file never stops the others: it becomes a `schema` finding, and its id stays known.
"""

from __future__ import annotations

import re
from enum import Enum
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple

import yaml
from pydantic import BaseModel, TypeAdapter, ValidationError

from collectif.model.collective import CONFIG_FILE, Collective, Known
from collectif.model.entries import Entries
from collectif.model.files import CollectiveFile, Entry, Member, Project, Role
from collectif.model.finding import Finding
from collectif.model.message import N_, Message, Text, msg
from collectif.model.types import ID_PATTERN, MONTH_PATTERN
from collectif.store import contributions, locate, problems, yaml_fast
from collectif.store.git import GitFiles
from collectif.store.source import Source, Worktree

if TYPE_CHECKING:
    from collectif.store.cache import Cache

SCHEMA = "schema"
_ID = re.compile(ID_PATTERN)
_MONTH = re.compile(MONTH_PATTERN)


class Kind(Enum):
    CONFIG = "config"
    MEMBER = "member"
    ROLE = "role"
    PROJECT = "project"
    CONTRIBUTION = "contribution"


MODELS: dict[Kind, type[BaseModel]] = {
    Kind.CONFIG: CollectiveFile,
    Kind.MEMBER: Member,
    Kind.ROLE: Role,
    Kind.PROJECT: Project,
}


class FileId(NamedTuple):
    """What a path says: the kind of file, its id (the member for contributions), its month."""

    kind: Kind
    id: str
    month: str = ""

    @property
    def subject(self) -> str:
        if self.kind is Kind.CONFIG:
            return "collective"
        prefix = "member" if self.kind is Kind.CONTRIBUTION else self.kind.value
        return f"{prefix}:{self.id}"


_LAYOUT = {
    "members": (Kind.MEMBER, "members/<member>.yaml"),
    "roles": (Kind.ROLE, "roles/<role>.yaml"),
    "projects": (Kind.PROJECT, "projects/<project>.yaml"),
}


def classify(path: str) -> FileId | Message:
    """The file's kind and id from its path, or why the path is not a collective's file."""
    if path == CONFIG_FILE:
        return FileId(Kind.CONFIG, "")
    parts = path.split("/")
    if parts[0] in _LAYOUT:
        kind, example = _LAYOUT[parts[0]]
        if len(parts) != 2 or not parts[1].endswith(".yaml"):
            return _misplaced(path, example)
        return _named(FileId(kind, parts[1][: -len(".yaml")]))
    if len(parts) != 3 or not parts[2].endswith(".yaml"):
        return _misplaced(path, "contributions/<member>/<YYYY-MM>.yaml")
    month = parts[2][: -len(".yaml")]
    if not _MONTH.match(month):
        return msg(
            "`{name}` is not a month: name the file YYYY-MM.yaml, e.g. 2026-03.yaml", name=month
        )
    return _named(FileId(Kind.CONTRIBUTION, parts[1], month))


def _misplaced(path: str, example: str) -> Message:
    return msg(
        "`{path}` is not where collectif looks for data: expected `{example}`",
        path=path,
        example=example,
    )


def _named(file_id: FileId) -> FileId | Message:
    if _ID.match(file_id.id):
        return file_id
    return msg(
        "`{name}` is not a valid id: use lowercase letters, digits and dashes, starting with a "
        "letter or a digit, at most 63 characters, and rename the file",
        name=file_id.id,
    )


def _subject_of_path(path: str) -> str:
    parts = path.split("/")
    kinds = {"members": "member", "contributions": "member", "roles": "role", "projects": "project"}
    if len(parts) >= 2 and parts[0] in kinds:
        return f"{kinds[parts[0]]}:{parts[1].removesuffix('.yaml')}"
    return "collective"


def _finding(
    path: str,
    subject: str,
    message: Message,
    line: int = 1,
    column: int = 1,
) -> Finding:
    return Finding(
        check=SCHEMA, subject=subject, file=path, message=message, line=line, column=column
    )


# Parsing ------------------------------------------------------------------------------------

_YAML_PROBLEMS = {
    "mapping values are not allowed": N_(
        "a `:` where YAML does not allow one: put a value holding `: ` in quotes, or indent "
        "this line like the keys around it"
    ),
    "could not find expected ':'": N_("a key without `:` after it"),
    "did not find expected key": N_("a line is not indented like the keys around it"),
    "did not find expected '-' indicator": N_("a list item is not indented like the others"),
    "did not find expected ',' or ']'": N_("a list in brackets is not closed with `]`"),
    "did not find expected ',' or '}'": N_("a mapping in braces is not closed"),
    "found character that cannot start any token": N_(
        "a character that cannot start a value (a tab, `@` or a backquote?): put the value in "
        "quotes"
    ),
    "found unexpected end of stream": N_("the file ends inside a quoted text: close the quote"),
    "found undefined alias": N_("an alias `*name` with no anchor `&name` before it"),
    "found duplicate anchor": N_("two anchors with the same name"),
    "expected a single document in the stream": N_(
        "more than one YAML document (`---`): keep one per file"
    ),
}


def _syntax_message(error: yaml.MarkedYAMLError) -> Message:
    problem = str(error.problem or error.context or "")
    said = f"{error.problem} {error.context}"
    for known, text in _YAML_PROBLEMS.items():
        if known in said:
            return msg("YAML syntax error: {problem}", problem=problem_text(text))
    return msg("YAML syntax error: {problem}", problem=problem)


def problem_text(text: str) -> Text:
    return Text(msg(text))


def _constructor_message(error: yaml.MarkedYAMLError) -> Message:
    problem = str(error.problem)
    if problem.startswith("duplicate key"):
        return msg(
            "duplicate key {key}: a key may appear only once here; keep one of them",
            key=problem.removeprefix("duplicate key "),
        )
    if problem.startswith("impossible date"):
        return msg(
            "{value} is not a real day: check the month and the day",
            value=problem.removeprefix("impossible date "),
        )
    if problem.startswith("tag "):
        return msg(
            "the tag {tag} is not allowed: collectif files hold plain data only; remove the tag",
            tag=problem.removeprefix("tag ").removesuffix(" is not allowed"),
        )
    return msg("YAML error: {problem}", problem=problem)


class Parsed(NamedTuple):
    data: Any = None
    problem: Finding | None = None


def parse(path: str, subject: str, raw: bytes) -> Parsed:
    """Plain data from the file's bytes, or the finding that says why there is none."""
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return Parsed(
            problem=_finding(
                path,
                subject,
                msg(
                    "the file is not UTF-8 text (byte {offset} on line {line}): save it as UTF-8",
                    offset=error.start,
                    line=line,
                ),
                line=line,
            )
        )
    try:
        return Parsed(data=yaml_fast.load(raw))
    except yaml_fast.AliasBomb as bomb:
        line, column = (bomb.mark.line + 1, bomb.mark.column + 1) if bomb.mark else (1, 1)
        return Parsed(
            problem=_finding(
                path,
                subject,
                msg(
                    "aliases expand to more than {limit} values: write the values out instead",
                    limit=yaml_fast.MAX_EXPANDED_NODES,
                ),
                line,
                column,
            )
        )
    except yaml.YAMLError as error:
        return Parsed(problem=_finding(path, subject, *problems.yaml_problem(error, raw)))


# Validation ---------------------------------------------------------------------------------


def _empty(kind: Kind) -> Message:
    if kind is Kind.CONTRIBUTION:
        return msg("the file is empty: expected a list of time entries (`- date: ...`)")
    return msg("the file is empty: expected a mapping of keys and values (`name: ...`)")


@cache
def _entries_adapter() -> TypeAdapter[list[Entry]]:
    return TypeAdapter(list[Entry])


def _validate(kind: Kind, data: Any) -> Any:
    if kind is Kind.CONTRIBUTION:
        return contributions.from_models(_entries_adapter().validate_python(data))
    return MODELS[kind].model_validate(data)


def _root_type_problem(kind: Kind, data: Any) -> Message | None:
    if data is None:
        return _empty(kind)
    wanted = list if kind is Kind.CONTRIBUTION else dict
    if isinstance(data, wanted):
        return None
    if wanted is list:
        return msg(
            "expected a list of time entries (`- date: ...`), found {found}",
            found=problems.describe(data),
        )
    return msg(
        "expected a mapping of keys and values (`name: ...`), found {found}",
        found=problems.describe(data),
    )


def validate(path: str, file_id: FileId, raw: bytes, data: Any) -> tuple[Any, list[Finding]]:
    """The model of one file, or the findings that say what is wrong in it."""
    root_problem = _root_type_problem(file_id.kind, data)
    if root_problem is not None:
        return None, [_finding(path, file_id.subject, root_problem)]
    try:
        return _validate(file_id.kind, data), []
    except ValidationError as error:
        root = Entry if file_id.kind is Kind.CONTRIBUTION else MODELS[file_id.kind]
        tree = locate.locator(raw)
        found = []
        for details in error.errors(include_url=False):
            item = problems.problem(details, root)
            position = locate.find(tree, item.path, item.on_key)
            found.append(_finding(path, file_id.subject, item.message, *position))
        return None, found


# The collective -----------------------------------------------------------------------------


Loaded = tuple[FileId | None, Any, list[Finding]]
# What a file gave, by path and blob id (or bytes, where the id is unknown).
Memo = dict[tuple[str, str | bytes], Loaded]


def _fresh(path: str, file_id: FileId, raw: bytes) -> Loaded:
    """Parse and validate one file's bytes."""
    if file_id.kind is Kind.CONTRIBUTION and _utf8(raw):
        quick = contributions.entries(raw)
        if quick is not None:
            return file_id, quick, []
    parsed = parse(path, file_id.subject, raw)
    if parsed.problem is not None:
        return file_id, None, [parsed.problem]
    model, found = validate(path, file_id, raw, parsed.data)
    return file_id, model, found


def _utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


class _Reader:
    """Where each file's content comes from: the memo, the cache, or its bytes, read in bulk."""

    def __init__(self, source: Source, memo: Memo | None, store: Cache | None) -> None:
        self.source, self.memo, self.store = source, memo, store
        self.contents: dict[str, bytes] = {}
        self.blobs: dict[str, str] = {}
        if store is not None and isinstance(source, Worktree):
            listing = source.listing(stat=True)
            self.paths = [path for path, _ in listing]
            self.blobs, self.contents = store.worktree(source.root, listing)
            return
        self.paths = source.paths()
        if isinstance(source, GitFiles):
            self.blobs = source.blobs

    def known(self, path: str, file_id: FileId) -> Loaded | None:
        """What the file gave before, without reading it."""
        oid = self.blobs.get(path)
        if oid is None:
            return None
        if self.memo is not None and (path, oid) in self.memo:
            return self.memo[(path, oid)]
        value = self.store.get(file_id.kind.value, oid) if self.store else None
        return None if value is None else (file_id, value, [])

    def read(self, paths: list[str]) -> None:
        """Fetch the bytes of these files together (one git process for a git state)."""
        missing = [path for path in paths if path not in self.contents]
        if isinstance(self.source, GitFiles):
            self.source.prefetch(missing)
        for path in missing:
            self.contents[path] = self.source.read(path)

    def load(self, path: str, file_id: FileId) -> Loaded:
        raw = self.contents.pop(path)
        oid = self.blobs.get(path)
        key = (path, raw if oid is None else oid)
        if self.memo is not None and key in self.memo:
            return self.memo[key]
        loaded = _fresh(path, file_id, raw)
        if self.memo is not None:
            self.memo[key] = loaded
        if self.store is not None and oid is not None and loaded[1] is not None:
            self.store.put(file_id.kind.value, oid, loaded[1])
        return loaded


def _load_all(source: Source, memo: Memo | None, store: Cache | None) -> list[Loaded]:
    """What each file of the source gave, in the source's order."""
    reader = _Reader(source, memo, store)
    loaded: list[Loaded | None] = []
    unread: list[tuple[int, str, FileId]] = []
    for path in reader.paths:
        file_id = classify(path)
        if isinstance(file_id, Message):
            loaded.append((None, None, [_finding(path, _subject_of_path(path), file_id)]))
            continue
        known = reader.known(path, file_id)
        if known is None:
            unread.append((len(loaded), path, file_id))
        loaded.append(known)
    reader.read([path for _, path, _ in unread])
    for position, path, file_id in unread:
        loaded[position] = reader.load(path, file_id)
    return [item for item in loaded if item is not None]


def load(source: Source, memo: Memo | None = None, store: Cache | None = None) -> Collective:
    """Every file of the source, validated; what is broken becomes `schema` findings.

    Loading two states of the same collective with one `memo` reads each unchanged file once;
    with a `store`, a file valid in an earlier run is not read at all.
    """
    findings: list[Finding] = []
    config: CollectiveFile | None = None
    members: dict[str, Member] = {}
    roles: dict[str, Role] = {}
    projects: dict[str, Project] = {}
    entries: dict[tuple[str, str], Entries] = {}
    known: dict[Kind, set[str]] = {kind: set() for kind in Kind}
    for file_id, model, found in _load_all(source, memo, store):
        findings.extend(found)
        if file_id is None:
            continue
        known[file_id.kind].add(file_id.id)
        if model is None:
            continue
        if file_id.kind is Kind.CONFIG:
            config = model
        elif file_id.kind is Kind.MEMBER:
            members[file_id.id] = model
        elif file_id.kind is Kind.ROLE:
            roles[file_id.id] = model
        elif file_id.kind is Kind.PROJECT:
            projects[file_id.id] = model
        else:
            entries[(file_id.id, file_id.month)] = model
    return Collective(
        config=config,
        members=members,
        roles=roles,
        projects=projects,
        contributions=entries,
        known=Known(
            frozenset(known[Kind.MEMBER]),
            frozenset(known[Kind.ROLE]),
            frozenset(known[Kind.PROJECT]),
        ),
        load_findings=tuple(findings),
    )
