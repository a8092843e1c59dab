"""Every keyword of the file formats that a table or a sentence shows has its word in the
reader's language: a French table says « réunion », never `meeting`."""

from __future__ import annotations

from typing import get_args

from collectif import i18n
from collectif.model.files import EntryKind, RoleKind
from collectif.model.words import KIND_WORDS, ROLE_KIND_WORDS, kind_word, role_kind_word


def test_every_kind_has_its_word() -> None:
    assert set(KIND_WORDS) == set(get_args(EntryKind))
    assert set(ROLE_KIND_WORDS) == set(get_args(RoleKind))


def test_kinds_in_french() -> None:
    assert i18n.render(kind_word("meeting").message, "fr") == "réunion"
    assert i18n.render(kind_word("prospecting").message, "fr") == "prospection"
    assert i18n.gettext_("fr", role_kind_word("mission")) == "mission"
    assert role_kind_word("unknown") == "unknown"
