"""What a check finds: one record shape for every check."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import Any, NamedTuple

from collectif.model.message import Message

Path = tuple[str | int, ...]


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class Status(StrEnum):
    NEW = "new"
    EXISTING = "existing"
    FIXED = "fixed"


class Problem(NamedTuple):
    """What went wrong while reading a file, before any check runs; the `schema` check reports
    each as a finding."""

    file: str
    subject: str
    message: Message
    line: int = 1
    column: int = 1


class Finding(NamedTuple):
    """One problem, about one subject, at the place in a file a member would edit, as a check
    finds it.

    `path` is where in the YAML document the problem sits (keys and list indexes); the store
    turns it into a line and a column, and the finding into a `Placed` one, for the files that
    have findings (a problem of reading comes with its `line` and `column` already). A check
    leaves `severity` empty to take its own (or the collective's override), or says `WARNING`
    for a lesser kind of finding; the runner fills it in. `key` names the problem for a check
    whose message carries figures that change with the collective (see
    `collectif.model.identity`).
    """

    check: str
    subject: str
    file: str
    message: Message
    path: Path = ()
    period: str | None = None
    details: dict[str, Any] | None = None
    severity: Severity | None = None
    line: int | None = None
    column: int | None = None
    status: Status | None = None
    on_key: bool = False
    key: str | None = None
    # How far from compliance (missing holders, hours short...), larger is worse: a write that
    # leaves an existing error with a larger measure makes it worse, and is refused.
    measure: Decimal | None = None

    def sort_key(self) -> tuple[str, int, str, str, str]:
        return (self.file, self.line or 0, self.check, self.subject, self.message.msgid)


class Placed(NamedTuple):
    """A finding as every report reads it: rated, at its 1-based line and column, its `file`
    from the repository's root; `status` says how it changed when two states were compared."""

    check: str
    subject: str
    file: str
    message: Message
    severity: Severity
    line: int
    column: int
    period: str | None = None
    details: dict[str, Any] | None = None
    status: Status | None = None
    key: str | None = None

    def sort_key(self) -> tuple[str, int, str, str, str]:
        return (self.file, self.line, self.check, self.subject, self.message.msgid)
