"""Real collectives in real git repositories, for the commands that record changes."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import Outcome, collective, git, git_repo, member, run

ROLE = """\
title: Trésorerie   # who keeps the books
kind: support
min_holders: 1
holders:
  - {member: camille, since: 2025-01-01, until: null}
  - {member: sam, since: 2025-01-01}   # since the AG
# people in training come here

active: true
"""

FILES = {
    "members/camille.yaml": member("Camille", joined="2015-01-10"),
    "members/leo.yaml": member("Leo", joined="2020-01-10"),
    "members/sam.yaml": member("Sam", joined="2019-05-01"),
    "roles/tresorerie.yaml": ROLE,
}


class Repo:
    """A collective (`root`) in a git repository (`top`)."""

    def __init__(self, top: Path, root: Path) -> None:
        self.top, self.root = top, root

    def run(self, *args: str, lang: str = "en") -> Outcome:
        """The `collectif` command on this collective."""
        return run(*args, "--repo", str(self.root), "--lang", lang)

    def git(self, *args: str) -> str:
        return git(self.top, *args)

    def read(self, path: str) -> str:
        return (self.root / path).read_text(encoding="utf-8")

    def write(self, path: str, text: str) -> None:
        (self.root / path).write_text(text, encoding="utf-8")

    def head(self) -> str:
        return self.git("rev-parse", "HEAD").strip()

    def count(self) -> int:
        return int(self.git("rev-list", "--count", "HEAD"))

    def changed(self, rev: str = "HEAD") -> list[str]:
        """The files a commit changed, from the repository's root."""
        out = self.git("diff-tree", "--no-commit-id", "--name-only", "-r", "--root", rev)
        return sorted(out.split())

    def status(self) -> str:
        return self.git("status", "--porcelain", "--untracked-files=all")

    def last(self, fmt: str) -> str:
        return self.git("log", "-1", f"--format={fmt}").strip()

    def leftovers(self) -> list[Path]:
        """Temporary files a write may have left behind."""
        return [p for p in self.root.rglob("*.tmp") if ".git" not in p.parts]


def make(
    tmp_path: Path,
    files: dict[str, str] | None = None,
    sub: str = "",
    email: str = "camille@example.org",
) -> Repo:
    """A committed collective (in folder `sub` of the repository if given)."""
    top = tmp_path / "repo"
    root = top / sub if sub else top
    collective(root, FILES if files is None else files)
    git_repo(top, email=email)
    return Repo(top, root)


def plain(text: str) -> str:
    """Text with French non-breaking spaces as plain spaces, to compare with expectations."""
    return text.replace("\u202f", " ").replace("\u00a0", " ")
