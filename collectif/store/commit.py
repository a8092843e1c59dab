"""Write files atomically and record them as exactly one git commit, touching nothing else.

The commit is built with git's plumbing in a temporary index (HEAD's tree plus the new blobs),
so that whatever the user has staged or changed elsewhere is neither committed nor lost. Then
the files are written (each through a temporary file and `os.replace`), HEAD moves only if
nobody moved it meanwhile, and the real index learns the new blobs of just those paths.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import tempfile
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from collectif.errors import CollectifError
from collectif.store.source import git_toplevel

DEFAULT_MODE = "100644"
_INDEX_RETRIES = 20


class Identity(NamedTuple):
    """Who a commit is by: its author and committer."""

    name: str
    email: str


class Committed(NamedTuple):
    sha: str
    index_updated: bool


class GitFailed(CollectifError):
    def __init__(self, command: str, problem: str) -> None:
        super().__init__("git {command} failed: {problem}", command=command, problem=problem)


# Atomic writes ------------------------------------------------------------------------------


def _inside(root: Path, path: str) -> Path:
    """The file `path` of the collective; never anywhere outside its folder."""
    parts = Path(path).parts
    if not parts or Path(path).is_absolute() or ".." in parts:
        raise CollectifError("{path} is not a path inside the collective.", path=path)
    return root / path


def _new_file_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _make_folders(folder: Path, root: Path) -> list[Path]:
    """Create `folder` and its missing parents below `root`; the ones created, deepest last."""
    missing = []
    while folder != root and not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for created in reversed(missing):
        created.mkdir()
    return list(reversed(missing))


def _temporary_copy(target: Path, content: bytes) -> Path:
    """`content` in a new hidden file beside `target`, with `target`'s permissions."""
    mode = target.stat().st_mode & 0o7777 if target.exists() else _new_file_mode()
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(name, mode)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(name)
        raise
    return Path(name)


@dataclass
class Written:
    """What `write_files` changed, so that it can be put back as it was."""

    originals: dict[Path, bytes | None] = field(default_factory=dict)
    folders: list[Path] = field(default_factory=list)

    def undo(self) -> None:
        """Every file back to its old bytes (or gone if it was new), new folders removed."""
        for target, content in self.originals.items():
            with contextlib.suppress(OSError):
                if content is None:
                    target.unlink(missing_ok=True)
                else:
                    os.replace(_temporary_copy(target, content), target)
        _remove_folders(self.folders)


def _remove_folders(folders: Iterable[Path]) -> None:
    for folder in reversed(list(folders)):
        with contextlib.suppress(OSError):
            folder.rmdir()


def _discard(paths: Iterable[Path]) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink()


def _write_failed(error: OSError) -> CollectifError:
    return CollectifError(
        "Could not write {path}: {problem}. Nothing was changed.",
        path=str(error.filename or ""),
        problem=error.strerror or str(error),
    )


def write_files(root: Path, changes: Mapping[str, bytes]) -> Written:
    """Write every file or none: each to a temporary file first, then renamed into place."""
    written = Written()
    temporaries: list[tuple[Path, Path]] = []
    try:
        for path, content in changes.items():
            target = _inside(root, path)
            written.folders += _make_folders(target.parent, root)
            temporaries.append((_temporary_copy(target, content), target))
        for _, target in temporaries:
            written.originals[target] = target.read_bytes() if target.exists() else None
    except OSError as error:
        _discard(temporary for temporary, _ in temporaries)
        _remove_folders(written.folders)
        raise _write_failed(error) from None
    replaced: dict[Path, bytes | None] = {}
    try:
        for temporary, target in temporaries:
            os.replace(temporary, target)
            replaced[target] = written.originals[target]
    except OSError as error:
        _discard(temporary for temporary, _ in temporaries)
        Written(replaced, written.folders).undo()
        raise _write_failed(error) from None
    return written


# Git ----------------------------------------------------------------------------------------


def _environment(extra: Mapping[str, str] | None) -> dict[str, str]:
    environment = dict(os.environ)
    environment.update(extra or {})
    return environment


@dataclass(frozen=True)
class Repository:
    """The git repository that holds the collective, which may sit in one of its folders."""

    top: Path
    root: Path
    prefix: str

    @classmethod
    def around(cls, root: Path) -> Repository:
        top = git_toplevel(root)
        if top is None:
            raise CollectifError(
                "{path} is not in a git repository: every change is a git commit. Run `git init` "
                "there first.",
                path=str(root),
            )
        top, root = top.resolve(), root.resolve()
        prefix = "" if top == root else root.relative_to(top).as_posix() + "/"
        return cls(top=top, root=root, prefix=prefix)

    def git(
        self,
        *args: str,
        stdin: bytes | None = None,
        env: Mapping[str, str] | None = None,
        check: bool = True,
    ) -> subprocess.CompletedProcess[bytes]:
        done = subprocess.run(
            ["git", "--literal-pathspecs", *args],
            cwd=self.top,
            input=stdin,
            env=_environment(env),
            capture_output=True,
            check=False,
        )
        if check and done.returncode != 0:
            raise GitFailed(args[0], done.stderr.decode("utf-8", "replace").strip())
        return done

    def output(
        self, *args: str, stdin: bytes | None = None, env: Mapping[str, str] | None = None
    ) -> str:
        done = self.git(*args, stdin=stdin, env=env)
        return done.stdout.decode("utf-8", "replace").strip()

    def head(self) -> str | None:
        """HEAD's commit, or None in a repository without commits yet."""
        done = self.git("rev-parse", "--verify", "-q", "HEAD^{commit}", check=False)
        return done.stdout.decode().strip() if done.returncode == 0 else None

    def config(self, key: str) -> str | None:
        done = self.git("config", "--get", key, check=False)
        value = done.stdout.decode("utf-8", "replace").strip()
        return value if done.returncode == 0 and value else None

    def uncommitted(self, paths: Iterable[str]) -> list[str]:
        """Which of the collective's `paths` differ from HEAD: staged, changed or untracked."""
        full = {self.prefix + path: path for path in paths}
        if not full:
            return []
        done = self.git(
            "status", "--porcelain=v1", "-z", "--untracked-files=all", "--", *sorted(full)
        )
        found: set[str] = set()
        fields = iter(done.stdout.decode("utf-8", "replace").split("\0"))
        for entry in fields:
            if len(entry) < 4:
                continue
            if "R" in entry[:2] or "C" in entry[:2]:
                next(fields, None)  # the old name of a rename or copy
            if entry[3:] in full:
                found.add(full[entry[3:]])
        return sorted(found)

    def _blob(self, path: str, content: bytes) -> str:
        return self.output(
            "hash-object", "-w", "--stdin", f"--path={self.prefix}{path}", stdin=content
        )

    def _modes(self, head: str | None, paths: Iterable[str]) -> dict[str, str]:
        """The file mode of each path in HEAD (an executable stays executable), else 100644."""
        full = [self.prefix + path for path in paths]
        listed = self.output("ls-tree", "-z", head, "--", *full) if head else ""
        modes = {}
        for entry in filter(None, listed.split("\0")):
            info, _, name = entry.partition("\t")
            modes[name] = info.split(" ", 1)[0]
        return {path: modes.get(self.prefix + path, DEFAULT_MODE) for path in paths}

    def _index_info(self, blobs: Mapping[str, str], modes: Mapping[str, str]) -> bytes:
        lines = (f"{modes[path]} {blob}\t{self.prefix}{path}\0" for path, blob in blobs.items())
        return "".join(lines).encode()

    def _tree(self, head: str | None, entries: bytes) -> str:
        """HEAD's tree with the new blobs, built in a temporary index."""
        with tempfile.TemporaryDirectory(prefix="collectif-index-") as folder:
            index = {"GIT_INDEX_FILE": str(Path(folder) / "index")}
            self.git("read-tree", *([head] if head else ["--empty"]), env=index)
            self.git("update-index", "-z", "--index-info", stdin=entries, env=index)
            return self.output("write-tree", env=index)

    def _commit_object(self, tree: str, head: str | None, message: str, who: Identity) -> str:
        people = {
            "GIT_AUTHOR_NAME": who.name,
            "GIT_AUTHOR_EMAIL": who.email,
            "GIT_COMMITTER_NAME": who.name,
            "GIT_COMMITTER_EMAIL": who.email,
        }
        parents = ["-p", head] if head else []
        return self.output(
            "commit-tree", tree, *parents, "-F", "-", stdin=message.encode(), env=people
        )

    def _stage(self, entries: bytes) -> bool:
        """The real index takes the committed blobs of these paths; False if it could not."""
        for _ in range(_INDEX_RETRIES):
            done = self.git("update-index", "-z", "--index-info", stdin=entries, check=False)
            if done.returncode == 0:
                self.git("update-index", "-q", "--refresh", check=False)
                return True
            time.sleep(0.1)  # another git command holds index.lock
        return False

    def commit(self, changes: Mapping[str, bytes], message: str, who: Identity) -> Committed:
        """Write `changes` and make them one commit on HEAD, by `who`; nothing else moves."""
        head = self.head()
        blobs = {path: self._blob(path, content) for path, content in changes.items()}
        entries = self._index_info(blobs, self._modes(head, blobs))
        tree = self._tree(head, entries)
        if head is not None and tree == self.output("rev-parse", f"{head}^{{tree}}"):
            raise CollectifError("Nothing to record: the files already say this.")
        sha = self._commit_object(tree, head, message, who)
        written = write_files(self.root, changes)
        moved = self.git(
            "update-ref",
            "-m",
            f"collectif: {message.splitlines()[0]}",
            "HEAD",
            sha,
            head or "",
            check=False,
        )
        if moved.returncode != 0:
            written.undo()
            raise GitFailed("update-ref", moved.stderr.decode("utf-8", "replace").strip())
        return Committed(sha, self._stage(entries))
