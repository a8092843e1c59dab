"""A collectif.yaml whose `language:` itself is broken still speaks to the collective in the
language it most likely means: `français` is French; a value that names no language leaves it
to COLLECTIF_LANG, then to the locale (`LANG=fr_FR.UTF-8`), and only then to English. Shown
through the real pre-commit hook of a real repository."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from collectif import i18n
from tests.helpers import collective, git, git_repo, member, run

CONFIG = 'name: Atelier\nlanguage: {language}\ncurrency: EUR\ncharter:\n  version: "2026-01"\n'


def _committed(tmp_path: Path, language: str, env: dict[str, str] | None = None) -> str:
    """Install the hook, break `language:`, commit: what the hook says (the commit refused)."""
    root = git_repo(
        collective(
            tmp_path, {"members/ana.yaml": member("Ana")}, config=CONFIG.format(language="fr")
        )
    )
    assert run("hook", "install", "--repo", str(root)).returncode == 0
    (root / "collectif.yaml").write_text(CONFIG.format(language=language), encoding="utf-8")
    git(root, "add", "-A")
    done = subprocess.run(
        ["git", "commit", "-q", "-m", "language"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **(env or {})},
    )
    assert done.returncode == 1, done.stdout + done.stderr
    return done.stdout + done.stderr


@pytest.mark.parametrize("language", ["français", "francais", "French", "FR", "[fr"])
def test_a_language_misspelt_is_still_french(tmp_path: Path, language: str) -> None:
    said = _committed(tmp_path, language)
    assert "Introduit par cette modification" in said
    assert "Introduced" not in said


def test_a_language_nobody_can_read_follows_the_locale(tmp_path: Path) -> None:
    said = _committed(tmp_path, "klingon", env={"LANG": "fr_FR.UTF-8"})
    assert "Introduit par cette modification" in said


def test_or_collectif_lang(tmp_path: Path) -> None:
    said = _committed(tmp_path, "klingon", env={"LANG": "C.UTF-8", "COLLECTIF_LANG": "fr"})
    assert "Introduit par cette modification" in said


def test_else_english(tmp_path: Path) -> None:
    said = _committed(tmp_path, "klingon", env={"LANG": "C.UTF-8"})
    assert "Introduced by this change" in said


def test_english_misspelt_is_english(tmp_path: Path) -> None:
    said = _committed(tmp_path, "English", env={"LANG": "fr_FR.UTF-8"})
    assert "Introduced by this change" in said  # the file's word before the locale's


def test_the_lenient_reading() -> None:
    assert [i18n.meant(v) for v in ("français", "Francais", "fr_FR", "french", "[fr")] == ["fr"] * 5
    assert [i18n.meant(v) for v in ("English", "anglais", "en-GB", "eng")] == ["en"] * 4
    assert [i18n.meant(v) for v in ("klingon", "", None, 42, "  ")] == [None] * 5


def test_the_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert i18n.resolve(None, None) == "fr"
    monkeypatch.setenv("LC_ALL", "C")
    assert i18n.resolve(None, None) == "en"
    assert i18n.resolve(None, "français") == "fr"
    monkeypatch.delenv("LC_ALL")
    assert i18n.resolve(None, "en") == "en"  # the collective's own choice comes first


def test_the_finding_says_what_to_write(tmp_path: Path) -> None:
    said = _committed(tmp_path, "français")
    assert "trouvé le texte « français »\u00a0: vouliez-vous dire `fr`\u202f?" in said
    role = "title: T\nkind: suport\nholders: [{member: ana, since: 2025-01-01}]\n"
    root = collective(tmp_path / "typo", {"members/ana.yaml": member("Ana"), "roles/r.yaml": role})
    done = run("check", "--repo", str(root), "--only", "schema")
    assert 'found the text "suport": did you mean `support`?' in done.stdout


@pytest.mark.parametrize("language", ["français", "'[fr'", "[fr"])
def test_check_in_process(tmp_path: Path, language: str) -> None:
    root = collective(tmp_path, {}, config=CONFIG.format(language=language))
    done = run("check", "--repo", str(root), "--only", "schema")
    assert done.returncode == 1 and "erreur" in done.stdout, done.stdout


def test_the_language_of_a_state(tmp_path: Path) -> None:
    from collectif.store import source

    root = collective(tmp_path, {}, config=CONFIG.format(language="[fr"))
    assert source.language_in(source.locate(root).worktree()) == "[fr"
    (root / "collectif.yaml").unlink()
    assert source.language_in(source.Worktree(root)) is None
    assert source.language_written(b"- a list\n") is None
    assert source.language_written(b"name: [x\n") is None  # broken, and no language line
