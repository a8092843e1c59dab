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
        found = [CONFIG_FILE] if (self.root / CONFIG_FILE).is_file() else []
        for folder in DATA_DIRS:
            found.extend(_walk(self.root, folder))
        return found

    def read(self, path: str) -> bytes:
        return (self.root / path).read_bytes()


def _walk(root: Path, folder: str) -> list[str]:
    found: list[str] = []
    base = root / folder
    if not base.is_dir():
        return found
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        rel = Path(dirpath).relative_to(root).as_posix()
        found.extend(f"{rel}/{name}" for name in sorted(filenames) if not name.startswith("."))
    return found


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
