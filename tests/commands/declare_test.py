"""Commands declared once: their implementations take what they declare, imported only when they
run; the shared options reach them as one record."""

from __future__ import annotations

import importlib
import inspect
import subprocess
import sys
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import pytest
import typer
import typer.main

from collectif.commands.app import app
from collectif.commands.declare import DECLARED, command
from collectif.commands.options import CheckOptions, WriteOptions


def _callbacks(group: typer.Typer) -> list[Any]:
    found = [info.callback for info in group.registered_commands]
    for sub in group.registered_groups:
        assert sub.typer_instance is not None
        found += _callbacks(sub.typer_instance)
    return found


def test_every_implementation_takes_what_its_command_declares() -> None:
    callbacks = _callbacks(app)
    declared = [DECLARED[callback] for callback in callbacks if callback in DECLARED]
    assert len(declared) == len(callbacks) - 1  # all but `check`, also read without typer
    for implementation, names in declared:
        module, _, name = implementation.partition(":")
        function = getattr(importlib.import_module(module), name)
        inspect.signature(function).bind(**dict.fromkeys(names))  # TypeError if they disagree


@pytest.fixture
def received() -> Iterator[list[dict[str, Any]]]:
    """What a test implementation, `_declared_for_test:run`, was called with."""
    calls: list[dict[str, Any]] = []
    module = types.ModuleType("_declared_for_test")
    module.run = lambda **values: calls.append(values) or 0  # type: ignore[attr-defined]
    sys.modules[module.__name__] = module
    yield calls
    del sys.modules[module.__name__]


def test_the_shared_options_reach_the_implementation_as_one_record(
    received: list[dict[str, Any]],
) -> None:
    here = typer.Typer()

    @command(here, "write", "_declared_for_test:run", WriteOptions)
    def write_command(
        name: Annotated[str, typer.Argument()],
        day: Annotated[str | None, typer.Option("--date")] = None,
    ) -> None:
        """Write."""

    @command(here, "read", "_declared_for_test:run", CheckOptions)
    def read_command() -> None:
        """Read."""

    group = typer.main.get_command(here)
    assert group.main(["write", "x", "--as", "ana", "--repo", "."], standalone_mode=False) == 0
    options = WriteOptions(as_member="ana", repo=Path("."))
    assert received[-1] == {"name": "x", "day": None, "options": options}
    group.main(["read", "--only", "a", "--only", "b,c"], standalone_mode=False)
    assert received[-1] == {"options": CheckOptions(only=("a", "b,c"))}
    group.main(["read"], standalone_mode=False)
    assert received[-1] == {"options": CheckOptions()}


def test_declaring_the_commands_imports_none_of_them() -> None:
    code = (
        "import sys, collectif.commands.app; "
        "print(sorted(m for m in sys.modules if m.startswith(('collectif.engine', "
        "'collectif.store', 'collectif.checks', 'collectif.commands.project.'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
