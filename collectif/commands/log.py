"""`collectif log` (not available yet)."""

from __future__ import annotations

from typing import Any

from collectif.errors import CollectifError


def log(*args: Any) -> int:
    raise CollectifError("This command is not available yet.")
