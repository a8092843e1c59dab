"""What YAML that does not parse says, and where: located, in French and in English; and every
message of problems.py, each from an input that gives it, said in both languages."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic_core import ErrorDetails

from collectif.i18n import gettext_, render
from collectif.model.files import Member
from collectif.model.message import Message, Text
from collectif.store import problems, yaml_fast
from tests.helpers import CONFIG, collective, findings, loaded, member, run

ENTRIES = "".join(
    f"- date: 2026-10-{day:02d}\n  hours: 1\n  kind: meeting\n  note: réunion\n"
    for day in range(1, 8)
)  # 28 lines, with accents before the problem: columns count characters, not bytes


def located(text: bytes) -> problems.Located:
    with pytest.raises(yaml.YAMLError) as error:
        yaml_fast.load(text)
    return problems.yaml_problem(error.value, text)


@pytest.mark.parametrize(
    ("tail", "line", "column", "english", "french"),
    [
        (
            b"- date: 2026-10-09\n  hours: 1\n  kind: meeting\n  note: \xc3\xa9a\x00b\n",
            32,
            11,
            "a control character (U+0000) is not allowed in YAML text: remove it",
            "un caractère de contrôle (U+0000) n'est pas permis dans un texte YAML",
        ),
        (
            b"- date: 2026-10-09\n  hours: 1\n\tkind: meeting\n",
            31,
            1,
            "a tab where YAML expects spaces: indent with spaces only",
            "une tabulation là où YAML attend des espaces",
        ),
        (
            b'- date: 2026-10-09\n  hours: 1\n  kind: meeting\n  note: "x\\uDC85y"\n',
            32,
            13,
            "an escape `\\u...` in double quotes that names no character",
            "un échappement `\\u...` entre guillemets doubles",
        ),
        (
            b"- date: 2026-10-09\n  hours: 1\n  kind: meeting\n  note: " + b"[" * 1200 + b"\n",
            32,
            1007,
            "YAML syntax error: lists or mappings nested far too deep",
            "erreur de syntaxe YAML\u00a0: des listes ou des dictionnaires imbriqués",
        ),
        (
            b"- date: 2026-10-09\n  hours: 1\n  kind: meeting\n  note: "
            + b"[" * 150
            + b"]" * 150
            + b"\n",
            32,
            107,
            "YAML syntax error: lists or mappings nested more than 100 levels deep",
            "imbriqués sur plus de 100 niveaux",
        ),
        (
            b"- date: 2026-10-09\n  hours: 1\n  kind: meeting\n  note: x\n  note: y\n",
            33,
            3,
            "duplicate key 'note'",
            "clé en double",
        ),
    ],
)
def test_yaml_problems_are_located_and_translated(
    tail: bytes, line: int, column: int, english: str, french: str
) -> None:
    found = located(ENTRIES.encode() + tail)
    assert (found.line, found.column) == (line, column)
    assert english in render(found.message, "en")
    assert french in render(found.message, "fr").replace("\u202f", "\u00a0")


def test_no_raw_pyyaml_text_reaches_the_reader(tmp_path: Path) -> None:
    text = ENTRIES + "- date: 2026-10-09\n  hours: 1\n  kind: meeting\n  note: a\0b\n"
    root = collective(tmp_path, {"members/ana.yaml": member("ana")})
    (root / "contributions/ana").mkdir(parents=True)
    (root / "contributions/ana/2026-10.yaml").write_bytes(text.encode())
    [finding] = [f for f in findings(root, "2026-11-26") if f.check == "schema"]
    assert (finding.file, finding.line, finding.column) == (
        "contributions/ana/2026-10.yaml",
        32,
        10,
    )
    for lang in ("en", "fr"):
        shown = render(finding.message, lang)
        assert "position" not in shown and "<byte string>" not in shown and "U+0000" in shown


def test_a_note_nested_990_deep_is_a_finding_not_a_crash(tmp_path: Path) -> None:
    depth = 990
    note = "[" * depth + "]" * depth
    root = collective(
        tmp_path,
        {
            "members/ana.yaml": member("ana"),
            "contributions/ana/2026-10.yaml": ENTRIES
            + f"- date: 2026-10-09\n  hours: 1\n  kind: meeting\n  note: {note}\n",
        },
    )
    done = run("check", "--repo", str(root), "--as-of", "2026-11-26", "--lang", "fr")
    assert done.returncode == 1, done.stderr
    assert "contributions/ana/2026-10.yaml:32:" in done.stdout
    assert "imbriqués sur plus de 100" in done.stdout
    assert "Unexpected error" not in done.stderr + done.stdout


# Every message of problems.py, from an input that gives it ------------------------------------


def _messages_of_the_module() -> set[str]:
    """The English ids of every message problems.py can say (`msg(...)` and `N_(...)`)."""
    tree = ast.parse(Path(problems.__file__).read_text(encoding="utf-8"))
    return {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in ("msg", "N_")
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    }


MESSAGES = _messages_of_the_module()
ANA = member("Ana")
ROLE = "title: T\nkind: support\n"
PROJECT = "title: P\nclient: C\nclient_kind: ess\nstatus: active\n"
ENTRY = "- date: 2026-10-01\n  hours: 1\n  kind: meeting\n"
MONTH = "contributions/ana/2026-10.yaml"
M = "members/ana.yaml"
C = "contacts/mda.yaml"
CONTACT = "name: M\nkind: ess\nstatus: client\nshared_by: ana\nshared_on: 2026-01-01\n"

# (the message: its whole id, or words found in no other id; the file; what it holds)
FILES: list[tuple[str, str, str | bytes]] = [
    # what was found, in words
    ("nothing", M, ANA.replace("email: ana@example.org", "email:")),
    (
        "an unresolved merge conflict",
        M,
        ANA.replace("name: Ana", "<<<<<<< HEAD\nname: Ana\n=======\nname: Anna\n>>>>>>> other"),
    ),
    ("true/false", M, ANA.replace("name: Ana", "name: true")),
    ("a list", M, ANA.replace("name: Ana", "name: [a]")),
    ("a mapping (key: value)", M, ANA.replace("name: Ana", "name: {a: 1}")),
    ("the date {value}", M, ANA.replace("name: Ana", "name: 2026-01-01")),
    ("the number {value}", M, ANA.replace("name: Ana", "name: 12")),
    ('the text "{value}"', M, ANA.replace("joined: 2020-01-01", "joined: hello")),
    # what was expected
    ("expected an id", "roles/r.yaml", ROLE + "holders: [{member: Zoé, since: 2025-01-01}]\n"),
    ("expected an email address", M, ANA.replace("ana@example.org", "nope")),
    ("expected a public SSH key", M, ANA + "signing_keys: [ssh-ed25519]\n"),
    ("three-letter currency", "collectif.yaml", CONFIG.replace("EUR", "eur")),
    ("unknown key `{key}`: did you mean", M, ANA + "skils: [x]\n"),
    ("the keys allowed here", M, ANA + "bogus: 1\n"),
    ("expected text, found", "roles/r.yaml", ROLE.replace("title: T", "title: 12")),
    ("expected some text", "roles/r.yaml", ROLE.replace("title: T", 'title: ""')),
    ("expected a whole number", "roles/r.yaml", ROLE + "min_holders: x\n"),
    ("expected true or false", "roles/r.yaml", ROLE + "active: maybe\n"),
    ("expected a list, found", "roles/r.yaml", ROLE + "skills: x\n"),
    ("expected a mapping (key: value), found {found}", "collectif.yaml", "name: A\ncharter: x\n"),
    ("expected a date YYYY-MM-DD", M, ANA.replace("joined: 2020-01-01", "joined: hello")),
    ("is not a real day", M, ANA.replace("joined: 2020-01-01", 'joined: "2026-02-30"')),
    (
        "expected a date between {first} and {last}, found {found}",
        M,
        ANA.replace("joined: 2020-01-01", "joined: 1800-01-01"),
    ),
    ("leave it out", M, ANA + "left: 9999-12-31\n"),
    ("expected zero or more", "roles/r.yaml", ROLE + "min_holders: -1\n"),
    ("expected at most {limit}", "roles/r.yaml", ROLE + "min_holders: 100000\n"),
    ("expected hours between", "collectif.yaml", CONFIG + "  minimum: {hours: 20000}\n"),
    (
        "expected hours with at most 2 decimals, found",
        "collectif.yaml",
        CONFIG + "  minimum: {hours: 1.234}\n",
    ),
    ("an entry is the time", MONTH, ENTRY.replace("hours: 1", "hours: 25")),
    ("0.25 for a quarter", MONTH, ENTRY.replace("hours: 1", "hours: 1.234")),
    ("days between", "projects/p.yaml", PROJECT + "lines: [{member: ana, days: 1e5, rate: 1}]\n"),
    (
        "days with at most",
        "projects/p.yaml",
        PROJECT + "lines: [{member: a, days: 1.234, rate: 1}]\n",
    ),
    ("an amount between", "projects/p.yaml", PROJECT + "payouts: [{member: ana, amount: 2e9}]\n"),
    ("an amount with at", "projects/p.yaml", PROJECT + "payouts: [{member: ana, amount: 1.234}]\n"),
    ("a rate between", "collectif.yaml", CONFIG + "  contracts: {max_share_top_member: 2}\n"),
    ("a rate with", "collectif.yaml", CONFIG + "  contracts: {max_share_top_member: 0.1234567}\n"),
    (
        "points or a weight between",
        "collectif.yaml",
        CONFIG + "  valuation: {weights: {meeting: -1}}\n",
    ),
    (
        "points or a weight with",
        "collectif.yaml",
        CONFIG + "  valuation: {weights: {meeting: 0.1234567}}\n",
    ),
    ("expected a number, found {found}", MONTH, ENTRY.replace("hours: 1", "hours: x")),
    ("with a decimal point, {fixed}", MONTH, ENTRY.replace("hours: 1", 'hours: "1,5"')),
    (
        "a key that is a number",
        "projects/p.yaml",
        PROJECT + "payouts: [{amount: 2,00}]\n",
    ),
    ("expected a key name", M, ANA + "2026-01-01: x\n"),
    ("missing required key", M, ANA.replace("email: ana@example.org\n", "")),
    ("expected one of {choices}, found {found}", "roles/r.yaml", ROLE.replace("support", "bogus")),
    (
        "found {found}: did you mean",
        "collectif.yaml",
        CONFIG.replace("language: en", "language: English"),
    ),
    # what git would not keep
    ("a name may not hold", M, ANA.replace("name: Ana", 'name: "a<b"')),
    ("a name needs a letter", M, ANA.replace("name: Ana", 'name: "..."')),
    ("an email may not hold", M, ANA.replace("ana@example.org", '"a\\x01b@example.org"')),
    ("an email may not start", M, ANA.replace("ana@example.org", '"ana@example.org."')),
    # what the models ask of several keys together
    (
        "not both",
        "projects/p.yaml",
        PROJECT + "lines: [{member: a, amount: 1, days: 1, rate: 1}]\n",
    ),
    ("a line needs", "projects/p.yaml", PROJECT + "lines: [{member: ana}]\n"),
    ("needs `ref`", MONTH, ENTRY.replace("meeting", "project")),
    # YAML that does not parse
    ("YAML syntax error: {problem}", M, "name: a: b\n"),
    ("a `:` where YAML", M, "name: a: b\n"),
    ("a key without `:`", M, "name: a\nb\nc: d\n"),
    ("not indented like the keys", M, "a:\n  b: 1\n c: 2\n"),
    ("a list item is not indented", M, "- a\nb: 1\n"),
    ("closed with `]`", M, "name: [a, b\n"),
    ("a mapping in braces", M, "name: {a: b\n"),
    ("cannot start a value", M, "name: @x\n"),
    ("the file ends inside", M, 'name: "abc\n'),
    ("no anchor", M, "name: *x\n"),
    ("two anchors", M, "name: &x a\nemail: &x b\n"),
    ("more than one YAML document", M, "name: a\n---\nb: 1\n"),
    ("a tab where YAML", M, "name: a\n\temail: b\n"),
    ("names no character", M, 'name: "\\uDC85"\n'),
    ("an unknown escape", M, 'name: "\\q"\n'),
    ("without its hexadecimal", M, 'name: "\\xZZ"\n'),
    ("nested far too deep", M, "name: " + "[" * 1200 + "\n"),
    ("nested more than {limit}", M, "name: " + "[" * 150 + "]" * 150 + "\n"),
    ("a list item `- `", M, "name: - b\n"),
    ("without a name", M, "name: & x\n"),
    ("more text after the end", M, "[a]]\n"),
    ("a value is missing", M, "name: [,]\n"),
    ("text after a block indicator", M, "name: | x\n"),
    ("inside a quoted text: indent", M, 'name: "x\n---\ny"\n'),
    (
        "a tag `!` that collectif does not read: remove it, or put the value in quotes",
        M,
        "a: !<x\n",
    ),
    ("a tag `!` or a directive", M, 'name: !foo"x\n'),
    ("or put the line in quotes", M, "%FOO\n---\nname: a\n"),
    # values the reader refuses
    ("duplicate key {key}", M, ANA + "name: B\n"),
    ("the tag {tag} is not allowed", M, ANA + "skills: !!set {a}\n"),
    ("used as a key", M, ANA + "? [a]\n: 1\n"),
    ("merges mappings only", M, ANA + "<<: 1\n"),
    ("does not fit its tag", M, ANA.replace("name: Ana", "name: !!int abc")),
    ("a control character", M, b"name: a\x00b\n"),
    # contact files, where people paste things
    ("expected a shorter text", C, CONTACT.replace("name: M", "name: " + "x" * 201)),
    ("expected one line of text", C, CONTACT + 'people: [{name: "A\\nB"}]\n'),
    ("is written in quotes", C, CONTACT + "people: [{name: A, phone: 612345678}]\n"),
    ("expected a phone number", C, CONTACT + "people: [{name: A, phone: call me}]\n"),
    ("expected a person as", C, CONTACT + "people: [Agnès Roy, 01 23 45 67 89]\n"),
    ("write the person as", C, CONTACT + "people: ['BEGIN:VCARD FN:Agnès END:VCARD']\n"),
    ("write the organisation as", C, "BEGIN:VCARD\nFN:Agnès Roy\nEND:VCARD\n"),
]


def _error(kind: str, loc: tuple[str | int, ...], found: Any, **ctx: Any) -> ErrorDetails:
    return {"type": kind, "loc": loc, "msg": "pydantic's words", "input": found, "ctx": ctx}


# Messages that no file gives today: fallbacks for what a later model or reader may raise.
DIRECT: list[tuple[str, Any]] = [
    # Every pattern of the models is an id's, an email's or a currency's.
    (
        "does not have the expected form",
        _error("string_pattern_mismatch", ("charter", "version"), "x", pattern="^[0-9]+$"),
    ),
    # No model raises an error type that has no message of its own.
    ("invalid value {found}: {detail}", _error("value_error", ("name",), "x")),
    # libyaml says "control characters" of anything it cannot read; invalid UTF-8 is found
    # before YAML is parsed.
    ("may not hold ({code})", yaml.reader.ReaderError("f", 2, 0xFFFE, "utf-8", "invalid")),
    # Reading raises marked errors only.
    ("YAML error: {problem}", yaml.YAMLError("reader gave up")),
]


def _ids(message: Message) -> Iterator[str]:
    yield message.msgid
    for _, param in message.params:
        if isinstance(param, Text):
            yield from _ids(param.message)


def _the(words: str) -> str:
    """The one id of problems.py that is `words` or holds them."""
    if words in MESSAGES:
        return words
    (found,) = [msgid for msgid in MESSAGES if words in msgid]
    return found


def _problems_of(tmp_path: Path, path: str, text: str | bytes) -> list[Message]:
    root = collective(tmp_path, {"members/ana.yaml": ANA})
    (root / path).parent.mkdir(parents=True, exist_ok=True)
    data = text.encode() if isinstance(text, str) else text
    (root / path).write_bytes(data)
    return [problem.message for problem in loaded(root).problems]


def _said(message: Message) -> None:
    """Shown whole in both languages, in French with French words."""
    english, french = render(message, "en"), render(message, "fr")
    for shown in (english, french):
        assert not re.search(r"\{[a-z_]+\}", shown), shown
    assert english != french


@pytest.mark.parametrize(("words", "path", "text"), FILES, ids=[case[0] for case in FILES])
def test_each_message_comes_from_a_file(
    tmp_path: Path, words: str, path: str, text: str | bytes
) -> None:
    said = _problems_of(tmp_path, path, text)
    assert _the(words) in {msgid for message in said for msgid in _ids(message)}, said
    for message in said:
        _said(message)


@pytest.mark.parametrize(("words", "error"), DIRECT, ids=[case[0] for case in DIRECT])
def test_each_fallback_message_is_said(words: str, error: Any) -> None:
    if isinstance(error, yaml.YAMLError):
        message = problems.yaml_problem(error, b"name: a\n").message
    else:
        message = problems.problem(error, Member).message
    assert _the(words) in set(_ids(message))
    _said(message)


def test_every_message_of_problems_has_an_input_and_a_french_text() -> None:
    covered = {_the(case[0]) for case in [*FILES, *DIRECT]}
    assert sorted(MESSAGES - covered) == []
    for msgid in MESSAGES:
        assert gettext_("fr", msgid) != msgid, msgid
