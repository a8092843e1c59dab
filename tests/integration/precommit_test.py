"""Real commits through real hooks: the pre-commit framework, and `collectif hook install`.

A commit that introduces an error finding is refused; one that leaves an older error as it was
goes through.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import COLLECTIF, collective, git, git_repo, member, write

ROOT = Path(__file__).resolve().parents[2]
PRE_COMMIT = str(Path(sys.executable).parent / "pre-commit")
BROKEN_ROLE = "title: Accueil\nkind: support\nholders:\n  - {member: zoe, since: 2025-01-01}\n"
GOOD_ROLE = "title: Accueil\nkind: support\nholders:\n  - {member: ana, since: 2025-01-01}\n"
CONFIG = f"""\
repos:
  - repo: local
    hooks:
      - id: collectif
        name: collectif
        entry: {COLLECTIF} check --staged --only schema,references
        language: system
        pass_filenames: false
        always_run: true
"""


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """A home of our own: no user's git or pre-commit configuration leaks in."""
    home = tmp_path / "home"
    home.mkdir()
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "COLLECTIF_"))}
    return keep | {
        "HOME": str(home),
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-cache"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "GIT_CONFIG_NOSYSTEM": "1",
    }


def run(root: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=root, env=env, capture_output=True, text=True, check=False)


def head(root: Path) -> str:
    return git(root, "rev-parse", "HEAD").strip()


def members_only(root: Path) -> Path:
    return collective(root, {"members/ana.yaml": member("Ana"), "members/leo.yaml": member("Leo")})


def test_pre_commit_framework_refuses_a_new_error_and_lets_an_old_one_be(
    tmp_path: Path, env: dict[str, str]
) -> None:
    root = members_only(tmp_path / "collective")
    write(root, ".pre-commit-config.yaml", CONFIG)
    git_repo(root)
    installed = run(root, env, PRE_COMMIT, "install")
    assert installed.returncode == 0, installed.stderr

    # (1) a commit that introduces an error finding is refused
    before = head(root)
    write(root, "roles/accueil.yaml", BROKEN_ROLE)
    git(root, "add", "roles/accueil.yaml")
    refused = run(root, env, "git", "commit", "-m", "accueil")
    assert refused.returncode != 0
    assert head(root) == before
    assert "unknown member `zoe`" in refused.stdout + refused.stderr
    assert "Introduced by this change" in refused.stdout + refused.stderr

    # (2) the error gets in without the hook; a harmless commit then goes through
    assert run(root, env, "git", "commit", "-q", "--no-verify", "-m", "accueil").returncode == 0
    write(root, "members/leo.yaml", member("Leo", skills="[graphisme]"))
    git(root, "add", "members/leo.yaml")
    accepted = run(root, env, "git", "commit", "-m", "leo: skills")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert git(root, "log", "-1", "--format=%s").strip() == "leo: skills"
    assert "collectif...." in accepted.stderr and "Passed" in accepted.stderr


def test_plain_hook_in_a_subfolder_reads_what_is_committed(
    tmp_path: Path, env: dict[str, str]
) -> None:
    folder = members_only(tmp_path / "data" / "example")
    write(folder, "roles/accueil.yaml", GOOD_ROLE)
    git_repo(tmp_path)
    installed = run(folder, env, COLLECTIF, "hook", "install")
    assert installed.returncode == 0, installed.stderr

    # `git commit -a` stages into a temporary index: the hook must read that one
    before = head(tmp_path)
    write(folder, "roles/accueil.yaml", BROKEN_ROLE)
    refused = run(tmp_path, env, "git", "commit", "-a", "-m", "accueil: zoe")
    assert refused.returncode == 1
    assert head(tmp_path) == before
    assert "data/example/roles/accueil.yaml:4" in refused.stdout + refused.stderr

    # the breakage stays on disk, unstaged; a harmless staged commit goes through
    write(folder, "members/leo.yaml", member("Leo", skills="[graphisme]"))
    git(tmp_path, "add", "data/example/members/leo.yaml")
    accepted = run(tmp_path, env, "git", "commit", "-m", "leo: skills")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert git(tmp_path, "status", "--porcelain").strip() == "M data/example/roles/accueil.yaml"


def test_the_published_hook_manifest_is_valid(env: dict[str, str]) -> None:
    done = run(ROOT, env, PRE_COMMIT, "validate-manifest", ".pre-commit-hooks.yaml")

    assert done.returncode == 0, done.stdout + done.stderr
