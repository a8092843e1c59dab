"""`collectif hook install`: a plain git pre-commit hook that runs `collectif check --staged`."""

from __future__ import annotations

import os
import shlex
import sys
import tempfile
from pathlib import Path

from collectif import i18n
from collectif.commands import signing
from collectif.errors import EXIT_OK, CollectifError
from collectif.model.message import Message, msg
from collectif.store import git
from collectif.store.source import language_of, locate

MARKER = "# Installed by `collectif hook install`"
# How the hook's first line starts in each language: a hook that holds one is ours to replace.
_MARKERS = (MARKER, "# Installé par `collectif hook install`")


def program() -> list[str]:
    """How the hook starts this same collectif, with no virtualenv to activate."""
    running = Path(sys.argv[0])
    if running.name.startswith("collectif") and running.suffix != ".py" and running.is_file():
        return [str(running.absolute())]
    return [str(Path(sys.executable).absolute()), "-m", "collectif"]


def script(command: list[str], folder: str, language: i18n.Lang = "en") -> str:
    """The hook: git runs it from the top of the work tree, where `folder` is relative to."""
    line = shlex.join([*command, "check", "--staged", "--repo", folder])
    what = i18n.render(
        msg("Installed by `collectif hook install`: check what is about to be committed."),
        language,
    )
    why = i18n.render(
        msg("A commit that adds an error finding is refused; problems already there are shown."),
        language,
    )
    return f"#!/bin/sh\n# {what}\n# {why}\nexec {line}\n"


def _ours(hook_text: str) -> bool:
    return any(marker in hook_text for marker in _MARKERS)


def hooks_dir(repository: git.Repository) -> Path:
    """Where git looks for hooks: .git/hooks, or core.hooksPath when it is set."""
    return repository.git_path("hooks")


def _backup(hook: Path) -> Path:
    backup, number = hook.with_name(hook.name + ".old"), 1
    while backup.exists():
        backup, number = hook.with_name(f"{hook.name}.old{number}"), number + 1
    hook.rename(backup)
    return backup


def _write(hook: Path, text: str) -> None:
    hook.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=hook.parent, prefix=".pre-commit.")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(text)
    os.chmod(temporary, 0o755)
    os.replace(temporary, hook)


def install(
    repo: Path | None = None,
    force: bool = False,
    lang: str | None = None,
    *,
    signing_advice: bool = True,
) -> int:
    """Write the pre-commit hook; refuse to replace someone else's hook without --force. With
    `signing_advice`, say how to sign commits (`init` says it once, after its own steps)."""
    location = locate(repo)
    where = git.require(location.folder, location.repository)
    language = i18n.resolve(lang, language_of(location.folder))
    hook = hooks_dir(where) / "pre-commit"
    text = script(program(), where.prefix.rstrip("/") or ".", language)
    backup = None
    if hook.exists():
        old = hook.read_text(encoding="utf-8", errors="replace")
        if old == text:
            _say(msg("The pre-commit hook {path} is already installed.", path=str(hook)), language)
            return EXIT_OK
        if not _ours(old) and not force:
            raise CollectifError(
                "{path} already holds another pre-commit hook. Add `collectif check --staged` to "
                "it yourself, or run `collectif hook install --force` to replace it (it will be "
                "kept as pre-commit.old).",
                path=str(hook),
            )
        if not _ours(old):
            backup = _backup(hook)
    _write(hook, text)
    _say(
        msg(
            "Installed the pre-commit hook {path}: every `git commit` now runs `collectif check "
            "--staged` and is refused if it adds an error finding.",
            path=str(hook),
        ),
        language,
    )
    if backup is not None:
        _say(msg("The previous hook is kept as {path}.", path=str(backup)), language)
    if signing_advice:
        _say(signing.advice(), language)
    return EXIT_OK


def _say(message: Message, lang: i18n.Lang) -> None:
    sys.stdout.write(i18n.render(message, lang) + "\n")
