"""Every kind of bad input becomes a `schema` finding with file, line, column and a message."""

from __future__ import annotations

from pathlib import Path

import pytest

from collectif.i18n import render
from collectif.model.finding import Placed
from tests.helpers import collective, findings, member

AS_OF = "2026-11-01"


def schema_findings(root: Path) -> list[Placed]:
    return [f for f in findings(root, AS_OF) if f.check == "schema"]


def only_one(root: Path) -> Placed:
    found = schema_findings(root)
    assert len(found) == 1, [render(f.message, "en") for f in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "line", "column", "english", "french"),
    [
        # malformed YAML
        (
            "name: Ana\nemail: [ana@example.org\njoined: 2020-01-01\n",
            3,
            7,
            "YAML syntax error: a list in brackets is not closed",
            "erreur de syntaxe YAML",
        ),
        (
            "name: Ana: Martin\nemail: a@example.org\njoined: 2020-01-01\n",
            1,
            10,
            "a `:` where YAML does not allow one",
            "un `:` là où YAML",
        ),
        # duplicate key
        (
            "name: Ana\nname: Bea\nemail: a@example.org\njoined: 2020-01-01\n",
            2,
            1,
            "duplicate key 'name'",
            "clé en double 'name'",
        ),
        # unknown key, with the closest known key suggested
        (
            "name: Ana\nemail: a@example.org\njoined: 2020-01-01\nskils: [web]\n",
            4,
            1,
            "unknown key `skils`: did you mean `skills`?",
            "vouliez-vous dire `skills`",
        ),
        (
            "name: Ana\nemail: a@example.org\njoined: 2020-01-01\nfavourite: tea\n",
            4,
            1,
            "unknown key `favourite`; the keys allowed here are name, email",
            "clé inconnue",
        ),
        # wrong types
        (
            "name: Ana\nemail: a@example.org\njoined: 2020-01-01\nskills: web\n",
            4,
            9,
            'expected a list, found the text "web"',
            "attendu une liste, trouvé le texte",
        ),
        (
            "name: 2020\nemail: a@example.org\njoined: 2020-01-01\n",
            1,
            7,
            "expected text, found the number 2020",
            "attendu un texte, trouvé le nombre 2020",
        ),
        (
            "name: Ana\nemail: a@example.org\njoined: yesterday\n",
            3,
            9,
            'expected a date YYYY-MM-DD, found the text "yesterday"',
            "attendu une date",
        ),
        # impossible date
        (
            "name: Ana\nemail: a@example.org\njoined: 2026-02-29\n",
            3,
            9,
            "2026-02-29 is not a real day",
            "2026-02-29 n'est pas un jour qui existe",
        ),
        (
            'name: Ana\nemail: a@example.org\njoined: "2026-02-30"\n',
            3,
            9,
            "2026-02-30 is not a real day",
            "n'est pas un jour qui existe",
        ),
        # missing required key
        (
            "name: Ana\nemail: a@example.org\n",
            1,
            1,
            "missing required key `joined`",
            "clé obligatoire manquante `joined`",
        ),
        # empty file, list where a mapping is expected
        ("", 1, 1, "the file is empty", "le fichier est vide"),
        ("# nothing yet\n", 1, 1, "the file is empty", "le fichier est vide"),
        ("- name: Ana\n", 1, 1, "expected a mapping of keys and values", "trouvé une liste"),
        # a YAML tag that tries to build a Python object never runs
        (
            "name: !!python/object/apply:os.system [touch HACKED]\nemail: a@example.org\n"
            "joined: 2020-01-01\n",
            1,
            7,
            "the tag tag:yaml.org,2002:python/object/apply:os.system is not allowed",
            "n'est pas permise",
        ),
        # a bad email
        (
            "name: Ana\nemail: ana\njoined: 2020-01-01\n",
            2,
            8,
            'expected an email address, found the text "ana"',
            "attendu une adresse e-mail",
        ),
    ],
)
def test_bad_member_file(
    tmp_path: Path, text: str, line: int, column: int, english: str, french: str
) -> None:
    root = collective(tmp_path, {"members/ana.yaml": text})
    finding = only_one(root)
    assert (finding.check, finding.subject, finding.file) == (
        "schema",
        "member:ana",
        "members/ana.yaml",
    )
    assert (finding.line, finding.column) == (line, column)
    assert english in render(finding.message, "en")
    assert french in render(finding.message, "fr")
    assert not (tmp_path / "HACKED").exists()


def test_not_utf8(tmp_path: Path) -> None:
    root = collective(tmp_path, {})
    (root / "members").mkdir()
    (root / "members/ana.yaml").write_bytes(b"name: Ana\nemail: a@example.org\nnote: caf\xe9\n")
    finding = only_one(root)
    assert finding.line == 3
    assert "not UTF-8" in render(finding.message, "en")
    assert "pas du texte UTF-8" in render(finding.message, "fr")


def test_alias_bomb_neither_hangs_nor_eats_memory(tmp_path: Path) -> None:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    root = collective(tmp_path, {"members/ana.yaml": "\n".join(lines) + "\n"})
    finding = only_one(root)
    assert "aliases expand to more than" in render(finding.message, "en")


@pytest.mark.parametrize(
    ("path", "english"),
    [
        ("members/Ana.yaml", "`Ana` is not a valid id"),
        ("members/ana_b.yaml", "`ana_b` is not a valid id"),
        ("members/ana.yml", "expected `members/<member>.yaml`"),
        ("members/team/ana.yaml", "expected `members/<member>.yaml`"),
        ("contributions/ana/2026-13.yaml", "`2026-13` is not a month"),
        ("contributions/ana.yaml", "expected `contributions/<member>/<YYYY-MM>.yaml`"),
    ],
)
def test_bad_file_names(tmp_path: Path, path: str, english: str) -> None:
    root = collective(tmp_path, {"members/ana.yaml": member("Ana"), path: "[]\n"})
    finding = only_one(root)
    assert finding.file == path and finding.line == 1
    assert english in render(finding.message, "en")


@pytest.mark.parametrize(
    ("path", "moved"),
    [
        ("member/lucas.yaml", "members/lucas.yaml"),
        ("membres/lucas.yaml", "members/lucas.yaml"),
        ("Projets/site.yaml", "projects/site.yaml"),
        ("réunions/2026-12-01.yaml", "meetings/2026-12-01.yaml"),
        ("contribution/ana/2026-11.yaml", "contributions/ana/2026-11.yaml"),
    ],
)
def test_a_misnamed_data_folder_is_reported_not_ignored(
    tmp_path: Path, path: str, moved: str
) -> None:
    root = collective(tmp_path, {"members/ana.yaml": member("Ana"), path: "name: Lucas\n"})
    finding = only_one(root)
    assert finding.file == path and finding.line == 1
    folder = path.split("/")[0]
    assert f"`{folder}/` is not a folder collectif reads" in render(finding.message, "en")
    assert f"Move the file to `{moved}`" in render(finding.message, "en")
    assert "vouliez-vous dire" in render(finding.message, "fr")


def test_other_folders_are_not_the_collective_s_business(tmp_path: Path) -> None:
    files = {"members/ana.yaml": member("Ana")}
    for path in ("docs/notes.yaml", "rules/a.yaml", "schemas/x.yaml", ".members/a.yaml"):
        files[path] = "[]\n"
    root = collective(tmp_path, files)
    assert schema_findings(root) == []


def test_one_broken_file_does_not_cascade(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {
            "members/ana.yaml": "name: Ana\nemail: [broken\n",
            "roles/tresorerie.yaml": "title: Trésorerie\nkind: support\nholders:\n"
            "  - {member: ana, since: 2025-01-01}\n",
        },
    )
    found = findings(root, AS_OF, only="references") + schema_findings(root)
    assert [f.file for f in found] == ["members/ana.yaml"]


@pytest.mark.parametrize(
    ("text", "line", "english"),
    [
        (
            "- date: 2026-03-04\n  hours: -1\n  kind: meeting\n",
            2,
            "expected more than 0 and at most 24 hours",
        ),
        (
            "- date: 2026-03-04\n  hours: 1\n  kind: meting\n",
            3,
            "expected one of project, support, meeting, prospecting",
        ),
        ("- date: 2026-03-04\n  hours: 1\n  kind: support\n", 1, "needs `ref`"),
        (
            "- date: 2026-03-04\n  hours: 1\n  kind: meeting\n  nte: x\n",
            4,
            "unknown key `nte`: did you mean `note`?",
        ),
        ("date: 2026-03-04\n", 1, "expected a list of time entries"),
        ("- date: 2026-03-04\n  hours: 1\n  kind: meeting\n  hours: 2\n", 4, "duplicate key"),
    ],
)
def test_bad_contribution_file(tmp_path: Path, text: str, line: int, english: str) -> None:
    root = collective(
        tmp_path, {"members/ana.yaml": member("Ana"), "contributions/ana/2026-03.yaml": text}
    )
    finding = only_one(root)
    assert (finding.subject, finding.file, finding.line) == (
        "member:ana",
        "contributions/ana/2026-03.yaml",
        line,
    )
    assert english in render(finding.message, "en")


@pytest.mark.parametrize(
    ("text", "line", "english"),
    [
        (
            "title: Site\nclient: MDA\nclient_kind: ess\nstatus: active\nlines:\n"
            "  - {member: ana, amount: 100.123}\n",
            6,
            "at most 2 decimals",
        ),
        (
            "title: Site\nclient: MDA\nclient_kind: ess\nstatus: active\nlines:\n"
            "  - {member: ana, amount: 100, days: 2, rate: 50}\n",
            6,
            "not both",
        ),
        (
            "title: Site\nclient: MDA\nclient_kind: ess\nstatus: active\nlines:\n"
            "  - {member: ana, days: 2}\n",
            6,
            "a line needs `amount`",
        ),
        (
            "title: Site\nclient: MDA\nclient_kind: essential\nstatus: active\n",
            3,
            "expected one of ess, big_account, public or other",
        ),
        (
            "title: Site\nclient: MDA\nclient_kind: ess\nstatus: active\nlead: Ana\n",
            5,
            "expected an id",
        ),
    ],
)
def test_bad_project_file(tmp_path: Path, text: str, line: int, english: str) -> None:
    root = collective(tmp_path, {"members/ana.yaml": member("Ana"), "projects/site.yaml": text})
    finding = only_one(root)
    assert (finding.subject, finding.line) == ("project:site", line)
    assert english in render(finding.message, "en")


def test_bad_collectif_yaml_keeps_checking_files(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {"members/ana.yaml": "name: Ana\n"},
        config="name: X\ncharter:\n  minimum: {hours: lots}\n",
    )
    found = schema_findings(root)
    assert [(f.file, f.line) for f in found] == [
        ("collectif.yaml", 3),
        ("members/ana.yaml", 1),
        ("members/ana.yaml", 1),
    ]
    assert "expected a number" in render(found[0].message, "en")
