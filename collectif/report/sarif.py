"""`--format sarif`: SARIF 2.1.0, as GitHub code scanning reads it.

It lists the findings of the checked state (new and existing; a fixed finding is simply no
longer there, and code scanning closes its alert). Rules are the checks, documented in the
report's language from their explanations. A check that could not run (a broken setting it
reads) is named in the invocation's configuration notifications, with the reason.
"""

from __future__ import annotations

from typing import Any

from collectif import __version__
from collectif.checks.base import Check
from collectif.checks.registry import CHECKS
from collectif.i18n import Lang, gettext_
from collectif.model.finding import Placed, Severity
from collectif.model.message import N_
from collectif.report.fingerprint import VERSION, current, fingerprints
from collectif.report.result import Result, not_run
from collectif.report.safe import json_text, shown

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning"}
_SECTIONS = (
    ("finds", N_("What it finds")),
    ("why", N_("Why it matters")),
    ("fix", N_("How to fix a finding")),
    ("settings", N_("Settings")),
)


def _help(check: Check, lang: Lang) -> dict[str, str]:
    """The check's explanation, as plain text and as Markdown."""
    sections = [
        (gettext_(lang, title), gettext_(lang, getattr(check.explanation, key)))
        for key, title in _SECTIONS
    ]
    text = "\n\n".join(f"{title}\n{body}" for title, body in sections)
    markdown = "\n\n".join(f"**{title}**\n\n{body}" for title, body in sections)
    return {"text": text, "markdown": markdown}


def _rule(check: Check, lang: Lang) -> dict[str, Any]:
    return {
        "id": check.name,
        "name": check.name,
        "shortDescription": {"text": gettext_(lang, check.explanation.summary)},
        "fullDescription": {"text": gettext_(lang, check.explanation.finds)},
        "help": _help(check, lang),
        "defaultConfiguration": {"level": _LEVEL[check.severity]},
    }


def _unknown_rule(name: str) -> dict[str, Any]:
    """A rule for a finding whose check is not in the registry, so that no result is lost."""
    return {"id": name, "name": name, "shortDescription": {"text": name}}


def _location(finding: Placed) -> dict[str, Any]:
    region = {"startLine": finding.line, "startColumn": finding.column}
    uri = finding.file.replace("\\", "/") or "collectif.yaml"
    return {"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}


def _result(finding: Placed, index: int, fingerprint: str, lang: Lang) -> dict[str, Any]:
    return {
        "ruleId": finding.check,
        "ruleIndex": index,
        "level": _LEVEL[finding.severity],
        "message": {"text": shown(finding.message, lang)},
        "locations": [_location(finding)],
        "partialFingerprints": {VERSION: fingerprint},
    }


def _invocation(result: Result, index: dict[str, int]) -> dict[str, Any]:
    """The run, with one notification per check that could not run: its rule, and why."""
    notifications = [
        {
            "level": "warning",
            "message": {"text": sentence},
            "associatedRule": {"id": name, **({"index": index[name]} if name in index else {})},
        }
        for name, sentence in zip(result.not_run, not_run(result), strict=True)
    ]
    return {"executionSuccessful": True, "toolConfigurationNotifications": notifications}


def sarif_document(result: Result) -> dict[str, Any]:
    findings = current(result.findings)
    rules = [_rule(check, result.lang) for check in CHECKS]
    index = {check.name: i for i, check in enumerate(CHECKS)}
    for finding in findings:
        if finding.check not in index:
            index[finding.check] = len(rules)
            rules.append(_unknown_rule(finding.check))
    results = [
        _result(finding, index[finding.check], fingerprint, result.lang)
        for finding, fingerprint in zip(findings, fingerprints(findings), strict=True)
    ]
    driver = {
        "name": "collectif",
        "version": __version__,
        "rules": rules,
    }
    run: dict[str, Any] = {
        "tool": {"driver": driver},
        "language": result.lang,
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    if result.not_run:  # only when some could not run, so that the usual output stays the same
        run["invocations"] = [_invocation(result, index)]
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def render_sarif(result: Result) -> str:
    return json_text(sarif_document(result))
