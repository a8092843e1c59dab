"""Where the files of a collective come from: the work tree, the git index, a commit, or a state
that does not exist yet (a commit with some files replaced). Each is a `Source`.

No reader follows a symbolic link or opens anything but a plain file: a link, a pipe or a
device in the collective is a finding about that path, the same in the work tree, the index and
a commit, and never a read of something outside the repository.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from collectif.errors import CollectifError
from collectif.model.layout import (
    CONFIG_FILE,
    DATA_DIRS,
    is_collective_file,
    meant_folder,
    walk_order,
)
from collectif.model.message import Message, msg
from collectif.store.git import Blob, Repository, discover

MAX_FILE_BYTES = 32 * 1024 * 1024
_LANGUAGE_LINE = re.compile(rb"^language:[ \t]*([^#\r\n]*)", re.MULTILINE)


class Unreadable(Exception):
    """A path of the collective that is not a plain file that can be read: why, in words."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.msgid)
        self.message = message


def _link() -> Unreadable:
    return Unreadable(
        msg(
            "this is a symbolic link: collectif reads only plain files inside the collective, "
            "never what a link points to; replace the link with the file itself"
        )
    )


class Source(Protocol):
    """A state of the collective's files, by path relative to the collective's folder."""

    @property
    def name(self) -> str:
        """`worktree`, `index` or `rev:<sha>`, as the JSON output says."""
        ...

    @property
    def prefix(self) -> str:
        """The collective's folder relative to the git repository's root, '' or ending in '/'."""
        ...

    def paths(self) -> list[str]: ...

    def read(self, path: str) -> bytes:
        """The file's bytes; raises `Unreadable` for a link, a pipe, an unreadable file."""
        ...


# The work tree ---------------------------------------------------------------------------------


def read_plain(path: Path) -> bytes:
    """A plain file's bytes, never following a link, never blocking on a pipe."""
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    try:
        handle = os.open(path, flags)
    except OSError as error:
        raise _unreadable(error) from None
    try:
        status = os.fstat(handle)
        if not stat.S_ISREG(status.st_mode):
            raise Unreadable(
                msg(
                    "this is not a plain file (a folder, a pipe, a device or a socket): "
                    "collectif reads only YAML files here; remove it or replace it with one"
                )
            )
        if status.st_size > MAX_FILE_BYTES:
            raise _too_large()
        with os.fdopen(handle, "rb", closefd=False) as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    finally:
        os.close(handle)
    if len(data) > MAX_FILE_BYTES:
        raise _too_large()
    return data


def _too_large() -> Unreadable:
    return Unreadable(
        msg(
            "the file is larger than {limit} MiB: no file of a collective is that large; split "
            "it, or remove what does not belong there",
            limit=MAX_FILE_BYTES // (1024 * 1024),
        )
    )


def _unreadable(error: OSError) -> Unreadable:
    if error.errno == errno.ELOOP:
        return _link()
    if error.errno in (errno.EACCES, errno.EPERM):
        return Unreadable(
            msg(
                "the file cannot be read (permission denied): give yourself the right to read "
                "it (`chmod u+r`)"
            )
        )
    return Unreadable(
        msg("the file cannot be read: {problem}", problem=error.strerror or str(error))
    )


@dataclass(frozen=True)
class Worktree:
    """The files as they are on disk."""

    root: Path
    prefix: str = ""
    name: str = "worktree"

    def paths(self) -> list[str]:
        return [path for path, _ in self.listing()]

    def listing(self, with_stat: bool = False) -> list[tuple[str, os.stat_result | None]]:
        """Every path, and with `with_stat` its own status (of a link, not of its target)."""
        found: list[tuple[str, os.stat_result | None]] = []
        config = self.root / CONFIG_FILE
        if os.path.lexists(config):
            found.append((CONFIG_FILE, _lstat(config) if with_stat else None))
        for folder in (*DATA_DIRS, *self._misnamed()):
            base = self.root / folder
            if base.is_dir() and not base.is_symlink():
                _walk(os.fspath(base), folder, with_stat, found)
            elif base.is_symlink():
                found.append((folder, _lstat(base) if with_stat else None))
        return found

    def _misnamed(self) -> list[str]:
        """Top-level folders that look meant as data folders (`member/`), to report their files."""
        try:
            entries = os.scandir(self.root)
        except OSError:
            return []
        with entries:
            names = [e.name for e in entries if meant_folder(e.name) and _is_real_dir(e)]
        return sorted(names)

    def read(self, path: str) -> bytes:
        return read_plain(self.root / path)


def _walk(
    directory: str, relative: str, with_stat: bool, found: list[tuple[str, os.stat_result | None]]
) -> None:
    """Files first, then each folder, by name, as `os.walk`; hidden ones out; a linked folder is
    listed as a path (reading it says it is a link), never entered."""
    try:
        entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
    except OSError:
        return
    folders = []
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if _is_real_dir(entry):
            folders.append(entry)
        else:
            found.append((f"{relative}/{entry.name}", _lstat(entry) if with_stat else None))
    for entry in folders:
        _walk(entry.path, f"{relative}/{entry.name}", with_stat, found)


def _is_real_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def _lstat(place: os.DirEntry[str] | Path) -> os.stat_result | None:
    try:
        if isinstance(place, Path):
            return place.lstat()
        return place.stat(follow_symlinks=False)
    except OSError:
        return None


# Git states --------------------------------------------------------------------------------------


def collective_blobs(entries: Mapping[str, Blob]) -> dict[str, Blob]:
    """The collective's files among `entries`, in the work tree's order.

    A link to a folder of data (`contributions/camille`) is kept as a path, as the work tree
    lists it.
    """
    paths = sorted(
        (p for p, blob in entries.items() if is_collective_file(p) or _linked_folder(p, blob)),
        key=walk_order,
    )
    return {path: entries[path] for path in paths}


def _linked_folder(path: str, blob: Blob) -> bool:
    parts = path.split("/")
    return blob.link and parts[0] in DATA_DIRS and not any(p.startswith(".") for p in parts)


@dataclass(frozen=True)
class GitFiles:
    """One state of the collective in git: the index or a commit (a `Source`)."""

    repository: Repository
    name: str
    blobs: dict[str, Blob]

    @property
    def prefix(self) -> str:
        return self.repository.prefix

    def paths(self) -> list[str]:
        return list(self.blobs)

    def blob(self, path: str) -> str | None:
        """The git object id of a plain file's contents (None for a link)."""
        blob = self.blobs.get(path)
        return None if blob is None or blob.link else blob.oid

    def read(self, path: str) -> bytes:
        blob = self.blobs.get(path)
        if blob is None:
            raise FileNotFoundError(path)
        if blob.link:
            raise _link()
        return self.repository.read_blob(blob.oid)

    def prefetch(self, paths: Iterable[str]) -> None:
        """Fetch the files among `paths` not read yet, all through one git process."""
        self.repository.read_blobs(
            self.blobs[p].oid for p in paths if p in self.blobs and not self.blobs[p].link
        )

    @property
    def exists(self) -> bool:
        """Whether this state holds a collective at all (its collectif.yaml)."""
        blob = self.blobs.get(CONFIG_FILE)
        return blob is not None and not blob.link


def index(repository: Repository) -> GitFiles:
    """The collective as staged: what `git commit` would record."""
    return GitFiles(repository, "index", collective_blobs(repository.index()))


def commit(repository: Repository, sha: str) -> GitFiles:
    """The collective in a commit (an empty state if the commit has no such folder)."""
    return GitFiles(repository, f"rev:{sha}", collective_blobs(repository.tree(sha)))


@dataclass(frozen=True)
class Overlay:
    """`base` with `changes` (path -> new bytes) read instead of its own files, added if new."""

    base: Source
    changes: Mapping[str, bytes] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.base.name

    @property
    def prefix(self) -> str:
        return self.base.prefix

    def paths(self) -> list[str]:
        present = self.base.paths()
        added = set(self.changes) - set(present)
        return sorted([*present, *added], key=walk_order) if added else present

    def read(self, path: str) -> bytes:
        if path in self.changes:
            return self.changes[path]
        return self.base.read(path)


# Finding the collective -------------------------------------------------------------------------


@dataclass(frozen=True)
class Location:
    """The collective's folder and the git repository around it (None outside of one), found
    once per command and passed down."""

    folder: Path
    repository: Repository | None

    @property
    def prefix(self) -> str:
        return self.repository.prefix if self.repository else ""

    def worktree(self) -> Worktree:
        return Worktree(self.folder, self.prefix)


def find_collective(repo: Path | None) -> Path:
    """The collective's folder: `--repo`, or the nearest folder above holding collectif.yaml."""
    if repo is not None:
        if not repo.is_dir():
            raise CollectifError("{path}: no such folder.", path=str(repo))
        if not (repo / CONFIG_FILE).is_file():
            raise CollectifError(
                "{path}: no collectif.yaml here. Run `collectif init {path}` to create a "
                "collective, or give --repo the folder that holds collectif.yaml.",
                path=str(repo),
            )
        return repo
    here = Path.cwd()
    for folder in (here, *here.parents):
        if (folder / CONFIG_FILE).is_file():
            return folder
    raise CollectifError(
        "No collectif.yaml in {path} or any folder above it. Run `collectif init` to create a "
        "collective, or pass --repo DIR.",
        path=str(here),
    )


def locate(repo: Path | None) -> Location:
    """The collective at `repo` (or around here) and its git repository."""
    folder = find_collective(repo).resolve()
    return Location(folder, discover(folder))


def language_of(folder: Path) -> str | None:
    """The `language` written in the collective's collectif.yaml, even if the rest is broken."""
    try:
        raw = read_plain(folder / CONFIG_FILE)
    except (OSError, Unreadable):
        return None
    return language_written(raw)


def language_in(files: Source) -> str | None:
    """The `language` written in the collectif.yaml of a state (the index, a commit...), even
    if the rest is broken."""
    try:
        raw = files.read(CONFIG_FILE)
    except (OSError, KeyError, Unreadable):
        return None
    return language_written(raw)


def language_written(raw: bytes) -> str | None:
    """The `language` of a collectif.yaml's text, as written (`i18n.resolve` reads a broken
    value leniently): from the YAML, or from its line when the YAML cannot be read."""
    from collectif.store import yaml_fast

    try:
        data = yaml_fast.load(raw)
    except Exception:  # a broken file still says its language on a line of its own
        found = _LANGUAGE_LINE.search(raw)
        return found.group(1).decode("utf-8", "replace").strip() if found else None
    language = data.get("language") if isinstance(data, dict) else None
    return language if isinstance(language, str) else None


def language_around(repo: Path | None) -> str | None:
    """The `language` of the collective at `repo` or around here, if there is a readable one."""
    try:
        folder = find_collective(repo)
    except CollectifError:
        return None
    return language_of(folder)
