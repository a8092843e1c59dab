"""Whatever ends a command badly, said so that a person can act on it, with a fixed exit code.

A `CollectifError` is the user's to fix: its message in their language and its exit code. A
command line that typer cannot read is a usage error (2). Ctrl-C exits 130 quietly, as shells
expect; the end of input (Ctrl-D at a prompt) says it was an interruption. A closed pipe
(`collectif check | head -1`) exits 1 and says nothing. Anything else is a bug: one paragraph
that says so and where to report it, exit 3, never a traceback (unless COLLECTIF_DEBUG is set).
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO, Any, NoReturn, cast

from collectif.errors import EXIT_USAGE, CollectifError
from collectif.i18n import Lang, render
from collectif.model.message import Message, Text, msg

EXIT_CLOSED_PIPE = 1  # as click exits when its output is closed
EXIT_BUG = 3
EXIT_INTERRUPTED = 130  # 128 + SIGINT, what a shell reports for Ctrl-C


@contextmanager
def error_handler(language: Callable[[], Lang]) -> Iterator[None]:
    """Run the body; turn an exception that escapes it into a message on stderr and an exit
    (SystemExit). `language` is asked, only then, which language to say it in."""
    try:
        yield
    except CollectifError as error:
        _fail(error.message, language, error.exit_code)
    except KeyboardInterrupt:
        raise SystemExit(EXIT_INTERRUPTED) from None
    except EOFError:
        sys.stderr.write("\n")  # the prompt's line was left unfinished
        _fail(msg("Interrupted."), language, EXIT_INTERRUPTED)
    except Exception as error:
        _expected(error, language)
        if os.environ.get("COLLECTIF_DEBUG"):
            raise
        _fail(_unexpected(error), language, EXIT_BUG)


def _unexpected(error: BaseException) -> Message:
    """What a bug says: what went wrong, and where to report it."""
    return msg(
        "Unexpected error: {error}. This is a bug in collectif: please report it with the command "
        "you ran (set COLLECTIF_DEBUG=1 to see the details).",
        error=f"{type(error).__name__}: {error}",
    )


def _expected(error: Exception, language: Callable[[], Lang]) -> None:
    """Exit for a closed pipe or what typer raises when it cannot read a command line; return
    for anything else."""
    if isinstance(error, OSError) and error.errno == errno.EPIPE:
        sys.stdout = cast(Any, _Pacified(sys.stdout))
        sys.stderr = cast(Any, _Pacified(sys.stderr))
        raise SystemExit(EXIT_CLOSED_PIPE)
    # Only typer raises its exceptions, so they are looked for only once it is imported (a plain
    # `check`, the pre-commit hook's command, never pays for importing it).
    if "typer" not in sys.modules:
        return
    from typer.exceptions import Abort, TyperException

    if isinstance(error, Abort):
        _fail(msg("Interrupted."), language, EXIT_INTERRUPTED)
    if type(error).__name__ == "NoArgsIsHelpError":  # the help was printed: nothing wrong
        raise SystemExit(0)
    if isinstance(error, TyperException):
        from collectif.usage import problem as known

        said = known(error)
        problem: Text | str = Text(said) if said is not None else error.format_message()
        usage = msg("Usage error: {problem}\nSee `collectif --help`.", problem=problem)
        _fail(usage, language, EXIT_USAGE)


def _fail(message: Message, language: Callable[[], Lang], code: int) -> NoReturn:
    sys.stderr.write(render(message, _language(language)).rstrip() + "\n")
    raise SystemExit(code)


def _language(language: Callable[[], Lang]) -> Lang:
    """The language to speak in; English when finding it out fails too."""
    try:
        return language()
    except Exception:
        return "en"


class _Pacified:
    """A stream whose flush ignores a closed pipe, so that exiting after one says nothing."""

    def __init__(self, wrapped: IO[Any]) -> None:
        self.wrapped = wrapped

    def flush(self) -> None:
        try:
            self.wrapped.flush()
        except OSError as error:
            if error.errno != errno.EPIPE:
                raise

    def __getattr__(self, name: str) -> Any:
        return getattr(self.wrapped, name)
