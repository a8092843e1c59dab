"""Every message a person reads exists in French and English, and the compiled catalog is fresh."""

from __future__ import annotations

import gettext
import io
import string

from collectif.i18n import LOCALE_DIR, catalog


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_message_is_translated_into_french() -> None:
    missing = catalog.missing("fr")
    assert not missing, "untranslated (run `python -m collectif.i18n.catalog missing fr`):\n" + (
        "\n".join(f"{where[0]}: {msgid}" for msgid, where in missing.items())
    )


def test_translations_keep_the_placeholders() -> None:
    for msgid, text in catalog.translations("fr").items():
        assert _fields(text) == _fields(msgid), (msgid, text)


def test_compiled_catalog_is_up_to_date() -> None:
    committed = LOCALE_DIR / "fr/LC_MESSAGES/collectif.mo"
    fresh = gettext.GNUTranslations(io.BytesIO(catalog.compile_mo("fr")))
    current = gettext.GNUTranslations(io.BytesIO(committed.read_bytes()))
    for msgid in catalog.translations("fr"):
        assert current.gettext(msgid) == fresh.gettext(msgid), "run `make i18n`"
