"""Round-trip edits: what a person wrote stays byte for byte, new values are plain and exact."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from collectif.model.files import Holding, Member, Role
from collectif.store import roundtrip, yaml_fast

MEMBER_KEYS = roundtrip.key_order(Member)
ROLE_KEYS = roundtrip.key_order(Role)

UNTOUCHED = [
    # the design's own examples, with their comments
    """\
name: Camille Martin
email: camille@example.org      # maps git authors to members; unique across members
joined: 2015-01-10
left: null                      # date the member left, if they did
charter_signed: "2026-01"       # charter version signed
skills: [graphisme, formation]
pauses:                         # periods exempt from the minimum (leave, illness…)
  - {from: 2026-03-01, to: 2026-05-31, reason: congé parental}
""",
    # nulls written three ways, quotes of both kinds, numbers as written
    "a: ~\nb:\nc: null\nd: 'single'\ne: \"double\"\nf: 1200.10\ng: 010\nh: .5\ni: 1.0e+3\n",
    # lists flush with their key, four-space indents, a comment block at the top
    "# top\n# comment\nholders:\n- member: leo\n  since: 2024-01-01\ncharter:\n    minimum:\n"
    "        hours: 4\n",
    # a list of entries, blank lines and comments between them
    "- date: 2026-03-02\n  hours: 1\n  kind: meeting\n\n# second\n- date: 2026-03-03\n"
    "  hours: 2.5   # long\n  kind: support\n  ref: tresorerie\n",
    # a long line is never folded
    "note: " + "mot " * 40 + "fin\n",
    # a document start marker
    "---\nname: Atelier\n",
]


@pytest.mark.parametrize("text", UNTOUCHED)
def test_an_unchanged_document_is_written_back_byte_for_byte(text: str) -> None:
    assert roundtrip.load(text.encode()).dump() == text.encode()


def test_crlf_and_a_byte_order_mark_are_kept() -> None:
    raw = b"\xef\xbb\xbfname: Leo\r\nemail: leo@example.org  # mail\r\n"
    document = roundtrip.load(raw)
    assert document.dump() == raw
    roundtrip.set_value(document.data, "joined", date(2020, 1, 1), MEMBER_KEYS)
    assert document.dump() == (
        b"\xef\xbb\xbfname: Leo\r\nemail: leo@example.org  # mail\r\njoined: 2020-01-01\r\n"
    )


def test_a_new_key_goes_after_those_the_model_puts_before_it() -> None:
    text = "name: Leo\n# signed at the AG\ncharter_signed: '2026-01'\njoined: 2020-01-10\n"
    document = roundtrip.load(text.encode())
    roundtrip.set_value(document.data, "left", date(2026, 6, 1), MEMBER_KEYS)
    assert document.dump().decode() == text + "left: 2026-06-01\n"
    document = roundtrip.load(b"name: Leo\nemail: l@x.org\njoined: 2020-01-10  # hi\n# below\n")
    roundtrip.set_value(document.data, "email", "leo@example.org", MEMBER_KEYS)
    assert (
        document.dump() == b"name: Leo\nemail: leo@example.org\njoined: 2020-01-10  # hi\n# below\n"
    )


def test_comment_lines_before_the_next_key_stay_before_it() -> None:
    text = "name: Leo   # me\n# when\njoined: 2020-01-10\n\n# what I do\nskills: [web]\n"
    document = roundtrip.load(text.encode())
    roundtrip.set_value(document.data, "email", "leo@example.org", MEMBER_KEYS)
    roundtrip.set_value(document.data, "left", date(2026, 6, 1), MEMBER_KEYS)
    assert document.dump().decode() == (
        "name: Leo   # me\nemail: leo@example.org\n# when\njoined: 2020-01-10\n"
        "left: 2026-06-01\n\n# what I do\nskills: [web]\n"
    )


def test_an_item_is_added_after_the_last_one_in_its_style() -> None:
    text = (
        "holders:\n"
        "  - {member: camille, since: 2025-01-01}   # first\n"
        "  - {member: leo, since: 2026-04-01}\n"
        "  # the end of the holders\n"
        "\n"
        "# the trainees\n"
        "trainees:\n"
        "  - member: sam\n"
        "    since: 2026-09-01\n"
        "active: true\n"
    )
    document = roundtrip.load(text.encode())
    roundtrip.add_item(
        document.data, "holders", {"member": "ana", "since": date(2026, 5, 1)}, ROLE_KEYS
    )
    roundtrip.add_item(
        document.data, "trainees", {"member": "bob", "since": date(2026, 5, 1)}, ROLE_KEYS
    )
    assert document.dump().decode() == text.replace(
        "  - {member: leo, since: 2026-04-01}\n",
        "  - {member: leo, since: 2026-04-01}\n  - {member: ana, since: 2026-05-01}\n",
    ).replace(
        "    since: 2026-09-01\n",
        "    since: 2026-09-01\n  - member: bob\n    since: 2026-05-01\n",
    )


def test_a_new_list_goes_in_its_place_before_the_comments_of_the_next_key() -> None:
    text = (
        "title: T\nkind: support\nholders:\n  - {member: leo, since: 2024-01-01}\n"
        "# next\nactive: true\n"
    )
    document = roundtrip.load(text.encode())
    roundtrip.add_item(
        document.data, "trainees", {"member": "sam", "since": date(2026, 1, 1)}, ROLE_KEYS
    )
    assert document.dump().decode() == text.replace(
        "# next\n", "trainees:\n  - {member: sam, since: 2026-01-01}\n# next\n"
    )


def test_a_null_list_becomes_a_list_and_keeps_its_comment() -> None:
    document = roundtrip.load(b"name: Leo\npauses:   # none yet\n")
    roundtrip.add_item(
        document.data, "pauses", {"from": date(2026, 7, 1), "to": date(2026, 7, 31)}, MEMBER_KEYS
    )
    assert (
        document.dump()
        == b"name: Leo\npauses:   # none yet\n  - {from: 2026-07-01, to: 2026-07-31}\n"
    )


def test_setting_a_value_in_a_flow_mapping() -> None:
    document = roundtrip.load(b"holders:\n  - {member: camille, since: 2025-01-01, until: null}\n")
    item = document.data["holders"][0]
    roundtrip.set_value(item, "until", date(2026, 6, 30), roundtrip.key_order(Holding))
    assert (
        document.dump()
        == b"holders:\n  - {member: camille, since: 2025-01-01, until: 2026-06-30}\n"
    )


def test_decimals_are_written_exactly_and_read_back_exactly() -> None:
    document = roundtrip.new_list()
    for hours in ("2.5", "0.1", "1.50", "3", "0.30000000000000004"):
        roundtrip.append(document.data, roundtrip.mapping({"hours": Decimal(hours)}, flow=False))
    text = document.dump()
    assert text == (
        b"- hours: 2.5\n- hours: 0.1\n- hours: 1.50\n- hours: 3\n- hours: 0.30000000000000004\n"
    )
    assert [entry["hours"] for entry in yaml_fast.load(text)] == [
        Decimal("2.5"), Decimal("0.1"), Decimal("1.50"), 3, Decimal("0.30000000000000004"),
    ]  # fmt: skip


def test_values_that_look_like_something_else_are_quoted() -> None:
    document = roundtrip.new_mapping(
        {
            "note": "2024",
            "what": "yes",
            "colon": "AG: budget",
            "version": roundtrip.quoted("2026-01"),
        }
    )
    text = document.dump()
    assert text == b"note: '2024'\nwhat: yes\ncolon: 'AG: budget'\nversion: \"2026-01\"\n"
    assert yaml_fast.load(text) == {
        "note": "2024",
        "what": "yes",
        "colon": "AG: budget",
        "version": "2026-01",
    }


@pytest.mark.parametrize("raw", [b"just text\n", b"42\n", b"", b"a: [1\n", b"\xff\xfe"])
def test_only_mappings_and_lists_are_edited(raw: bytes) -> None:
    with pytest.raises(roundtrip.EditError):
        roundtrip.load(raw)


def test_top_list() -> None:
    assert roundtrip.top_list(roundtrip.new_list()) == []
    with pytest.raises(roundtrip.EditError):
        roundtrip.top_list(roundtrip.new_mapping())


@pytest.mark.parametrize(
    ("text", "layout"),
    [
        ("a:\n  - x\n", (2, 4, 2)),
        ("a:\n- x\n", (2, 2, 0)),
        ("- date: 1\n  hours: 2\n", (2, 2, 0)),
        ("-   date: 1\n    hours: 2\n", (2, 4, 0)),
        ("a:\n    b: 1\n    c:\n        - x\n", (4, 6, 4)),
        ("name: x\n", (2, 4, 2)),
    ],
)
def test_the_layout_is_guessed(text: str, layout: tuple[int, int, int]) -> None:
    guessed = roundtrip.guess_layout(text)
    assert (guessed.mapping, guessed.sequence, guessed.offset) == layout


def test_null_is_falsy_and_equal_to_none() -> None:
    document = roundtrip.load(b"a: ~\nb:\n")
    assert roundtrip.is_null(document.data["a"]) and not document.data["b"]
    assert document.data["a"] == None  # noqa: E711


def test_a_comment_after_a_one_line_item_keeps_its_distance_when_the_item_grows() -> None:
    text = (
        "holders:\n"
        "  - {member: camille, since: 2024-10-01}  # à passer la main en 2026\n"
        "  - {member: leo, since: 2025-04-01}  # arrivé en avril\n"
        "  - {member: sam, since: 2025-04-01}\n"
        "  # une ligne de commentaire\n"
    )
    document = roundtrip.load(text.encode())
    holders = document.data["holders"]
    order = roundtrip.key_order(Holding)
    roundtrip.set_item_value(holders, 0, "until", date(2026, 12, 31), order)
    roundtrip.set_item_value(holders, 1, "until", date(2026, 6, 30), order)
    roundtrip.set_item_value(holders, 2, "until", date(2026, 5, 31), order)
    assert document.dump().decode() == (
        "holders:\n"
        "  - {member: camille, since: 2024-10-01, until: 2026-12-31}  # à passer la main en 2026\n"
        "  - {member: leo, since: 2025-04-01, until: 2026-06-30}  # arrivé en avril\n"
        "  - {member: sam, since: 2025-04-01, until: 2026-05-31}\n"
        "  # une ligne de commentaire\n"
    )
