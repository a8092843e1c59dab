"""Build real collectives in temporary folders and run the real `collectif` command on them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path
from typing import Any

from collectif.checks import runner
from collectif.checks.base import Context
from collectif.model.collective import Collective
from collectif.model.finding import Placed
from collectif.store import load, place
from collectif.store.git import Repository as GitRepository
from collectif.store.source import Worktree

COLLECTIF = str(Path(sys.executable).parent / "collectif")

CONFIG = """\
name: Atelier Test
language: en
currency: EUR
charter:
  version: "2026-01"
"""


def write(root: Path, path: str, text: str) -> Path:
    """Write a file of the collective (text is dedented), creating its folders."""
    target = root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(textwrap.dedent(text), encoding="utf-8")
    return target


def collective(root: Path, files: dict[str, str], config: str = CONFIG) -> Path:
    """A collective folder with `collectif.yaml` (unless given in files) and the files."""
    root.mkdir(parents=True, exist_ok=True)
    if "collectif.yaml" not in files:
        write(root, "collectif.yaml", config)
    for path, text in files.items():
        write(root, path, text)
    return root


def member(name: str, joined: str = "2020-01-01", **extra: str) -> str:
    """A member file's text."""
    lines = [
        f"name: {name}",
        f"email: {name.lower()}@example.org",
        f"joined: {joined}",
        'charter_signed: "2026-01"',
    ]
    lines += [f"{key}: {value}" for key, value in extra.items()]
    return "\n".join(lines) + "\n"


def loaded(root: Path) -> Collective:
    return load.load(Worktree(root))


def findings(
    root: Path,
    as_of: str,
    only: str | None = None,
    since: str | None = None,
) -> list[Placed]:
    """Run the checks in process (all, or `only` one) and place the findings in their files."""
    data = loaded(root)
    checks = runner.select([only] if only else [])
    context = Context(
        as_of=date.fromisoformat(as_of), since=date.fromisoformat(since) if since else None
    )
    return place.place(runner.run(data, context, checks).findings, Worktree(root))


def cli(
    *args: str,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run the installed `collectif` command."""
    ignored = {"COLLECTIF_LANG", "LANG", "LC_ALL", "LC_MESSAGES"}
    environment = {k: v for k, v in os.environ.items() if k not in ignored}
    environment.update(env or {})
    return subprocess.run(
        [COLLECTIF, *args], cwd=cwd, env=environment, capture_output=True, text=True, check=False
    )


def check_json(root: Path, *args: str) -> tuple[int, dict[str, Any]]:
    """`collectif check --format json` on the collective: exit code and document."""
    done = cli("check", "--repo", str(root), "--format", "json", *args)
    assert done.stdout, done.stderr
    return done.returncode, json.loads(done.stdout)


def git(root: Path, *args: str) -> str:
    """Run git in `root` and return its output; fails the test if git fails."""
    done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"git {' '.join(args)}: {done.stderr}"
    return done.stdout


def git_repo(root: Path, email: str = "camille@example.org", name: str = "Camille") -> Path:
    """Make `root` a git repository with one commit of everything in it."""
    root.mkdir(parents=True, exist_ok=True)
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.email", email)
    git(root, "config", "user.name", name)
    git(root, "config", "commit.gpgsign", "false")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "start", "--allow-empty")
    return root


def repo_at(folder: Path) -> GitRepository:
    """The git repository around a collective's folder, as the commands find it."""
    from collectif.store import git as gitstore

    return gitstore.require(folder, gitstore.discover(folder))
