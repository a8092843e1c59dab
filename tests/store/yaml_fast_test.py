from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any, NamedTuple

import pytest
import yaml
from hypothesis import example, given
from hypothesis import strategies as st
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError as RuamelError

from collectif.store import yaml_fast

SCALARS = [
    "off",
    "no",
    "yes",
    "True",
    "TRUE",
    "tRue",
    "010",
    "0o10",
    "0x1F",
    "0b101",
    "1_000",
    "1:30",
    "1.5",
    "1.",
    "1e3",
    "1.0e3",
    ".5",
    "~",
    "null",
    "Null",
    "NULL",
    "",
    "2026-03-04",
    "2026-3-4",
    "2026-03",
    "+12",
    "-0",
    "0777",
    "08",
    "09.5",
    "1__2",
    "_1",
    "0x_1",
    "1e+3",
    "1E3",
    "12e03",
    "+.5",
    "0.",
    "1_0.5",
    "0o",
    "0x",
    "0b",
    "0.1e-2",
    "'12'",
    '"off"',
    "!!int '12'",
    "!!float 1",
    "!!str 12",
    "1.e3",
    "-1.5",
    "0o_7",
    "-0x1f",
    "1 2",
    "1200.10",
    "é",
]


@pytest.mark.parametrize("scalar", SCALARS)
def test_values_are_ruamel_yaml_1_2_values(scalar: str) -> None:
    text = f"k: {scalar}\n"
    expected = YAML().load(text)["k"]
    got = yaml_fast.load(text.encode())["k"]
    if isinstance(expected, float):
        assert isinstance(got, Decimal) and float(got) == expected
    elif type(expected).__name__ == "TaggedScalar":
        assert got == expected.value
    else:
        assert got == expected
        assert type(got) in type(expected).__mro__


def test_unquoted_money_is_exact_decimal() -> None:
    data = yaml_fast.load(b"a: 0.1\nb: 0.2\nc: 1200.10\n")
    assert data["a"] + data["b"] == Decimal("0.3")
    assert data["c"] == Decimal("1200.10") and str(data["c"]) == "1200.10"


def test_dates_are_dates() -> None:
    assert yaml_fast.load(b"d: 2026-03-04\n") == {"d": date(2026, 3, 4)}


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (b"k: !!python/object/apply:os.system [echo hacked]\n", "not allowed"),
        (b"k: !!binary aGk=\n", "not allowed"),
        (b"k: !!set {a}\n", "not allowed"),
        (b"k: 2026-02-30\n", "impossible date"),
        (b"k: 1\nk: 2\n", "duplicate key"),
    ],
)
def test_refuses(text: bytes, problem: str) -> None:
    with pytest.raises(yaml.constructor.ConstructorError, match=problem):
        yaml_fast.load(text)


def test_alias_bomb_is_refused_without_expanding() -> None:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    with pytest.raises(yaml_fast.AliasBomb):
        yaml_fast.load("\n".join(lines).encode())


def test_small_aliases_and_merges_work_like_ruamel() -> None:
    text = "base: &b {x: 1, y: 2}\nk:\n  <<: *b\n  y: 3\n"
    assert yaml_fast.load(text.encode()) == YAML().load(text)


def nested(depth: int, style: str) -> bytes:
    """A document nested `depth` lists deep, in flow or block style, as a note's value."""
    if style == "flow":
        return b"note: " + b"[" * depth + b"]" * depth + b"\n"
    lines = ["note:"] + [" " * level + "-" for level in range(depth)]
    return ("\n".join(lines) + " x\n").encode()


@pytest.mark.parametrize("style", ["flow", "block"])
@pytest.mark.parametrize("depth", [101, 990, 997])
def test_nesting_deeper_than_the_limit_is_refused_before_anything_recurses(
    style: str, depth: int
) -> None:
    with pytest.raises(yaml_fast.TooDeep) as refused:
        yaml_fast.load(nested(depth, style))
    assert refused.value.problem_mark is not None
    assert refused.value.problem_mark.line == (0 if style == "flow" else 100)


@pytest.mark.parametrize("style", ["flow", "block"])
def test_nesting_up_to_the_limit_is_read(style: str) -> None:
    value = yaml_fast.load(nested(yaml_fast.MAX_DEPTH - 1, style))["note"]
    for _ in range(yaml_fast.MAX_DEPTH - 2):
        value = value[0]
    assert value in ([], ["x"])


def test_aliases_cannot_nest_deeper_than_the_limit_without_brackets() -> None:
    lines = ["a0: &a0\n  - x"]
    lines += [f"a{n}: &a{n}\n  - *a{n - 1}" for n in range(1, 150)]
    with pytest.raises(yaml_fast.TooDeep):
        yaml_fast.load("\n".join(lines).encode())


@pytest.mark.parametrize(
    "text",
    [
        "a:\n" + "".join(" " * n + f"k{n}:\n" for n in range(1, 120)) + " " * 120 + "v\n",
        "a:\n" + "".join("  " * n + "- k:\n" for n in range(60)) + "  " * 61 + "x\n",
        "- " * 120 + "x\n",
        "? " * 120 + "x\n",
    ],
)
def test_the_quick_test_never_misses_a_deep_document(text: str) -> None:
    with pytest.raises(yaml_fast.TooDeep):
        yaml_fast.load(text.encode())


# Against ruamel.yaml, on documents hypothesis writes ------------------------------------------

# Plain scalars whose type YAML 1.2 and YAML 1.1 (PyYAML's own resolvers) see differently, or
# that look like one type and are another.
TRICKY = [
    *(s for s in SCALARS if not s.startswith(("'", '"', "!")) and s not in ("", "1 2")),
    "on", "y", "n", "Yes", "OFF", "false", "FALSE", "0", "-1", "+0", "0x1f", "-0b11", "0o777",
    "1_0", "12:30:45", "190:20:30", "-.inf", ".Inf", ".NaN", ".nan", "1e-3", "-1E+3", "6.02e23",
    "2026-03-04T12:30:00Z", "2026-03-04 12:30:00", "2026-03-04t12:30:00.5+02:00",
"2000-02-29", "1999-12-31", "~", "Null", "0.0", "-0.0",
    "00", "007", "0b0", "1.5.3", "1,5", "3 h", "x:y", "a-b", "é", "日本", "ünïcödé",
]  # fmt: skip
WORD = st.from_regex(
    r"[A-Za-zéßøçλ日][A-Za-z0-9éßøçλ日 _.-]{0,10}[A-Za-z0-9éßøçλ日]?", fullmatch=True
)
# Text in quotes: any character but the surrogates, which no UTF-8 file can hold.
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)


def _double_quoted(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(_escape(c) for c in escaped) + '"'


def _escape(character: str) -> str:
    """Escape what YAML does not allow raw in a file (its printable set, 5.1)."""
    point = ord(character)
    printable = (
        point in (0x09, 0x0A, 0x0D, 0x85)
        or 0x20 <= point <= 0x7E
        or 0xA0 <= point <= 0xD7FF
        or 0xE000 <= point <= 0xFFFD
        or point >= 0x10000
    )
    if printable and point != 0xFEFF:
        return character
    return f"\\u{point:04x}" if point <= 0xFFFF else f"\\U{point:08x}"


SCALAR = st.one_of(
    st.sampled_from(TRICKY),
    WORD,
    TEXT.map(lambda text: "'" + text.replace("'", "''") + "'").filter(
        lambda quoted: all(_escape(c) == c for c in quoted)
    ),
    TEXT.map(_double_quoted),
)
# A key is on one line: no line break, nor what YAML 1.1 counts as one (NEL, LS, PS).
KEY = st.one_of(
    WORD,
    st.sampled_from(TRICKY),
    TEXT.filter(lambda text: not set(text) & set("\n\r\x85\u2028\u2029")).map(_double_quoted),
)


class Node(NamedTuple):
    """A YAML node as text: a scalar, or a list or mapping in block or flow style."""

    kind: str  # "scalar", "seq" or "map"
    text: str = ""
    items: tuple[tuple[str, Node], ...] = ()  # keys are "" in a list
    flow: bool = False


def _collections(children: st.SearchStrategy[Node]) -> st.SearchStrategy[Node]:
    seq = st.lists(children, max_size=4).map(lambda items: tuple(("", n) for n in items))
    mapping = st.lists(st.tuples(KEY, children), max_size=4, unique_by=lambda kv: kv[0])
    return st.one_of(
        st.builds(Node, st.just("seq"), st.just(""), seq, st.booleans()),
        st.builds(Node, st.just("map"), st.just(""), mapping.map(tuple), st.booleans()),
    )


NODES = st.recursive(SCALAR.map(lambda text: Node("scalar", text)), _collections, max_leaves=12)


def _flow(node: Node) -> str:
    if node.kind == "scalar":
        return node.text
    if node.kind == "seq":
        return "[" + ", ".join(_flow(child) for _, child in node.items) + "]"
    return "{" + ", ".join(f"{key}: {_flow(child)}" for key, child in node.items) + "}"


def _block(node: Node, indent: int) -> list[str]:
    """The lines of a collection in block style (flow style inside it where asked)."""
    pad = " " * indent
    lines = []
    for key, child in node.items:
        head = f"{pad}- " if node.kind == "seq" else f"{pad}{key}:"
        if child.kind == "scalar" or child.flow or not child.items:
            lines.append(f"{head}{'' if node.kind == 'seq' else ' '}{_flow(child)}")
        elif node.kind == "seq":  # compact: `- key: value` or `- - item`
            inner = _block(child, indent + 2)
            lines += [head + inner[0][indent + 2 :], *inner[1:]]
        else:
            lines += [head, *_block(child, indent + 2)]
    return lines


def _document(node: Node) -> str:
    if node.kind == "scalar" or node.flow or not node.items:
        return _flow(node) + "\n"
    return "\n".join(_block(node, 0)) + "\n"


def _typed(value: Any, number: type) -> Any:
    """A value with its type spelled out; a number with a fraction is `number` (float for
    ruamel.yaml, Decimal for the fast reader), compared by the double nearest to it."""
    if isinstance(value, dict):
        return ("map", [(_typed(k, number), _typed(v, number)) for k, v in value.items()])
    if isinstance(value, list):
        return ("seq", [_typed(item, number) for item in value])
    if isinstance(value, bool) or value is None:
        return (type(value).__name__, value)
    if isinstance(value, int):
        return ("int", int(value))
    if isinstance(value, float | Decimal):
        assert type(value) is number, (value, number)
        return ("number", "nan" if value != value else float(value))
    if isinstance(value, datetime):
        return ("datetime", value, value.utcoffset())
    if isinstance(value, date):
        return ("date", value)
    assert isinstance(value, str), type(value)
    return ("str", str(value))


def _read(load: Callable[[], Any], number: type) -> Any:
    try:
        return _typed(load(), number)
    except (yaml.YAMLError, RuamelError, ValueError, OverflowError):
        return "refused"


@given(NODES.filter(lambda node: node.kind != "scalar"))
@example(Node("map", items=(("a", Node("scalar", "2026-3-4")),)))
@example(Node("seq", items=(("", Node("scalar", "'it''s'")),), flow=True))
def test_the_fast_reader_reads_what_ruamel_reads(node: Node) -> None:
    text = _document(node)
    ruamel = _read(lambda: YAML(typ="safe", pure=True).load(text), float)
    fast = _read(lambda: yaml_fast.load(text.encode("utf-8")), Decimal)
    assert fast == ruamel, text


@pytest.mark.xfail(strict=True, reason="known: what the fast reader reads otherwise (see below)")
@pytest.mark.parametrize(
    "text",
    [
        # Timestamps YAML allows that `datetime.fromisoformat` does not read: refused as
        # "not a real day" where the models would say "a date, without a time".
        "a: 2026-3-4 1:02:03\n",
        "a: 2026-03-04 1:02:03\n",
        "a: 2026-12-31 23:59:59.999 -05:00\n",
        # libyaml reads YAML 1.1 line breaks (NEL, LS, PS) as breaks in a plain scalar or a key:
        # refused.
        "a: x\u2028y\n",
        "a: x\x85y\n",
        '"x\x85y": 1\n',
    ],
)
def test_known_differences_with_ruamel(text: str) -> None:
    ruamel = _read(lambda: YAML(typ="safe", pure=True).load(text), float)
    assert _read(lambda: yaml_fast.load(text.encode("utf-8")), Decimal) == ruamel
