"""Maintain the catalogs: extract every message from the code, merge, compile (`make i18n`).

Messages are English ids found in calls to `msg`, `N_`, `CollectifError`, `gettext_` and
`Explanation`; a call to `plural` gives a pair (singular, plural), translated as one entry with
`msgid_plural` and a `msgstr[n]` per plural form. French translations live in `po/fr/*.po`, one
file per area so that work on different areas does not collide; one of them declares the
language's `Plural-Forms` in its header. They are compiled together into the gettext `.mo` that
the program reads. This module is a developer tool: the program itself never imports it.
"""

from __future__ import annotations

import ast
import io
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog, Message

PACKAGE = Path(__file__).resolve().parent.parent
PO_DIR = Path(__file__).resolve().parent / "po"
MO_PATH = "locale/{lang}/LC_MESSAGES/collectif.mo"

# A message id: one text, or a pair (singular, plural) for `plural`; and its translation: one
# text, or one per plural form of the language.
MsgId = str | tuple[str, str]
Translation = str | tuple[str, ...]

# function name -> indexes of positional arguments that are message ids ("*": all strings)
_KEYWORDS: dict[str, tuple[int, ...] | str] = {
    "msg": (0,),
    "N_": (0,),
    "CollectifError": (0,),
    "gettext_": (1,),
    "Explanation": "*",
    "Group": (2,),
}


def _name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _strings(call: ast.Call) -> Iterator[ast.Constant]:
    spec = _KEYWORDS.get(_name(call.func))
    if spec is None:
        return
    args: list[ast.expr] = list(call.args)
    if spec == "*":
        args += [keyword.value for keyword in call.keywords]
        chosen = args
    else:
        chosen = [args[i] for i in spec if isinstance(i, int) and i < len(args)]
    for arg in chosen:
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            yield arg


def _plural(call: ast.Call) -> tuple[tuple[str, str], int] | None:
    """The (singular, plural) pair of `plural(lang, count, one, many)`, and its line."""
    if _name(call.func) != "plural":
        return None
    texts = [a.value for a in call.args[2:4] if isinstance(a, ast.Constant)]
    if len(texts) != 2 or not all(isinstance(text, str) for text in texts):
        return None
    return (str(texts[0]), str(texts[1])), call.args[2].lineno


def _help_texts(node: ast.AST) -> Iterator[tuple[str, int]]:
    """`help="..."` and `metavar="..."` of any call, and the docstring of a function registered
    as a command."""
    if isinstance(node, ast.Call):
        for keyword in node.keywords:
            value = keyword.value
            if keyword.arg in ("help", "metavar") and isinstance(value, ast.Constant):
                yield str(value.value), value.lineno
    if isinstance(node, ast.FunctionDef) and any(
        isinstance(d, ast.Call) and _name(d.func) == "command" for d in node.decorator_list
    ):
        text = ast.get_docstring(node, clean=True)
        if text:
            yield text, node.lineno


def _messages(node: ast.AST) -> Iterator[tuple[MsgId, int]]:
    if isinstance(node, ast.Call):
        pair = _plural(node)
        if pair is not None:
            yield pair
        yield from ((str(c.value), c.lineno) for c in _strings(node))
    yield from _help_texts(node)


def extract(package: Path = PACKAGE) -> dict[MsgId, list[str]]:
    """Every message id in the package, with where it is written."""
    found: dict[MsgId, list[str]] = {}
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = str(path.relative_to(package.parent))
        for node in ast.walk(tree):
            for msgid, line in _messages(node):
                found.setdefault(msgid, []).append(f"{where}:{line}")
    return found


def _read(lang: str) -> Iterator[Catalog]:
    from babel.messages.pofile import read_po

    for path in sorted((PO_DIR / lang).glob("*.po")):
        with path.open("rb") as handle:
            yield read_po(handle)


def translations(lang: str) -> dict[MsgId, Translation]:
    """Every translation of `lang`, from all its .po files (a plural entry when all its forms
    are translated)."""
    merged: dict[MsgId, Translation] = {}
    for catalog in _read(lang):
        for message in catalog:
            entry = _translated(message)
            if entry is not None:
                merged[entry[0]] = entry[1]
    return merged


def _translated(message: Message) -> tuple[MsgId, Translation] | None:
    """A message of a .po file as its id and translation; None if it is not translated."""
    if not message.id:
        return None
    if isinstance(message.id, str):
        return (message.id, str(message.string)) if message.string else None
    one, many = (str(text) for text in message.id)
    forms = tuple(str(text or "") for text in message.string or ())
    return ((one, many), forms) if forms and all(forms) else None


def plural_forms(lang: str) -> str:
    """The `Plural-Forms` that one of the .po files of `lang` declares in its header."""
    declared = {dict(catalog.mime_headers).get("Plural-Forms") for catalog in _read(lang)}
    declared.discard(None)
    if len(declared) != 1:
        raise ValueError(f"po/{lang}: one Plural-Forms header expected, found {declared or 0}")
    return str(declared.pop())


def compile_mo(lang: str) -> bytes:
    """The .mo file of `lang` from its .po files, with their plural forms."""
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo

    catalog = Catalog(locale=lang, domain="collectif")
    catalog.mime_headers = [("Plural-Forms", plural_forms(lang))]
    for msgid, text in sorted(translations(lang).items(), key=lambda item: str(item[0])):
        catalog.add(msgid, text)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def missing(lang: str) -> dict[MsgId, list[str]]:
    """The message ids of the code that `lang` does not translate yet, with where they are."""
    have = translations(lang)
    return {msgid: where for msgid, where in extract().items() if msgid not in have}


def _po_entry(msgid: MsgId, where: list[str]) -> str:
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    catalog = Catalog(locale="fr", domain="collectif")
    catalog.add(
        msgid,
        ("", "") if isinstance(msgid, tuple) else "",
        locations=[(w.rsplit(":", 1)[0], int(w.rsplit(":", 1)[1])) for w in where],
    )
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, omit_header=True)
    return buffer.getvalue().decode("utf-8")


def main(argv: list[str]) -> int:
    """`make i18n`: compile the .mo files; `missing [lang]`: print what is left to translate."""
    if argv[:1] == ["missing"]:
        lang = argv[1] if len(argv) > 1 else "fr"
        for msgid, where in missing(lang).items():
            sys.stdout.write(_po_entry(msgid, where) + "\n")
        return 0
    for lang in ("fr",):
        target = Path(__file__).resolve().parent / MO_PATH.format(lang=lang)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(compile_mo(lang))
        left = missing(lang)
        if left:
            sys.stdout.write(
                f"{len(left)} message(s) not yet translated into {lang}: "
                f"`python -m collectif.i18n.catalog missing {lang}` lists them.\n"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
