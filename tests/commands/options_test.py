"""The options record that `check` and `diff` share."""

from __future__ import annotations

import dataclasses

import pytest

from collectif.commands.options import CheckOptions


def test_the_record_is_frozen_with_the_defaults_of_the_command_line() -> None:
    record = CheckOptions()
    assert (record.repo, record.only, record.output, record.no_cache) == (None, (), "text", False)
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.output = "json"  # type: ignore[misc]
