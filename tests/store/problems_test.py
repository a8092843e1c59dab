"""What YAML that does not parse says, and where: located, in French and in English."""

from __future__ import annotations

import pytest
import yaml

from collectif.i18n import render
from collectif.store import problems, yaml_fast

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
