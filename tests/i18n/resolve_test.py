"""`--lang` and COLLECTIF_LANG name a language collectif speaks, or the command is misused."""

from __future__ import annotations

from pathlib import Path

import pytest

from collectif import i18n
from collectif.errors import CollectifError
from tests.helpers import collective, member, run


def test_the_first_language_given_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    assert i18n.resolve("fr", "en") == "fr"
    assert i18n.resolve(None, "fr") == "fr"
    assert i18n.resolve(None, None) == "en"
    monkeypatch.setenv("COLLECTIF_LANG", "fr")
    assert i18n.resolve(None, "en") == "fr"
    assert i18n.resolve("en", "fr") == "en"
    monkeypatch.setenv("COLLECTIF_LANG", "")
    assert i18n.resolve(None, "fr") == "fr"


def test_a_language_collectif_does_not_speak_is_misuse(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(CollectifError) as refused:
        i18n.resolve("xx", "fr")
    assert refused.value.exit_code == 2
    assert i18n.render(refused.value.message, "en") == (
        "--lang: `xx` is not a language collectif speaks: use fr or en."
    )
    monkeypatch.setenv("COLLECTIF_LANG", "de")
    with pytest.raises(CollectifError):
        i18n.resolve(None, "fr")
    assert i18n.resolve("fr", None) == "fr"  # --lang comes first
    assert i18n.resolve(None, "fr", strict=False) == "fr"  # to explain another mistake


COMMANDS = [("check",), ("log", "1", "meeting")]
FRENCH = "name: A\nlanguage: fr\n"


@pytest.mark.parametrize("command", COMMANDS)
def test_the_commands_refuse_an_unknown_lang_option(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    root = collective(tmp_path, {"members/ana.yaml": member("ana")}, config=FRENCH)
    done = run(*command, "--repo", str(root), "--lang", "xx")
    assert done.returncode == 2
    expected = (
        "--lang\u00a0: `xx` n'est pas une langue que collectif parle\u00a0: utilisez fr ou en."
    )
    assert expected in done.stderr


@pytest.mark.parametrize("command", COMMANDS)
def test_the_commands_refuse_an_unknown_collectif_lang(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    root = collective(tmp_path, {"members/ana.yaml": member("ana")}, config=FRENCH)
    done = run(*command, "--repo", str(root), env={"COLLECTIF_LANG": "xx"})
    assert done.returncode == 2
    expected = (
        "COLLECTIF_LANG\u00a0: `xx` n'est pas une langue que collectif parle\u00a0: "
        "utilisez fr ou en."
    )
    assert expected in done.stderr  # said in the collective's language
    assert "Traceback" not in done.stderr


def test_a_repo_that_is_no_collective_is_explained_in_the_language_around(
    tmp_path: Path,
) -> None:
    root = collective(tmp_path, {"members/ana.yaml": member("ana")}, config=FRENCH)
    done = run("check", "--repo", str(tmp_path / "nowhere"), cwd=root)
    assert done.returncode == 2
    assert "ce dossier n'existe pas" in done.stderr
