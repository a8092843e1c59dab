"""`--format gitlab`: GitLab Code Quality, shown in a merge request's widget and changes tab.

It lists the findings of the checked state; GitLab compares the reports of the source and
target branches itself, by fingerprint, to tell what a merge request introduces or resolves.
A check that could not run (a broken setting it reads) is an `info` issue that says so: its
findings are missing from the report, and the widget would show them resolved without a word.
"""

from __future__ import annotations

import hashlib
from typing import Any

from collectif.model.finding import Severity
from collectif.report.fingerprint import current, fingerprints
from collectif.report.result import Result, not_run
from collectif.report.safe import json_text, shown

_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor"}


def _not_run(result: Result) -> list[dict[str, Any]]:
    return [
        {
            "description": sentence,
            "check_name": name,
            "fingerprint": hashlib.sha256(f"collectif not run {name}".encode()).hexdigest(),
            "severity": "info",
            "location": {"path": "collectif.yaml", "lines": {"begin": 1}},
        }
        for name, sentence in zip(result.not_run, not_run(result), strict=True)
    ]


def gitlab_issues(result: Result) -> list[dict[str, Any]]:
    findings = current(result.findings)
    return _not_run(result) + [
        {
            "description": shown(finding.message, result.lang),
            "check_name": finding.check,
            "fingerprint": fingerprint,
            "severity": _SEVERITY[finding.severity],
            "location": {
                "path": finding.file or "collectif.yaml",
                "lines": {"begin": finding.line},
            },
        }
        for finding, fingerprint in zip(findings, fingerprints(findings), strict=True)
    ]


def render_gitlab(result: Result) -> str:
    return json_text(gitlab_issues(result))
