"""What every test runs in: no git configuration but the repository's own, no identity,
language or terminal from the environment, a folder of its own; and hypothesis's profiles.

The environment policy, as pre-commit's `no_git_env` for its own tests:
- cleared: every `GIT_*` variable (identity and dates of commits, a hook's `GIT_DIR` or
  `GIT_INDEX_FILE` when the suite runs inside one, `GIT_CONFIG_*` pairs), every `COLLECTIF_*`
  one, the locale (`LANG`, `LC_*`, `LANGUAGE`: `init` and git read them) and what makes rich
  or typer colour their output (`FORCE_COLOR`, `GITHUB_ACTIONS`...);
- set: `HOME` and `XDG_CONFIG_HOME` in an empty folder, `GIT_CONFIG_GLOBAL` an empty file,
  `GIT_CONFIG_NOSYSTEM=1`, `COLUMNS=80` (what rich assumes when the output is not a terminal).
A test that needs one of them sets it with `monkeypatch.setenv` or `run(..., env=...)`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

_CLEARED_PREFIXES = ("GIT_", "COLLECTIF_", "LC_", "PRE_COMMIT")
_CLEARED = {
    "LANG",
    "LANGUAGE",
    "EMAIL",  # git's last resort for an identity
    "FORCE_COLOR",
    "NO_COLOR",
    "PY_COLORS",
    "CLICOLOR_FORCE",
    "TTY_COMPATIBLE",
    "TTY_INTERACTIVE",
    "TERMINAL_WIDTH",
    "GITHUB_ACTIONS",
    "_TYPER_FORCE_DISABLE_TERMINAL",
}

# Few examples while working; many, the same each run, in CI (`CI` set, or
# HYPOTHESIS_PROFILE=ci). Neither has a deadline: shared CI machines are slow at random.
settings.register_profile("quick", max_examples=25, deadline=None)
settings.register_profile(
    "ci",
    max_examples=1000,
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "quick")
)


@pytest.fixture(autouse=True)
def isolated(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An environment without the user's git configuration; returns the empty home folder."""
    for name in list(os.environ):
        if name.startswith(_CLEARED_PREFIXES) or name in _CLEARED:
            monkeypatch.delenv(name)
    home = tmp_path_factory.mktemp("home")
    config = home / ".gitconfig"
    config.touch()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("COLUMNS", "80")
    # Not in the project's own repository: a command given no --repo finds nothing around it.
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))
    return home
