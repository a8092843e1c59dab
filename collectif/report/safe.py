"""Values from the files made harmless to print, whatever face shows them.

A title, a name or a note is data that anyone with write access to the repository chose. In a
terminal, an escape sequence in it can clear the screen or retitle the window; in a CI log, a
line break lets it start a line of its own, which GitHub Actions reads as a workflow command
(`::add-mask::`, `::error::`); bidirectional overrides make a text read other than it is. So
every control character of a value is shown as a visible escape (`\\x1b`, `\\n`), and the value
stays on the line it was printed on. Our own translated text is left alone: it may hold line
breaks on purpose.
"""

from __future__ import annotations

import json
import re

from collectif.i18n import Lang, gettext_, render
from collectif.model.message import N_, KeyChanges, Message, Money, Names, Param, Text

# C0 and C1 controls and DEL, the Unicode line and paragraph separators, and the bidirectional
# embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# Those that JSON leaves as they are (it escapes C0 controls inside strings itself).
_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def printable(text: str) -> str:
    """`text` with each control character written as a visible escape: one line, no effect."""
    return _UNSAFE.sub(_visible, text)


def _printable_param(value: Param) -> Param:
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, Names):
        return value._replace(items=tuple(printable(item) for item in value.items))
    if isinstance(value, KeyChanges):
        return KeyChanges(
            tuple(
                item._replace(old=printable(item.old), new=printable(item.new))
                for item in value.items
            )
        )
    if isinstance(value, Money):
        return Money(value.amount, printable(value.currency))
    if isinstance(value, Text):
        return Text(printable_message(value.message))
    return value


def printable_message(message: Message) -> Message:
    """The message with every value it quotes made printable (nested messages too)."""
    params = tuple((key, _printable_param(value)) for key, value in message.params)
    return Message(message.msgid, params)


def shown(message: Message, lang: Lang) -> str:
    """The message in `lang`, as a person reads it: our text as written, the data printable."""
    return render(printable_message(message), lang)


def json_text(document: object) -> str:
    """`document` as indented JSON whose strings read back unchanged, every control character
    in them written as a `\\u` escape: JSON escapes C0 controls itself, but not DEL, C1 (U+0085
    is a line break to some readers), U+2028, U+2029 or the bidirectional controls."""
    text = json.dumps(document, ensure_ascii=False, indent=2)
    return _UNSAFE_IN_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


_SUBJECTS = {
    "member": N_("member:{id}"),
    "role": N_("role:{id}"),
    "project": N_("project:{id}"),
    "meeting": N_("meeting:{id}"),
    "contact": N_("contact:{id}"),
}


def period_label(period: str, lang: Lang) -> str:
    """A finding's period as a reader says it: a quarter `2026-Q4` is « T4 2026 » in French
    (« Q4 2026 » in English); a month or a year stays as it is. The JSON keeps `2026-Q4`."""
    year, _, quarter = period.partition("-Q")
    if quarter and year.isdigit() and quarter.isdigit():
        return gettext_(lang, N_("Q{quarter} {year}")).format(quarter=quarter, year=year)
    return printable(period)


def subject_label(subject: str, lang: Lang) -> str:
    """A subject as a reader's heading: `member:camille` (« membre camille » in French); the
    JSON keeps the subject itself."""
    if subject == "collective":
        return gettext_(lang, N_("collective"))
    kind, _, ident = subject.partition(":")
    template = _SUBJECTS.get(kind)
    if template is None:
        return printable(subject)
    return printable(gettext_(lang, template).format(id=ident))
