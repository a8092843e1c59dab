"""`collectif log --remove DATE`: take back one of my entries, as one commit."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.commands.recording import make

TODAY = date.today().isoformat()
MONTH = TODAY[:7]


def test_take_back_the_one_entry_of_a_day(tmp_path: Path) -> None:
    repo = make(tmp_path)
    assert repo.run("log", "2", "meeting", "--date", TODAY, "--as", "leo").returncode == 0
    assert repo.run("log", "1", "reflection", "--date", TODAY, "--as", "leo").returncode == 0
    before = repo.count()
    several = repo.run("log", "--remove", TODAY, "--as", "leo")
    assert several.returncode == 2 and "--kind" in several.stderr  # no terminal to ask at
    done = repo.run("log", "--remove", TODAY, "--kind", "meeting", "--as", "leo")
    assert done.returncode == 0, done.stderr
    assert repo.count() == before + 1
    text = repo.read(f"contributions/leo/{MONTH}.yaml")
    assert "meeting" not in text and "reflection" in text
    assert repo.status() == ""


def test_nothing_to_take_back(tmp_path: Path) -> None:
    repo = make(tmp_path)
    none = repo.run("log", "--remove", TODAY, "--as", "leo")
    assert none.returncode == 2 and "no entry" in none.stderr
    mixed = repo.run("log", "2", "meeting", "--remove", TODAY, "--as", "leo")
    assert mixed.returncode == 2
    missing = repo.run("log", "--as", "leo")
    assert missing.returncode == 2 and "--remove" in missing.stderr


def test_identical_entries_take_one_back(tmp_path: Path) -> None:
    repo = make(tmp_path)
    for _ in range(2):
        assert repo.run("log", "1", "meeting", "--date", TODAY, "--as", "leo").returncode == 0
    done = repo.run("log", "--remove", TODAY, "--as", "leo")
    assert done.returncode == 0, done.stderr
    assert repo.read(f"contributions/leo/{MONTH}.yaml").count("meeting") == 1


def test_several_entries_are_listed_in_the_readers_words(tmp_path: Path) -> None:
    repo = make(tmp_path)
    assert repo.run("log", "2.5", "meeting", "--date", TODAY, "--as", "leo").returncode == 0
    assert repo.run("log", "1", "meeting", "--date", TODAY, "--as", "leo").returncode == 0
    english = repo.run("log", "--remove", TODAY, "--kind", "meeting", "--as", "leo")
    assert english.returncode == 2
    assert "1. 2.5\u00a0h of meeting" in english.stderr
    assert "run the command at a terminal to choose" in english.stderr
    french = repo.run("log", "--remove", TODAY, "--kind", "meeting", "--as", "leo", lang="fr")
    assert "1. 2,5\u00a0h de réunion" in french.stderr, french.stderr
