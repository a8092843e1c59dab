"""A project through its whole life by commands alone: new, line, start, sign, pay, leave,
close, cancel; every commit passes `check --rev` on its own."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from tests.commands.recording import FILES, Repo, make
from tests.helpers import CONFIG

TODAY = date.today()
DEDUCTIONS = CONFIG + (
    '  cotraitance:\n    deductions:\n      - {name: fonds collectif, rate: "0.05"}\n'
)


def _errors(repo: Repo, rev: str) -> set[tuple[str, str, str]]:
    done = repo.run("check", "--rev", rev, "--format", "json")
    findings = json.loads(done.stdout)["findings"]
    return {(f["check"], f["subject"], f["message"]) for f in findings if f["severity"] == "error"}


def _ok(repo: Repo, *args: str) -> None:
    """The command succeeds, and its commit brings no error (the fixture's members have logged
    no time: their `minimum` errors were there from the first commit)."""
    done = repo.run(*args)
    assert done.returncode == 0, done.stdout + done.stderr
    root = repo.git("rev-list", "--max-parents=0", "HEAD").strip()
    assert _errors(repo, "HEAD") <= _errors(repo, root)


def test_a_project_from_proposal_to_payment(tmp_path: Path) -> None:
    repo = make(tmp_path, {**FILES, "collectif.yaml": DEDUCTIONS})
    end = (TODAY + timedelta(days=60)).isoformat()
    _ok(repo, "project", "new", "site", "--title", "Site", "--client", "MDA",
        "--client-kind", "ess", "--as", "camille")  # fmt: skip
    _ok(repo, "project", "join", "site", "--as", "leo")
    _ok(repo, "project", "line", "site", "--member", "camille", "--what", "direction",
        "--days", "8", "--rate", "450", "--as", "camille")  # fmt: skip
    _ok(repo, "project", "line", "site", "--member", "leo", "--what", "intégration",
        "--amount", "5400", "--as", "camille")  # fmt: skip
    refused = repo.run("project", "start", "site", "--as", "camille")
    assert refused.returncode == 2 and "--end" in refused.stderr
    _ok(repo, "project", "start", "site", "--end", end, "--as", "camille")
    _ok(repo, "project", "sign", "site", "--date", TODAY.isoformat(), "--as", "camille")
    _ok(repo, "project", "pay", "site", "--date", TODAY.isoformat(), "--as", "camille")
    text = repo.read("projects/site.yaml")
    assert "status: active" in text and f"end: {end}" in text
    assert "{member: camille, amount: 3420.00}" in text
    assert "{member: leo, amount: 5130.00}" in text
    assert f"paid: {TODAY.isoformat()}" in text
    refused = repo.run("project", "leave", "site", "--as", "camille")
    assert refused.returncode == 2 and "--lead" in refused.stderr
    _ok(repo, "project", "leave", "site", "--lead", "leo", "--as", "camille")
    assert "lead: leo" in repo.read("projects/site.yaml")
    _ok(repo, "project", "close", "site", "--as", "leo")
    assert "status: done" in repo.read("projects/site.yaml")
    assert repo.status() == ""


def test_cancel_and_bad_lines(tmp_path: Path) -> None:
    repo = make(tmp_path)
    _ok(repo, "project", "new", "idee", "--title", "Idée", "--client", "X",
        "--client-kind", "other", "--as", "camille")  # fmt: skip
    both = repo.run("project", "line", "idee", "--member", "leo", "--what", "w",
                    "--amount", "10", "--days", "1", "--as", "camille")  # fmt: skip
    assert both.returncode == 2
    cents = repo.run("project", "line", "idee", "--member", "leo", "--what", "w",
                     "--amount", "10.123", "--as", "camille")  # fmt: skip
    assert cents.returncode == 2
    nobody = repo.run("project", "line", "idee", "--member", "zoe", "--what", "w",
                      "--amount", "10", "--as", "camille")  # fmt: skip
    assert nobody.returncode == 2
    nothing = repo.run("project", "pay", "idee", "--as", "camille")
    assert nothing.returncode == 2 and "no quote line" in nothing.stderr
    _ok(repo, "project", "cancel", "idee", "--as", "camille")
    assert "status: cancelled" in repo.read("projects/idee.yaml")
    again = repo.run("project", "start", "idee", "--as", "camille")
    assert again.returncode == 2 and "cancelled" in again.stderr
