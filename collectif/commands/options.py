"""Options shared by several commands, defined once so that they mean the same everywhere.

`CheckOptions` is what `check` and `diff` share, `WriteOptions` what every writing command (and
`me`) takes, each as one record. The typer declarations of the shared options (`Repo`,
`AsOf`...) live in `commands.parameters` and are handed out from here on first use: importing
the records never imports typer, which the pre-commit hook would pay for on every commit.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from collectif.errors import CollectifError
from collectif.model.message import Names, Text

if TYPE_CHECKING:
    from collectif.commands.parameters import AsMember as AsMember
    from collectif.commands.parameters import AsOf as AsOf
    from collectif.commands.parameters import Format as Format
    from collectif.commands.parameters import Lang as Lang
    from collectif.commands.parameters import NoCache as NoCache
    from collectif.commands.parameters import Only as Only
    from collectif.commands.parameters import Repo as Repo
    from collectif.commands.parameters import Since as Since
    from collectif.commands.parameters import Skip as Skip
    from collectif.commands.parameters import Timings as Timings


@dataclass(frozen=True, slots=True)
class CheckOptions:
    """Where the collective is, as of when, which checks, how to print: `check` and `diff`.

    Values are as given on the command line: each command parses and checks them, so that a
    mistake is reported the same way whoever built the record.
    """

    repo: Path | None = None
    as_of: str | None = None
    since: str | None = None
    only: tuple[str, ...] = ()
    skip: tuple[str, ...] = ()
    output: str = "text"
    lang: str | None = None
    no_cache: bool = False
    timings: bool = False


@dataclass(frozen=True, slots=True)
class WriteOptions:
    """Who acts (`--as`), on which collective (`--repo`), in which language (`--lang`): what
    every command that records a change takes, as given on the command line."""

    as_member: str | None = None
    repo: Path | None = None
    lang: str | None = None


def _plain(word: str) -> str:
    """A word as a keyword could be typed: lower case, no accents, `_` for `-` and spaces."""
    decomposed = unicodedata.normalize("NFKD", word.strip().lower())
    bare = "".join(character for character in decomposed if not unicodedata.combining(character))
    return bare.replace("-", "_").replace(" ", "_")


def choose(
    option: str | Text, value: str, choices: Sequence[str], words: Mapping[str, str] | None = None
) -> str:
    """`value`, one of `choices`. A choice written another way is taken as that choice: in
    another case or with `-` for `_` (`Meeting`, `big-account`), or as its word in either
    language (`words`: choice -> catalog id, so that `réunion` is `meeting`). A value close to a
    choice (a typo) is a usage error that names the choice meant; any other, one that lists
    them."""
    if value in choices:
        return value
    from collectif import i18n
    from collectif.model.words import closest

    plain = _plain(value)
    said: dict[str, set[str]] = {}
    for choice, word in (words or {}).items():
        for lang in i18n.LANGUAGES:
            said.setdefault(_plain(i18n.gettext_(lang, word)), set()).add(choice)
    if plain in choices:
        return plain
    if len(said.get(plain, ())) == 1:
        return next(iter(said[plain]))
    spellings = {word: next(iter(of)) for word, of in said.items() if len(of) == 1}
    spellings.update({choice: choice for choice in choices})
    close = closest(plain, spellings)
    meant = spellings[close] if close is not None else None
    names = Names(tuple(choices), alternatives=True)
    if meant is None:
        raise CollectifError(
            "{option}: `{value}` is not one of {choices}.", option=option, value=value,
            choices=names,
        )  # fmt: skip
    raise CollectifError(
        "{option}: `{value}` is not one of {choices}: did you mean `{suggestion}`?",
        option=option, value=value, choices=names, suggestion=meant,
    )  # fmt: skip


def require_format(output: str, formats: Sequence[str]) -> str:
    """`--format`: the one of the formats this command writes that `output` names (`JSON` is
    `json`), else a clear usage error."""
    return choose("--format", output, formats)


def __getattr__(name: str) -> object:
    """`Repo`, `AsOf`...: the typer declarations, imported when a typer command asks for one."""
    if not name.startswith("__"):  # dunders are what `import` and tools probe for
        from collectif.commands import parameters

        if name in parameters.__all__:
            return getattr(parameters, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
