"""Build real collectives in temporary folders and run the `collectif` command on them: in this
process (`run`), or as the installed program (`process`) for the few tests that need one."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from collectif.checks import runner
from collectif.checks.base import Context
from collectif.i18n import render
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


def config(charter: str) -> str:
    """A collectif.yaml: `CONFIG` with more settings under `charter` (`charter`'s lines are
    dedented, then indented under it)."""
    return CONFIG + textwrap.indent(textwrap.dedent(charter), "  ")


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


# A finding as the check tests compare it: check, subject, file, line, period or severity,
# message in English.
Seen = tuple[str, str, str, int, str | None, str]


def seen(root: Path, as_of: str, only: str, since: str | None = None) -> list[Seen]:
    """The findings of one check, each with its period."""
    return [
        (f.check, f.subject, f.file, f.line or 0, f.period, render(f.message, "en"))
        for f in findings(root, as_of, only=only, since=since)
    ]


def rated(root: Path, as_of: str, only: str) -> list[Seen]:
    """The findings of one check, each with its severity."""
    return [
        (f.check, f.subject, f.file, f.line or 0, str(f.severity), render(f.message, "en"))
        for f in findings(root, as_of, only=only)
    ]


class Outcome(NamedTuple):
    """How a command ended, as `subprocess.run` tells it."""

    returncode: int
    stdout: str
    stderr: str


def run(
    *args: str,
    cwd: Path | None = None,
    env: Mapping[str, str | None] | None = None,
) -> Outcome:
    """`collectif ARGS` in this process, through the command line's own reading and error
    handling (`collectif.cli.main`), with click's test runner standing in for the terminal.

    `env` adds variables (None removes one) for this run only; `cwd` is where it runs.
    """
    from click.testing import CliRunner

    from collectif import cli

    with (
        _inside(cwd),
        _argv([COLLECTIF, *args]),
        CliRunner().isolation(env=env) as (out, err, _),
    ):
        try:
            cli.main()
            code = 0
        except SystemExit as done:
            code = done.code if isinstance(done.code, int) else 0 if done.code is None else 1
        sys.stdout.flush()
        sys.stderr.flush()
    return Outcome(code, out.getvalue().decode(), err.getvalue().decode())


@contextmanager
def _inside(cwd: Path | None) -> Iterator[None]:
    before = os.getcwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        yield
    finally:
        os.chdir(before)


@contextmanager
def _argv(argv: list[str]) -> Iterator[None]:
    before = sys.argv
    sys.argv = argv
    try:
        yield
    finally:
        sys.argv = before


def process(
    *args: str,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run the installed `collectif` program, in the environment of the test (conftest.py)."""
    return subprocess.run(
        [COLLECTIF, *args],
        cwd=cwd,
        env={**os.environ, **(env or {})},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
    )


def run_check(
    root: Path, as_of: str, *args: str, env: Mapping[str, str | None] | None = None
) -> Outcome:
    """`collectif check` on the collective at `root` as of that day, with more `args`."""
    return run("check", "--repo", str(root), "--as-of", as_of, *args, env=env)


def in_french(root: Path, as_of: str, only: str) -> tuple[int, str]:
    """`collectif check` of one check in French on a wide terminal: the exit code, and the
    text with the lines the terminal wrapped joined back."""
    done = run_check(root, as_of, "--only", only, "--lang", "fr", env={"COLUMNS": "400"})
    return done.returncode, re.sub(r" *\n *", " ", done.stdout)


def check_json(root: Path, *args: str) -> tuple[int, dict[str, Any]]:
    """`collectif check --format json` on the collective: exit code and document."""
    done = run("check", "--repo", str(root), "--format", "json", *args)
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
