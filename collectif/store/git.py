"""The collective as git holds it, in the index or in a commit, read without a checkout.

Each state is listed by one `git ls-files` or `git ls-tree` call and its files are read through
one `git cat-file --batch` process, whatever their number.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from collectif.errors import CollectifError
from collectif.model.collective import CONFIG_FILE
from collectif.store.source import DATA_DIRS, find_collective

GITLINK = "160000"
EMPTY_BLOBS = frozenset(  # in SHA-1 and in SHA-256 repositories
    {
        "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391",
        "473a0f4c3be8a93681a267e3b1e9a7dcda1185436fe141f7749120a303721813",
    }
)
_INTENT_TO_ADD = 1 << 29  # the index flag of `git add -N`: listed, but never committed
_DEBUG_FLAGS = re.compile(rb"(?:^|\n)([^\n]*)\0.*?flags: ([0-9a-f]+)", re.DOTALL)


class Repository(NamedTuple):
    """A git work tree and where the collective sits in it."""

    top: Path
    prefix: str

    @property
    def folder(self) -> Path:
        return self.top / self.prefix if self.prefix else self.top


def run_git(
    cwd: Path, *args: str, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run git in `cwd`: the top of the work tree, where a hook's GIT_INDEX_FILE is relative to."""
    try:
        return subprocess.run(
            ["git", "--literal-pathspecs", *args],
            cwd=cwd,
            input=stdin,
            capture_output=True,
            check=False,
        )
    except OSError:
        raise CollectifError(
            "git is not installed or not on the PATH: install git to use --staged, --rev, diff "
            "or hooks."
        ) from None


def _output(top: Path, *args: str, stdin: bytes | None = None) -> bytes:
    done = run_git(top, *args, stdin=stdin)
    if done.returncode != 0:
        raise CollectifError(
            "git {command} failed in {path}: {error}",
            command=args[0],
            path=str(top),
            error=done.stderr.decode("utf-8", "replace").strip(),
        )
    return done.stdout


def repository(repo: Path | None) -> Repository:
    """The git work tree around the collective (`--repo` or the one around here)."""
    folder = find_collective(repo).resolve()
    done = run_git(folder, "rev-parse", "--show-toplevel")
    top = os.fsdecode(done.stdout.strip())
    if done.returncode != 0 or not top:
        raise CollectifError(
            "{path} is not in a git repository, and this reads git (the index or a commit). Run "
            "`git init` there and commit the collective, or run `collectif check` without "
            "--staged or --rev to check the files on disk.",
            path=str(folder),
        )
    root = Path(top).resolve()
    prefix = "" if root == folder else folder.relative_to(root).as_posix() + "/"
    return Repository(root, prefix)


def resolve(repo: Repository, rev: str) -> str:
    """The full id of the commit that `rev` names (a branch, a tag, HEAD~2, an id)."""
    done = run_git(
        repo.top, "rev-parse", "--verify", "--quiet", "--end-of-options", rev + "^{commit}"
    )
    sha = done.stdout.decode().strip()
    if done.returncode != 0 or not sha:
        raise CollectifError(
            "`{rev}` is not a commit of the repository in {path}: give a branch, a tag or a "
            "commit id (`git log --oneline` lists them).",
            rev=rev,
            path=str(repo.top),
        )
    return sha


def head(repo: Repository) -> str | None:
    """The id of the commit HEAD points to; None before the first commit."""
    done = run_git(repo.top, "rev-parse", "--verify", "--quiet", "HEAD^{commit}")
    sha = done.stdout.decode().strip()
    return sha if done.returncode == 0 and sha else None


# Which files are the collective's ------------------------------------------------------------


def is_collective_file(path: str) -> bool:
    """A file the work tree reader would read: collectif.yaml or a visible file in a data folder."""
    if path == CONFIG_FILE:
        return True
    parts = path.split("/")
    return len(parts) > 1 and parts[0] in DATA_DIRS and not any(p.startswith(".") for p in parts)


def _walk_order(path: str) -> tuple[object, ...]:
    """The order of the work tree reader: collectif.yaml, then each folder top-down, files first."""
    if path == CONFIG_FILE:
        return (-1,)
    parts = path.split("/")
    return (DATA_DIRS.index(parts[0]), *((1, part) for part in parts[1:-1]), (0, parts[-1]))


def collective_blobs(entries: dict[str, str]) -> dict[str, str]:
    """The collective's files among `entries` (path -> blob id), in the work tree's order."""
    paths = sorted((p for p in entries if is_collective_file(p)), key=_walk_order)
    return {path: entries[path] for path in paths}


# Listing --------------------------------------------------------------------------------------


def _strip(prefix: str, path: bytes) -> str:
    return os.fsdecode(path).removeprefix(prefix)


def _tree_entries(repo: Repository, sha: str) -> dict[str, str]:
    args = ["ls-tree", "-r", "-z", "--full-tree", sha]
    out = _output(repo.top, *args, *(["--", repo.prefix] if repo.prefix else []))
    entries = {}
    for record in out.split(b"\0"):
        if not record:
            continue
        meta, _, path = record.partition(b"\t")
        _mode, kind, oid = meta.decode().split()
        if kind == "blob":
            entries[_strip(repo.prefix, path)] = oid
    return entries


def _index_entries(repo: Repository) -> dict[str, str]:
    out = _output(repo.top, "ls-files", "-s", "-z", *(["--", repo.prefix] if repo.prefix else []))
    entries, unmerged = {}, []
    for record in out.split(b"\0"):
        if not record:
            continue
        meta, _, path = record.partition(b"\t")
        mode, oid, stage = meta.decode().split()
        name = _strip(repo.prefix, path)
        if stage != "0":
            unmerged.append(repo.prefix + name)
        elif mode != GITLINK:
            entries[name] = oid
    if unmerged:
        raise CollectifError(
            "The index holds an unresolved merge conflict in {paths}: resolve it, `git add` the "
            "files, then check again.",
            paths=", ".join(sorted(set(unmerged))),
        )
    return _without_intent_to_add(repo, entries)


def _without_intent_to_add(repo: Repository, entries: dict[str, str]) -> dict[str, str]:
    """Drop `git add -N` entries: git lists them with the empty blob but does not commit them."""
    empty = [repo.prefix + p for p, oid in entries.items() if oid in EMPTY_BLOBS]
    if not empty:
        return entries
    out = _output(repo.top, "ls-files", "-z", "--debug", "--", *empty)
    for path, flags in _DEBUG_FLAGS.findall(out):
        if int(flags, 16) & _INTENT_TO_ADD:
            entries.pop(_strip(repo.prefix, path), None)
    return entries


# Reading --------------------------------------------------------------------------------------


def read_blobs(top: Path, oids: list[str]) -> dict[str, bytes]:
    """The contents of the blobs, all through one `git cat-file --batch` process."""
    wanted = list(dict.fromkeys(oids))
    if not wanted:
        return {}
    out = _output(top, "cat-file", "--batch", stdin=("\n".join(wanted) + "\n").encode())
    contents, position = {}, 0
    for oid in wanted:
        end = out.index(b"\n", position)
        header = out[position:end].split()
        if len(header) != 3:
            raise CollectifError(
                "git cannot read the object {oid} in {path}: the repository may be damaged "
                "(`git fsck` tells).",
                oid=oid,
                path=str(top),
            )
        size = int(header[2])
        contents[oid] = out[end + 1 : end + 1 + size]
        position = end + 1 + size + 1
    return contents


# Blobs are named by their contents' hash, so what was read once is right for every state.
_BLOBS: dict[str, bytes] = {}


@dataclass(frozen=True)
class GitFiles:
    """One state of the collective in git: the index or a commit (a `Source`)."""

    top: Path
    prefix: str
    name: str
    blobs: dict[str, str]

    def paths(self) -> list[str]:
        return list(self.blobs)

    def blob(self, path: str) -> str:
        """The git object id of the file's contents."""
        return self.blobs[path]

    def read(self, path: str) -> bytes:
        if path not in self.blobs:
            raise FileNotFoundError(path)
        oid = self.blobs[path]
        if oid not in _BLOBS:
            self.prefetch([path])
        return _BLOBS[oid]

    def prefetch(self, paths: Iterable[str]) -> None:
        """Fetch the files not read yet among `paths`, all through one git process."""
        missing = [self.blobs[p] for p in paths if p in self.blobs and self.blobs[p] not in _BLOBS]
        if missing:
            _BLOBS.update(read_blobs(self.top, missing))

    @property
    def exists(self) -> bool:
        """Whether this state holds a collective at all (its collectif.yaml)."""
        return CONFIG_FILE in self.blobs


def index(repo: Repository) -> GitFiles:
    """The collective as staged: what `git commit` would record."""
    return GitFiles(repo.top, repo.prefix, "index", collective_blobs(_index_entries(repo)))


def commit(repo: Repository, sha: str) -> GitFiles:
    """The collective in a commit (an empty state if the commit has no such folder)."""
    return GitFiles(repo.top, repo.prefix, f"rev:{sha}", collective_blobs(_tree_entries(repo, sha)))


def merge_base(repo: Repository, one: str, other: str) -> str:
    """The commit where two histories parted, as `git diff A...B` uses it."""
    done = run_git(repo.top, "merge-base", one, other)
    sha = done.stdout.decode().strip()
    if done.returncode != 0 or not sha:
        raise CollectifError(
            "The commits {one} and {other} have no common ancestor: compare them with "
            "`collectif diff {one} {other}` instead.",
            one=one[:10],
            other=other[:10],
        )
    return sha
