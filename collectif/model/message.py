"""A message a person reads: a catalog id and its parameters, rendered later in their language."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import NamedTuple


class Money(NamedTuple):
    """An amount in the collective's currency, printed with the reader's conventions."""

    amount: Decimal
    currency: str


class Hours(NamedTuple):
    """A number of hours."""

    value: Decimal


class Names(NamedTuple):
    """A list of names or ids, joined with the reader's conventions ("a, b and c").

    `alternatives` joins them as choices instead ("a, b or c"); `words` says the items are
    catalog ids (field names, kinds...), each said in the reader's language.
    """

    items: tuple[str, ...]
    alternatives: bool = False
    words: bool = False


class KeyChange(NamedTuple):
    """A key of a file that changed: its name (a catalog id, said in the reader's language) and,
    when they are short enough to say, its old and new values ("" where there was none)."""

    key: str
    old: str = ""
    new: str = ""
    said: bool = False


class KeyChanges(NamedTuple):
    """Keys that changed, joined like names: `end (2027-03-31 → 2027-06-30) and title`;
    `words`: the keys are catalog ids (field names), each said in the reader's language."""

    items: tuple[KeyChange, ...]
    words: bool = True


class Text(NamedTuple):
    """A nested message, rendered in the same language as its parent."""

    message: Message


Param = str | int | Decimal | date | Money | Hours | Names | KeyChanges | Text | None


class Message(NamedTuple):
    """A message: its English catalog id (a str.format template) and named parameters."""

    msgid: str
    params: tuple[tuple[str, Param], ...] = ()


def msg(msgid: str, **params: Param) -> Message:
    """Build a message; `msgid` is the English text, found by the catalog extractor."""
    return Message(msgid, tuple(params.items()))


def N_(msgid: str) -> str:
    """Mark a constant text for the catalog; it is translated where it is shown."""
    return msgid
