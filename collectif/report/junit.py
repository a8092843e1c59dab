"""`--format junit`: JUnit XML, for CI systems that show test results (GitLab, Jenkins…).

One test suite per check, one test case per subject that the check has findings about, and one
passing case for a check that found nothing; a check that could not run (a broken setting it
reads) has a skipped case that says so, rather than no suite at all. An error finding fails its
case; a warning leaves it passing, its text in `system-out` (a warning does not block, and a
failed test would).
Only the findings of the checked state are listed: the CI compares test reports between two
pipelines itself.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Sequence

from collectif.i18n import Lang, gettext_, plural
from collectif.model.finding import Placed, Severity
from collectif.report.fingerprint import current, errors_first
from collectif.report.result import Result, not_run
from collectif.report.safe import period_label, printable, shown, subject_label

# Characters that XML 1.0 cannot hold, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def _line(finding: Placed, lang: Lang) -> str:
    """`projects/site.yaml:21 [2026-Q3] (new) the message`."""
    where = f"{printable(finding.file)}:{finding.line}:{finding.column}"
    parts = [where]
    if finding.period:
        parts.append(f"[{period_label(finding.period, lang)}]")
    if finding.status is not None:
        parts.append(f"({gettext_(lang, finding.status.value)})")
    parts.append(shown(finding.message, lang))
    return _clean(" ".join(parts))


def _case(check: str, subject: str, findings: Sequence[Placed], lang: Lang) -> ET.Element:
    name = subject_label(subject, lang) if findings else printable(subject)
    case = ET.Element("testcase", classname=f"collectif.{check}", name=name)
    if findings:
        case.set("file", printable(findings[0].file))
        case.set("line", str(findings[0].line))
    errors = [f for f in findings if f.severity is Severity.ERROR]
    warnings = [f for f in findings if f.severity is Severity.WARNING]
    if errors:
        failure = ET.SubElement(case, "failure", type="error")
        failure.set("message", _clean(shown(errors[0].message, lang)))
        failure.text = "\n".join(_line(f, lang) for f in errors)
    if warnings:
        out = ET.SubElement(case, "system-out")
        label = plural(lang, len(warnings), "{count} warning", "{count} warnings")
        out.text = "\n".join([label, *(_line(f, lang) for f in warnings)])
    return case


def _suite(check: str, findings: Sequence[Placed], lang: Lang, why_not: str | None) -> ET.Element:
    """The check's cases; `why_not`: the sentence saying it could not run, if it could not."""
    by_subject: dict[str, list[Placed]] = defaultdict(list)
    for finding in errors_first(findings):
        by_subject[finding.subject].append(finding)
    cases = [_case(check, subject, found, lang) for subject, found in sorted(by_subject.items())]
    if why_not is not None:
        skipped = ET.Element("testcase", classname=f"collectif.{check}", name=check)
        ET.SubElement(skipped, "skipped", message=_clean(why_not))
        cases.append(skipped)
    elif not cases:
        cases = [_case(check, check, [], lang)]
    failures = sum(1 for case in cases if case.find("failure") is not None)
    suite = ET.Element("testsuite", name=check, tests=str(len(cases)), failures=str(failures))
    suite.set("errors", "0")
    suite.set("skipped", "0" if why_not is None else "1")
    suite.extend(cases)
    return suite


def render_junit(result: Result) -> str:
    findings = current(result.findings)
    by_check: dict[str, list[Placed]] = defaultdict(list)
    for finding in findings:
        by_check[finding.check].append(finding)
    why_not = dict(zip(result.not_run, not_run(result), strict=True))
    names = list(dict.fromkeys([*result.checks, *by_check, *why_not]))
    suites = [_suite(name, by_check[name], result.lang, why_not.get(name)) for name in names]
    root = ET.Element("testsuites", name="collectif")
    root.set("tests", str(sum(int(suite.get("tests", "0")) for suite in suites)))
    root.set("failures", str(sum(int(suite.get("failures", "0")) for suite in suites)))
    root.set("errors", "0")
    root.extend(suites)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")
