"""`--format json`: the contract of DESIGN.md section 4, the same in every language."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from collectif.i18n import render
from collectif.model.finding import Placed, Severity, Status
from collectif.report.result import Result
from collectif.report.safe import json_text


def _jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def finding_json(finding: Placed) -> dict[str, Any]:
    """One finding; its message in English, so that scripts read the same in every language."""
    item: dict[str, Any] = {
        "check": finding.check,
        "severity": finding.severity.value,
        "subject": finding.subject,
        "file": finding.file,
        "line": finding.line,
        "period": finding.period,
        "message": render(finding.message, "en"),
        "details": _jsonable(finding.details or {}),
    }
    if finding.status is not None:
        item["status"] = finding.status.value
    return item


def summary_json(result: Result) -> dict[str, Any]:
    summary: dict[str, Any] = {
        "errors": result.count(Severity.ERROR),
        "warnings": result.count(Severity.WARNING),
        "checks": result.checks,
    }
    if result.not_run:  # only when some could not run, so that the usual output stays the same
        summary["not_run"] = [
            {"check": name, "settings": settings} for name, settings in result.not_run.items()
        ]
    if result.base is not None or any(f.status is not None for f in result.findings):
        for status in Status:
            summary[status.value] = sum(1 for f in result.findings if f.status is status)
    return summary


def render_json(result: Result) -> str:
    document = {
        "as_of": result.as_of.isoformat(),
        "source": result.source,
        **({"base": result.base or None} if result.base is not None else {}),
        "summary": summary_json(result),
        "findings": [finding_json(finding) for finding in result.findings],
    }
    return json_text(document)
