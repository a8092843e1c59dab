"""Plural forms come from the catalogs: French says 0 and 1 in the singular, English 1 only."""

from __future__ import annotations

from collectif.i18n import plural

ERRORS = ("{count} error", "{count} errors")
REFUSED = (
    "Nothing was written: this change would bring {count} new error.",
    "Nothing was written: this change would bring {count} new errors.",
)


def test_english() -> None:
    assert [plural("en", n, *ERRORS) for n in (0, 1, 2)] == ["0 errors", "1 error", "2 errors"]


def test_french() -> None:
    assert [plural("fr", n, *ERRORS) for n in (0, 1, 2)] == ["0 erreur", "1 erreur", "2 erreurs"]


def test_french_typography_applies_to_plural_forms() -> None:
    assert plural("fr", 0, *REFUSED) == (
        "Rien n'a été écrit\u00a0: ce changement apporterait 0 nouvelle erreur."
    )
    assert plural("fr", 2, *REFUSED).endswith("2 nouvelles erreurs.")
    assert plural("en", 1, *REFUSED).endswith("bring 1 new error.")


def test_an_untranslated_pair_falls_back_to_english() -> None:
    pair = ("{count} unicorn", "{count} unicorns")
    assert [plural("fr", n, *pair) for n in (1, 2)] == ["1 unicorn", "2 unicorns"]
