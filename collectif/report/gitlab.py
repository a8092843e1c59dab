"""`--format gitlab`: GitLab Code Quality, shown in a merge request's widget and changes tab.

It lists the findings of the checked state; GitLab compares the reports of the source and
target branches itself, by fingerprint, to tell what a merge request introduces or resolves.
"""

from __future__ import annotations

from typing import Any

from collectif.model.finding import Severity
from collectif.report.fingerprint import current, fingerprints
from collectif.report.result import Result
from collectif.report.safe import json_text, shown

_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor"}


def gitlab_issues(result: Result) -> list[dict[str, Any]]:
    findings = current(result.findings)
    return [
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
