"""Read every file of a collective from a source into one in-memory `Collective`.

One typo, one problem: a file that does not match its model still takes part with what is valid
in it. An unknown or invalid key is dropped (the rest counts), an invalid list item is dropped
(the other items count), and only a file that does not parse, or whose required fields are
broken, takes no part (its id stays known). Every dropped piece is a `Problem` that the `schema`
check reports. A broken charter setting is never replaced by its default: it is recorded, and
the checks that read it do not run.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from collectif.model import files
from collectif.model.collective import Collective, Known
from collectif.model.entries import Entries
from collectif.model.files import (
    CollectiveFile,
    Contact,
    Distribution,
    Entry,
    Meeting,
    Member,
    Project,
    Record,
    Role,
)
from collectif.model.finding import Problem
from collectif.model.layout import FileId, Kind, classify, distribution_file, subject_of_path
from collectif.model.message import Message, msg
from collectif.store import contributions, locate, problems
from collectif.store.meetings import meeting_problems
from collectif.store.parse import parse, problem_at
from collectif.store.source import GitFiles, Source, Unreadable, Worktree

if TYPE_CHECKING:
    from collectif.store.cache import Cache

MODELS: dict[Kind, type[Record]] = {
    Kind.CONFIG: CollectiveFile,
    Kind.MEMBER: Member,
    Kind.ROLE: Role,
    Kind.PROJECT: Project,
    Kind.MEETING: Meeting,
    Kind.DISTRIBUTION: Distribution,
    Kind.CONTACT: Contact,
}
_MAX_PRUNING = 20
Path = tuple[str | int, ...]


# Validation ------------------------------------------------------------------------------------


def _empty(kind: Kind) -> Message:
    if kind is Kind.CONTRIBUTION:
        return msg("the file is empty: expected a list of time entries (`- date: ...`)")
    return msg("the file is empty: expected a mapping of keys and values (`name: ...`)")


def _root_type_problem(kind: Kind, data: Any) -> Message | None:
    if data is None:
        return _empty(kind)
    wanted = list if kind is Kind.CONTRIBUTION else dict
    if isinstance(data, wanted):
        return None
    if kind is Kind.CONTACT:
        hint = problems.contact_expected(data)
        if hint is not None:
            return hint
    if wanted is list:
        return msg(
            "expected a list of time entries (`- date: ...`), found {found}",
            found=problems.describe(data),
        )
    return msg(
        "expected a mapping of keys and values (`name: ...`), found {found}",
        found=problems.describe(data),
    )


class Validated(NamedTuple):
    """A file's model (None if it takes no part), its problems, and what was dropped."""

    model: Any
    problems: list[Problem]
    dropped: list[Path]


def _model_validate(kind: Kind, data: Any) -> Any:
    from collectif.model import rules

    if kind is Kind.CONTRIBUTION:
        return contributions.from_models(rules.validate(list[Entry], data))
    return rules.validate(MODELS[kind], data)


def _copy(data: Any) -> Any:
    """A copy of plain data that pruning may change without touching the memo's."""
    if isinstance(data, dict):
        return {key: _copy(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_copy(value) for value in data]
    return data


def validate(path: str, file_id: FileId, raw: bytes, data: Any) -> Validated:
    """The model of one file, with what is valid in it, and the problems that say the rest."""
    # pydantic only now: a run whose files all come from the cache never imports it.
    from pydantic import ValidationError

    root_problem = _root_type_problem(file_id.kind, data)
    if root_problem is not None:
        return Validated(None, [problem_at(path, file_id.subject, root_problem)], [])
    root = Entry if file_id.kind is Kind.CONTRIBUTION else MODELS[file_id.kind]
    found: list[Problem] = []
    dropped: list[Path] = []
    tree = None
    data = _copy(data)
    for _ in range(_MAX_PRUNING):
        try:
            return Validated(_model_validate(file_id.kind, data), found, dropped)
        except ValidationError as error:
            if tree is None:
                tree = locate.locator(raw)
            cuts = []
            for details in error.errors(include_url=False):
                item = problems.problem(details, root)
                position = locate.find(tree, item.path, item.on_key)
                found.append(problem_at(path, file_id.subject, item.message, *position))
                cuts.append(_cut(file_id.kind, details))
            if any(cut is None for cut in cuts) or not _prune(data, cuts):
                return Validated(None, found, dropped)
            dropped += [cut for cut in cuts if cut is not None]
    return Validated(None, found, dropped)


def _cut(kind: Kind, details: Any) -> Path | None:
    """What to drop so that the rest validates: the key, or the list item, holding the problem;
    None when the problem is in a required field of the file itself (nothing can stand in)."""
    loc: Path = tuple(details["loc"])
    if details["type"] == "missing" or loc[-1:] == ("[key]",):  # a mapping's bad key: the pair
        loc = loc[:-1]
    lists = [index for index, step in enumerate(loc) if isinstance(step, int)]
    if lists:
        return loc[: lists[0] + 1]  # the whole item of the outermost list
    if not loc:
        return None
    if kind is Kind.CONTRIBUTION:
        return None
    if details["type"] != problems.UNKNOWN_KEY and len(loc) == 1 and _required(kind, str(loc[0])):
        return None
    return loc


def _required(kind: Kind, key: str) -> bool:
    return any(field.key == key and field.required for field in files.fields(MODELS[kind]))


def _prune(data: Any, cuts: Sequence[Path | None]) -> bool:
    """Drop each cut from `data` (deepest list indexes first); False if nothing could go."""
    removed = False
    for cut in sorted((c for c in cuts if c), key=lambda c: [str(s) for s in c], reverse=True):
        parent = data
        for step in cut[:-1]:
            parent = _step(parent, step)
        last = cut[-1]
        if isinstance(parent, dict) and last in parent:
            del parent[last]
            removed = True
        elif isinstance(parent, list) and isinstance(last, int) and last < len(parent):
            parent[last] = _DROPPED
            removed = True
    _sweep(data)
    return removed


_DROPPED = object()


def _step(node: Any, step: str | int) -> Any:
    if isinstance(node, dict):
        return node.get(step)
    if isinstance(node, list) and isinstance(step, int) and step < len(node):
        return node[step]
    return None


def _sweep(node: Any) -> None:
    """Remove the list items marked dropped, everywhere in `node`."""
    if isinstance(node, dict):
        for value in node.values():
            _sweep(value)
    elif isinstance(node, list):
        node[:] = [item for item in node if item is not _DROPPED]
        for item in node:
            _sweep(item)


def broken_settings(dropped: Iterable[Path]) -> frozenset[Path]:
    """The settings of collectif.yaml that a dropped key or item leaves unknown.

    A misspelt key under `charter` breaks the setting it most likely meant (`minimun` breaks
    `minimum`), so that a typo never lets a default stand in silently.
    """
    found: set[Path] = set()
    for cut in dropped:
        if not cut or cut[0] not in ("charter", "checks", "language", "currency"):
            continue
        found.add(_meant(cut))
    return frozenset(found)


def _meant(cut: Path) -> Path:
    if len(cut) >= 2 and cut[0] == "charter" and isinstance(cut[1], str):
        keys = [field.key for field in files.fields(files.Charter)]
        if cut[1] not in keys:
            close = difflib.get_close_matches(cut[1], keys, n=1, cutoff=0.6)
            return ("charter", close[0]) if close else cut
    return cut


# The collective ----------------------------------------------------------------------------------


class Loaded(NamedTuple):
    """What one file gave: its id (None for a path outside the layout), its model (None if it
    takes no part), its problems, and the paths dropped from it."""

    file_id: FileId | None
    model: Any
    problems: list[Problem]
    dropped: tuple[Path, ...] = ()


# What a file gave, by path and blob id (or bytes, where the id is unknown).
Memo = dict[tuple[str, str | bytes], Loaded]


def _fresh(path: str, file_id: FileId, raw: bytes) -> Loaded:
    """Parse and validate one file's bytes."""
    if file_id.kind is Kind.CONTRIBUTION and _utf8(raw):
        quick = contributions.entries(raw)
        if quick is not None:
            return Loaded(file_id, quick, [])
    parsed = parse(path, file_id.subject, raw)
    if parsed.problem is not None:
        return Loaded(file_id, None, [parsed.problem])
    model, found, dropped = validate(path, file_id, raw, parsed.data)
    if file_id.kind is Kind.MEETING and model is not None:
        found = [*found, *meeting_problems(path, file_id, raw, model)]
    return Loaded(file_id, model, found, tuple(dropped))


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
            listing = source.listing(with_stat=True)
            self.paths = [path for path, _ in listing]
            self.blobs, self.contents = store.worktree(source.root, listing, source.read)
            return
        self.paths = source.paths()
        if isinstance(source, GitFiles):
            self.blobs = {p: oid for p in self.paths if (oid := source.blob(p)) is not None}

    def known(self, path: str, file_id: FileId) -> Loaded | None:
        """What the file gave before, without reading it."""
        oid = self.blobs.get(path)
        if oid is None:
            return None
        if self.memo is not None and (path, oid) in self.memo:
            return self.memo[(path, oid)]
        value = self.store.get(file_id.kind.value, oid) if self.store else None
        return None if value is None else Loaded(file_id, value, [])

    def read(self, paths: list[str]) -> None:
        """Fetch the bytes of these files together (one git process for a git state)."""
        if isinstance(self.source, GitFiles):
            self.source.prefetch(path for path in paths if path not in self.contents)

    def load(self, path: str, file_id: FileId | None) -> Loaded:
        try:
            raw = self.contents.pop(path) if path in self.contents else self.source.read(path)
        except Unreadable as why:
            subject = file_id.subject if file_id else subject_of_path(path)
            return Loaded(file_id, None, [problem_at(path, subject, why.message)])
        if file_id is None:
            return Loaded(None, None, [])
        oid = self.blobs.get(path)
        key = (path, raw if oid is None else oid)
        if self.memo is not None and key in self.memo:
            return self.memo[key]
        loaded = _fresh(path, file_id, raw)
        if self.memo is not None:
            self.memo[key] = loaded
        valid = loaded.model is not None and not loaded.problems
        if self.store is not None and oid is not None and valid:
            self.store.put(file_id.kind.value, oid, loaded.model)
        return loaded


def _load_all(source: Source, memo: Memo | None, store: Cache | None) -> list[Loaded]:
    """What each file of the source gave, in the source's order."""
    reader = _Reader(source, memo, store)
    loaded: list[Loaded | None] = []
    unread: list[tuple[int, str, FileId | None]] = []
    for path in reader.paths:
        classified = classify(path)
        if isinstance(classified, Message):
            problem = problem_at(path, subject_of_path(path), classified)
            first = reader.load(path, None)  # a link or a pipe says so, whatever its name
            loaded.append(Loaded(None, None, first.problems or [problem]))
            continue
        known = reader.known(path, classified)
        if known is None:
            unread.append((len(loaded), path, classified))
        loaded.append(known)
    reader.read([path for _, path, _ in unread])
    for position, path, file_id in unread:
        loaded[position] = reader.load(path, file_id)
    return [item for item in loaded if item is not None]


# The kinds of file kept by their id, and the field of `Collective` (and of `Known`) that holds
# them: every other kind is the charter or a month of contributions.
_BY_ID: dict[Kind, str] = {
    Kind.MEMBER: "members",
    Kind.ROLE: "roles",
    Kind.PROJECT: "projects",
    Kind.MEETING: "meetings",
    Kind.DISTRIBUTION: "distributions",
    Kind.CONTACT: "contacts",
}


def load(source: Source, memo: Memo | None = None, store: Cache | None = None) -> Collective:
    """Every file of the source, validated; what is broken becomes load problems.

    Loading two states of the same collective with one `memo` reads each unchanged file once;
    with a `store`, a file valid in an earlier run is not read at all.
    """
    found: list[Problem] = []
    config: CollectiveFile | None = None
    broken: frozenset[Path] = frozenset()
    by_id: dict[Kind, dict[str, Any]] = {kind: {} for kind in _BY_ID}
    entries: dict[tuple[str, str], Entries] = {}
    incomplete: set[tuple[str, str]] = set()
    known: dict[Kind, set[str]] = {kind: set() for kind in Kind}
    for file_id, model, file_problems, dropped in _load_all(source, memo, store):
        found.extend(file_problems)
        if file_id is None:
            continue
        known[file_id.kind].add(file_id.id)
        if file_id.kind is Kind.CONTRIBUTION and (file_problems or model is None):
            incomplete.add((file_id.id, file_id.month))
        if model is None:
            continue
        if file_id.kind is Kind.CONFIG:
            config, broken = model, broken_settings(dropped)
        elif file_id.kind is Kind.CONTRIBUTION:
            entries[(file_id.id, file_id.month)] = model
        elif file_id.kind is not Kind.DISTRIBUTION or not file_problems:
            by_id[file_id.kind][file_id.id] = (
                model  # a share-out is recomputed whole, or not at all
            )
    if config is None and Kind.CONFIG in known and known[Kind.CONFIG]:
        broken = frozenset({()})
    found.extend(_without_formula(by_id[Kind.DISTRIBUTION], config))
    return Collective(
        config=config,
        contributions=entries,
        known=Known(**{name: frozenset(known[kind]) for kind, name in _BY_ID.items()}),
        problems=tuple(found),
        broken_settings=broken,
        incomplete=frozenset(incomplete),
        **{name: by_id[kind] for kind, name in _BY_ID.items()},
    )


def _without_formula(
    distributions: dict[str, Distribution], config: CollectiveFile | None
) -> Iterable[Problem]:
    """A share-out's formula comes from its file, else the charter: with neither, the file
    says nothing of how it was computed, and takes no part."""
    if config is not None and config.charter.valuation is not None:
        return []
    lacking = sorted(ident for ident, found in distributions.items() if found.formula is None)
    for ident in lacking:
        del distributions[ident]
    message = msg(
        "the share-out does not say its `formula` (equal, hours, weighted or balanced), and the "
        "charter has no `valuation`: write the formula it was computed with"
    )
    return [
        problem_at(distribution_file(ident), f"distribution:{ident}", message) for ident in lacking
    ]
