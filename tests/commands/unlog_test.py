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
    assert several.returncode == 2  # no terminal to ask at
    assert f"`collectif log --remove {TODAY} 2 meeting`" in several.stderr
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
    described = repo.run("log", "2", "meeting", "--remove", TODAY, "--as", "leo")
    assert described.returncode == 2 and "no entry" in described.stderr
    two_kinds = repo.run("log", "--remove", TODAY, "2", "meeting", "--kind", "support",
                         "--as", "leo")  # fmt: skip
    assert two_kinds.returncode == 2 and "say two kinds" in two_kinds.stderr
    two_days = repo.run("log", "--remove", TODAY, "--date", "2026-01-01", "--as", "leo")
    assert two_days.returncode == 2 and "leave --date out" in two_days.stderr
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
    assert f"`collectif log --remove {TODAY} 2.5 meeting`" in english.stderr
    french = repo.run("log", "--remove", TODAY, "--kind", "meeting", "--as", "leo", lang="fr")
    assert "1. 2,5\u00a0h de réunion" in french.stderr, french.stderr


def test_entries_alike_but_for_hours_or_note_are_told_apart_without_a_terminal(
    tmp_path: Path,
) -> None:
    repo = make(tmp_path)
    for hours, note in (("2.5", "plénière"), ("1", "plénière"), ("1", "bureau")):
        logged = repo.run("log", hours, "meeting", "--date", TODAY, "--note", note, "--as", "leo")
        assert logged.returncode == 0, logged.stderr
    by_hours = repo.run("log", "--remove", TODAY, "2,5", "meeting", "--as", "leo")
    assert by_hours.returncode == 0, by_hours.stderr
    assert "2.5" not in repo.read(f"contributions/leo/{MONTH}.yaml")
    still_two = repo.run("log", "--remove", TODAY, "1", "meeting", "--as", "leo")
    assert still_two.returncode == 2 and "--note" in still_two.stderr
    by_note = repo.run("log", "--remove", TODAY, "1", "--kind", "meeting", "--note", "bureau",
                       "--as", "leo")  # fmt: skip
    assert by_note.returncode == 0, by_note.stderr
    text = repo.read(f"contributions/leo/{MONTH}.yaml")
    assert "bureau" not in text and text.count("plénière") == 1
    assert repo.status() == ""
