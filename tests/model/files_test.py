"""The file records: plain frozen dataclasses, validated by pydantic only through `rules`."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import typing
from datetime import date
from decimal import Decimal

import pytest
from pydantic import ValidationError

from collectif.model import files, rules, types
from collectif.model.files import CollectiveFile, Line, Member, Pause, Project
from collectif.model.rules import validate

MEMBER = {"name": "Ana", "email": "ana@x.org", "joined": "2026-01-01"}


def test_the_records_and_their_types_do_not_import_pydantic() -> None:
    code = (
        "import sys, collectif.model.files, collectif.store.load, collectif.checks.runner\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'pydantic_core')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "[]", done.stderr


def test_every_field_type_names_rules_that_exist() -> None:
    marks = [
        mark
        for value in vars(types).values()
        if typing.get_origin(value) is typing.Annotated
        for mark in value.__metadata__
        if isinstance(mark, types.Rules)
    ]
    assert len(marks) == 18
    for mark in marks:
        assert rules.field_type(mark.name) is not None


def test_records_are_frozen_and_keyword_only() -> None:
    member = validate(Member, MEMBER)
    with pytest.raises(dataclasses.FrozenInstanceError):
        member.name = "Léo"  # type: ignore[misc]
    with pytest.raises(TypeError):
        Pause(date(2026, 1, 1))  # type: ignore[misc]
    assert Pause(start=date(2026, 1, 1)) == validate(Pause, {"from": "2026-01-01"})


def test_fields_say_their_keys_as_written_and_whether_they_are_required() -> None:
    assert files.fields(Pause) == (
        files.Key("start", "from", True),
        files.Key("to", "to", False),
        files.Key("reason", "reason", False),
    )
    assert [key.key for key in files.fields(Member)] == [
        "name",
        "email",
        "joined",
        "left",
        "charter_signed",
        "skills",
        "pauses",
        "signing_keys",
    ]
    assert files.field_types(Member)["pauses"] == list[Pause]


def test_written_is_what_the_file_wrote_even_a_null() -> None:
    member = validate(
        Member, {**MEMBER, "charter_signed": None, "pauses": [{"from": "2026-02-01"}]}
    )
    assert files.written(member) == {"name", "email", "joined", "charter_signed", "pauses"}
    assert files.written(member.pauses[0]) == {"start"}
    config = validate(CollectiveFile, {"name": "A", "charter": {"truck_factor_min": 3}})
    assert files.written(config) == {"name", "charter"}
    assert files.written(config.charter) == {"truck_factor_min"}
    assert files.written(config.charter.minimum) == frozenset()  # a default
    assert files.written(Member(name="A", email="a@x.org", joined=date(2026, 1, 1))) == set()


def test_as_data_gives_keys_as_written_all_the_way_down() -> None:
    member = validate(Member, {**MEMBER, "pauses": [{"from": "2026-02-01", "reason": "congé"}]})
    assert files.as_data(member)["pauses"] == [
        {"from": date(2026, 2, 1), "to": None, "reason": "congé"}
    ]


@pytest.mark.parametrize(
    ("line", "error"),
    [
        ({"member": "ana", "amount": 10, "days": 1, "rate": 5}, "line_both"),
        ({"member": "ana", "days": 1}, "line_value"),
        ({"member": "ana"}, "line_value"),
    ],
)
def test_a_line_has_an_amount_or_days_and_rate(line: dict[str, object], error: str) -> None:
    project = {"title": "P", "client": "C", "client_kind": "ess", "status": "active"}
    with pytest.raises(ValidationError) as raised:
        validate(Project, {**project, "lines": [line]})
    [details] = raised.value.errors()
    assert (details["type"], details["loc"]) == (error, ("lines", 0))
    valid = validate(Project, {**project, "lines": [{"member": "ana", "days": 2, "rate": "450"}]})
    assert valid.budget == Decimal(900) and valid.lines[0] == Line(
        member="ana", days=Decimal(2), rate=Decimal(450)
    )


def test_an_entry_of_a_project_or_a_support_needs_a_ref() -> None:
    with pytest.raises(ValidationError) as raised:
        validate(list[files.Entry], [{"date": "2026-01-02", "hours": 1, "kind": "support"}])
    assert [d["type"] for d in raised.value.errors()] == ["ref_required"]
    [entry] = validate(list[files.Entry], [{"date": "2026-01-02", "hours": 1, "kind": "meeting"}])
    assert entry.volunteer and entry.ref is None


def test_unknown_keys_and_the_name_of_a_field_under_an_alias_are_refused() -> None:
    with pytest.raises(ValidationError) as raised:
        validate(Member, {**MEMBER, "_written": ["name"], "pauses": [{"start": "2026-01-01"}]})
    found = {(d["type"], d["loc"]) for d in raised.value.errors()}
    assert found == {
        ("unexpected_keyword_argument", ("_written",)),
        ("missing", ("pauses", 0, "from")),
        ("unexpected_keyword_argument", ("pauses", 0, "start")),
    }
