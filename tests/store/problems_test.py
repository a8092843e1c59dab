"""What YAML that does not parse says, and where: located, in French and in English."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from collectif.i18n import render
from collectif.store import problems, yaml_fast
from tests.helpers import collective, findings, member, run

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
