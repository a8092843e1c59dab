"""Every git call of collectif: one repository object, one environment policy, one blob reader,
one commit writer.

Environment policy (as pre-commit's `no_git_env`, adapted to a tool that reads and writes the
repository it runs in):
- kept: where the repository is (`GIT_DIR`, `GIT_WORK_TREE`, `GIT_COMMON_DIR`,
  `GIT_INDEX_FILE`, which a pre-commit hook sets for `git commit -a` or `git commit FILE`,
  `GIT_OBJECT_DIRECTORY`, `GIT_ALTERNATE_OBJECT_DIRECTORIES`, `GIT_CEILING_DIRECTORIES`,
  `GIT_DISCOVERY_ACROSS_FILESYSTEM`), how git is configured (`GIT_CONFIG*`, `GIT_EXEC_PATH`) and
  how it reaches the network (`GIT_SSH*`, `GIT_ASKPASS`, `GIT_SSL_*`, `GIT_ALLOW_PROTOCOL`,
  `GIT_HTTP_*`, `GIT_PROXY_*`): the user or git itself chose them;
- cleared: every other `GIT_*` variable, above all the identity and dates of commits
  (`GIT_AUTHOR_*`, `GIT_COMMITTER_*`): a commit's author is the member who acts, set
  explicitly, and a stray `GIT_AUTHOR_DATE` must not date it (`init`'s first commit is the one
  exception: git makes it as the person at the keyboard, so it keeps them); also `GIT_EDITOR`,
  `GIT_PAGER`, `GIT_TRACE*`, `GIT_REFLOG_ACTION` and the like, which would change what git
  prints or asks;
- set: `GIT_TERMINAL_PROMPT=0` (git never waits for someone to type) and, for reading,
  `GIT_OPTIONAL_LOCKS=0` (reading never takes the index lock that a writer needs).

GitPython is not used: importing it costs 0.08-0.11 s (measured 2026-12-02, `python -X
importtime -c "import git"`, three runs) where one `git rev-parse` process answers discovery in
4.5 ms; its object database reads every blob of a large collective in 4.1 s where one
`git cat-file --batch` pipe takes 0.69 s (PERF-NOTES.md); and its reference writing bypasses
git's own ref transactions (packed refs, reftables), which the compare-and-swap of a write
needs. Plain git processes do each of these jobs at least as well.
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from collectif.errors import CollectifError

GITLINK = "160000"
SYMLINK = "120000"
DEFAULT_MODE = "100644"
EMPTY_BLOBS = frozenset(  # in SHA-1 and in SHA-256 repositories
    {
        "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391",
        "473a0f4c3be8a93681a267e3b1e9a7dcda1185436fe141f7749120a303721813",
    }
)
_INTENT_TO_ADD = 1 << 29  # the index flag of `git add -N`: listed, but never committed
_DEBUG_FLAGS = re.compile(rb"(?:^|\n)([^\n]*)\0.*?flags: ([0-9a-f]+)", re.DOTALL)
_KEPT = re.compile(
    r"GIT_(DIR|WORK_TREE|COMMON_DIR|INDEX_FILE|OBJECT_DIRECTORY|ALTERNATE_OBJECT_DIRECTORIES"
    r"|CEILING_DIRECTORIES|DISCOVERY_ACROSS_FILESYSTEM|CONFIG.*|EXEC_PATH|SSH.*|ASKPASS"
    r"|SSL_.*|ALLOW_PROTOCOL|HTTP_.*|PROXY_.*)"
)
_LOCKED = re.compile(r"Unable to create '([^']+\.lock)': File exists")


_IDENTITY = re.compile(r"GIT_(AUTHOR|COMMITTER)_(NAME|EMAIL)")
_IDENT = re.compile(r"(.*)<([^<>]*)>")


def environment(
    reading: bool, extra: Mapping[str, str] | None = None, keep_identity: bool = False
) -> dict[str, str]:
    """The environment git runs in, by the policy above."""
    kept = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("GIT_")
        or _KEPT.fullmatch(name)
        or (keep_identity and _IDENTITY.fullmatch(name))
    }
    kept["GIT_TERMINAL_PROMPT"] = "0"
    if reading:
        kept["GIT_OPTIONAL_LOCKS"] = "0"
    kept.update(extra or {})
    return kept


def run(
    cwd: Path,
    *args: str,
    stdin: bytes | None = None,
    env: Mapping[str, str] | None = None,
    reading: bool = True,
    keep_identity: bool = False,
) -> subprocess.CompletedProcess[bytes]:
    """Run git in `cwd` (the top of the work tree, where a hook's GIT_INDEX_FILE is relative)."""
    try:
        return subprocess.run(
            ["git", "--literal-pathspecs", *args],
            cwd=cwd,
            input=stdin,
            env=environment(reading, env, keep_identity),
            capture_output=True,
            check=False,
        )
    except OSError:
        raise CollectifError(
            "git is not installed or not on the PATH: install git to use --staged, --rev, diff, "
            "history or the writing commands."
        ) from None


class GitFailed(CollectifError):
    """A git command failed; the message names the command and what git said."""

    def __init__(self, command: str, problem: str) -> None:
        stale = _LOCKED.search(problem)
        if stale:
            super().__init__(
                "git could not lock {lock}: another git command is running, or one was "
                "interrupted and left its lock behind. If no git command is running, delete that "
                "file (`rm {lock}`) and try again.",
                lock=stale.group(1),
            )
        else:
            super().__init__("git {command} failed: {problem}", command=command, problem=problem)


def _text(raw: bytes) -> str:
    return raw.decode("utf-8", "replace").strip()


# The repository ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Repository:
    """A git work tree, its git folders, and where the collective sits in it.

    Made once per command (`discover`) and passed down, so that git is asked where things are
    only once.
    """

    top: Path
    prefix: str
    git_dir: Path
    common_dir: Path
    object_format: str = "sha1"
    _blobs: dict[str, bytes] = field(default_factory=dict, compare=False, repr=False)

    @property
    def folder(self) -> Path:
        """The collective's folder."""
        return self.top / self.prefix if self.prefix else self.top

    def git(
        self,
        *args: str,
        stdin: bytes | None = None,
        env: Mapping[str, str] | None = None,
        reading: bool = True,
        check: bool = True,
    ) -> subprocess.CompletedProcess[bytes]:
        done = run(self.top, *args, stdin=stdin, env=env, reading=reading)
        if check and done.returncode != 0:
            raise GitFailed(args[0], _text(done.stderr))
        return done

    def output(self, *args: str, stdin: bytes | None = None) -> bytes:
        return self.git(*args, stdin=stdin).stdout

    # Names and identities ----------------------------------------------------------------------

    def head(self) -> str | None:
        """The id of the commit HEAD points to; None before the first commit."""
        done = self.git("rev-parse", "--verify", "--quiet", "HEAD^{commit}", check=False)
        sha = done.stdout.decode().strip()
        return sha if done.returncode == 0 and sha else None

    def resolve(self, rev: str) -> str:
        """The full id of the commit that `rev` names (a branch, a tag, HEAD~2, an id)."""
        done = self.git(
            "rev-parse", "--verify", "--quiet", "--end-of-options", rev + "^{commit}", check=False
        )
        sha = done.stdout.decode().strip()
        if done.returncode != 0 or not sha:
            raise CollectifError(
                "`{rev}` is not a commit of the repository in {path}: give a branch, a tag or a "
                "commit id (`git log --oneline` lists them).",
                rev=rev,
                path=str(self.top),
            )
        return sha

    def merge_base(self, one: str, other: str) -> str:
        """The commit where two histories parted, as `git diff A...B` uses it."""
        done = self.git("merge-base", one, other, check=False)
        sha = done.stdout.decode().strip()
        if done.returncode != 0 or not sha:
            raise CollectifError(
                "The commits {one} and {other} have no common ancestor: compare them with "
                "`collectif diff {one} {other}` instead.",
                one=one[:10],
                other=other[:10],
            )
        return sha

    def config(self, key: str) -> str | None:
        done = self.git("config", "--get", key, check=False)
        value = _text(done.stdout)
        return value if done.returncode == 0 and value else None

    def config_bool(self, key: str) -> bool:
        done = self.git("config", "--type=bool", "--get", key, check=False)
        return done.returncode == 0 and _text(done.stdout) == "true"

    def git_path(self, name: str) -> Path:
        """A path inside the git folder as git resolves it (hooks, MERGE_HEAD...)."""
        return self.top / os.fsdecode(self.output("rev-parse", "--git-path", name).strip())

    def busy(self) -> str | None:
        """The operation git is in the middle of (merge, rebase...), if any."""
        for name, what in (
            ("MERGE_HEAD", "merge"),
            ("rebase-merge", "rebase"),
            ("rebase-apply", "rebase"),
            ("CHERRY_PICK_HEAD", "cherry-pick"),
            ("REVERT_HEAD", "revert"),
        ):
            if (self.git_dir / name).exists():
                return what
        return None

    # Listing -----------------------------------------------------------------------------------

    def _scope(self) -> list[str]:
        return ["--", self.prefix] if self.prefix else []

    def tree(self, sha: str) -> dict[str, Blob]:
        """The files of a commit under the collective's folder, by path relative to it."""
        out = self.output("ls-tree", "-r", "-z", "--full-tree", sha, *self._scope())
        entries = {}
        for record in out.split(b"\0"):
            if not record:
                continue
            meta, _, path = record.partition(b"\t")
            mode, kind, oid = meta.decode().split()
            if kind == "blob":
                entries[self._relative(path)] = Blob(oid, mode)
        return entries

    def index(self) -> dict[str, Blob]:
        """The files staged under the collective's folder: what `git commit` would record."""
        out = self.output("ls-files", "-s", "-z", *self._scope())
        entries, unmerged = {}, []
        for record in out.split(b"\0"):
            if not record:
                continue
            meta, _, path = record.partition(b"\t")
            mode, oid, stage = meta.decode().split()
            name = self._relative(path)
            if stage != "0":
                unmerged.append(self.prefix + name)
            elif mode != GITLINK:
                entries[name] = Blob(oid, mode)
        if unmerged:
            raise CollectifError(
                "The index holds an unresolved merge conflict in {paths}: resolve it, `git add` "
                "the files, then check again.",
                paths=", ".join(sorted(set(unmerged))),
            )
        return self._without_intent_to_add(entries)

    def _relative(self, path: bytes) -> str:
        return os.fsdecode(path).removeprefix(self.prefix)

    def _without_intent_to_add(self, entries: dict[str, Blob]) -> dict[str, Blob]:
        """Drop `git add -N` entries: git lists them with the empty blob but never commits them."""
        empty = [self.prefix + p for p, blob in entries.items() if blob.oid in EMPTY_BLOBS]
        if not empty:
            return entries
        out = self.output("ls-files", "-z", "--debug", "--", *empty)
        for path, flags in _DEBUG_FLAGS.findall(out):
            if int(flags, 16) & _INTENT_TO_ADD:
                entries.pop(self._relative(path), None)
        return entries

    def uncommitted(self, paths: Iterable[str]) -> list[str]:
        """Which of the collective's `paths` differ from HEAD: staged, changed or untracked."""
        full = {self.prefix + path: path for path in paths}
        if not full:
            return []
        out = self.output(
            "status", "--porcelain=v1", "-z", "--untracked-files=all", "--", *sorted(full)
        )
        found: set[str] = set()
        fields = iter(os.fsdecode(out).split("\0"))
        for entry in fields:
            if len(entry) < 4:
                continue
            if "R" in entry[:2] or "C" in entry[:2]:
                next(fields, None)  # the old name of a rename or copy
            if entry[3:] in full:
                found.add(full[entry[3:]])
        return sorted(found)

    # Reading -----------------------------------------------------------------------------------

    def read_blobs(self, oids: Iterable[str]) -> dict[str, bytes]:
        """The contents of the blobs, all through one `git cat-file --batch` process.

        Blobs are named by their contents' hash, so what was read once is right for every
        state: each is read at most once per command.
        """
        asked = list(dict.fromkeys(oids))
        wanted = [oid for oid in asked if oid not in self._blobs]
        if wanted:
            self._blobs.update(self._cat(wanted))
        return {oid: self._blobs[oid] for oid in asked if oid in self._blobs}

    def read_blob(self, oid: str) -> bytes:
        """One blob's contents (read with others by `read_blobs` when possible)."""
        found = self.read_blobs([oid])
        if oid not in found:
            raise CollectifError(
                "git cannot read the object {oid} in {path}: the repository may be damaged "
                "(`git fsck` tells).",
                oid=oid,
                path=str(self.top),
            )
        return found[oid]

    def _cat(self, wanted: Sequence[str]) -> dict[str, bytes]:
        out = self.output("cat-file", "--batch", stdin=("\n".join(wanted) + "\n").encode())
        contents, position = {}, 0
        for oid in wanted:
            end = out.index(b"\n", position)
            header = out[position:end].split()
            if len(header) != 3:  # `<oid> missing`: the caller says what it means
                position = end + 1
                continue
            size = int(header[2])
            contents[oid] = out[end + 1 : end + 1 + size]
            position = end + 1 + size + 1
        return contents

    def log(self, paths: Sequence[str], log_format: str) -> bytes:
        """`git log --raw` of the commits that touched `paths`, newest first."""
        return self.output(
            "log",
            "--no-renames",
            "--raw",
            "--no-abbrev",
            "-z",
            f"--format={log_format}",
            "--",
            *(self.prefix + path for path in paths),
        )

    def commits(self, revisions: Sequence[str], log_format: str, signers: Path | None) -> bytes:
        """`git log --name-only` of the commits `revisions` name (`HEAD ^main`), in one pass: a
        merge lists only what it changed itself (files differing from every parent). With
        `signers` (an allowed-signers file), git verifies each commit's signature against it,
        as `git verify-commit` does, for the `%G?` placeholders of `log_format`."""
        verify = ["-c", f"gpg.ssh.allowedSignersFile={signers}"] if signers else []
        done = self.git(
            *verify,
            "log",
            "--no-renames",
            "--no-show-signature",
            "--name-only",
            "--diff-merges=combined",
            "-z",
            f"--format={log_format}",
            *revisions,
            "--",
            *([self.prefix] if self.prefix else []),
            check=False,
        )
        if done.returncode != 0:
            raise GitFailed("log", _text(done.stderr))
        return done.stdout

    def staged_paths(self) -> list[str]:
        """The collective's files that the index changes against HEAD: what a commit would.
        Concluding a merge, only those it changes against every parent: what the merge itself
        changed, not what the merged branch brought (as `git log` shows a merge)."""
        parents: list[list[str]] = [["HEAD"], *([sha] for sha in self._merging())]
        changed: set[str] | None = None
        for against in parents if self.head() is not None else [[]]:
            out = self.output(
                "diff", "--cached", "--no-renames", "--name-only", "-z", *against, *self._scope()
            )
            paths = {self._relative(path) for path in out.split(b"\0") if path}
            changed = paths if changed is None else changed & paths
        return sorted(changed or ())

    def _merging(self) -> list[str]:
        """The other parents of the merge being concluded, if one is (MERGE_HEAD)."""
        try:
            text = (self.git_dir / "MERGE_HEAD").read_text(encoding="ascii", errors="replace")
        except OSError:
            return []
        return [line.strip() for line in text.splitlines() if line.strip()]

    def next_commit(self) -> NextCommit:
        """Who git would make the next commit's author and committer, and whether it would sign
        it: git's own answer in one process (`git var -l`), from the configuration and, under a
        hook of `git commit --author`, the variables git sets for it."""
        done = run(self.top, "var", "-l", keep_identity=True)
        values: dict[str, str] = {}
        for line in os.fsdecode(done.stdout).splitlines() if done.returncode == 0 else []:
            name, _, value = line.partition("=")
            values[name.lower()] = value
        signed = values.get("commit.gpgsign", "").lower() in ("true", "yes", "on", "1")
        ssh = values.get("gpg.format", "").lower() == "ssh"
        return NextCommit(
            _person(values.get("git_author_ident", "")),
            _person(values.get("git_committer_ident", "")),
            signed,
            _public_key(values.get("user.signingkey", ""), self.top) if signed and ssh else "",
        )

    def upstream(self) -> str | None:
        """The commit the current branch's upstream points to, if it has one."""
        done = self.git("rev-parse", "--verify", "--quiet", "@{upstream}^{commit}", check=False)
        sha = _text(done.stdout)
        return sha if done.returncode == 0 and sha else None

    def default_branch(self) -> str | None:
        """The commit of the repository's default branch: the remote's HEAD, else the branch
        `init.defaultBranch`, `main` or `master`, local or fetched from `origin` (as a CI
        checkout has them), whichever exists first."""
        done = self.git("symbolic-ref", "--quiet", "refs/remotes/origin/HEAD", check=False)
        names = [_text(done.stdout)] if done.returncode == 0 else []
        configured = self.config("init.defaultBranch")
        for name in (configured, "main", "master"):
            if name:
                names += [f"refs/heads/{name}", f"refs/remotes/origin/{name}"]
        for name in names:
            found = self.git("rev-parse", "--verify", "--quiet", name + "^{commit}", check=False)
            if found.returncode == 0:
                return _text(found.stdout)
        return None

    def shallow(self) -> bool:
        return _text(self.output("rev-parse", "--is-shallow-repository")) == "true"

    # Writing -----------------------------------------------------------------------------------

    def hash_blob(self, path: str, content: bytes) -> str:
        """Store `content` as the blob of `path` (with the path's clean filters, e.g. eol)."""
        done = self.git(
            "hash-object",
            "-w",
            "--stdin",
            f"--path={self.prefix}{path}",
            stdin=content,
            reading=False,
        )
        return _text(done.stdout)

    def tree_with(self, head: str | None, entries: Mapping[str, Blob]) -> str:
        """HEAD's tree with `entries` (path -> blob) put in, built in a temporary index."""
        info = "".join(
            f"{blob.mode} {blob.oid}\t{self.prefix}{path}\0" for path, blob in entries.items()
        ).encode()
        with tempfile.TemporaryDirectory(prefix="collectif-index-") as folder:
            index = {"GIT_INDEX_FILE": str(Path(folder) / "index")}
            self.git("read-tree", *([head] if head else ["--empty"]), env=index, reading=False)
            self.git("update-index", "-z", "--index-info", stdin=info, env=index, reading=False)
            return _text(self.git("write-tree", env=index, reading=False).stdout)

    def tree_of(self, sha: str) -> str:
        return _text(self.output("rev-parse", f"{sha}^{{tree}}"))

    def commit_tree(
        self, tree: str, parent: str | None, message: str, author: Person, committer: Person
    ) -> str:
        """A commit object (not on any branch yet), signed when `commit.gpgsign` asks for it."""
        people = {
            "GIT_AUTHOR_NAME": author.name,
            "GIT_AUTHOR_EMAIL": author.email,
            "GIT_COMMITTER_NAME": committer.name,
            "GIT_COMMITTER_EMAIL": committer.email,
        }
        sign = ["-S"] if self.config_bool("commit.gpgsign") else []
        parents = ["-p", parent] if parent else []
        done = self.git(
            "commit-tree",
            *sign,
            tree,
            *parents,
            "-F",
            "-",
            stdin=message.encode(),
            env=people,
            reading=False,
        )
        return _text(done.stdout)

    def move_head(self, new: str, old: str | None, message: str) -> bool:
        """Point HEAD (its branch) at `new` only if it still points at `old`: git's own
        compare-and-swap. False if someone moved it meanwhile."""
        done = self.git(
            "update-ref",
            "-m",
            f"collectif: {message}",
            "HEAD",
            new,
            old or "",
            reading=False,
            check=False,
        )
        if done.returncode == 0:
            return True
        if self.head() != old:
            return False
        raise GitFailed("update-ref", _text(done.stderr))

    def stage(self, entries: Mapping[str, Blob]) -> bool:
        """The real index takes these blobs at these paths; False if git could not."""
        info = "".join(
            f"{blob.mode} {blob.oid}\t{self.prefix}{path}\0" for path, blob in entries.items()
        ).encode()
        done = self.git(
            "update-index", "-z", "--index-info", stdin=info, reading=False, check=False
        )
        if done.returncode != 0:
            return False
        self.git("update-index", "-q", "--refresh", reading=False, check=False)
        return True


class Blob(NamedTuple):
    """A file in git: its object id and its mode (100644, 100755, 120000 for a link)."""

    oid: str
    mode: str = DEFAULT_MODE

    @property
    def link(self) -> bool:
        return self.mode == SYMLINK


class Person(NamedTuple):
    """Who a commit is by: a name and an email."""

    name: str
    email: str


class NextCommit(NamedTuple):
    """The commit `git commit` would make now: its author, its committer, whether it is signed."""

    author: Person
    committer: Person
    signed: bool
    key: str = ""  # the public SSH key (type and base64) it would be signed with, if known


def _public_key(setting: str, top: Path) -> str:
    """The public key `user.signingkey` names: the key itself (`key::ssh-ed25519 AAAA...`, or
    written out), or a key file (its `.pub` beside a private key); empty if it cannot tell."""
    text = setting.strip().removeprefix("key::")
    if not text.startswith(("ssh-", "ecdsa-", "sk-")):
        path = Path(os.path.expanduser(text)) if text else None
        if path is not None and not path.is_absolute():
            path = top / path
        text = ""
        for candidate in (path, path.with_name(path.name + ".pub")) if path else ():
            try:
                text = candidate.read_text(encoding="utf-8", errors="replace").strip()
            except OSError:
                continue
            if text.startswith(("ssh-", "ecdsa-", "sk-")):
                break
            text = ""
    return " ".join(text.split()[:2])


def _person(ident: str) -> Person:
    """`Name <email> 1700000000 +0100` as a person."""
    match = _IDENT.match(ident)
    return Person(match.group(1).strip(), match.group(2)) if match else Person("", "")


def discover(folder: Path) -> Repository | None:
    """The git repository around the collective's `folder`; None if it is in none."""
    done = run(
        folder,
        "rev-parse",
        "--path-format=absolute",
        "--show-toplevel",
        "--git-dir",
        "--git-common-dir",
        "--show-object-format",
    )
    lines = os.fsdecode(done.stdout).splitlines()
    if done.returncode != 0 or len(lines) != 4 or not lines[0]:
        return None
    top, root = Path(lines[0]).resolve(), folder.resolve()
    prefix = "" if top == root else root.relative_to(top).as_posix() + "/"
    return Repository(top, prefix, Path(lines[1]), Path(lines[2]), lines[3].strip() or "sha1")


def require(folder: Path, repository: Repository | None) -> Repository:
    """The repository, or the error that says this needs one."""
    if repository is None:
        raise CollectifError(
            "{path} is not in a git repository, and this needs git (the index, a commit, the "
            "history, or a change to record). Run `git init` there and commit the collective, "
            "or run `collectif check` without --staged or --rev to check the files on disk.",
            path=str(folder),
        )
    return repository
