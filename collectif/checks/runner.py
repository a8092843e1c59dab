"""Run the selected checks: severities from the collective's overrides, a crash as a finding."""

from __future__ import annotations

import difflib
import time
import traceback
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from collectif.checks.base import Check, Context
from collectif.checks.registry import BY_NAME, CHECKS
from collectif.errors import CollectifError
from collectif.model.collective import Collective
from collectif.model.finding import Finding, Severity
from collectif.model.layout import CONFIG_FILE
from collectif.model.message import Names, msg


class Run(NamedTuple):
    """The findings, the checks that ran, how long each took (seconds), and the checks that did
    not run because a setting they read is broken (with those settings, dotted)."""

    findings: list[Finding]
    checks: list[str]
    timings: dict[str, float]
    not_run: dict[str, list[str]]


def select(only: Sequence[str] = (), skip: Sequence[str] = ()) -> list[Check]:
    """The checks named by `--only` (all if empty), less those named by `--skip`."""
    for name in (*only, *skip):
        if name not in BY_NAME:
            close = difflib.get_close_matches(name, list(BY_NAME), n=1)
            if close:
                raise CollectifError(
                    "There is no check named `{name}`: did you mean `{close}`? `collectif "
                    "explain` lists them.",
                    name=name,
                    close=close[0],
                )
            raise CollectifError(
                "There is no check named `{name}`. `collectif explain` lists them.", name=name
            )
    chosen = [check for check in CHECKS if not only or check.name in only]
    return [check for check in chosen if check.name not in skip]


def _unknown_overrides(collective: Collective) -> list[Finding]:
    if collective.config is None:
        return []
    found = []
    for name in collective.config.checks:
        if name in BY_NAME:
            continue
        close = difflib.get_close_matches(name, list(BY_NAME), n=1)
        message = (
            msg(
                "unknown check `{key}`: did you mean `{suggestion}`?", key=name, suggestion=close[0]
            )
            if close
            else msg(
                "unknown check `{key}`; the checks are {keys}", key=name, keys=Names(tuple(BY_NAME))
            )
        )
        found.append(
            Finding(
                check="schema",
                subject="collective",
                file=CONFIG_FILE,
                path=("checks", name),
                message=message,
                on_key=True,
            )
        )
    return found


def _crash(check: Check, error: BaseException) -> Finding:
    where = traceback.extract_tb(error.__traceback__)[-1]
    return Finding(
        check=check.name,
        subject="collective",
        file=CONFIG_FILE,
        severity=Severity.ERROR,
        message=msg(
            "the check {check} stopped on an unexpected error ({error} at {where}). This is a bug "
            "in collectif: please report it with this message. The other checks ran.",
            check=check.name,
            error=f"{type(error).__name__}: {error}",
            where=f"{where.filename.rsplit('/', 1)[-1]}:{where.lineno}",
        ),
    )


def _override(check: Check, collective: Collective) -> str | None:
    return collective.config.checks.get(check.name) if collective.config else None


def _with_severity(
    findings: Iterable[Finding], severity: Severity, override: str | None = None
) -> list[Finding]:
    """The check's severity for findings that name none; a `warning` override lowers every
    finding, an error one keeps a finding's own lesser rating, and without one a finding keeps
    the rating its check gave it (a warning check may find an error: an unsigned commit)."""
    result = []
    for finding in findings:
        own = finding.severity
        if own is None or (severity is Severity.WARNING and override is not None):
            finding = finding._replace(severity=severity)
        result.append(finding)
    return result


def dotted(setting: Sequence[str | int]) -> str:
    return ".".join(str(step) for step in setting) or CONFIG_FILE


def run(collective: Collective, context: Context, checks: Sequence[Check]) -> Run:
    """Every selected check on the collective; a check whose settings are broken waits."""
    findings: list[Finding] = []
    ran: list[str] = []
    timings: dict[str, float] = {}
    not_run: dict[str, list[str]] = {}
    for check in checks:
        blocked = check.blocked_by(collective.broken_settings)
        if blocked:
            not_run[check.name] = [dotted(setting) for setting in blocked]
            continue
        override = _override(check, collective)
        if override == "off":
            continue
        severity = Severity(override) if override else check.severity
        started = time.perf_counter()
        try:
            found = list(check.run(collective, context))
        except Exception as error:  # a broken check must not hide the others
            found = [_crash(check, error)]
        if check.name == "schema":
            found.extend(_unknown_overrides(collective))
        timings[check.name] = time.perf_counter() - started
        findings.extend(_with_severity(found, severity, override))
        ran.append(check.name)
    return Run(findings, ran, timings, not_run)


def between(
    before: Collective, after: Collective, context: Context, checks: Sequence[Check]
) -> list[Finding]:
    """What the selected checks find between two states, rated as the later state says; a
    check whose settings are broken on either side finds nothing there."""
    findings: list[Finding] = []
    for check in checks:
        broken = (*before.broken_settings, *after.broken_settings)
        if check.between is None or check.blocked_by(broken):
            continue
        override = _override(check, after)
        if override == "off":
            continue
        severity = Severity(override) if override else check.severity
        try:
            found = list(check.between(before, after, context))
        except Exception as error:  # a broken check must not hide the others
            found = [_crash(check, error)]
        findings.extend(_with_severity(found, severity, override))
    return findings
