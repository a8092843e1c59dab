"""JUnit XML: a suite per check, a case per subject, failures for errors, counts that add up."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from collectif.model.finding import Severity, Status
from collectif.model.message import msg
from collectif.report.junit import render_junit
from tests.report.samples import BASE, CHECKS, finding, many, result, review


def _parse(text: str) -> ET.Element:
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    return ET.fromstring(text.encode("utf-8"))


def _suite(root: ET.Element, name: str) -> ET.Element:
    suite = root.find(f"testsuite[@name='{name}']")
    assert suite is not None, name
    return suite


def test_structure_and_counts_of_a_review() -> None:
    root = _parse(render_junit(review()))
    assert root.tag == "testsuites"
    assert [suite.get("name") for suite in root] == CHECKS
    assert root.attrib == {"name": "collectif", "tests": "5", "failures": "2", "errors": "0"}
    for suite in root:
        cases = suite.findall("testcase")
        assert suite.get("tests") == str(len(cases))
        assert suite.get("failures") == str(sum(1 for c in cases if c.find("failure") is not None))
        assert suite.get("errors") == "0"


def test_a_check_without_findings_is_one_passing_case() -> None:
    schema = _suite(_parse(render_junit(review())), "schema")
    cases = schema.findall("testcase")
    assert len(cases) == 1
    assert cases[0].attrib == {"classname": "collectif.schema", "name": "schema"}
    assert list(cases[0]) == []


def test_an_error_fails_its_subjects_case() -> None:
    suite = _suite(_parse(render_junit(review())), "cotraitance")
    (case,) = suite.findall("testcase")
    assert case.get("name") == "project:trésorerie-2026"
    assert case.get("classname") == "collectif.cotraitance"
    assert case.get("file") == "projects/trésorerie-2026.yaml" and case.get("line") == "21"
    failure = case.find("failure")
    assert failure is not None
    assert failure.get("message") == "Léo received €270.00 more"
    assert (
        failure.text
        == "projects/trésorerie-2026.yaml:21:7 [Q3 2026] (new) Léo received €270.00 more"
    )


def test_a_warning_passes_with_its_text_in_system_out() -> None:
    suite = _suite(_parse(render_junit(review())), "minimum")
    (case,) = suite.findall("testcase")
    assert case.find("failure") is None
    out = case.find("system-out")
    assert out is not None and out.text is not None
    assert out.text.splitlines() == [
        "1 warning",
        "members/léo.yaml:1:1 [2026-10] (existing) Léo gave 3.5 hours",
    ]


def test_fixed_findings_are_not_listed() -> None:
    suite = _suite(_parse(render_junit(review())), "references")
    names = [case.get("name") for case in suite.findall("testcase")]
    assert names == ["role:tresorerie"]


def test_several_findings_about_one_subject_make_one_case() -> None:
    findings = [
        finding(line=9, message=msg("unknown role `{ref}`: there is no roles/{ref}.yaml", ref="x")),
        finding(line=5),
        finding(line=7, severity=Severity.WARNING),
        finding(subject="role:accueil", file="roles/accueil.yaml", severity=Severity.WARNING),
    ]
    root = _parse(render_junit(result(findings, checks=["references"])))
    suite = _suite(root, "references")
    assert suite.get("tests") == "2" and suite.get("failures") == "1"
    accueil, tresorerie = suite.findall("testcase")
    assert accueil.get("name") == "role:accueil" and accueil.find("failure") is None
    failure = tresorerie.find("failure")
    assert failure is not None and failure.text is not None
    assert failure.get("message") == "unknown member `zoe`: there is no members/zoe.yaml"
    assert failure.text.splitlines() == [
        "roles/tresorerie.yaml:5:1 unknown member `zoe`: there is no members/zoe.yaml",
        "roles/tresorerie.yaml:9:1 unknown role `x`: there is no roles/x.yaml",
    ]
    assert tresorerie.find("system-out") is not None


def test_a_check_that_did_not_run_but_has_findings_gets_a_suite() -> None:
    root = _parse(render_junit(result([finding(check="crashed-check")], checks=["schema"])))
    assert [suite.get("name") for suite in root] == ["schema", "crashed-check"]


def test_markup_and_control_characters_cannot_break_the_xml() -> None:
    message = msg("{text}", text='<failure> & "quotes" \x00\x07 ]]> café')
    root = _parse(render_junit(result([finding(message=message)])))
    failure = root.find(".//failure")
    assert failure is not None
    assert failure.get("message") == '<failure> & "quotes" \\x00\\x07 ]]> café'


def test_a_line_break_or_carriage_return_in_the_data_stays_visible() -> None:
    message = msg("{text}", text="a\r\n::error::x")
    text = render_junit(result([finding(message=message)]))
    assert "\r" not in text and "\n::error" not in text
    failure = _parse(text).find(".//failure")
    assert failure is not None and failure.text is not None
    assert failure.text.endswith("a\\r\\n::error::x")


def test_french_report() -> None:
    text = render_junit(review("fr"))
    root = _parse(text)
    failure = root.find(".//testsuite[@name='references']/testcase/failure")
    assert failure is not None and failure.text is not None
    assert "(existant) membre inconnu `zoe`" in failure.text
    out = root.find(".//testsuite[@name='minimum']/testcase/system-out")
    assert out is not None and out.text is not None
    assert out.text.startswith("1 avertissement\n")
    assert "Léo" in text and "270,00\u00a0€" in text


def test_many_findings() -> None:
    root = _parse(render_junit(result(many(1_000, Status.NEW), base=BASE, checks=["references"])))
    assert root.get("tests") == "1000"
    assert root.get("failures") == "334"


def test_a_french_report_names_its_cases_in_french() -> None:
    root = _parse(render_junit(review("fr")))
    (case,) = _suite(root, "cotraitance").findall("testcase")
    assert case.get("name") == "projet trésorerie-2026"
    assert _suite(root, "schema").find("testcase").get("name") == "schema"  # type: ignore[union-attr]


def test_a_check_that_could_not_run_is_a_skipped_case_that_says_why() -> None:
    """A broken setting stops the checks that read it: the CI shows them skipped, with the
    reason, rather than leave them out as if they had never been asked for."""
    ran = result([], checks=["schema"])._replace(not_run={"minimum": ["charter.minimum"]})
    root = _parse(render_junit(ran))
    minimum = _suite(root, "minimum")
    assert (minimum.get("tests"), minimum.get("failures"), minimum.get("skipped")) == (
        "1",
        "0",
        "1",
    )
    skipped = minimum.find("testcase/skipped")
    assert skipped is not None
    assert skipped.get("message", "").startswith("The check minimum did not run")
    assert "charter.minimum" in skipped.get("message", "")
    assert _suite(root, "schema").get("skipped") == "0"
