"""SARIF 2.1.0: valid against the standard's schema, with what GitHub code scanning requires."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema

from collectif import __version__
from collectif.checks.registry import CHECKS
from collectif.i18n import gettext_
from collectif.model.finding import Severity, Status
from collectif.report.result import Result
from collectif.report.sarif import render_sarif
from tests.report.samples import BASE, finding, many, result, review

SCHEMA = json.loads(
    (Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")
)


def _run(report: Result) -> dict[str, Any]:
    document = json.loads(render_sarif(report))
    jsonschema.validate(document, SCHEMA, cls=jsonschema.Draft7Validator)
    runs: list[dict[str, Any]] = document["runs"]
    assert len(runs) == 1
    return runs[0]


def test_the_document_is_valid_sarif_2_1_0() -> None:
    document = json.loads(render_sarif(review()))
    jsonschema.Draft7Validator.check_schema(SCHEMA)
    jsonschema.validate(document, SCHEMA, cls=jsonschema.Draft7Validator)
    assert document["version"] == "2.1.0"
    assert document["$schema"].startswith("https://")


def test_the_schema_refuses_what_github_would_refuse() -> None:
    document = json.loads(render_sarif(review()))
    document["runs"][0]["results"][0]["level"] = "fatal"
    validator = jsonschema.Draft7Validator(SCHEMA)
    assert not validator.is_valid(document)


def test_the_tool_and_one_rule_per_check() -> None:
    driver = _run(review())["tool"]["driver"]
    assert driver["name"] == "collectif"
    assert driver["version"] == __version__
    assert "informationUri" not in driver  # no published home page yet: none invented
    assert [rule["id"] for rule in driver["rules"]] == [check.name for check in CHECKS]
    for rule, check in zip(driver["rules"], CHECKS, strict=True):
        assert rule["name"] == check.name
        assert rule["shortDescription"]["text"] == check.explanation.summary
        assert rule["fullDescription"]["text"] == check.explanation.finds
        assert check.explanation.why in rule["help"]["text"]
        assert check.explanation.fix in rule["help"]["markdown"]
        assert rule["defaultConfiguration"]["level"] == check.severity.value


def test_rules_are_documented_in_the_reports_language() -> None:
    rules = _run(review("fr"))["tool"]["driver"]["rules"]
    for rule, check in zip(rules, CHECKS, strict=True):
        assert rule["shortDescription"]["text"] == gettext_("fr", check.explanation.summary)
        assert gettext_("fr", check.explanation.fix) in rule["help"]["text"]
    assert rules[0]["shortDescription"]["text"] != CHECKS[0].explanation.summary
    assert "Pourquoi c'est important" in rules[0]["help"]["text"]


def test_results_are_the_current_findings_without_the_fixed_ones() -> None:
    run = _run(review())
    results = run["results"]
    assert len(results) == 4
    rules = run["tool"]["driver"]["rules"]
    for item in results:
        assert rules[item["ruleIndex"]]["id"] == item["ruleId"]
    assert "yan" not in json.dumps(results)


def test_a_result_in_detail() -> None:
    results = _run(review())["results"]
    paid = next(item for item in results if item["ruleId"] == "cotraitance")
    assert paid["level"] == "error"
    assert paid["message"]["text"] == "Léo received €270.00 more"
    location = paid["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "projects/trésorerie-2026.yaml"
    assert location["region"] == {"startLine": 21, "startColumn": 7}
    warning = next(item for item in results if item["ruleId"] == "minimum")
    assert warning["level"] == "warning"
    region = warning["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 1, "startColumn": 1}


def test_uris_are_relative_with_forward_slashes() -> None:
    run = _run(result([finding(file="sub\\roles\\x.yaml", line=1)]))
    location = run["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "sub/roles/x.yaml"
    assert location["region"] == {"startLine": 1, "startColumn": 1}


def test_fingerprints_follow_the_finding_not_its_line() -> None:
    def fingerprint(line: int, subject: str = "role:tresorerie") -> str:
        run = _run(result([finding(line=line, subject=subject)]))
        value: str = run["results"][0]["partialFingerprints"]["collectifFinding/v1"]
        return value

    assert fingerprint(5) == fingerprint(40)
    assert fingerprint(5) != fingerprint(5, subject="role:accueil")


def test_fingerprints_are_the_same_in_every_language_and_unique() -> None:
    def fingerprints(lang: str) -> list[str]:
        report = review("fr") if lang == "fr" else review()
        return [r["partialFingerprints"]["collectifFinding/v1"] for r in _run(report)["results"]]

    assert fingerprints("fr") == fingerprints("en")
    copies = [finding(line=line) for line in (3, 9, 12)]
    values = [
        r["partialFingerprints"]["collectifFinding/v1"] for r in _run(result(copies))["results"]
    ]
    assert len(set(values)) == 3


def test_a_finding_of_an_unknown_check_gets_a_rule() -> None:
    run = _run(result([finding(check="crashed-check", severity=Severity.WARNING)]))
    rules = run["tool"]["driver"]["rules"]
    item = run["results"][0]
    assert item["ruleIndex"] == len(CHECKS)
    assert rules[item["ruleIndex"]]["id"] == "crashed-check"


def test_french_text_is_kept_as_it_is() -> None:
    text = render_sarif(review("fr"))
    assert "Léo" in text and "270,00\u00a0€" in text and "trésorerie" in text
    assert "\\u00e9" not in text
    assert json.loads(text)["runs"][0]["language"] == "fr"


def test_many_findings_and_no_finding_are_valid() -> None:
    assert len(_run(result(many(300, Status.NEW), base=BASE))["results"]) == 300
    assert _run(result([]))["results"] == []


def test_a_check_that_could_not_run_is_a_notification_that_says_why() -> None:
    """A broken setting stops the checks that read it: the run says which, with the reason,
    and a run where every check ran has no invocation to speak of."""
    assert "invocations" not in _run(review())
    report = result([], checks=["schema"])._replace(not_run={"minimum": ["charter.minimum"]})
    (invocation,) = _run(report)["invocations"]
    assert invocation["executionSuccessful"] is True
    (notification,) = invocation["toolConfigurationNotifications"]
    index = [check.name for check in CHECKS].index("minimum")
    assert notification["associatedRule"] == {"id": "minimum", "index": index}
    assert notification["message"]["text"].startswith("The check minimum did not run")
    assert "charter.minimum" in notification["message"]["text"]
