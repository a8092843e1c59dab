"""The runner's safety nets: a check that crashes is a finding and the others run; a check named
under `checks:` that does not exist is a schema finding with a suggestion."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import pytest

from collectif.checks import runner
from collectif.checks.base import Context
from collectif.i18n import render
from collectif.model.collective import Collective
from collectif.model.finding import Finding
from tests.commands.recording import plain
from tests.helpers import CONFIG, collective, findings, member, run, run_check

AS_OF = "2026-11-01"
BROKEN_ROLE = "title: T\nkind: support\nholders:\n  - {member: zoe, since: 2025-01-01}\n"


def _boom(collective: Collective, context: Context) -> Iterable[Finding]:
    yield from ()
    raise ZeroDivisionError("division by zero")


@pytest.fixture
def crashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """`irreplaceable` crashes whatever it is given."""
    checks = tuple(
        check._replace(run=_boom) if check.name == "irreplaceable" else check
        for check in runner.CHECKS
    )
    monkeypatch.setattr(runner, "CHECKS", checks)


def _broken(root: Path, config: str = CONFIG) -> Path:
    files = {"members/ana.yaml": member("Ana"), "roles/t.yaml": BROKEN_ROLE}
    return collective(root, files, config=config)


def test_a_check_that_crashes_is_a_finding_and_the_others_run(
    tmp_path: Path, crashing: None
) -> None:
    done = run("check", "--repo", str(_broken(tmp_path)), "--as-of", AS_OF, "--format", "json")
    assert done.returncode == 1, done.stderr
    document = json.loads(done.stdout)
    assert document["summary"]["checks"] == [check.name for check in runner.CHECKS]
    (crash,) = [f for f in document["findings"] if f["check"] == "irreplaceable"]
    assert (crash["severity"], crash["subject"], crash["file"]) == (
        "error",
        "collective",
        "collectif.yaml",
    )
    assert crash["message"].startswith(
        "the check irreplaceable stopped on an unexpected error (ZeroDivisionError: division by "
        "zero at runner_test.py:"
    )
    assert "This is a bug in collectif" in crash["message"]
    assert any(f["check"] == "references" for f in document["findings"])  # ran after it


def test_a_crash_is_told_in_french_too(tmp_path: Path, crashing: None) -> None:
    root = _broken(tmp_path)
    done = run_check(root, AS_OF, "--only", "irreplaceable")
    assert done.returncode == 1 and "Traceback" not in done.stdout + done.stderr
    french = run_check(root, AS_OF, "--lang", "fr")
    assert "la vérification irreplaceable s'est arrêtée" in french.stdout
    assert "ZeroDivisionError: division by zero" in french.stdout
    assert "membre inconnu `zoe`" in plain(french.stdout)  # references ran after it


@pytest.mark.parametrize(
    ("override", "english", "french"),
    [
        (
            "refrences: warning",
            "unknown check `refrences`: did you mean `references`?",
            "vérification inconnue `refrences`",
        ),
        (
            "zzz: off",
            "unknown check `zzz`; the checks are schema, references,",
            "vérification inconnue `zzz` ; les vérifications sont schema, references,",
        ),
    ],
)
def test_a_misspelt_check_under_checks_is_a_schema_finding(
    tmp_path: Path, override: str, english: str, french: str
) -> None:
    root = _broken(tmp_path, config=CONFIG + f"checks:\n  {override}\n")
    (found,) = [f for f in findings(root, AS_OF, only="schema")]
    assert (found.check, found.subject, found.file, found.line) == (
        "schema",
        "collective",
        "collectif.yaml",
        7,
    )
    assert render(found.message, "en").startswith(english)
    assert french in plain(render(found.message, "fr"))
    # The override that exists still counts; the misspelt one changes nothing.
    (code,) = {run("check", "--repo", str(root), "--as-of", AS_OF).returncode}
    assert code == 1


def test_checks_that_is_not_a_mapping_is_a_schema_finding(tmp_path: Path) -> None:
    root = _broken(tmp_path, config=CONFIG + "checks: off\n")
    done = run_check(root, AS_OF, "--format", "json")
    document = json.loads(done.stdout)
    assert "schema" in document["summary"]["checks"]
    assert done.returncode == 1
