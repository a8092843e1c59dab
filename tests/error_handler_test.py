"""Whatever ends a command badly: its message in the user's language, its exit code, no
traceback; and the real command when something unexpected happens."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

import pytest
import typer

from collectif.error_handler import error_handler
from collectif.errors import CollectifError
from collectif.i18n import Lang
from tests.helpers import COLLECTIF, collective, member

NBSP = "\u00a0"


def ended(
    body: Callable[[], object],
    capsys: pytest.CaptureFixture[str],
    lang: Lang = "en",
) -> tuple[int | str | None, str]:
    """The exit code and what was written on stderr when `body` runs in the handler."""
    with pytest.raises(SystemExit) as exited, error_handler(lambda: lang):
        body()
    captured = capsys.readouterr()
    assert captured.out == ""
    return exited.value.code, captured.err


def raising(error: BaseException) -> Callable[[], NoReturn]:
    def body() -> NoReturn:
        raise error

    return body


def test_nothing_wrong_is_left_alone() -> None:
    def never_asked() -> Lang:
        raise AssertionError("the language is only needed for a message")

    with error_handler(never_asked):
        done = 1 + 1
    assert done == 2


def test_a_collectif_error_is_its_message_and_its_exit_code(
    capsys: pytest.CaptureFixture[str],
) -> None:
    error = CollectifError("--staged and --rev cannot be used together: choose one.")
    assert ended(raising(error), capsys) == (
        2,
        "--staged and --rev cannot be used together: choose one.\n",
    )
    assert ended(raising(error), capsys, "fr") == (
        2,
        f"--staged et --rev ne vont pas ensemble{NBSP}: choisissez l'une des deux options.\n",
    )
    other = CollectifError(
        "There is no check named `{name}`{hint}.", exit_code=1, name="x", hint=""
    )
    assert ended(raising(other), capsys) == (1, "There is no check named `x`.\n")


def test_a_command_line_typer_cannot_read_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from collectif.commands.app import app

    def bogus() -> object:
        return app(["check", "--bogus"], standalone_mode=False)

    assert ended(bogus, capsys) == (
        2,
        "Usage error: there is no option --bogus\nSee `collectif --help`.\n",
    )
    assert ended(bogus, capsys, "fr") == (
        2,
        f"Erreur d'utilisation{NBSP}: il n'y a pas d'option --bogus\nVoir `collectif --help`.\n",
    )


def test_a_group_named_alone_prints_its_help_and_exits_0(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from collectif.commands.app import app

    with pytest.raises(SystemExit) as exited, error_handler(lambda: "en"):
        app(["member"], standalone_mode=False)
    assert exited.value.code == 0
    captured = capsys.readouterr()
    assert "member" in captured.out and captured.err == ""


def test_ctrl_c_exits_130_quietly(capsys: pytest.CaptureFixture[str]) -> None:
    assert ended(raising(KeyboardInterrupt()), capsys) == (130, "")
    assert ended(raising(KeyboardInterrupt()), capsys, "fr") == (130, "")


def test_an_abort_or_the_end_of_input_is_an_interruption(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert ended(raising(typer.Abort()), capsys) == (130, "Interrupted.\n")
    assert ended(raising(typer.Abort()), capsys, "fr") == (130, "Interrompu.\n")
    assert ended(raising(EOFError()), capsys) == (130, "\nInterrupted.\n")
    assert ended(raising(EOFError()), capsys, "fr") == (130, "\nInterrompu.\n")


class _ClosedPipe:
    """A stream whose reader has gone away."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")

    def flush(self) -> None:
        raise BrokenPipeError(32, "Broken pipe")


def test_a_closed_pipe_exits_1_and_says_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", _ClosedPipe())
    monkeypatch.setattr(sys, "stderr", _ClosedPipe())
    with pytest.raises(SystemExit) as exited, error_handler(lambda: "en"):
        sys.stdout.write("findings")
    assert exited.value.code == 1
    sys.stdout.flush()  # as Python does on exit: the closed pipe is not reported
    sys.stderr.flush()


def test_anything_else_is_a_bug_to_report_never_a_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COLLECTIF_DEBUG", raising=False)

    def divide() -> float:
        return 1 / 0

    assert ended(divide, capsys) == (
        3,
        "Unexpected error: ZeroDivisionError: division by zero. This is a bug in collectif: "
        "please report it with the command you ran (set COLLECTIF_DEBUG=1 to see the details).\n",
    )
    assert ended(divide, capsys, "fr") == (
        3,
        f"Erreur inattendue{NBSP}: ZeroDivisionError: division by zero. C'est un bogue de "
        f"collectif{NBSP}: merci de le signaler avec la commande lancée (COLLECTIF_DEBUG=1 affiche "
        "les détails).\n",
    )
    not_a_pipe = OSError(28, "No space left on device")
    assert ended(raising(not_a_pipe), capsys)[0] == 3


def test_collectif_debug_shows_the_bug_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLLECTIF_DEBUG", "1")
    with pytest.raises(ZeroDivisionError), error_handler(lambda: "en"):
        _ = 1 / 0


def test_a_language_that_cannot_be_found_out_is_english(
    capsys: pytest.CaptureFixture[str],
) -> None:
    def broken() -> Lang:
        raise ValueError("unreadable collectif.yaml")

    error = CollectifError("--staged and --rev cannot be used together: choose one.")
    with pytest.raises(SystemExit), error_handler(broken):
        raise error
    assert capsys.readouterr().err.startswith("--staged and --rev cannot be used together")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_the_real_command_on_a_full_disk_exits_3_in_the_collective_language(
    tmp_path: Path,
) -> None:
    config = "name: Atelier\nlanguage: fr\ncurrency: EUR\ncharter:\n  version: '2026-01'\n"
    root = collective(tmp_path, {"members/ana.yaml": member("Ana")}, config=config)
    environment = {k: v for k, v in os.environ.items() if not k.startswith("COLLECTIF_")}
    with open("/dev/full", "w") as full:  # writing the report fails: no space left on device
        done = subprocess.run(
            [COLLECTIF, "check", "--repo", str(root), "--as-of", "2026-11-01"],
            stdout=full,
            env=environment,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert done.returncode == 3
    assert done.stderr == (
        f"Erreur inattendue{NBSP}: OSError: [Errno 28] No space left on device. C'est un bogue de "
        f"collectif{NBSP}: merci de le signaler avec la commande lancée (COLLECTIF_DEBUG=1 affiche "
        "les détails).\n"
    )
