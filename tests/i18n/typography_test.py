"""French typography over the whole catalog: every message rendered with sample values keeps a
non-breaking space before `: ; ? !`, elides before a vowel, and says 1 in the singular."""

from __future__ import annotations

import re

from collectif.i18n import gettext_, plural, render
from collectif.i18n.catalog import extract
from collectif.model.message import msg

_CODE = re.compile(r"`[^`]*`")
_PLACEHOLDER = re.compile(r"\{[^}]*\}")
# « de », « que », « le », « la »… before a vowel, not after a hyphen (« terminez-la ou »)
_UNELIDED = re.compile(r"(?<![-\w])(de|que|le|la|ne|se|jusque) [aeiouéèêàâîôû]", re.IGNORECASE)


def _french_texts() -> list[str]:
    return [gettext_("fr", msgid) for msgid in extract() if isinstance(msgid, str)]


def _prose(text: str) -> str:
    """The text without code spans and placeholders, which are not French words."""
    return _PLACEHOLDER.sub("X", _CODE.sub("", text))


def test_a_non_breaking_space_before_double_punctuation() -> None:
    bad = [text for text in _french_texts() if re.search(r"[^\u00a0\u202f] [:;?!](\s|$)", text)]
    assert bad == []


def test_no_missing_elision_in_the_catalog() -> None:
    bad = [text for text in map(_prose, _french_texts()) if _UNELIDED.search(text)]
    assert bad == []


def test_elision_where_a_value_follows() -> None:
    said = render(msg("{member}'s details changed: {keys}", member="amina", keys="x"), "fr")
    assert said.startswith("les informations d'amina")


def test_one_is_singular() -> None:
    assert plural("fr", 1, "{count} error", "{count} errors") == "1 erreur"
    assert plural("fr", 0, "{count} error", "{count} errors") == "0 erreur"
    assert plural("fr", 2, "{count} error", "{count} errors") == "2 erreurs"
