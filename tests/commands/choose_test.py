"""Keywords typed on the command line: as written in the files, another way, or in French."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from collectif.commands.options import choose
from collectif.errors import CollectifError
from collectif.i18n import render
from collectif.model.words import CLIENT_KIND_WORDS, KIND_WORDS, MEETING_KIND_WORDS
from tests.commands.recording import make

CLIENT_KINDS = ("ess", "big_account", "public", "other")


@pytest.mark.parametrize(
    ("typed", "words", "choices", "meant"),
    [
        ("big_account", CLIENT_KIND_WORDS, CLIENT_KINDS, "big_account"),
        ("Big-Account", CLIENT_KIND_WORDS, CLIENT_KINDS, "big_account"),
        ("grand compte", CLIENT_KIND_WORDS, CLIENT_KINDS, "big_account"),
        ("autre", CLIENT_KIND_WORDS, CLIENT_KINDS, "other"),
        ("plénière", MEETING_KIND_WORDS, ("plenary", "project", "group"), "plenary"),
        ("groupe de travail", MEETING_KIND_WORDS, ("plenary", "project", "group"), "group"),
        ("Réunion", KIND_WORDS, tuple(KIND_WORDS), "meeting"),
    ],
)
def test_a_keyword_written_another_way_or_in_french_is_that_keyword(
    typed: str, words: dict[str, str], choices: tuple[str, ...], meant: str
) -> None:
    assert choose("--kind", typed, choices, words) == meant


def test_a_typo_is_refused_and_names_the_keyword_meant() -> None:
    with pytest.raises(CollectifError) as refused:
        choose("--client-kind", "grand comte", CLIENT_KINDS, CLIENT_KIND_WORDS)
    assert "did you mean `big_account`?" in render(refused.value.message, "en")


def test_a_project_for_a_big_account_typed_in_french(tmp_path: Path) -> None:
    repo = make(tmp_path)
    done = repo.run("project", "new", "x", "--title", "X", "--client", "Y",
                    "--client-kind", "grand compte", lang="fr")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "client_kind: big_account" in repo.read("projects/x.yaml")


@pytest.mark.parametrize(
    "command", [("check",), ("diff", "HEAD"), ("audit", "HEAD..HEAD"), ("history",), ("me",)]
)
def test_a_format_written_another_way_is_that_format(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    done = make(tmp_path).run(*command, "--format", "JSON")
    assert done.returncode in (0, 1), done.stderr
    assert json.loads(done.stdout)
