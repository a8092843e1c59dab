"""What makes a finding the same one in two states of the collective, whatever its line.

`diff`, `check --staged`, the writing commands and the CI fingerprints all match findings by
this identity: check, subject, file, period, and either the check's own `key` for the problem
(when its message carries figures that change as the collective does: who holds a role, how
many hours, which amounts) or else the message id and parameters. Never the line, which moves
whenever someone edits the lines above it.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import Any

from collectif.model.finding import Finding, Placed
from collectif.model.message import Hours, KeyChanges, Message, Money, Names, Param, Text


def _canonical(value: Param | Message) -> Any:
    """A JSON-able form of a message or parameter that does not depend on the language."""
    if isinstance(value, Message):
        return [value.msgid, [[key, _canonical(param)] for key, param in value.params]]
    if isinstance(value, Money):
        return ["money", str(value.amount), value.currency]
    if isinstance(value, Hours):
        return ["hours", str(value.value)]
    if isinstance(value, Names):
        return ["names", list(value.items), value.alternatives]
    if isinstance(value, KeyChanges):
        return ["changes", [list(item) for item in value.items], value.words]
    if isinstance(value, Text):
        return ["text", _canonical(value.message)]
    if isinstance(value, Decimal):
        return ["decimal", str(value)]
    if isinstance(value, date):
        return ["date", value.isoformat()]
    return value


def identity(finding: Finding | Placed) -> str:
    """The finding without its place in the file, as one canonical string."""
    what = ["key", finding.key] if finding.key is not None else _canonical(finding.message)
    parts = [finding.check, finding.subject, finding.file, finding.period, what]
    return json.dumps(parts, ensure_ascii=False, separators=(",", ":"))
