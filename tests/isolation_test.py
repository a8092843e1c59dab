"""The environment conftest.py gives every test: nothing of the user's git, language or
terminal, and a folder of its own."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from tests.helpers import git, run


def test_git_reads_only_the_repositorys_own_settings(tmp_path: Path, isolated: Path) -> None:
    git(tmp_path, "init", "-q")
    listed = subprocess.run(
        ["git", "config", "--list", "--show-origin"], cwd=tmp_path, capture_output=True, text=True
    ).stdout
    assert listed and all(line.startswith("file:.git/config") for line in listed.splitlines())
    assert os.environ["HOME"] == str(isolated)
    assert (isolated / ".gitconfig").read_text() == ""


def test_no_identity_language_or_terminal_from_the_environment() -> None:
    assert not [name for name in os.environ if name.startswith(("GIT_AUTHOR", "GIT_COMMITTER"))]
    assert not {"COLLECTIF_LANG", "LANG", "LC_ALL", "FORCE_COLOR"} & set(os.environ)
    assert os.environ["COLUMNS"] == "80"


def test_a_command_given_no_folder_finds_no_collective() -> None:
    done = run("check")
    assert done.returncode == 2 and "collectif init" in done.stderr
