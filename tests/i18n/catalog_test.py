"""Every message a person reads exists in French and English, and the compiled catalog is fresh."""

from __future__ import annotations

import ast
import gettext
import io
import string
from collections.abc import Iterator

from collectif.i18n import LOCALE_DIR, catalog


def _fields(*texts: str) -> set[str]:
    return {
        name
        for text in texts
        for _, name, _, _ in string.Formatter().parse(text)
        if name is not None
    }


def test_every_message_is_translated_into_french() -> None:
    missing = catalog.missing("fr")
    assert not missing, "untranslated (run `python -m collectif.i18n.catalog missing fr`):\n" + (
        "\n".join(f"{where[0]}: {msgid}" for msgid, where in missing.items())
    )


def test_translations_keep_the_placeholders() -> None:
    for msgid, text in catalog.translations("fr").items():
        ids = (msgid,) if isinstance(msgid, str) else msgid
        forms = (text,) if isinstance(text, str) else text
        for form in forms:
            assert _fields(form) == _fields(*ids), (msgid, form)


def test_compiled_catalog_is_up_to_date() -> None:
    committed = LOCALE_DIR / "fr/LC_MESSAGES/collectif.mo"
    fresh = gettext.GNUTranslations(io.BytesIO(catalog.compile_mo("fr")))
    current = gettext.GNUTranslations(io.BytesIO(committed.read_bytes()))
    assert current.info()["plural-forms"] == fresh.info()["plural-forms"], "run `make i18n`"
    for msgid in catalog.translations("fr"):
        if isinstance(msgid, str):
            assert current.gettext(msgid) == fresh.gettext(msgid), "run `make i18n`"
        else:
            for count in (0, 1, 2):
                assert current.ngettext(*msgid, count) == fresh.ngettext(*msgid, count)


def test_french_counts_0_and_1_in_the_singular() -> None:
    assert catalog.plural_forms("fr") == "nplurals=2; plural=(n > 1);"
    compiled = gettext.GNUTranslations(io.BytesIO(catalog.compile_mo("fr")))
    assert compiled.info()["plural-forms"] == "nplurals=2; plural=(n > 1);"
    forms = [compiled.ngettext("{count} error", "{count} errors", n) for n in (0, 1, 2)]
    assert forms == ["{count} erreur", "{count} erreur", "{count} erreurs"]


def test_plural_calls_are_extracted_as_pairs() -> None:
    found = catalog.extract()
    assert ("{count} error", "{count} errors") in found
    assert "{count} errors" not in found and "{count} error" not in found


def test_a_plural_entry_is_written_with_its_plural_form() -> None:
    entry = catalog._po_entry(("{count} cat", "{count} cats"), ["collectif/x.py:3"])
    assert 'msgid "{count} cat"\nmsgid_plural "{count} cats"\n' in entry
    assert 'msgstr[0] ""\nmsgstr[1] ""' in entry


def test_the_extractor_reads_plural_only_with_two_written_texts() -> None:
    call = ast.parse("plural(lang, n, one, '{count} cats')").body[0]
    assert isinstance(call, ast.Expr) and isinstance(call.value, ast.Call)
    assert catalog._plural(call.value) is None
    call = ast.parse("i18n.plural(lang, n, '{count} cat', '{count} cats')").body[0]
    assert isinstance(call, ast.Expr) and isinstance(call.value, ast.Call)
    assert catalog._plural(call.value) == (("{count} cat", "{count} cats"), 1)


def _formatted_msgids() -> Iterator[str]:
    """The ids that `render` formats with the message's values: `msg(...)` and
    `CollectifError(...)`, and the `N_(...)` text that `needed(value, N_(...))` raises."""
    for path in sorted(catalog.PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = catalog._name(node.func)
            chosen = node.args[:1] if name in ("msg", "CollectifError") else []
            if name == "needed" and len(node.args) > 1:
                inner = node.args[1]
                chosen = inner.args[:1] if isinstance(inner, ast.Call) else []
            for arg in chosen:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    yield arg.value


def test_formatted_messages_format_in_both_languages() -> None:
    """A literal brace left single (`{formula: ...}` in a YAML example) makes formatting fail,
    and the French reader would be shown the English id instead: write it `{{`."""
    french = catalog.translations("fr")
    bad = []
    for msgid in set(_formatted_msgids()):
        translated = french.get(msgid)
        for text in (msgid, translated if isinstance(translated, str) else msgid):
            try:
                text.format(**dict.fromkeys(_fields(text), "x"))
            except (KeyError, IndexError, ValueError) as error:
                bad.append(f"{text!r}: {error!r}")
    assert bad == []
