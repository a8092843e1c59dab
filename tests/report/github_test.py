"""GitHub workflow commands: exact syntax, escaping, only what a change introduces, the limits."""

from __future__ import annotations

from pathlib import Path

from collectif.model.finding import Severity, Status
from collectif.model.message import msg
from collectif.report.github import annotation, escape_data, escape_property, render_github
from collectif.report.safe import period_label
from tests.helpers import CONFIG, collective, member, run
from tests.report.samples import BASE, finding, many, result, review


def test_one_annotation() -> None:
    line = annotation(finding(line=5, column=14), "en")
    assert line == (
        "::error file=roles/tresorerie.yaml,line=5,col=14,title=references · role%3Atresorerie"
        "::unknown member `zoe`: there is no members/zoe.yaml"
    )


def test_a_warning_with_a_period() -> None:
    line = annotation(finding("minimum", period="2026-10", severity=Severity.WARNING), "en")
    assert line.startswith("::warning file=roles/tresorerie.yaml,line=5,col=1,title=")
    assert "title=minimum · role%3Atresorerie · 2026-10::" in line


def test_escaping_follows_githubs_rules() -> None:
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    assert escape_data("a:b,c") == "a:b,c"


def test_messages_and_properties_cannot_break_the_command() -> None:
    message = msg("{text}", text="50% of it\n::error::forged")
    hostile = finding(subject="role:a,b", file="roles/x,y:z.yaml", message=message)
    line = annotation(hostile, "en")
    # A command is only read at the start of a line: one line, one command.
    assert "\n" not in line and "\r" not in line
    assert line.index("::", 2) == line.index("::50%25")
    assert "file=roles/x%2Cy%3Az.yaml" in line and "role%3Aa%2Cb" in line
    # A line break from the data is shown, not encoded into one GitHub would display.
    assert line.endswith("::50%25 of it\\n::error::forged")


def test_our_own_line_breaks_are_encoded() -> None:
    line = annotation(finding(message=msg("one\ntwo {x}", x="three")), "en")
    assert line.endswith("::one%0Atwo three")


def test_only_the_new_findings_of_a_review_are_annotated() -> None:
    lines = render_github(review()).splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("::error file=projects/trésorerie-2026.yaml,line=21,col=7,")
    assert lines[0].endswith("::Léo received €270.00 more")
    assert lines[1].startswith("::warning file=roles/accueil.yaml,line=3,")


def test_without_statuses_every_finding_is_annotated() -> None:
    findings = [finding(), finding(subject="role:accueil", severity=Severity.WARNING)]
    assert len(render_github(result(findings)).splitlines()) == 2


def test_nothing_new_writes_nothing() -> None:
    assert render_github(result([finding(status=Status.EXISTING)], base=BASE)) == ""
    assert render_github(result([])) == ""


def test_at_most_ten_errors_and_ten_warnings_then_one_notice() -> None:
    findings = many(75, Status.NEW)
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    lines = render_github(result(findings, base=BASE)).splitlines()
    assert [line.split(" ", 1)[0] for line in lines] == ["::error"] * 10 + ["::warning"] * 10 + [
        "::notice"
    ]
    assert errors == 25
    assert lines[-1] == (
        "::notice title=collectif::Not shown as annotations: 55 more (GitHub shows 10 errors and"
        " 10 warnings per step); the job summary and `collectif check` list them all."
    )


def test_errors_come_first_even_when_warnings_are_earlier_in_the_files() -> None:
    findings = [
        finding(file="a.yaml", severity=Severity.WARNING),
        finding(file="z.yaml"),
    ]
    lines = render_github(result(findings)).splitlines()
    assert lines[0].startswith("::error file=z.yaml")


def test_french_annotations_keep_their_accents() -> None:
    text = render_github(review("fr"))
    assert "Léo" in text and "270,00\u00a0€" in text
    assert "\\u" not in text
    notice = render_github(result(many(30), lang="fr")).splitlines()[-1]
    assert notice.startswith("::notice title=collectif::Non affichés en annotations")


def test_a_french_annotation_is_titled_in_french() -> None:
    line = annotation(finding("minimum", period="2026-10", severity=Severity.WARNING), "fr")
    assert "title=minimum · rôle tresorerie · 2026-10::" in line
    collective = annotation(finding(subject="collective"), "fr")
    assert "title=references · le collectif::" in collective


def test_a_quarter_is_said_in_the_reader_s_words_in_titles() -> None:
    assert period_label("2026-Q4", "fr") == "T4 2026"
    assert period_label("2026-Q4", "en") == "Q4 2026"
    assert period_label("2026-11", "fr") == "2026-11"
    assert period_label("2026", "fr") == "2026"


def test_a_check_that_could_not_run_is_said_in_ci_formats(tmp_path: Path) -> None:
    """A broken setting stops the checks that read it: the annotations and the pull-request
    comment say so, as the terminal does, rather than look like a clean bill."""
    root = collective(
        tmp_path,
        {"collectif.yaml": CONFIG + "  minimun: {hours: 4}\n", "members/ana.yaml": member("Ana")},
    )
    github = run("check", "--repo", str(root), "--format", "github", "--as-of", "2026-11-01")
    assert "::warning title=collectif::The check minimum did not run" in github.stdout
    markdown = run("check", "--repo", str(root), "--format", "markdown", "--lang", "fr")
    assert "> ⊘ La vérification minimum n'a pas tourné" in markdown.stdout
    junit = run("check", "--repo", str(root), "--format", "junit", "--as-of", "2026-11-01")
    assert '<skipped message="The check minimum did not run' in junit.stdout
    for face in ("sarif", "gitlab"):
        done = run("check", "--repo", str(root), "--format", face, "--as-of", "2026-11-01")
        assert "The check minimum did not run" in done.stdout, face
