"""`charter-signed`: active members who have not signed the current version of the charter."""

from __future__ import annotations

from pathlib import Path

from collectif.i18n import render
from tests.helpers import CONFIG, Seen, check_json, collective, findings, member, rated, run_check

AS_OF = "2026-11-01"
NAME = "charter-signed"


def signed(name: str, version: str, **extra: str) -> str:
    return member(name, **extra).replace('charter_signed: "2026-01"', f"charter_signed: {version}")


UNSIGNED = "name: Sam\nemail: sam@example.org\njoined: 2020-01-01\n"


def found(root: Path, as_of: str = AS_OF) -> list[Seen]:
    return rated(root, as_of, NAME)


def test_everyone_signed_the_current_version(tmp_path: Path) -> None:
    root = collective(
        tmp_path, {"members/camille.yaml": member("Camille"), "members/leo.yaml": member("Leo")}
    )
    assert found(root) == []


def test_earlier_version(tmp_path: Path) -> None:
    root = collective(tmp_path, {"members/leo.yaml": signed("Leo", '"2025-01"')})
    assert found(root) == [
        (
            NAME,
            "member:leo",
            "members/leo.yaml",
            4,
            "error",
            "leo signed version 2025-01 of the charter, not the current version 2026-01: once "
            "they have read and agreed to it, they sign it with `collectif sign`",
        )
    ]
    (finding,) = findings(root, AS_OF, only=NAME)
    assert finding.details == {"member": "leo", "signed": "2025-01", "version": "2026-01"}


def test_never_signed_points_at_the_first_line(tmp_path: Path) -> None:
    root = collective(tmp_path, {"members/sam.yaml": UNSIGNED})
    assert found(root) == [
        (
            NAME,
            "member:sam",
            "members/sam.yaml",
            1,
            "error",
            "sam has not signed the charter: once they have read and agreed to its current "
            "version 2026-01, they sign it with `collectif sign`",
        )
    ]


def test_written_but_empty(tmp_path: Path) -> None:
    root = collective(tmp_path, {"members/sam.yaml": UNSIGNED + "charter_signed: null\n"})
    assert [(row[3], row[5][:30]) for row in found(root)] == [(4, "sam has not signed the charter")]


def test_versions_compare_as_text(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {
            "members/ana.yaml": signed("Ana", '"2026-1"'),
            "members/bea.yaml": signed("Bea", '"2027-01"'),
            "members/carl.yaml": signed("Carl", "2026-01"),
        },
    )
    # a later version is not the current one either; unquoted 2026-01 is the text 2026-01
    assert [row[1] for row in found(root)] == ["member:ana", "member:bea"]


def test_only_members_active_on_the_as_of_date(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {
            "members/leo.yaml": signed("Leo", '"2025-01"', left="2026-06-01"),
            "members/zoe.yaml": signed("Zoe", '"2025-01"', joined="2026-11-02"),
        },
    )
    assert [row[1] for row in found(root, "2026-05-31")] == ["member:leo"]
    assert found(root, "2026-06-01") == []
    assert found(root, AS_OF) == []
    assert [row[1] for row in found(root, "2026-11-02")] == ["member:zoe"]


def test_no_version_no_finding(tmp_path: Path) -> None:
    config = CONFIG.replace('  version: "2026-01"\n', "  truck_factor_min: 3\n")
    root = collective(tmp_path, {"members/sam.yaml": UNSIGNED}, config=config)
    assert found(root) == []


def test_a_typo_in_a_member_file_is_one_finding_and_the_rest_counts(tmp_path: Path) -> None:
    """`skils:` is dropped and reported; sam's file still takes part, unsigned as it is."""
    root = collective(tmp_path, {"members/sam.yaml": UNSIGNED + "skils: [typo]\n"})
    assert [(f[0], f[1]) for f in found(root)] == [("charter-signed", "member:sam")]
    schema = findings(root, AS_OF, only="schema")
    assert [(f.check, f.subject) for f in schema] == [("schema", "member:sam")]


def test_severity_override(tmp_path: Path) -> None:
    files = {"members/leo.yaml": signed("Leo", '"2025-01"')}
    warning = collective(
        tmp_path / "w", files, config=CONFIG + "checks: {charter-signed: warning}\n"
    )
    assert [row[4] for row in found(warning)] == ["warning"]
    off = collective(tmp_path / "o", files, config=CONFIG + "checks: {charter-signed: off}\n")
    assert found(off) == []


def test_french(tmp_path: Path) -> None:
    root = collective(
        tmp_path, {"members/leo.yaml": signed("Leo", '"2025-01"'), "members/sam.yaml": UNSIGNED}
    )
    messages = [render(f.message, "fr") for f in findings(root, AS_OF, only=NAME)]
    assert messages == [
        "leo a signé la version 2025-01 de la charte, et non la version en vigueur "
        "2026-01\u00a0: après l'avoir lue et acceptée, il ou elle la signe avec `collectif sign`",
        "sam n'a pas signé la charte\u00a0: après avoir lu et accepté sa version en vigueur "
        "2026-01, il ou elle la signe avec `collectif sign`",
    ]
    french = run_check(root, AS_OF, "--only", NAME, "--lang", "fr")
    assert french.returncode == 1
    assert "sam n'a pas signé la charte" in french.stdout


def test_cli_end_to_end(tmp_path: Path) -> None:
    root = collective(
        tmp_path,
        {"members/camille.yaml": member("Camille"), "members/leo.yaml": signed("Leo", '"2025-01"')},
    )
    code, document = check_json(root, "--as-of", AS_OF, "--only", NAME)
    assert code == 1
    assert document["summary"]["errors"] == 1
    (finding,) = document["findings"]
    assert {k: finding[k] for k in ("check", "severity", "subject", "file", "line")} == {
        "check": NAME,
        "severity": "error",
        "subject": "member:leo",
        "file": "members/leo.yaml",
        "line": 4,
    }
    assert finding["details"] == {"member": "leo", "signed": "2025-01", "version": "2026-01"}


def test_an_earlier_signature_counts_during_the_grace_after_adoption(tmp_path: Path) -> None:
    config = CONFIG.replace('version: "2026-01"', 'version: "2026-01"\n  adopted: 2026-03-10')
    files = {"members/leo.yaml": signed("Leo", '"2025-01"'), "members/sam.yaml": UNSIGNED}
    root = collective(tmp_path, files, config=config)
    during = [f.subject for f in findings(root, "2026-03-20", only=NAME)]
    assert during == ["member:sam"]  # leo signed an earlier version: still counts for 30 days
    after = [f.subject for f in findings(root, "2026-04-09", only=NAME)]
    assert after == ["member:leo", "member:sam"]
