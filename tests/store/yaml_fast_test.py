from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
import yaml
from ruamel.yaml import YAML

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
