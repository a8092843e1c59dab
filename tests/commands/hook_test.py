"""`collectif hook install`: a plain pre-commit hook, where git looks for it, never clobbering."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.helpers import COLLECTIF, collective, git, git_repo, member, run


def hook_of(top: Path, hooks: str = ".git/hooks") -> Path:
    return top / hooks / "pre-commit"


def test_install_writes_an_executable_hook(tmp_path: Path) -> None:
    root = git_repo(collective(tmp_path, {"members/ana.yaml": member("Ana")}))

    done = run("hook", "install", "--repo", str(root))

    hook = hook_of(root)
    assert done.returncode == 0, done.stderr
    assert f"Installed the pre-commit hook {hook}" in done.stdout
    assert os.access(hook, os.X_OK)
    text = hook.read_text()
    assert text.startswith("#!/bin/sh\n")
    assert f"exec {COLLECTIF} check --staged --repo .\n" in text


def test_a_collective_in_a_subfolder(tmp_path: Path) -> None:
    collective(tmp_path / "data" / "example", {})
    git_repo(tmp_path)

    done = run("hook", "install", cwd=tmp_path / "data" / "example")

    assert done.returncode == 0, done.stderr
    assert "check --staged --repo data/example\n" in hook_of(tmp_path).read_text()


def test_core_hooks_path_is_honoured(tmp_path: Path) -> None:
    root = git_repo(collective(tmp_path, {}))
    git(root, "config", "core.hooksPath", "tools/hooks")

    assert run("hook", "install", "--repo", str(root)).returncode == 0

    assert hook_of(root, "tools/hooks").is_file()
    assert not hook_of(root).exists()


def test_another_hook_is_kept_unless_forced(tmp_path: Path) -> None:
    root = git_repo(collective(tmp_path, {}))
    hook = hook_of(root)
    hook.parent.mkdir(parents=True, exist_ok=True)
    hook.write_text("#!/bin/sh\nmake lint\n")

    refused = run("hook", "install", "--repo", str(root))

    assert refused.returncode == 2
    assert "already holds another pre-commit hook" in refused.stderr
    assert hook.read_text() == "#!/bin/sh\nmake lint\n"

    forced = run("hook", "install", "--repo", str(root), "--force")

    assert forced.returncode == 0
    assert "collectif" in hook.read_text()
    assert hook.with_name("pre-commit.old").read_text() == "#!/bin/sh\nmake lint\n"
    assert "The previous hook is kept as" in forced.stdout


def test_installing_again_is_harmless_and_updates_our_own_hook(tmp_path: Path) -> None:
    root = git_repo(collective(tmp_path, {}))
    assert run("hook", "install", "--repo", str(root)).returncode == 0
    first = hook_of(root).read_text()

    again = run("hook", "install", "--repo", str(root))

    assert again.returncode == 0 and "already installed" in again.stdout
    hook_of(root).write_text(first.replace(COLLECTIF, "/old/venv/bin/collectif"))
    assert run("hook", "install", "--repo", str(root)).returncode == 0  # ours: no --force
    assert hook_of(root).read_text() == first
    assert not hook_of(root).with_name("pre-commit.old").exists()


def test_run_as_a_module_the_hook_uses_the_same_python(tmp_path: Path) -> None:
    root = git_repo(collective(tmp_path, {}))

    done = subprocess.run(
        [sys.executable, "-m", "collectif", "hook", "install", "--repo", str(root)],
        capture_output=True,
        text=True,
        check=False,
    )

    assert done.returncode == 0, done.stderr
    assert f"exec {sys.executable} -m collectif check --staged" in hook_of(root).read_text()


def test_messages_in_the_collectives_language(tmp_path: Path) -> None:
    config = 'name: Atelier\nlanguage: fr\ncurrency: EUR\ncharter:\n  version: "2026-01"\n'
    root = git_repo(collective(tmp_path, {}, config=config))

    done = run("hook", "install", "--repo", str(root))

    assert "Hook pre-commit installé" in done.stdout


def test_outside_git_is_a_clean_error(tmp_path: Path) -> None:
    done = run("hook", "install", "--repo", str(collective(tmp_path, {})))

    assert done.returncode == 2
    assert "not in a git repository" in done.stderr


def test_the_hook_speaks_the_collectives_language_and_is_still_ours(tmp_path: Path) -> None:
    """The hook's comments are in the collective's language; a hook installed in the other
    language is still recognised as ours, and replaced without --force."""
    root = git_repo(collective(tmp_path, {}))
    assert run("hook", "install", "--repo", str(root), "--lang", "en").returncode == 0
    english = hook_of(root).read_text()
    done = run("hook", "install", "--repo", str(root), "--lang", "fr")
    assert done.returncode == 0, done.stderr
    french = hook_of(root).read_text()
    assert "# Installé par `collectif hook install`\xa0: vérifie ce qui va être committé." in french
    assert "Un commit qui ajoute une erreur est refusé" in french
    assert "refused" not in french and french != english
    assert not hook_of(root).with_name("pre-commit.old").exists()
