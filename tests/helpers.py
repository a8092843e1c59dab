"""Build real collectives in temporary folders and run the `collectif` command on them: in this
process (`run`), or as the installed program (`process`) for the few tests that need one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import typing
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

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
        _help_restored(),
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


@contextmanager
def _help_restored() -> Iterator[None]:
    """`--help` in French translates the typer application's texts in place, for good: put
    the English back, as a new process would find them (`cli._wants_help`, reading the
    command line already in `sys.argv`, says when)."""
    from collectif.cli import _wants_help

    texts = _help_texts() if _wants_help() else []
    try:
        yield
    finally:
        for holder, attribute, text in texts:
            setattr(holder, attribute, text)


def _help_texts() -> list[tuple[object, str, object]]:
    """Every help text of the application that `commands.help.localize` may translate."""
    from typer.models import ParameterInfo

    if "collectif.commands.app" not in sys.modules:
        return []  # not imported yet: a run that imports it starts from its English
    from collectif.commands.app import app

    texts: list[tuple[object, str, object]] = []
    apps = [app]
    while apps:
        current = apps.pop()
        texts.append((current.info, "help", current.info.help))
        for command in current.registered_commands:
            texts.append((command, "help", command.help))
            hints = typing.get_type_hints(command.callback, include_extras=True)
            for hint in hints.values():
                for info in getattr(hint, "__metadata__", ()):
                    if isinstance(info, ParameterInfo):
                        texts.append((info, "help", info.help))
        for group in current.registered_groups:
            texts.append((group, "help", group.help))
            if group.typer_instance is not None:
                apps.append(group.typer_instance)
    return texts


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
