"""The one error type a person reads, and the exit codes."""

from __future__ import annotations

from collectif.model.message import Message, Param, msg

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class CollectifError(Exception):
    """A problem the user can fix: printed cleanly in their language, never as a traceback."""

    def __init__(self, msgid: str, exit_code: int = EXIT_USAGE, **params: Param) -> None:
        super().__init__(msgid)
        self.message: Message = msg(msgid, **params)
        self.exit_code = exit_code
