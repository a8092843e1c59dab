"""The one error type a person reads, and the exit codes."""

from __future__ import annotations

from typing import TypeVar

from collectif.model.message import Message, Param, msg

T = TypeVar("T")

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class CollectifError(Exception):
    """A problem the user can fix: printed cleanly in their language, never as a traceback."""

    def __init__(self, msgid: str, exit_code: int = EXIT_USAGE, **params: Param) -> None:
        super().__init__(msgid)
        self.message: Message = msg(msgid, **params)
        self.exit_code = exit_code


def needed(value: T | None, msgid: str) -> T:
    """`value`, which a command cannot do without: when it is missing, the error `msgid` (a
    text marked with `N_`) that says how to provide it."""
    if value is None:
        raise CollectifError(msgid)
    return value
