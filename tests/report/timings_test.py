"""`--timings`: each check's time on stderr, in the reader's language; the findings unchanged."""

from __future__ import annotations

import json
from pathlib import Path

from collectif.report.timings import render_timings
from tests.helpers import collective, git, git_repo, member, run, write
from tests.report.samples import result

ONLY = ("--as-of", "2026-11-01", "--only", "schema,references")


def test_one_line_per_check_in_the_order_they_ran() -> None:
    timed = result([])._replace(timings={"schema": 0.01234, "contract-concentration": 1.5})
    assert render_timings(timed) == (
        "Time taken by each check:\n"
        "  schema                     12.3 ms\n"
        "  contract-concentration  1,500.0 ms"
    )


def test_in_french() -> None:
    timed = result([], lang="fr")._replace(timings={"schema": 0.01234, "minimum": 1.5})
    assert render_timings(timed) == (
        "Temps pris par chaque vérification\u00a0:\n"
        "  schema      12,3 ms\n"
        "  minimum  1\u202f500,0 ms"
    )


def test_no_check_ran_prints_nothing() -> None:
    assert render_timings(result([])) == ""


def _checked(tmp_path: Path) -> Path:
    return collective(tmp_path, {"members/ana.yaml": member("Ana")})


def test_check_timings_go_to_stderr_and_json_stays_clean(tmp_path: Path) -> None:
    root = _checked(tmp_path)
    args = ("check", "--repo", str(root), *ONLY)
    done = run(*args, "--format", "json", "--timings")
    plain = run(*args, "--format", "json")
    assert done.returncode == plain.returncode == 0
    assert json.loads(done.stdout) == json.loads(plain.stdout) and plain.stderr == ""
    lines = done.stderr.splitlines()
    assert lines[0] == "Time taken by each check:"
    assert [line.split()[0] for line in lines[1:]] == ["schema", "references"]
    assert all(line.endswith(" ms") for line in lines[1:])


def test_timings_in_the_collective_language_with_text_output(tmp_path: Path) -> None:
    root = _checked(tmp_path)
    done = run("check", "--repo", str(root), *ONLY, "--timings", "--lang", "fr")
    assert "Aucun problème" in done.stdout and "Temps pris" not in done.stdout
    assert done.stderr.startswith("Temps pris par chaque vérification\u00a0:\n  schema ")


def test_staged_and_diff_take_timings_too(tmp_path: Path) -> None:
    root = git_repo(_checked(tmp_path))
    write(root, "members/leo.yaml", member("Leo"))
    git(root, "add", "-A")
    staged = run("check", "--staged", "--repo", str(root), *ONLY, "--timings")
    diff = run("diff", "HEAD", "--repo", str(root), *ONLY, "--timings")
    for done in (staged, diff):
        assert done.returncode == 0, done.stderr
        assert done.stderr.startswith("Time taken by each check:\n  schema ")
