"""GitLab Code Quality: the fields GitLab requires, current findings only, unique fingerprints."""

from __future__ import annotations

import json
from typing import Any

from collectif.model.finding import Severity, Status
from collectif.report.gitlab import render_gitlab
from collectif.report.result import Result
from collectif.report.sarif import render_sarif
from tests.report.samples import BASE, finding, many, result, review


def _issues(report: Result) -> list[dict[str, Any]]:
    issues = json.loads(render_gitlab(report))
    assert isinstance(issues, list)
    return issues


def test_every_issue_has_what_gitlab_requires() -> None:
    for issue in _issues(review()):
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert isinstance(issue["description"], str) and issue["description"]
        assert issue["severity"] in ("major", "minor")
        assert isinstance(issue["location"]["path"], str)
        assert isinstance(issue["location"]["lines"]["begin"], int)
        assert issue["location"]["lines"]["begin"] >= 1


def test_an_issue_in_detail() -> None:
    issue = next(issue for issue in _issues(review()) if issue["check_name"] == "cotraitance")
    assert issue == {
        "description": "Léo received €270.00 more",
        "check_name": "cotraitance",
        "fingerprint": issue["fingerprint"],
        "severity": "major",
        "location": {"path": "projects/trésorerie-2026.yaml", "lines": {"begin": 21}},
    }


def test_only_current_findings_errors_major_warnings_minor() -> None:
    issues = _issues(review())
    assert len(issues) == 4
    assert sorted(issue["severity"] for issue in issues) == ["major", "major", "minor", "minor"]
    assert all("yan" not in issue["description"] for issue in issues)


def test_fingerprints_are_unique_even_for_copies_of_a_finding() -> None:
    findings = [finding(line=3), finding(line=9), *many(500, Status.EXISTING)]
    issues = _issues(result(findings, base=BASE))
    assert len({issue["fingerprint"] for issue in issues}) == len(issues) == 502


def test_fingerprints_are_those_of_sarif_and_ignore_the_line() -> None:
    sarif = json.loads(render_sarif(review()))["runs"][0]["results"]
    assert [issue["fingerprint"] for issue in _issues(review())] == [
        item["partialFingerprints"]["collectifFinding/v1"] for item in sarif
    ]
    moved = _issues(result([finding(line=30)]))[0]["fingerprint"]
    assert moved == _issues(result([finding(line=5)]))[0]["fingerprint"]
    other = _issues(result([finding(subject="role:accueil")]))[0]["fingerprint"]
    assert other != moved


def test_french_descriptions_keep_their_accents() -> None:
    text = render_gitlab(review("fr"))
    assert "Léo" in text and "270,00\u00a0€" in text and "membre inconnu `zoe`" in text
    assert "\\u00e9" not in text


def test_no_finding_is_an_empty_list() -> None:
    assert render_gitlab(result([])) == "[]"
    assert _issues(result([finding(status=Status.FIXED)], base=BASE)) == []


def test_a_warning_is_minor_at_its_line() -> None:
    issue = _issues(result([finding(line=3, severity=Severity.WARNING)]))[0]
    assert issue["location"]["lines"] == {"begin": 3} and issue["severity"] == "minor"


def test_a_check_that_could_not_run_is_an_info_issue_that_says_why() -> None:
    """Its findings are missing from the report: the merge request's widget would show them
    resolved, so an issue says the check did not run, and why."""
    report = result([], checks=["schema"])._replace(not_run={"minimum": ["charter.minimum"]})
    (issue,) = _issues(report)
    assert (issue["check_name"], issue["severity"]) == ("minimum", "info")
    assert issue["description"].startswith("The check minimum did not run")
    assert "charter.minimum" in issue["description"]
    assert issue["location"] == {"path": "collectif.yaml", "lines": {"begin": 1}}
    assert _issues(report)[0]["fingerprint"] == issue["fingerprint"]  # the same on every run
    other = result([], checks=["schema"])._replace(not_run={"rotation": ["charter.rotation"]})
    assert _issues(other)[0]["fingerprint"] != issue["fingerprint"]
