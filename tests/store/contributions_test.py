"""The quick reader of contribution files accepts only what the models accept, with their values."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import yaml
from hypothesis import example, given
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from collectif.model.entries import TimeEntry
from collectif.model.files import ENTRY_KINDS, Entry
from collectif.store import contributions, yaml_fast

ENTRIES = TypeAdapter(list[Entry])

KEYS = ["date", "hours", "kind", "ref", "note", "Date", "extra", "<<", '"date"', "? date"]
DATES = [
    "2026-03-04",
    "2026-02-29",
    "2024-02-29",
    "2026-3-4",
    "2026-03-04T10:00:00",
    "2026-03-04 10:00:00",
    "'2026-03-04'",
    '"2026-03-04"',
    "2026-03-04 # a comment",
    "!!str 2026-03-04",
    "!!timestamp 2026-03-04",
    "2026-03-04x",
    "20260304",
    "０２０２-03-04",
]
HOURS = [
    "0",
    "1",
    "2.5",
    "1.50",
    "010",
    "0o10",
    "0x1F",
    "1_000",
    "1e3",
    "1E+3",
    ".5",
    "1.",
    "-1",
    "-0",
    "+1",
    "'2.5'",
    '"2"',
    "' 2.5 '",
    "!!float 1",
    "!!int 2",
    "!!str 2",
    "1:30",
    ".inf",
    ".nan",
    "true",
    "2 # two",
    "2.50000",
    "٣",
]
KINDS = [
    *ENTRY_KINDS,
    "Project",
    "'support'",
    '"meeting"',
    "other",
    "!!str meeting",
    "!!int meeting",
]
REFS = [
    "tresorerie",
    "site-mda",
    "2024-site",
    "0x10",
    "1e3",
    "true",
    "false",
    "null",
    "Null",
    "'true'",
    '"site"',
    "Site",
    "a" * 63,
    "a" * 64,
    "-x",
    "x_y",
    "'2024'",
    "!!str 1e3",
    "r",
    "é",
]
NOTES = [
    "plénière",
    "2024",
    "'2024'",
    "true",
    "yes",
    "off",
    "1.5",
    "2026-03-04",
    "'AG: le budget'",
    '"AG: le budget"',
    "a #b",
    "[a, b]",
    "{a: 1}",
    ".inf",
    "0x1F",
    "<<",
    "~x",
    "nope",
    "|\n    two\n    lines",
    "!!binary aGVsbG8=",
    "&anchor text",
]
NOTHING = ["", "~", "null", "NULL", "Null", "nULL"]
# Characters that change how YAML reads a plain scalar, and some it refuses.
ODD = [*"az09-_.:#'\"!&*[]{},|>%@`~+eE \t", "\u00a0", "\u2028", "\x85", "é", "\x7f", "\ufeff"]


GOOD = {
    "date": ["2026-03-04", "2024-02-29", "2026-12-31"],
    "hours": ["0", "1", "2.5", "1.50", "12"],
    "kind": list(ENTRY_KINDS),
    "ref": ["tresorerie", "site-mda", "r", "a" * 63, "", "~", "'site'"],
    "note": ["plénière", "'2024'", "relance client", "", "nope", "'AG: le budget'"],
}
POOLS = {"date": DATES, "hours": HOURS, "kind": KINDS, "ref": REFS, "note": NOTES}


@st.composite
def value_for(draw: st.DrawFn, key: str) -> str:
    """Mostly what people write, sometimes anything that might be read otherwise."""
    name = key.strip('"? ')
    if name in ("note", "ref", "hours") and draw(st.integers(0, 9)) == 0:
        return draw(st.text(st.sampled_from(ODD), max_size=8))
    if name in GOOD and draw(st.integers(0, 9)) < 8:
        return draw(st.sampled_from(GOOD[name]))
    return draw(st.sampled_from(POOLS.get(name, ["x"]) + NOTHING))


@st.composite
def entry_text(draw: st.DrawFn) -> str:
    keys = [*draw(st.permutations(["date", "hours", "kind", "ref", "note"]))]
    if draw(st.integers(0, 9)) < 3:  # drop some, add some, repeat some
        keys = draw(st.lists(st.sampled_from(KEYS), min_size=0, max_size=7))
    pairs = [(key, draw(value_for(key))) for key in keys]
    if draw(st.integers(0, 3)) or any("\n" in value for _, value in pairs):
        lines = [
            f"{key}: {value}" if not key.startswith("?") else f"{key}\n  : {value}"
            for key, value in pairs
        ]
        return "- " + "\n  ".join(lines) if lines else "- {}"
    return "- {" + ", ".join(f"{key}: {value}" for key, value in pairs) + "}"


@st.composite
def document(draw: st.DrawFn) -> str:
    entries = draw(st.lists(entry_text(), min_size=0, max_size=4))
    text = "\n".join(entries) + "\n"
    return draw(st.sampled_from(["", "---\n", "# mars\n", "%YAML 1.2\n---\n"])) + text


def generic(raw: bytes) -> list[Entry] | None:
    """What the models say: the entries, or None if the file has a finding."""
    try:
        data = yaml_fast.load(raw)
    except (yaml.YAMLError, yaml_fast.AliasBomb):
        return None
    if not isinstance(data, list):
        return None
    try:
        return ENTRIES.validate_python(data)
    except ValidationError:
        return None


def exact(entries: Any) -> list[tuple[Any, ...]]:
    """Every value with its type, decimals with their written exponent."""
    return [
        (type(e.date), e.date, type(e.hours), e.hours.as_tuple(), e.kind, type(e.ref), e.ref)
        for e in entries
    ]


@given(document())
@example("- date: 2026-03-04\n  hours: 2.5\n  kind: support\n  ref: tresorerie\n  note: x\n")
@example("- {date: 2026-03-04, hours: 1, kind: meeting, note: 2024}\n")
@example("- {date: 2026-03-04, hours: -0, kind: meeting}\n")
@example("- &e {date: 2026-03-04, hours: 1, kind: meeting}\n- *e\n")
@example("- date: 2026-03-04\n  <<: {hours: 1, kind: meeting}\n")
@example("- date: 2026-03-04\n  hours: 1\n  kind: meeting\n  kind: meeting\n")
@example("[]\n")
@example("")
@example("- !!map {date: 2026-03-04, hours: 1, kind: meeting}\n")
def test_what_the_quick_reader_accepts_the_models_accept_with_the_same_values(text: str) -> None:
    raw = text.encode("utf-8")
    quick = contributions.entries(raw)
    if quick is None:
        return
    models = generic(raw)
    assert models is not None, text
    assert exact(quick) == exact(models), text
    assert exact(contributions.from_models(models)) == exact(quick)
    assert all(type(entry) is TimeEntry for entry in quick)


@given(
    st.lists(
        st.tuples(
            st.dates(date(2000, 1, 1), date(2099, 12, 31)),
            st.decimals(min_value=Decimal("0.01"), max_value=24, places=2, allow_nan=False),
            st.sampled_from(ENTRY_KINDS),
            st.sampled_from(["tresorerie", "site-mda", None]),
            st.sampled_from(["plénière", "relance: client", None]),
        ),
        min_size=1,
        max_size=20,
    )
)
def test_files_as_people_and_collectif_log_write_them_take_the_quick_way(
    rows: list[tuple[date, Decimal, str, str | None, str | None]],
) -> None:
    text = ""
    for day, hours, kind, ref, note in rows:
        ref = ref or ("tresorerie" if kind in ("project", "support") else None)
        text += f"- date: {day.isoformat()}\n  hours: {hours}\n  kind: {kind}\n"
        text += f"  ref: {ref}\n" if ref else ""
        text += f"  note: '{note}'\n" if note else ""
    raw = text.encode("utf-8")
    quick = contributions.entries(raw)
    assert quick is not None, text
    models = generic(raw)
    assert models is not None
    assert exact(quick) == exact(models)


def test_anything_unusual_takes_the_generic_way() -> None:
    for text in (
        "- date: '2026-03-04'\n  hours: 1\n  kind: meeting\n",  # a quoted date
        "- date: 2026-03-04\n  hours: '1'\n  kind: meeting\n",  # quoted hours
        "- date: 2026-03-04\n  hours: 010\n  kind: meeting\n",  # a leading zero
        "- date: 2026-03-04\n  hours: 1\n  kind: support\n",  # no ref where one is needed
        "- date: 2026-03-04\n  hours: 1\n  kind: meeting\n  ref: 2024-site\n",  # digit first
        "- &e {date: 2026-03-04, hours: 1, kind: meeting}\n- *e\n",  # an alias
        "{}\n",
        "",
    ):
        assert contributions.entries(text.encode()) is None, text
