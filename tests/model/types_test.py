"""The field types: ids and months end at the end of the text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import TypeAdapter, ValidationError

from collectif.i18n import render
from collectif.model.files import Holding
from collectif.model.message import Message
from collectif.model.types import ID_PATTERN, MONTH_PATTERN, Id
from collectif.store import load
from tests.helpers import collective, findings, member

AS_OF = "2026-11-26"

# Ids and months -----------------------------------------------------------------------------


def test_a_trailing_newline_is_not_part_of_an_id_or_a_month() -> None:
    assert re.match(ID_PATTERN, "evil") and not re.match(ID_PATTERN, "evil\n")
    assert re.match(MONTH_PATTERN, "2026-03") and not re.match(MONTH_PATTERN, "2026-03\n")
    # pydantic's own regex engine (Rust) reads the schema pattern's `$` as the end of the text
    with pytest.raises(ValidationError):
        TypeAdapter(Id).validate_python("evil\n")
    with pytest.raises(ValidationError):
        Holding.model_validate({"member": "evil\n", "since": "2026-01-01"})
    assert isinstance(load.classify("members/evil\n.yaml"), Message)
    assert isinstance(load.classify("contributions/evil\n/2026-03.yaml"), Message)
    assert isinstance(load.classify("contributions/ana/2026-03\n.yaml"), Message)
    assert load.classify("members/evil.yaml") == load.FileId(load.Kind.MEMBER, "evil")


def test_a_file_named_with_a_newline_is_not_a_member(tmp_path: Path) -> None:
    root = collective(tmp_path, {"members/evil\n.yaml": member("Evil")})
    [finding] = findings(root, AS_OF, only="schema")
    assert "is not a valid id" in render(finding.message, "en")
