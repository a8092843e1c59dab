"""One registry of formats, one way to print them; every format from a real review and the CLI."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from collectif.commands.check import make_context, result_of, select
from collectif.engine.evaluate import changes
from collectif.model.finding import Status
from collectif.report import formats
from collectif.report.result import Result
from collectif.store import (
    source,
)
from tests.helpers import Outcome, repo_at, run
from tests.report.repo import AS_OF, reviewed_change, role
from tests.report.samples import finding, result, review
from tests.report.sarif_test import SCHEMA

MACHINE_FORMATS = ("json", "markdown", "github", "sarif", "junit", "gitlab")


def test_every_format_has_a_name() -> None:
    assert ("text", *MACHINE_FORMATS) == formats.NAMES
    assert tuple(formats.RENDERERS) == MACHINE_FORMATS


@pytest.mark.parametrize("name", MACHINE_FORMATS)
def test_every_format_renders_a_review(name: str) -> None:
    text = formats.render(review("fr"), name)
    assert "Léo" in text


@pytest.mark.parametrize("name", MACHINE_FORMATS)
def test_write_gives_utf8_whatever_the_streams_encoding(name: str) -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="ascii")
    formats.write(review("fr"), name, stream)
    stream.flush()
    text = raw.getvalue().decode("utf-8")
    assert text == formats.render(review("fr"), name) + "\n"


def test_write_to_a_text_only_stream() -> None:
    stream = io.StringIO()
    formats.write(review(), "gitlab", stream)
    assert json.loads(stream.getvalue())[0]["check_name"]


def test_write_nothing_when_a_format_has_nothing_to_say() -> None:
    stream = io.StringIO()
    formats.write(result([]), "github", stream)
    assert stream.getvalue() == ""


def test_text_between_two_states_starts_with_what_the_change_introduces() -> None:
    stream = io.StringIO()
    formats.write(review(), "text", stream)
    assert stream.getvalue().startswith("Introduced by this change:")
    assert "1 new error, 1 new warning, 1 finding fixed" in " ".join(stream.getvalue().split())


def test_text_of_one_state_groups_findings_by_subject() -> None:
    stream = io.StringIO()
    formats.write(result([finding()]), "text", stream)
    assert stream.getvalue().startswith("role:tresorerie\n")


def _reviewed(root: Path, language: str = "en") -> Result:
    """What `collectif diff main HEAD` computes on the reviewed change, in process."""
    where = repo_at(reviewed_change(root, language))
    before = source.commit(where, where.resolve("main"))
    after = source.commit(where, where.resolve("HEAD"))
    context = make_context(AS_OF, None)
    evaluation = changes(before, after, context, select(["references"], None))
    return result_of(evaluation, after.name, context, None, base=before.name)


def test_every_format_of_a_real_review(tmp_path: Path) -> None:
    review = _reviewed(tmp_path)
    statuses = {f.subject: f.status for f in review.findings}
    assert statuses == {
        "role:liaison": Status.NEW,
        "role:tresorerie": Status.FIXED,
        "role:accueil": Status.EXISTING,
    }
    markdown = formats.render(review, "markdown")
    assert "## ❌ 1 new error" in markdown and "roles/liaison.yaml:5" in markdown
    github = formats.render(review, "github")
    assert github.startswith("::error file=roles/liaison.yaml,line=5,col=14,")
    sarif = json.loads(formats.render(review, "sarif"))
    jsonschema.validate(sarif, SCHEMA, cls=jsonschema.Draft7Validator)
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in sarif["runs"][0]["results"]
    }
    assert uris == {"roles/liaison.yaml", "roles/accueil.yaml"}
    junit = ET.fromstring(formats.render(review, "junit").encode("utf-8"))
    assert junit.get("tests") == "2" and junit.get("failures") == "2"
    gitlab = json.loads(formats.render(review, "gitlab"))
    assert {issue["location"]["path"] for issue in gitlab} == uris


def test_a_real_review_in_french(tmp_path: Path) -> None:
    markdown = formats.render(_reviewed(tmp_path, "fr"), "markdown")
    assert "## ❌ 1 nouvelle erreur" in markdown
    assert "membre inconnu `max`" in markdown


def _collectif(*args: str, cwd: Path | None = None) -> Outcome:
    done = run(*args, cwd=cwd)
    assert "Traceback" not in done.stderr and "is not one of" not in done.stderr, done.stderr
    return done


@pytest.mark.parametrize("name", MACHINE_FORMATS)
def test_collectif_diff_prints_every_format_and_fails_on_new_errors(
    tmp_path: Path, name: str
) -> None:
    root = reviewed_change(tmp_path)
    args = ("--as-of", AS_OF, "--only", "references", "--format", name)
    done = _collectif("diff", "main", "HEAD", "--repo", str(root), *args)
    assert done.returncode == 1, done.stderr
    assert "roles/liaison.yaml" in done.stdout


@pytest.mark.parametrize("name", MACHINE_FORMATS)
def test_collectif_check_prints_every_format(tmp_path: Path, name: str) -> None:
    root = reviewed_change(tmp_path, language="fr")
    args = ("--as-of", AS_OF, "--only", "references", "--format", name)
    done = _collectif("check", "--repo", str(root), *args)
    assert done.returncode == 1, done.stderr
    assert "roles/accueil.yaml" in done.stdout


def test_collectif_diff_without_a_new_error_passes_in_every_format(tmp_path: Path) -> None:
    root = reviewed_change(tmp_path)
    (root / "roles/liaison.yaml").write_text(role("Liaison", "ana", "bob"), encoding="utf-8")
    for name in MACHINE_FORMATS:
        args = ("--as-of", AS_OF, "--only", "references", "--format", name)
        done = _collectif("diff", "main", "--repo", str(root), *args)
        assert done.returncode == 0, (name, done.stdout, done.stderr)
