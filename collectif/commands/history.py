"""`collectif history [SUBJECT]`: what changed, when and by whom, read from git."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, NamedTuple

from rich.console import Console
from rich.text import Text

from collectif import i18n
from collectif.commands.options import require_format
from collectif.engine.story import subject_of, summarise
from collectif.errors import EXIT_OK, CollectifError
from collectif.model.layout import CONFIG_FILE, DATA_DIRS, paths_of
from collectif.model.message import Message, msg
from collectif.report.safe import json_text, printable, shown, subject_label
from collectif.store import git
from collectif.store.history import Commit, commits
from collectif.store.source import language_of, locate

FORMATS = ("text", "json")
_SHALLOW = msg(
    "This clone is shallow (`git clone --depth`): its history stops at its oldest commit, which "
    "then seems to create everything that came before. `git fetch --unshallow` brings the whole "
    "history."
)


class Event(NamedTuple):
    """What one commit did to one subject."""

    sha: str
    date: str
    author: str
    subject: str
    sentences: list[Message]

    def as_json(self) -> dict[str, Any]:
        summary = "; ".join(i18n.render(sentence, "en") for sentence in self.sentences)
        return {
            "sha": self.sha,
            "date": self.date,
            "author": self.author,
            "subject": self.subject,
            "summary": summary,
        }


def subject_paths(subject: str | None) -> list[str]:
    """The files and folders that hold a subject (everything if None)."""
    if subject is None:
        return [CONFIG_FILE, *DATA_DIRS]
    paths = paths_of(subject)
    if paths is None:
        raise CollectifError(
            "`{subject}` is not a subject: write member:ID, role:ID, project:ID, meeting:ID or "
            "collective.",
            subject=subject,
        )
    return paths


def events(commit: Commit, subject: str | None) -> list[Event]:
    """The commit's changes, grouped by subject, in the order of its files."""
    grouped: dict[str, list[Message]] = {}
    for change in commit.files:
        about = subject_of(change.path)
        if subject is None or about == subject:
            grouped.setdefault(about, []).extend(summarise(change))
    return [
        Event(commit.sha, commit.date, commit.author, about, sentences)
        for about, sentences in grouped.items()
    ]


def _print(found: list[Event], subject: str | None, lang: i18n.Lang) -> None:
    console = Console(highlight=False, soft_wrap=True)
    if not found:
        nothing = (
            msg("No history yet for {subject}.", subject=subject)
            if subject
            else msg("No history yet.")
        )
        console.print(shown(nothing, lang))
        return
    previous = None
    for event in found:
        if event.sha != previous:
            if previous is not None:
                console.print()
            header = Text(event.date[:10], style="bold")
            header.append(f"  {printable(event.author)}", style="bold")
            header.append(f"  {event.sha[:10]}", style="dim")
            console.print(header)
            previous = event.sha
        for sentence in event.sentences:
            line = Text("  ")
            line.append(subject_label(event.subject, lang), style="cyan")
            line.append("  " + shown(sentence, lang))
            console.print(line)


def history(
    subject: str | None = None,
    repo: Path | None = None,
    lang: str | None = None,
    output: str = "text",
) -> int:
    """Print what each commit changed in the collective (or in one subject), newest first."""
    output = require_format(output, FORMATS)
    paths = subject_paths(subject)
    where = locate(repo)
    repository = git.require(where.folder, where.repository)
    found = [event for commit in commits(repository, paths) for event in events(commit, subject)]
    language = i18n.resolve(lang, language_of(where.folder))
    if repository.shallow():
        sys.stderr.write(i18n.render(_SHALLOW, language) + "\n")
    if output == "json":
        document = [event.as_json() for event in found]
        sys.stdout.write(json_text(document) + "\n")
    else:
        _print(found, subject, language)
    return EXIT_OK
