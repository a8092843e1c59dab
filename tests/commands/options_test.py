"""The options record that `check` and `diff` share, and the typer declarations handed out."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import pytest

from collectif.commands import options, parameters
from collectif.commands.options import CheckOptions


def test_the_record_is_frozen_with_the_defaults_of_the_command_line() -> None:
    record = CheckOptions()
    assert (record.repo, record.only, record.output, record.no_cache) == (None, (), "text", False)
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.output = "json"  # type: ignore[misc]


def test_the_typer_declarations_are_handed_out_by_name() -> None:
    for name in parameters.__all__:
        assert getattr(options, name) is getattr(parameters, name)
    with pytest.raises(AttributeError):  # in parameters, but not one of its declarations
        options.typer  # noqa: B018


def test_importing_the_record_does_not_import_typer() -> None:
    code = "import sys, collectif.commands.options; print('typer' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
