"""Hostile text in the files never acts on a terminal or a CI log (faults.md, bug 15).

A value with escape sequences, line breaks and bidirectional controls is shown as visible
escapes in every format: it cannot clear a screen, retitle a window, or start a line that
GitHub Actions would read as a workflow command.
"""

from __future__ import annotations

import io
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from rich.console import Console

from collectif.model.finding import Status
from collectif.model.message import Money, Names, Text, msg
from collectif.report import formats
from collectif.report.safe import json_text, printable, printable_message, shown
from collectif.report.status import print_changes
from collectif.report.text import print_text
from tests.helpers import collective, git_repo, member, run_check
from tests.report.samples import BASE, finding, result

# What bug 15 wrote in a role title, plus NUL, NEL, U+2028/U+2029, a bidi override and a tab.
HOSTILE = (
    "Coord\x1b[2J\x1b[H\x1b]0;pwned\x07\x1b[32m ALL GOOD \x1b[0m\r\n"
    "::error file=members/x.yaml::injected\n::add-mask::secret\n"
    "\x00\x85\u2028\u2029\u202egnp.exe\u2066\t</details><img src=x>|cell|"
)
# The same as YAML writes it in a double-quoted string.
HOSTILE_YAML = (
    r'"Coord\e[2J\e[H\e]0;pwned\a\e[32m ALL GOOD \e[0m\r\n'
    r"::error file=members/x.yaml::injected\n::add-mask::secret\n"
    r'\0\N\L\P\u202egnp.exe\u2066\t</details><img src=x>|cell|"'
)
# Every character that must never come out raw (a line feed is fine where we put it).
UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
AS_OF = "2026-11-01"


def test_control_characters_become_visible_escapes() -> None:
    assert printable("a\x1b[2Jb") == r"a\x1b[2Jb"
    assert printable("one\r\ntwo\tthree") == r"one\r\ntwo\tthree"
    assert printable("\x00\x07\x7f\x85\x9f") == r"\x00\x07\x7f\x85\x9f"
    assert printable("\u2028\u2029") == r"\u2028\u2029"
    assert printable("\u202a\u202e\u2066\u2069") == r"\u202a\u202e\u2066\u2069"


def test_ordinary_text_is_left_as_it_is() -> None:
    text = "Trésorerie · 1\u202f234,50\u00a0€ « café » 🙂 C:\\dossier `x` <b>|"
    assert printable(text) == text


def test_a_printable_value_is_one_line_without_control_characters() -> None:
    assert not UNSAFE.search(printable(HOSTILE))
    assert "\n" not in printable(HOSTILE)
    assert len(printable(HOSTILE).splitlines()) == 1


def test_every_value_of_a_message_is_made_printable_not_our_own_text() -> None:
    inner = msg("{who} left\nthe role", who="a\nb")
    message = msg(
        "{title}: {names}, {amount}\n{why}",
        title="x\x1by",
        names=Names(("ana\r", "bob")),
        amount=Money(Decimal(5), "\x1b"),
        why=Text(inner),
        count=3,
    )
    assert printable_message(message).params[-1] == ("count", 3)
    assert shown(message, "en") == "x\\x1by: ana\\r and bob, \\x1b\u00a05.00\na\\nb left\nthe role"


def test_json_reads_back_the_same_strings_with_every_control_escaped() -> None:
    document = {"title": HOSTILE, "n": [1, "é"]}
    text = json_text(document)
    assert json.loads(text) == document
    assert not UNSAFE.search(text)
    assert text.count("\n") == json.dumps(document, indent=2).count("\n")


def test_a_terminal_gets_only_the_colours_we_chose() -> None:
    hostile = finding(
        "irreplaceable",
        f"role:{HOSTILE}",
        f"roles/{HOSTILE}.yaml",
        msg("the role {title} is short of holders", title=HOSTILE),
        period=HOSTILE,
    )
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, color_system="standard", soft_wrap=True)
    print_text(result([hostile]), console)
    print_changes(result([hostile._replace(status=Status.NEW)], base=BASE), console)
    print_changes(result([hostile._replace(status=Status.EXISTING)], base=BASE), console)
    text = out.getvalue()
    colours = re.compile(r"\x1b\[[0-9;]*m")
    assert colours.search(text), "the console was meant to be a terminal"
    assert not UNSAFE.search(colours.sub("", text))
    assert "Coord" in text
    assert not any(line.startswith("::") for line in text.splitlines())


def _hostile_collective(root: Path) -> Path:
    """A role short of holders whose title is hostile, an unknown key with the same text, and a
    file whose name holds an escape sequence."""
    role = (
        f"title: {HOSTILE_YAML}\nkind: support\nholders:\n  - {{member: ana, since: 2025-01-01}}\n"
    )
    collective(
        root,
        {
            "members/ana.yaml": member("Ana"),
            "members/bob.yaml": member("Bob") + f"{HOSTILE_YAML}: 1\n",
            "members/eve.yaml": member("Eve").replace("name: Eve", f"name: {HOSTILE_YAML}"),
            "roles/tresorerie.yaml": role,
            "members/bad\x1b[2Jname.yaml": member("Bad"),
        },
    )
    return git_repo(root)


@pytest.fixture(scope="module")
def hostile_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _hostile_collective(tmp_path_factory.mktemp("hostile") / "repo")


def _lines(output: str) -> list[str]:
    # Every way a reader might split lines, Python's included (NEL, U+2028 and U+2029 too).
    return output.splitlines()


@pytest.mark.parametrize("name", formats.NAMES)
def test_no_format_lets_hostile_data_act(hostile_repo: Path, name: str) -> None:
    done = run_check(hostile_repo, AS_OF, "--lang", "en", "--format", name)
    assert done.returncode == 1, done.stderr
    assert "Coord" in done.stdout, "the hostile title is not in the report"
    assert not UNSAFE.search(done.stdout)
    commands = [line for line in _lines(done.stdout) if line.startswith("::")]
    if name == "github":
        assert commands and all(re.match(r"::(error|warning|notice) ", line) for line in commands)
        assert len(commands) == len(_lines(done.stdout))
        assert not any("::add-mask::" in line.split("::", 3)[1] for line in commands)
    else:
        assert commands == []


def test_markdown_shows_a_hostile_line_break_as_text(hostile_repo: Path) -> None:
    done = run_check(hostile_repo, AS_OF, "--format", "markdown")
    row = next(
        line for line in done.stdout.splitlines() if "Coord" in line and "[irrepl" not in line
    )
    assert r"\\r\\n::error file=members/x.yaml::injected\\n::add-mask::secret" in row
    assert "&lt;/details&gt;&lt;img src=x&gt;\\|cell\\|" in row
    assert "<img" not in done.stdout and "</details><img" not in done.stdout


def test_json_keeps_the_exact_values_for_scripts(hostile_repo: Path) -> None:
    done = run_check(hostile_repo, AS_OF, "--format", "json")
    messages = [item["message"] for item in json.loads(done.stdout)["findings"]]
    assert any(HOSTILE in message for message in messages)
