"""Messages in French and English, through gettext catalogs; numbers and money per language."""

from __future__ import annotations

import gettext
import os
import re
import unicodedata
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path
from typing import Literal

from collectif.errors import CollectifError
from collectif.model.message import Hours, KeyChange, KeyChanges, Message, Money, Names, Param, Text

Lang = Literal["fr", "en"]
LANGUAGES: tuple[Lang, ...] = ("fr", "en")
LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "collectif"
_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£"}
_NBSP = "\u00a0"
_NNBSP = "\u202f"


_FRENCH_SPACES = (
    (" ?", _NNBSP + "?"),
    (" !", _NNBSP + "!"),
    (" ;", _NNBSP + ";"),
    (" :", _NBSP + ":"),
)


def _typography(template: str, lang: Lang) -> str:
    """French puts a non-breaking space before `? ! ; :`, so a line never starts with one."""
    if lang == "fr":
        for plain, fixed in _FRENCH_SPACES:
            template = template.replace(plain, fixed)
    return template


@cache
def _catalog(lang: Lang) -> gettext.NullTranslations:
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)


def gettext_(lang: Lang, msgid: str) -> str:
    """The catalog's text for `msgid` in `lang` (English ids are their own translation)."""
    return msgid if lang == "en" else _typography(_catalog(lang).gettext(msgid), lang)


def resolve(cli: str | None, collective: str | None, strict: bool = True) -> Lang:
    """`--lang`, then COLLECTIF_LANG, then the collective's `language` (read leniently when
    collectif.yaml is broken: `français` is French), then the locale's, then English.

    `--lang` and COLLECTIF_LANG, when given, must name a language collectif speaks: a typo is
    a usage error, not a silent fallback. Not `strict` (to explain another mistake), what is
    not a language is passed over.
    """
    given = (("--lang", cli), ("COLLECTIF_LANG", os.environ.get("COLLECTIF_LANG") or None))
    for source, candidate in given:
        if candidate is None:
            continue
        if candidate in LANGUAGES:
            return candidate
        if strict:
            raise CollectifError(
                "{source}: `{value}` is not a language collectif speaks: use {choices}.",
                source=source,
                value=candidate,
                choices=Names(LANGUAGES, alternatives=True),
            )
    if collective in LANGUAGES:
        return collective
    return meant(collective) or locale_language() or "en"


# The names a collectif.yaml may give its language in, accents and case aside.
_NAMED: dict[str, Lang] = {
    "fr": "fr",
    "fra": "fr",
    "fre": "fr",
    "francais": "fr",
    "french": "fr",
    "en": "en",
    "eng": "en",
    "english": "en",
    "anglais": "en",
}


def meant(value: object) -> Lang | None:
    """The language a broken `language:` value most likely means (`français`, `French`,
    `fr_FR`, `[fr`), or None."""
    if not isinstance(value, str):
        return None
    decomposed = unicodedata.normalize("NFKD", value.lower())
    bare = "".join(character for character in decomposed if not unicodedata.combining(character))
    word = re.search(r"[a-z]+", bare)
    return _NAMED.get(word.group()) if word else None


def locale_language() -> Lang | None:
    """The language of the environment's locale (`LANG=fr_FR.UTF-8`), if collectif speaks it."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            language = value[:2].lower()
            return language if language in LANGUAGES else None
    return None


def _group(digits: str, separator: str) -> str:
    parts: list[str] = []
    while len(digits) > 3:
        parts.insert(0, digits[-3:])
        digits = digits[:-3]
    parts.insert(0, digits)
    return separator.join(parts)


def number(value: Decimal, lang: Lang, places: int | None = None) -> str:
    """`1 234,5` in French, `1,234.5` in English; `places` fixes the decimals."""
    if places is not None:
        value = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    elif value == value.to_integral_value():
        value = value.quantize(Decimal(1))
    else:
        value = value.normalize()
    sign = "-" if value < 0 else ""
    whole, _, fraction = f"{abs(value):f}".partition(".")
    thousands, point = (_NNBSP, ",") if lang == "fr" else (",", ".")
    text = _group(whole, thousands)
    return sign + text + (point + fraction if fraction else "")


def money(value: Money, lang: Lang) -> str:
    """`1 234,50 €` in French, `€1,234.50` in English."""
    amount = number(value.amount, lang, places=2)
    symbol = _SYMBOLS.get(value.currency, value.currency)
    if lang == "fr":
        return f"{amount}{_NBSP}{symbol}"
    if symbol == value.currency:
        return f"{symbol}{_NBSP}{amount}"
    return f"{amount[:1]}{symbol}{amount[1:]}" if amount.startswith("-") else symbol + amount


def names(items: tuple[str, ...], lang: Lang, alternatives: bool = False) -> str:
    """`a, b and c` / `a, b et c`; as alternatives, `a, b or c` / `a, b ou c`."""
    if len(items) <= 1:
        return "".join(items)
    words = {
        ("fr", False): " et ",
        ("fr", True): " ou ",
        ("en", False): " and ",
        ("en", True): " or ",
    }
    word = words[(lang, alternatives)]
    return ", ".join(items[:-1]) + word + items[-1]


def _key_change(change: KeyChange, words: bool, lang: Lang) -> str:
    word = gettext_(lang, change.key) if words else change.key
    if not change.said:
        return word
    return f"{word} ({change.old or '—'} → {change.new or '—'})"


def _param(value: Param, lang: Lang) -> str:
    if isinstance(value, Money):
        return money(value, lang)
    if isinstance(value, Hours):
        return number(value.value, lang) + _NBSP + "h"
    if isinstance(value, Names):
        items = tuple(gettext_(lang, item) for item in value.items) if value.words else value.items
        return names(items, lang, value.alternatives)
    if isinstance(value, KeyChanges):
        return names(tuple(_key_change(item, value.words, lang) for item in value.items), lang)
    if isinstance(value, Text):
        return render(value.message, lang)
    if isinstance(value, Decimal):
        return number(value, lang)
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else str(value)


_ELIDED = re.compile(r"\b(de|que|le|la|jusque) \{(\w+)\}")
_VOWELS = frozenset("aeiouyhàâäéèêëîïôöùûüœæAEIOUYHÀÂÄÉÈÊËÎÏÔÖÙÛÜŒÆ")


def _elide(template: str, values: dict[str, str]) -> str:
    """French elides before a vowel: « les informations d'amina », « jusqu'à » — where the
    word that follows is a value, known only now."""

    def elided(found: re.Match[str]) -> str:
        word, name = found.group(1), found.group(2)
        value = values.get(name, "")
        if value[:1] not in _VOWELS:
            return found.group(0)
        return f"{word[:-1]}'{{{name}}}"

    return _ELIDED.sub(elided, template)


def render(message: Message, lang: Lang) -> str:
    """The message in `lang`, its parameters formatted with that language's conventions."""
    template = gettext_(lang, message.msgid)
    values = {key: _param(value, lang) for key, value in message.params}
    if lang == "fr":
        template = _elide(template, values)
    for text in (template, message.msgid):
        try:
            return text.format(**values)
        except (KeyError, IndexError, ValueError):
            continue
    return message.msgid


def plural(lang: Lang, count: int, one: str, many: str) -> str:
    """`one` or `many` (English ids with `{count}`) in `lang`, as its catalog's plural forms
    choose for `count` (English, which has no catalog: `one` for 1 only)."""
    text = _catalog(lang).ngettext(one, many, count)
    return _typography(text, lang).format(count=count)
