"""Real commits through real hooks: the pre-commit framework, and `collectif hook install`.

A commit that introduces an error finding is refused; one that leaves an older error as it was
goes through.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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


def command(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """A real program, in the test's environment: a home of its own (conftest.py)."""
    return subprocess.run(
        args, cwd=root, stdin=subprocess.DEVNULL, capture_output=True, text=True, check=False
    )


def head(root: Path) -> str:
    return git(root, "rev-parse", "HEAD").strip()


def members_only(root: Path) -> Path:
    return collective(root, {"members/ana.yaml": member("Ana"), "members/leo.yaml": member("Leo")})


def test_pre_commit_framework_refuses_a_new_error_and_lets_an_old_one_be(tmp_path: Path) -> None:
    root = members_only(tmp_path / "collective")
    write(root, ".pre-commit-config.yaml", CONFIG)
    git_repo(root)
    installed = command(root, PRE_COMMIT, "install")
    assert installed.returncode == 0, installed.stderr

    # (1) a commit that introduces an error finding is refused
    before = head(root)
    write(root, "roles/accueil.yaml", BROKEN_ROLE)
    git(root, "add", "roles/accueil.yaml")
    refused = command(root, "git", "commit", "-m", "accueil")
    assert refused.returncode != 0
    assert head(root) == before
    assert "unknown member `zoe`" in refused.stdout + refused.stderr
    assert "Introduced by this change" in refused.stdout + refused.stderr

    # (2) the error gets in without the hook; a harmless commit then goes through
    assert command(root, "git", "commit", "-q", "--no-verify", "-m", "accueil").returncode == 0
    write(root, "members/leo.yaml", member("Leo", skills="[graphisme]"))
    git(root, "add", "members/leo.yaml")
    accepted = command(root, "git", "commit", "-m", "leo: skills")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert git(root, "log", "-1", "--format=%s").strip() == "leo: skills"
    assert "collectif...." in accepted.stderr and "Passed" in accepted.stderr


def test_plain_hook_in_a_subfolder_reads_what_is_committed(tmp_path: Path) -> None:
    folder = members_only(tmp_path / "data" / "example")
    write(folder, "roles/accueil.yaml", GOOD_ROLE)
    git_repo(tmp_path)
    installed = command(folder, COLLECTIF, "hook", "install")
    assert installed.returncode == 0, installed.stderr

    # `git commit -a` stages into a temporary index: the hook must read that one
    before = head(tmp_path)
    write(folder, "roles/accueil.yaml", BROKEN_ROLE)
    refused = command(tmp_path, "git", "commit", "-a", "-m", "accueil: zoe")
    assert refused.returncode == 1
    assert head(tmp_path) == before
    assert "data/example/roles/accueil.yaml:4" in refused.stdout + refused.stderr

    # the breakage stays on disk, unstaged; a harmless staged commit goes through
    write(folder, "members/leo.yaml", member("Leo", skills="[graphisme]"))
    git(tmp_path, "add", "data/example/members/leo.yaml")
    accepted = command(tmp_path, "git", "commit", "-m", "leo: skills")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert git(tmp_path, "status", "--porcelain").strip() == "M data/example/roles/accueil.yaml"


def test_the_published_hook_manifest_is_valid() -> None:
    done = command(ROOT, PRE_COMMIT, "validate-manifest", ".pre-commit-hooks.yaml")

    assert done.returncode == 0, done.stdout + done.stderr


def test_pre_commit_install_overwrite_replaces_the_plain_hook(tmp_path: Path) -> None:
    """As the config's comment says: with the plain hook installed, `pre-commit install
    --overwrite` replaces it, so a refused commit reports once, not twice."""
    root = members_only(tmp_path / "collective")
    write(root, ".pre-commit-config.yaml", CONFIG)
    git_repo(root)
    assert command(root, COLLECTIF, "hook", "install").returncode == 0
    installed = command(root, PRE_COMMIT, "install", "--overwrite")
    assert installed.returncode == 0, installed.stderr
    write(root, "roles/accueil.yaml", BROKEN_ROLE)
    git(root, "add", "roles/accueil.yaml")
    refused = command(root, "git", "commit", "-m", "accueil")
    assert refused.returncode != 0
    said = refused.stdout + refused.stderr
    assert said.count("roles/accueil.yaml") >= 1
    assert said.count("1 new error,") == 1, said
