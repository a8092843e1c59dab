"""Words of the file formats as a person reads them in a sentence: `meeting` is « réunion » in
a French message, while the files keep the English keyword."""

from __future__ import annotations

from collectif.model.message import N_, Text, msg

KIND_WORDS: dict[str, str] = {
    "project": N_("project"),
    "support": N_("support"),
    "meeting": N_("meeting"),
    "prospecting": N_("prospecting"),
    "training": N_("training"),
    "coaching": N_("coaching"),
    "facilitation": N_("facilitation"),
    "reflection": N_("reflection"),
}


def kind_word(kind: str) -> Text:
    """The kind of a time entry, in the reader's language (the keyword itself if unknown)."""
    return Text(msg(KIND_WORDS.get(kind, kind)))
