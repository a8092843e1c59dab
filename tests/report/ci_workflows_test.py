"""The CI pipelines of docs/ci: valid YAML, real collectif commands, and they work on a review."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from collectif.report import formats
from tests.helpers import git, run
from tests.report.repo import reviewed_change
from tests.report.sarif_test import SCHEMA

DOCS = Path(__file__).resolve().parents[2] / "docs"
GITHUB = DOCS / "ci" / "github-actions.yml"
GITLAB = DOCS / "ci" / "gitlab-ci.yml"
_ENDS = {">", ">>", "||", "&&", "|", ";"}


def _load(path: Path) -> dict[Any, Any]:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(document, dict)
    return document


def _github_steps() -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = _load(GITHUB)["jobs"]["charter"]["steps"]
    return steps


def _gitlab_job() -> dict[str, Any]:
    job: dict[str, Any] = _load(GITLAB)["collectif"]
    return job


def _scripts() -> list[str]:
    job = _gitlab_job()
    runs: list[str] = [step["run"] for step in _github_steps() if "run" in step]
    before: list[str] = job["before_script"]
    script: list[str] = job["script"]
    return runs + before + script


def _commands() -> list[list[str]]:
    """Every `collectif …` command of both pipelines, as arguments, without redirections."""
    found = []
    for script in _scripts():
        for line in script.replace("\\\n", " ").splitlines():
            words = shlex.split(line, comments=True)
            for i, word in enumerate(words):
                if word == "collectif":
                    rest = words[i + 1 :]
                    end = next((j for j, w in enumerate(rest) if w in _ENDS), len(rest))
                    found.append(rest[:end])
    return found


def test_the_github_workflow() -> None:
    workflow = _load(GITHUB)
    # PyYAML reads the `on` key as YAML 1.1's true.
    assert "pull_request" in workflow[True]
    assert workflow["permissions"]["security-events"] == "write"
    steps = _github_steps()
    uses = [step.get("uses", "") for step in steps]
    checkout = steps[uses.index("actions/checkout@v4")]
    assert checkout["with"]["fetch-depth"] == 0
    assert "actions/setup-python@v5" in uses
    upload = steps[uses.index("github/codeql-action/upload-sarif@v3")]
    assert upload["with"]["sarif_file"] == "collectif.sarif"
    assert "pip install" in steps[2]["run"]
    assert '>> "$GITHUB_STEP_SUMMARY"' in steps[3]["run"]
    assert "gh pr comment" in steps[7]["run"] and "--edit-last" in steps[7]["run"]
    assert steps[-1]["run"] == 'exit "$STATUS"'
    assert _load(GITHUB)["jobs"]["charter"]["env"]["BASE"] == "origin/${{ github.base_ref }}"


def test_the_gitlab_job() -> None:
    job = _gitlab_job()
    assert job["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    assert job["variables"]["GIT_DEPTH"] == "0"
    assert job["artifacts"]["when"] == "always"
    assert job["artifacts"]["reports"] == {
        "codequality": "gl-code-quality.json",
        "junit": "collectif-junit.xml",
    }
    script = "\n".join(job["script"])
    assert "--format gitlab > gl-code-quality.json" in script
    assert "cat collectif-report.md" in script


def test_the_pipelines_run_real_commands_with_real_options() -> None:
    commands = _commands()
    assert len(commands) == 6
    helps: dict[str, str] = {}
    for args in commands:
        name = args[0]
        if name not in helps:
            done = run(name, "--help")
            assert done.returncode == 0, done.stderr
            helps[name] = done.stdout
        for word in args[1:]:
            if word.startswith("--"):
                assert word in helps[name], (args, word)
        assert args[args.index("--format") + 1] in formats.NAMES


def _bash(script: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, **env}
    environment["PATH"] = str(Path(sys.executable).parent) + os.pathsep + os.environ["PATH"]
    return subprocess.run(
        ["bash", "-eo", "pipefail", "-c", script],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def _review(tmp_path: Path) -> Path:
    root = reviewed_change(tmp_path / "collective")
    git(root, "update-ref", "refs/remotes/origin/main", "main")
    return root


def test_the_github_steps_on_a_pull_request(tmp_path: Path) -> None:
    root = _review(tmp_path)
    summary, output = tmp_path / "summary.md", tmp_path / "output"
    env = {"BASE": "origin/main", "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_OUTPUT": str(output)}
    steps = {step.get("name"): step for step in _github_steps()}
    for name in ("Report", "Annotate the changed files", "Code scanning report"):
        done = _bash(steps[name]["run"], root, env)
        assert done.returncode == 0, (name, done.stderr)
        if name == "Annotate the changed files":
            assert re.search(r"^::error file=roles/liaison\.yaml,line=5,", done.stdout, re.M)
    assert summary.read_text(encoding="utf-8").startswith("<!-- collectif report -->\n## ❌")
    assert "status=1" in output.read_text(encoding="utf-8").splitlines()
    sarif = json.loads((root / "collectif.sarif").read_text(encoding="utf-8"))
    jsonschema.validate(sarif, SCHEMA, cls=jsonschema.Draft7Validator)
    final = _bash(steps["Fail on new errors"]["run"], root, {"STATUS": "1"})
    assert final.returncode == 1


def test_the_gitlab_job_on_a_merge_request(tmp_path: Path) -> None:
    root = _review(tmp_path)
    script = "\n".join(_gitlab_job()["script"])
    done = _bash(script, root, {"CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main"})
    assert done.returncode == 1, done.stderr
    assert done.stdout.startswith("<!-- collectif report -->\n## ❌")
    issues = json.loads((root / "gl-code-quality.json").read_text(encoding="utf-8"))
    assert "roles/liaison.yaml" in {issue["location"]["path"] for issue in issues}
    junit = ET.fromstring((root / "collectif-junit.xml").read_bytes())
    assert junit.tag == "testsuites" and int(junit.get("failures", "0")) >= 1
