"""`--help` of every command and group, in French and in English: each value shown by a metavar
in the reader's language (`HEURES`, `MEMBRE`), a flag by its name alone, never a Python type
(`<str>`, `<bool>`); and a group's help asked with `--lang` or `--repo`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer.main

from collectif.commands.app import app
from tests.helpers import CONFIG, collective, run

FRENCH = {"COLLECTIF_LANG": "fr", "COLUMNS": "100"}
ENGLISH = {"COLUMNS": "100"}
# What typer would show for a parameter without a metavar: its Python type.
TYPE_HINT = re.compile(r"<(str|bool|int|float|path|list\[\w+\]|[a-z]+)>")
# A line of a help panel that starts with what French puts after a no-break space.
NO_BREAK_BROKEN = re.compile(r"^│ +[:;?!»]", re.MULTILINE)
# Metavars that are the same word in French.
SAME_IN_FRENCH = {"DATE", "ID", "IDS", "N", "FORMAT", "MODE", "VERSION", "EMAIL"}


def _tree(command: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    yield path, command
    for name, sub in getattr(command, "commands", {}).items():
        yield from _tree(sub, (*path, name))


TREE = list(_tree(typer.main.get_command(app)))
PATHS = [path for path, _ in TREE]


def _takes_a_value(param: Any) -> bool:
    return not (getattr(param, "is_flag", False) or getattr(param, "count", False))


def test_every_value_has_a_metavar() -> None:
    """What `--help` shows for a value is declared with it: no command leaves it to typer."""
    undeclared = [
        (" ".join(path), param.name)
        for path, command in TREE
        for param in command.params
        if _takes_a_value(param) and not param.metavar
    ]
    assert undeclared == []


@pytest.mark.parametrize("path", PATHS, ids=lambda path: " ".join(path) or "collectif")
def test_the_french_help_says_every_value_in_french(path: tuple[str, ...]) -> None:
    english = run(*path, "--help", env=ENGLISH)
    french = run(*path, "--help", env=FRENCH)
    assert english.returncode == french.returncode == 0, french.stderr
    assert TYPE_HINT.search(english.stdout) is None, english.stdout
    assert TYPE_HINT.search(french.stdout) is None, french.stdout
    command = dict(TREE)[path]
    for param in command.params:
        metavar = param.metavar
        if metavar and metavar not in SAME_IN_FRENCH:
            assert metavar in english.stdout
            assert (
                re.search(rf"(?<![\w.:,]){re.escape(metavar)}(?![\w.:,])", french.stdout) is None
            ), f"{metavar} left in English in `collectif {' '.join(path)} --help`"
        if param.param_type_name == "argument":  # the usage line names it by its metavar
            assert f"[{param.name}]" not in french.stdout + english.stdout
    assert "Usage" not in french.stdout and "Show this message" not in french.stdout
    # a no-break space keeps `:` with the word before it: no line of a panel starts with one
    assert NO_BREAK_BROKEN.search(french.stdout) is None, french.stdout


def test_log_help_in_french() -> None:
    done = run("log", "--help", env=FRENCH)
    assert "collectif log [OPTIONS] [HEURES] [TYPE]" in done.stdout
    assert re.search(r"--as +MEMBRE ", done.stdout)
    assert re.search(r"--repo +DOSSIER ", done.stdout)
    assert re.search(r"--lang +LANGUE ", done.stdout)
    assert re.search(r"--ref +ID ", done.stdout)
    assert re.search(r"--help +Affiche", done.stdout)  # a flag: no metavar, no type


def test_log_help_in_english() -> None:
    done = run("log", "--help", env=ENGLISH)
    assert "collectif log [OPTIONS] [HOURS] [KIND]" in done.stdout
    assert re.search(r"--note +TEXT ", done.stdout)
    assert re.search(r"--help +Show this message", done.stdout)


GROUPS = [path[0] for path, command in TREE if len(path) == 1 and hasattr(command, "commands")]


@pytest.mark.parametrize("group", GROUPS)
def test_a_group_help_takes_lang(group: str) -> None:
    done = run(group, "--help", "--lang", "fr")
    assert done.returncode == 0, done.stderr
    assert "Utilisation\u00a0: collectif " + group in done.stdout
    assert "Commandes" in done.stdout
    equals = run(group, "--lang=fr", "--help")
    assert equals.returncode == 0 and equals.stdout == done.stdout


def test_a_group_help_in_the_language_around(tmp_path: Path) -> None:
    french = collective(tmp_path, {}, config=CONFIG.replace("language: en", "language: fr"))
    by_repo = run("contact", "--help", "--repo", str(french))
    assert by_repo.returncode == 0 and "Partage un client" in by_repo.stdout
    by_variable = run("contact", "--help", env={"COLLECTIF_LANG": "fr"})
    assert "Partage un client" in by_variable.stdout
    alone = run("contact", "--lang", "fr")  # a group named alone answers with its help
    assert alone.returncode == 0 and "Partage un client" in alone.stdout
    top = run("--help", "--lang", "fr")
    assert top.returncode == 0 and "Commandes" in top.stdout
    english = run("contact", "add", "--help", "--lang", "en", cwd=french)
    assert "Usage: collectif contact add [OPTIONS] {ID}" in english.stdout


def test_a_missing_argument_is_named_as_help_names_it() -> None:
    french = run("decide", env={"COLLECTIF_LANG": "fr"})
    assert french.returncode == 2
    assert "il manque RÉUNION" in french.stderr
    english = run("decide")
    assert "MEETING is missing" in english.stderr


ENGLISH_PLACEHOLDERS = re.compile(
    r"\b(HOURS|KIND|MEMBERS?|ROLE|PROJECT|NAMES?|DIR|LANG|SUBJECT|CHECK|TITLE|TEXT|MEETING)\b"
)


def test_commands_quoted_in_french_name_their_values_in_french() -> None:
    """`collectif log HEURES TYPE` in a French message, as the French help names them."""
    from collectif.i18n.catalog import translations

    left = [
        command
        for text in translations("fr").values()
        for part in ([text] if isinstance(text, str) else text)
        for command in re.findall(r"`collectif [^`]*`", part)
        if ENGLISH_PLACEHOLDERS.search(command)
    ]
    assert left == []
