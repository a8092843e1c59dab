"""`collectif schema`: the committed schemas are current, and they agree with the file models."""

from __future__ import annotations

import textwrap
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from collectif.commands import schema
from collectif.store import load, yaml_fast
from tests.helpers import collective, loaded, run, write

REPOSITORY = Path(__file__).resolve().parents[2]
COMMITTED = REPOSITORY / "schemas"
EXAMPLE = REPOSITORY / "data" / "example"
BY_NAME = {item.name: item for item in schema.SCHEMAS}
KIND_SCHEMA = {
    load.Kind.CONFIG: "collectif.schema.json",
    load.Kind.MEMBER: "member.schema.json",
    load.Kind.ROLE: "role.schema.json",
    load.Kind.PROJECT: "project.schema.json",
    load.Kind.CONTRIBUTION: "contribution.schema.json",
}


def test_committed_schemas_are_up_to_date(tmp_path: Path) -> None:
    done = run("schema", "--out", str(tmp_path / "fresh"))
    assert done.returncode == 0, done.stderr
    fresh = {path.name: path.read_text() for path in (tmp_path / "fresh").iterdir()}
    committed = {path.name: path.read_text() for path in COMMITTED.glob("*.json")}
    stale = sorted(
        name for name in fresh.keys() | committed.keys() if fresh.get(name) != committed.get(name)
    )
    assert not stale, f"schemas/ is out of date ({', '.join(stale)}): run `make schemas`"


def test_schemas_are_stable_and_say_what_they_describe() -> None:
    for item in schema.SCHEMAS:
        text = schema.render(item)
        assert text == schema.render(item)
        assert text.endswith("}\n") and "\n  " in text
        document = schema.document(item)
        assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert document["title"] and document["description"]


def _properties(document: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """Every key the schema describes: (record.key, its schema)."""
    nodes = [("", document), *document.get("$defs", {}).items()]
    return [
        (f"{record}.{key}", value)
        for record, node in nodes
        for key, value in node.get("properties", {}).items()
    ]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_key_says_what_it_is_in_the_collectives_language(language: str) -> None:
    """What an editor shows on hovering a key: a sentence in the collective's language, never
    a title made from the key's English name."""
    for item in schema.SCHEMAS:
        english = dict(_properties(schema.document(item, "en")))
        for key, value in _properties(schema.document(item, language)):
            assert value.get("description"), f"{item.name}: {key} says nothing"
            assert "title" not in value, f"{item.name}: {key}"
            if language == "fr":
                assert value["description"] != english[key]["description"], key


def test_a_french_collective_gets_french_schemas(tmp_path: Path) -> None:
    root = tmp_path / "atelier"
    assert run("init", str(root), "--lang", "fr").returncode == 0
    written = (root / ".collectif" / "schemas" / "member.schema.json").read_text()
    assert "Le jour où il ou elle a rejoint le collectif" in written
    assert "The day they joined" not in written
    again = run("schema", cwd=root)  # refreshing keeps the collective's language
    assert again.returncode == 0 and "est à jour" in again.stdout, again.stdout


def test_a_second_run_leaves_the_files_alone(tmp_path: Path) -> None:
    first = run("schema", "--out", "out", cwd=tmp_path)
    stamp = (tmp_path / "out" / "member.schema.json").stat().st_mtime_ns
    second = run("schema", "--out", "out", cwd=tmp_path)
    assert first.returncode == second.returncode == 0
    assert "Wrote out/member.schema.json" in first.stdout
    assert "out/member.schema.json is up to date" in second.stdout
    assert (tmp_path / "out" / "member.schema.json").stat().st_mtime_ns == stamp


def test_without_out_a_collective_refreshes_its_own_copy(tmp_path: Path) -> None:
    root = collective(tmp_path / "atelier", {"members/.gitkeep": ""})
    done = run("schema", cwd=root / "members")
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (root / ".collectif" / "schemas").iterdir()) == sorted(BY_NAME)
    assert not (root / "members" / "schemas").exists()


def test_without_out_elsewhere_it_writes_schemas_here(tmp_path: Path) -> None:
    done = run("schema", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (tmp_path / "schemas").iterdir()) == sorted(BY_NAME)


def test_out_must_be_a_folder(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("")
    done = run("schema", "--out", str(tmp_path / "taken"))
    assert done.returncode == 2
    assert "is a file, not a folder" in done.stderr


def test_a_folder_that_cannot_be_made_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("")
    done = run("schema", "--out", str(tmp_path / "taken" / "schemas"))
    assert done.returncode == 2, done.stderr
    assert "the schemas could not be written there" in done.stderr
    assert "Traceback" not in done.stderr and "bug" not in done.stderr


# The schemas against the models -------------------------------------------------------------

jsonschema = pytest.importorskip("jsonschema")


def as_json(value: Any) -> Any:
    """What an editor sees in a YAML file: dates are text, unquoted decimals are numbers."""
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def schema_errors(name: str, text: str) -> list[str]:
    validator = jsonschema.Draft202012Validator(
        schema.document(BY_NAME[name]),
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )
    data = as_json(yaml_fast.load(text.encode()))
    return [error.message for error in validator.iter_errors(data)]


def model_accepts(name: str, text: str) -> bool:
    try:
        TypeAdapter(BY_NAME[name].model).validate_python(yaml_fast.load(text.encode()))
    except ValidationError:
        return False
    return True


VALID = {
    "collectif.schema.json": """\
        name: Atelier Commun
        cae: Coopérative Exemple
        language: fr
        currency: EUR
        charter:
          version: "2026-01"
          minimum: {period: month, hours: 4, counts: [support, meeting, prospecting]}
          prospecting: {period: quarter, actions: 1}
          roles: {min_holders: 2, max_tenure_months: 24}
          truck_factor_min: 3
          cotraitance:
            deductions:
              - {name: fonds collectif, rate: "0.05"}
            tolerance: "0.01"
          overload: {volunteer_hours_per_month: 30, max_share: "0.4"}
          clients: {ess_share_min: "0.3", ess_share_max: 0.8, window_months: 12}
          contracts: {max_share_top_member: "0.5", window_months: 12}
        checks:
          client-balance: warning
        """,
    "member.schema.json": """\
        name: Camille Martin
        email: camille@example.org
        joined: 2015-01-10
        left: null
        charter_signed: "2026-01"
        skills: [graphisme, formation]
        pauses:
          - {from: 2026-03-01, to: 2026-05-31, reason: congé parental}
        """,
    "role.schema.json": """\
        title: Trésorerie
        kind: support
        min_holders: 2
        skills: [comptabilite]
        holders:
          - {member: camille, since: 2025-01-01, until: null}
          - {member: leo, since: 2026-04-01}
        trainees:
          - {member: sam, since: 2026-09-01}
        active: true
        """,
    "project.schema.json": """\
        title: Site de la Maison des Associations
        client: Maison des Associations
        client_kind: ess
        brought_by: [camille]
        lead: camille
        status: active
        start: 2026-02-01
        end: 2026-06-30
        signed: 2026-01-20
        team:
          - {member: camille, role: cheffe de projet}
          - {member: leo, role: développement}
        lines:
          - {member: camille, what: direction artistique, days: 8, rate: 450}
          - {member: leo, what: intégration, amount: 5400.50}
          - {member: leo, what: recette, days: "1.5", rate: "450.00"}
        payouts:
          - {member: camille, amount: 3420}
          - {member: leo, amount: "5130.10"}
        """,
    "contribution.schema.json": """\
        - date: 2026-03-04
          hours: 2.5
          kind: support
          ref: tresorerie
          note: rapprochement bancaire de février
        - {date: 2026-03-10, hours: "1", kind: meeting}
        - {date: 2026-03-11, hours: 3, kind: project, ref: site-mda}
        """,
}


@pytest.mark.parametrize("name", sorted(VALID))
def test_a_valid_file_matches_its_schema(name: str) -> None:
    text = textwrap.dedent(VALID[name])
    assert model_accepts(name, text)
    assert schema_errors(name, text) == []


INVALID = [
    ("collectif.schema.json", "name: A\nlanguage: de\n"),
    ("collectif.schema.json", "name: A\ncharter: {overload: {max_share: 1.5}}\n"),
    ("collectif.schema.json", 'name: A\ncharter: {clients: {ess_share_min: "30%"}}\n'),
    ("collectif.schema.json", "name: A\ncharter: {truck_factor_min: -1}\n"),
    ("collectif.schema.json", "name: A\nchecks: {client-balance: loud}\n"),
    ("collectif.schema.json", "name: A\ncurrency: euros\n"),
    ("member.schema.json", "name: C\nemail: c@example.org\n"),
    ("member.schema.json", 'name: C\nemail: c@example.org\njoined: "2026-13-01"\n'),
    ("member.schema.json", "name: C\nemail: c@example.org\njoined: 2026-01-01\nnickname: cam\n"),
    ("member.schema.json", "name: C\nemail: nobody\njoined: 2026-01-01\n"),
    ("role.schema.json", "title: T\nkind: chore\n"),
    (
        "role.schema.json",
        "title: T\nkind: support\nholders: [{member: Camille, since: 2026-01-01}]\n",
    ),
    (
        "project.schema.json",
        "title: P\nclient: C\nclient_kind: ess\nstatus: active\n"
        "lines: [{member: leo, amount: 10, days: 1, rate: 5}]\n",
    ),
    (
        "project.schema.json",
        "title: P\nclient: C\nclient_kind: ess\nstatus: active\nlines: [{member: leo, days: 1}]\n",
    ),
    (
        "project.schema.json",
        "title: P\nclient: C\nclient_kind: ess\nstatus: active\n"
        'payouts: [{member: leo, amount: "10.555"}]\n',
    ),
    (
        "project.schema.json",
        "title: P\nclient: C\nclient_kind: ess\nstatus: active\n"
        "payouts: [{member: leo, amount: -10}]\n",
    ),
    (
        "project.schema.json",
        "title: P\nclient: C\nclient_kind: ess\nstatus: active\n"
        "lines: [{member: leo, days: -1, rate: 5}]\n",
    ),
    ("contribution.schema.json", "- {date: 2026-03-04, hours: 2, kind: support}\n"),
    ("contribution.schema.json", "- {date: 2026-03-04, hours: 2, kind: project, ref: null}\n"),
    ("contribution.schema.json", "- {date: 2026-03-04, hours: -2, kind: meeting}\n"),
    ("contribution.schema.json", "- {date: 2026-03-04, hours: 0, kind: meeting}\n"),
    ("contribution.schema.json", "- {date: 2026-03-04, hours: 25, kind: meeting}\n"),
    ("contribution.schema.json", '- {date: 2026-03-04, hours: "2.555", kind: meeting}\n'),
    (
        "project.schema.json",
        "title: P\nclient: C\nclient_kind: ess\nstatus: active\n"
        "payouts: [{member: leo, amount: 1e12}]\n",
    ),
    ("member.schema.json", "name: C\nemail: c>d@example.org\njoined: 2026-01-01\n"),
    ("contribution.schema.json", "- {date: 2026-03-04, hours: 2, kind: nap}\n"),
    ("contribution.schema.json", "date: 2026-03-04\nhours: 2\nkind: meeting\n"),
]


@pytest.mark.parametrize(("name", "text"), INVALID)
def test_what_the_model_refuses_the_schema_refuses(name: str, text: str) -> None:
    assert not model_accepts(name, text)
    assert schema_errors(name, text)


def test_every_example_file_the_model_accepts_matches_its_schema() -> None:
    for path in sorted(EXAMPLE.rglob("*.yaml")):
        relative = path.relative_to(EXAMPLE).as_posix()
        file_id = load.classify(relative)
        if not isinstance(file_id, load.FileId):
            continue
        name = KIND_SCHEMA[file_id.kind]
        text = path.read_text(encoding="utf-8")
        if model_accepts(name, text):
            assert schema_errors(name, text) == [], relative


def test_an_unknown_check_name_is_refused_like_the_checks_do() -> None:
    errors = schema_errors("collectif.schema.json", "name: A\nchecks: {client-balanse: warning}\n")
    assert errors


def test_a_schema_hint_in_a_file_does_not_disturb_checking(tmp_path: Path) -> None:
    hint = "# yaml-language-server: $schema=../.collectif/schemas/member.schema.json\n"
    root = collective(tmp_path, {})
    write(
        root, "members/camille.yaml", hint + "name: C\nemail: c@example.org\njoined: 2020-01-01\n"
    )
    assert "camille" in loaded(root).members
