"""Where the files of a collective come from: the work tree (the git index and revisions later)."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from collectif.errors import CollectifError
from collectif.model.collective import CONFIG_FILE

DATA_DIRS = ("members", "roles", "projects", "contributions")


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

    def read(self, path: str) -> bytes: ...


@dataclass(frozen=True)
class Worktree:
    """The files as they are on disk."""

    root: Path
    prefix: str = ""
    name: str = "worktree"

    def paths(self) -> list[str]:
        return [path for path, _ in self.listing()]

    def listing(self, stat: bool = False) -> list[tuple[str, os.stat_result | None]]:
        """Every file's path, and with `stat` its size and times (None if it cannot be had)."""
        found: list[tuple[str, os.stat_result | None]] = []
        config = self.root / CONFIG_FILE
        if config.is_file():
            found.append((CONFIG_FILE, _stat(config) if stat else None))
        for folder in DATA_DIRS:
            base = self.root / folder
            if base.is_dir():
                _walk(os.fspath(base), folder, stat, found)
        return found

    def read(self, path: str) -> bytes:
        return (self.root / path).read_bytes()


def _walk(
    directory: str, relative: str, stat: bool, found: list[tuple[str, os.stat_result | None]]
) -> None:
    """Files first, then each folder, by name, as `os.walk`: hidden ones and linked folders out."""
    try:
        entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
    except OSError:
        return
    folders = []
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if _is_dir(entry):
            folders.append(entry)
        else:
            found.append((f"{relative}/{entry.name}", _stat(entry) if stat else None))
    for entry in folders:
        if not entry.is_symlink():
            _walk(entry.path, f"{relative}/{entry.name}", stat, found)


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _stat(place: os.DirEntry[str] | Path) -> os.stat_result | None:
    try:
        return place.stat()
    except OSError:
        return None


def git_toplevel(directory: Path) -> Path | None:
    """The root of the git work tree around `directory`, if there is one."""
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"],
            cwd=directory,
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return None
    return Path(out.stdout.strip()) if out.returncode == 0 and out.stdout.strip() else None


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


def worktree(repo: Path | None) -> Worktree:
    root = find_collective(repo).resolve()
    top = git_toplevel(root)
    prefix = (
        ""
        if top is None or top.resolve() == root
        else root.relative_to(top.resolve()).as_posix() + "/"
    )
    return Worktree(root=root, prefix=prefix)


def language_around(repo: Path | None) -> str | None:
    """The `language` of the collective at `repo` or around here, if there is a readable one."""
    from collectif.store import yaml_fast

    try:
        data = yaml_fast.load((find_collective(repo) / CONFIG_FILE).read_bytes())
    except Exception:  # no collective, or a broken one: the caller falls back
        return None
    language = data.get("language") if isinstance(data, dict) else None
    return language if isinstance(language, str) else None
