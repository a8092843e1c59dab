"""`collectif schema`: JSON Schemas of the kinds of file, so that editors complete and check.

They are generated from the validators of the file records (`collectif.model.rules`), so they
say what `collectif check` accepts: dates as `YYYY-MM-DD` strings, amounts as numbers or quoted
numbers, ids with their pattern, no unknown key. Output is stable (sorted keys, two-space
indent) so that a change shows as a clean diff.
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue

from collectif import i18n
from collectif.commands.schema_words import HOVER, RECORD_OF_SCHEMA
from collectif.errors import EXIT_OK, CollectifError
from collectif.model.files import CollectiveFile, Entry
from collectif.model.layout import CONFIG_FILE, Kind
from collectif.model.message import N_, msg
from collectif.model.rules import adapter
from collectif.store import yaml_fast
from collectif.store.load import MODELS

DIALECT = "https://json-schema.org/draft/2020-12/schema"
COLLECTIVE_DIR = Path(".collectif") / "schemas"  # where a collective keeps its copy
PROJECT_DIR = Path("schemas")


class SchemaFile(NamedTuple):
    """One schema: its file name, what it describes, and the model it comes from."""

    name: str
    title: str
    description: str
    model: Any


SCHEMAS: tuple[SchemaFile, ...] = (
    SchemaFile(
        "collectif.schema.json",
        "collectif.yaml",
        N_("The collective and its charter rules: collectif.yaml at the root of the repository."),
        MODELS[Kind.CONFIG],
    ),
    SchemaFile(
        "member.schema.json",
        "Member",
        N_("One member of the collective: members/<member>.yaml."),
        MODELS[Kind.MEMBER],
    ),
    SchemaFile(
        "role.schema.json",
        "Role",
        N_("A support function, regular mission, facilitation or coaching: roles/<role>.yaml."),
        MODELS[Kind.ROLE],
    ),
    SchemaFile(
        "project.schema.json",
        "Project",
        N_("A client project: projects/<project>.yaml."),
        MODELS[Kind.PROJECT],
    ),
    SchemaFile(
        "contribution.schema.json",
        "Contributions of a month",
        N_("A member's time entries for one month: contributions/<member>/<YYYY-MM>.yaml."),
        list[Entry],
    ),
    SchemaFile(
        "meeting.schema.json",
        "Meeting",
        "A meeting: who came, who facilitated, what was decided: "
        "meetings/<YYYY-MM-DD>[-slug].yaml.",
        MODELS[Kind.MEETING],
    ),
    SchemaFile(
        "distribution.schema.json",
        "Distribution",
        "A share-out of the collective's fund among members: distributions/<id>.yaml.",
        MODELS[Kind.DISTRIBUTION],
    ),
    SchemaFile(
        "contact.schema.json",
        "Contact",
        "A client or prospect organisation shared with the group: contacts/<contact>.yaml.",
        MODELS[Kind.CONTACT],
    ),
)

# What the checks across a record's fields (model/rules.py) ask, said in JSON Schema so that
# editors know it too.
_NOT_NULL = {"not": {"type": "null"}}
_RULES: dict[str, JsonSchemaValue] = {
    "Meeting": {
        "allOf": [
            {
                "if": {"properties": {"kind": {"const": "plenary"}}, "required": ["kind"]},
                "then": {"properties": {"facilitator": _NOT_NULL}, "required": ["facilitator"]},
            },
            {
                "if": {"properties": {"kind": {"const": "project"}}, "required": ["kind"]},
                "then": {"properties": {"project": _NOT_NULL}, "required": ["project"]},
            },
        ]
    },
    "Entry": {
        "if": {"properties": {"kind": {"enum": ["project", "support"]}}, "required": ["kind"]},
        "then": {"properties": {"ref": _NOT_NULL}, "required": ["ref"]},
    },
    "Line": {
        "oneOf": [
            {
                "properties": {
                    "amount": _NOT_NULL,
                    "days": {"type": "null"},
                    "rate": {"type": "null"},
                },
                "required": ["amount"],
            },
            {
                "properties": {"amount": {"type": "null"}, "days": _NOT_NULL, "rate": _NOT_NULL},
                "required": ["days", "rate"],
            },
        ]
    },
}


class _Generator(GenerateJsonSchema):
    def encode_default(self, dft: Any) -> Any:
        """A whole decimal default is shown as a number (`hours: 4`), others as written ("0.4")."""
        if isinstance(dft, Decimal):
            return int(dft) if dft == dft.to_integral_value() else str(dft)
        return super().encode_default(dft)


def _bounds(node: Any) -> Any:
    """pydantic leaves a bound on a quoted-or-not number as `ge`: make it JSON Schema's."""
    if isinstance(node, list):
        return [_bounds(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _bounds(value) for key, value in node.items()}
    low = node.pop("ge", None)
    if low is not None and "anyOf" in node:
        for branch in node["anyOf"]:
            if branch.get("type") == "number":
                branch["minimum"] = low
            elif branch.get("type") == "string" and low >= 0:
                branch["pattern"] = branch.get("pattern", "").replace("^-?", "^", 1)
    if "anyOf" in node:  # a bare union inside a union: one flat list of choices
        node["anyOf"] = [
            choice
            for branch in node["anyOf"]
            for choice in (branch["anyOf"] if list(branch) == ["anyOf"] else [branch])
        ]
    return node


def _check_names() -> list[str]:
    from collectif.checks.registry import CHECKS

    return [check.name for check in CHECKS]


def _hover(tree: JsonSchemaValue, schema: SchemaFile, language: i18n.Lang) -> None:
    """Each key's sentence in the collective's language, in place of pydantic's titles made
    from the key's English name."""
    records = [(RECORD_OF_SCHEMA.get(schema.name), tree)]
    records += list(tree.get("$defs", {}).items())
    for record, node in records:
        for key, value in node.get("properties", {}).items():
            value.pop("title", None)
            text = HOVER.get(f"{record}.{key}")
            if text is not None:
                value["description"] = i18n.gettext_(language, text)


def document(schema: SchemaFile, language: i18n.Lang = "en") -> JsonSchemaValue:
    """The JSON Schema of one kind of file, its texts in `language`."""
    generated = adapter(schema.model).json_schema(mode="validation", schema_generator=_Generator)
    tree: JsonSchemaValue = _bounds(generated)
    for name, rules in _RULES.items():
        if name in tree.get("$defs", {}):
            tree["$defs"][name].update(rules)
    tree.update(_RULES.get(getattr(schema.model, "__name__", ""), {}))
    if schema.model is CollectiveFile:
        tree["properties"]["checks"]["propertyNames"] = {"enum": _check_names()}
    _hover(tree, schema, language)
    return {
        **tree,
        "$schema": DIALECT,
        "title": schema.title,
        "description": i18n.gettext_(language, schema.description),
    }


def render(schema: SchemaFile, language: i18n.Lang = "en") -> str:
    """The schema file's text: sorted keys, two-space indent, a final newline."""
    tree = document(schema, language)
    return json.dumps(tree, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_schemas(folder: Path, language: i18n.Lang = "en") -> list[tuple[Path, bool]]:
    """Write every schema into `folder`, in `language`: each path, and whether it changed
    (else left as is)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for schema in SCHEMAS:
        target = folder / schema.name
        text = render(schema, language)
        changed = not target.is_file() or target.read_text(encoding="utf-8") != text
        if changed:
            target.write_text(text, encoding="utf-8")
        written.append((target, changed))
    return written


def _collective_root() -> Path | None:
    here = Path.cwd()
    return next((d for d in (here, *here.parents) if (d / CONFIG_FILE).is_file()), None)


def _language(root: Path | None) -> str | None:
    if root is None:
        return None
    try:
        config = yaml_fast.load((root / CONFIG_FILE).read_bytes())
    except Exception:  # a broken collectif.yaml only costs the language of two lines
        return None
    return config.get("language") if isinstance(config, dict) else None


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def schema(out: Path | None = None) -> int:
    """Write the schemas into `out`; by default the collective's `.collectif/schemas/` when run
    inside a collective (where `collectif init` put them), else `schemas/` here."""
    root = _collective_root()
    folder = out if out is not None else (root / COLLECTIVE_DIR if root else PROJECT_DIR)
    if folder.exists() and not folder.is_dir():
        raise CollectifError("{path} is a file, not a folder.", path=str(folder))
    lang = i18n.resolve(None, _language(root))
    try:
        written = write_schemas(folder, lang if root else "en")
    except OSError as error:
        raise CollectifError(
            "{path}: the schemas could not be written there ({error}).",
            path=str(folder),
            error=error.strerror or str(error),
        ) from None
    for path, changed in written:
        text = (
            msg("Wrote {path}", path=_shown(path))
            if changed
            else msg("{path} is up to date", path=_shown(path))
        )
        sys.stdout.write(i18n.render(text, lang) + "\n")
    return EXIT_OK
