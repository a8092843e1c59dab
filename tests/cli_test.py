"""The `collectif` command end to end: exit codes, JSON contract, languages, misuse; `check`
read without typer exactly as typer reads it; and, as a real process, what only a process shows
(what it imports, a closed pipe)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import typer.main

from collectif import cli as cli_module
from collectif.cli import PlainCheck, plain_check
from collectif.commands.options import CheckOptions
from tests.commands.recording import plain
from tests.helpers import (
    COLLECTIF,
    CONFIG,
    check_json,
    collective,
    git,
    git_repo,
    member,
    process,
    run,
    run_check,
)

AS_OF = "2026-11-01"
BROKEN_ROLE = """\
title: Trésorerie
kind: support
holders:
  - {member: ana, since: 2025-01-01}
  - {member: zoe, since: 2025-01-01}
"""


def broken(tmp_path: Path, config: str = CONFIG) -> Path:
    return collective(
        tmp_path,
        {"members/ana.yaml": member("Ana"), "roles/tresorerie.yaml": BROKEN_ROLE},
        config=config,
    )


def test_json_is_the_contract(tmp_path: Path) -> None:
    code, document = check_json(broken(tmp_path), "--as-of", AS_OF, "--only", "schema,references")
    assert code == 1
    assert document["as_of"] == AS_OF and document["source"] == "worktree"
    assert document["summary"] == {"errors": 1, "warnings": 0, "checks": ["schema", "references"]}
    assert document["findings"] == [
        {
            "check": "references",
            "severity": "error",
            "subject": "role:tresorerie",
            "file": "roles/tresorerie.yaml",
            "line": 5,
            "period": None,
            "message": "unknown member `zoe`: there is no members/zoe.yaml",
            "details": {},
        }
    ]


def test_json_is_the_same_in_every_language(tmp_path: Path) -> None:
    root = broken(tmp_path)
    english = run_check(root, AS_OF, "--format", "json")
    french = run_check(root, AS_OF, "--format", "json", "--lang", "fr")
    assert english.stdout == french.stdout


def test_text_in_the_collective_language_unless_overridden(tmp_path: Path) -> None:
    root = broken(tmp_path, config=CONFIG.replace("language: en", "language: fr"))
    french = run_check(root, AS_OF, "--only", "references")
    assert french.returncode == 1
    assert "membre inconnu `zoe`" in french.stdout
    assert "roles/tresorerie.yaml:5:14" in french.stdout
    assert "1 erreur, 0 avertissement" in french.stdout
    english = run_check(root, AS_OF, "--only", "references", "--lang", "en")
    assert "unknown member `zoe`" in english.stdout and "1 error, 0 warnings" in english.stdout
    by_env = run_check(
        root,
        AS_OF,
        "--only",
        "references",
        env={"COLLECTIF_LANG": "en"},
    )
    assert "unknown member `zoe`" in by_env.stdout


def test_exit_0_with_warnings_only(tmp_path: Path) -> None:
    config = CONFIG + "checks:\n  references: warning\n"
    code, document = check_json(
        broken(tmp_path, config=config), "--as-of", AS_OF, "--only", "references"
    )
    assert code == 0
    assert document["summary"]["warnings"] == 1
    assert document["findings"][0]["severity"] == "warning"


def test_check_turned_off(tmp_path: Path) -> None:
    config = CONFIG + "checks:\n  references: off\n"
    code, document = check_json(
        broken(tmp_path, config=config), "--as-of", AS_OF, "--only", "references"
    )
    assert (code, document["findings"], document["summary"]["checks"]) == (0, [], [])


def test_skip(tmp_path: Path) -> None:
    _, document = check_json(broken(tmp_path), "--as-of", AS_OF, "--skip", "references")
    assert "references" not in document["summary"]["checks"]
    assert all(f["check"] != "references" for f in document["findings"])


def test_repo_defaults_to_the_folder_around(tmp_path: Path) -> None:
    root = broken(tmp_path)
    (root / "members/deep").mkdir()
    done = run("check", "--as-of", AS_OF, "--only", "references", cwd=root / "members/deep")
    assert done.returncode == 1 and "zoe" in done.stdout


def test_misuse_exits_2_with_a_message(tmp_path: Path) -> None:
    root = broken(tmp_path)
    cases = [
        (["check", "--repo", str(root), "--as-of", "2026-13-01"], "is not a date"),
        (["check", "--repo", str(root), "--only", "refrences"], "did you mean `references`?"),
        (["check", "--repo", str(root), "--format", "yaml"], "is not one of"),
        (["check", "--repo", str(tmp_path / "nowhere")], "no such folder"),
        (["check", "--repo", str(root / "members")], "no collectif.yaml here"),
        (["check", "--bogus"], "there is no option --bogus"),
        (
            ["contact", "--lang", "fr", "add", "x"],
            "mettez-la après la commande, par exemple `collectif contact COMMANDE … --lang …`",
        ),
        (["--repo", str(root), "check"], "--repo is an option of each command, not of `collectif`"),
        (["explain", "nope"], "There is no check named `nope`"),
    ]
    for args, expected in cases:
        done = run(*args)
        assert done.returncode == 2, (args, done.stdout, done.stderr)
        assert expected in done.stderr, (args, done.stderr)
        assert "Traceback" not in done.stderr


def test_misuse_in_french(tmp_path: Path) -> None:
    done = run("check", "--repo", str(tmp_path), "--lang", "fr")
    assert done.returncode == 2
    assert "pas de collectif.yaml ici" in done.stderr


def test_no_collective_around(tmp_path: Path) -> None:
    done = run("check", cwd=tmp_path)
    assert done.returncode == 2 and "collectif init" in done.stderr


def test_no_findings_says_so_in_one_line(tmp_path: Path) -> None:
    root = collective(tmp_path, {"members/ana.yaml": member("Ana")})
    done = run_check(root, AS_OF, "--only", "schema,references")
    assert done.returncode == 0
    assert done.stdout.strip() == "No problems found: 2 checks as of 2026-11-01."


def test_explain_lists_and_explains_in_both_languages() -> None:
    listing = run("explain", "--lang", "en")
    assert listing.returncode == 0
    for name in ("schema", "references", "irreplaceable", "cotraitance", "charter-signed"):
        assert name in listing.stdout
    english = run("explain", "references", "--lang", "en")
    assert "Why it matters" in english.stdout and "unknown" in english.stdout.lower()
    french = run("explain", "references", "--lang", "fr")
    assert "Pourquoi c'est important" in french.stdout
    as_json = json.loads(run("explain", "references", "--format", "json").stdout)
    assert set(as_json) == {"name", "severity", "summary", "finds", "why", "fix", "settings"}


def test_no_arguments_prints_help() -> None:
    done = run()
    assert done.returncode == 0 and "check" in done.stdout


def test_help_in_french_and_english(tmp_path: Path) -> None:
    french = run("check", "--help", env={"COLLECTIF_LANG": "fr"})
    assert french.returncode == 0
    assert "Vérifie les fichiers du collectif au regard de sa charte." in french.stdout
    assert "Vérifier à cette date" in french.stdout
    root = broken(tmp_path, config=CONFIG.replace("language: en", "language: fr"))
    in_a_french_collective = run("role", "join", "--help", cwd=root)
    assert "Devient titulaire d'un rôle" in in_a_french_collective.stdout
    english = run("check", "--help")
    assert "Check the collective's files against its charter." in english.stdout
    assert "Usage: collectif check [OPTIONS]" in english.stdout


def test_the_usage_line_is_in_the_readers_language() -> None:
    french = {"COLLECTIF_LANG": "fr"}
    top = run("--help", env=french)
    assert "Utilisation\u00a0: collectif [OPTIONS] COMMANDE [ARGUMENTS]..." in top.stdout
    group = run("member", "--help", env=french)
    assert "Utilisation\u00a0: collectif member [OPTIONS] COMMANDE" in group.stdout
    command = run("log", "--help", env=french)
    assert "Utilisation\u00a0: collectif log [OPTIONS]" in command.stdout
    assert "Usage:" not in top.stdout + group.stdout + command.stdout


# `check` read without typer -------------------------------------------------------------------

READ_PLAINLY = [
    ["check"],
    ["check", "--staged", "--repo", "."],
    ["check", "--staged", "--repo=/nowhere", "--no-cache"],
    ["check", "--timings", "--format", "json"],
    ["check", "--as-of", "2026-11-26", "--since=2026-01-01", "--format", "json", "--lang", "fr"],
    ["check", "--rev", "HEAD~1", "--as-of", "x", "--as-of", "y"],
    ["check", "--only", "schema,references", "--only", "minimum", "--skip=rotation"],
    ["check", "--format=a=b"],
]
LEFT_TO_TYPER = [
    [],
    ["--help"],
    ["check", "--help"],
    ["diff", "HEAD"],
    ["check", "--bogus"],
    ["check", "-h"],
    ["check", "--stag"],
    ["check", "extra"],
    ["check", "--staged=1"],
    ["check", "--as-of"],
    ["check", "--as-of", ""],
    ["check", "--repo="],
    ["check", "--as-of", "--staged"],
    ["check", "--only=-x"],
    ["check", "--", "--staged"],
]


def test_plain_check_reads_as_typer_does(monkeypatch: pytest.MonkeyPatch) -> None:
    from collectif.commands.app import app

    read: list[PlainCheck] = []

    def run_check(options: CheckOptions, staged: bool, rev: str | None) -> int:
        read.append(PlainCheck(options, staged, rev))
        return 0

    monkeypatch.setattr(cli_module, "run_check", run_check)
    for args in READ_PLAINLY:
        app(args, standalone_mode=False)
        assert plain_check(args) == read[-1], args


def test_plain_check_knows_every_option_of_check() -> None:
    from collectif.commands.app import app

    check = typer.main.get_command(app).commands["check"]  # type: ignore[attr-defined]
    for option in check.params:
        value = [] if option.is_flag else ["x"]
        assert plain_check(["check", *option.opts, *value]) is not None, option.opts


def test_anything_else_is_left_to_typer() -> None:
    for args in LEFT_TO_TYPER:
        assert plain_check(args) is None, args


def imported_by(done: subprocess.CompletedProcess[str]) -> set[str]:
    """The top-level packages a run under PYTHONPROFILEIMPORTTIME imported."""
    return {
        line.rpartition("|")[2].strip().split(".")[0]
        for line in done.stderr.splitlines()
        if line.startswith("import time:")
    }


def test_check_imports_neither_typer_nor_gitpython(tmp_path: Path) -> None:
    root = git_repo(collective(tmp_path, {"members/ana.yaml": member("Ana")}))
    git(root, "add", "-A")
    done = process("check", "--staged", "--repo", str(root), env={"PYTHONPROFILEIMPORTTIME": "1"})
    imported = imported_by(done)
    assert done.returncode == 0 and "collectif" in imported
    assert not imported & {"typer", "click", "git"}


def test_a_check_on_a_warm_cache_does_not_import_pydantic(tmp_path: Path) -> None:
    files = {
        "members/ana.yaml": member("Ana"),
        "roles/tresorerie.yaml": BROKEN_ROLE.replace("zoe", "ana"),
        "projects/site.yaml": "title: S\nclient: C\nclient_kind: ess\nstatus: active\n"
        "lines:\n  - {member: ana, days: 2, rate: 400}\n",
        "contributions/ana/2026-10.yaml": "- {date: 2026-10-02, hours: 2, kind: meeting}\n",
    }
    root = git_repo(collective(tmp_path, files))
    git(root, "add", "-A")
    command = ("check", "--staged", "--repo", str(root), "--as-of", AS_OF)
    profile = {"PYTHONPROFILEIMPORTTIME": "1"}
    cold, warm = process(*command, env=profile), process(*command, env=profile)
    assert "pydantic" in imported_by(cold)  # the first run validates every file
    assert warm.returncode == cold.returncode and warm.stdout == cold.stdout
    assert "collectif" in imported_by(warm)
    assert not imported_by(warm) & {"pydantic", "pydantic_core"}
    # a file with findings is never cached: it is validated, with pydantic, on every run
    (root / "members/leo.yaml").write_text(
        "name: Léo\nemail: leo@x.org\njoined: 2026-01-01\nnick: l\n"
    )
    git(root, "add", "-A")
    assert "pydantic" in imported_by(process(*command, env=profile))


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    piped = subprocess.Popen(
        [COLLECTIF, "check", "--repo", str(broken(tmp_path)), "--as-of", AS_OF],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert piped.stdout is not None and piped.stderr is not None
    piped.stdout.close()
    error = piped.stderr.read()
    assert (piped.wait(), error) == (1, b"")


# The last resort: anything unexpected ------------------------------------------------------------


def _raising(error: BaseException) -> Callable[..., int]:
    def command(*args: object, **kwargs: object) -> int:
        raise error

    return command


@pytest.mark.parametrize(
    ("patched", "args"),
    [("run_check", ["check"]), ("run_diff", ["diff", "HEAD"])],  # plain, and through typer
)
def test_an_unexpected_error_is_a_bug_report_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, patched: str, args: list[str]
) -> None:
    root = git_repo(broken(tmp_path))
    monkeypatch.setattr(cli_module, patched, _raising(RuntimeError("the sky fell")))
    done = run(*args, "--repo", str(root))
    assert done.returncode == 3 and done.stdout == ""
    assert done.stderr == (
        "Unexpected error: RuntimeError: the sky fell. This is a bug in collectif: please report "
        "it with the command you ran (set COLLECTIF_DEBUG=1 to see the details).\n"
    )
    french = run(*args, "--repo", str(root), "--lang", "fr")
    assert french.returncode == 3
    assert "Erreur inattendue : RuntimeError: the sky fell. C'est un bogue" in plain(french.stderr)
    assert "Traceback" not in french.stderr


def test_collectif_debug_lets_the_error_through(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli_module, "run_check", _raising(RuntimeError("the sky fell")))
    with pytest.raises(RuntimeError, match="the sky fell"):
        run("check", "--repo", str(broken(tmp_path)), env={"COLLECTIF_DEBUG": "1"})


def test_collectif_debug_shows_the_traceback(tmp_path: Path) -> None:
    """As a process: Python prints what `main` lets through."""
    script = (
        "import sys\n"
        "from collectif import cli\n"
        "def boom(*args): raise RuntimeError('the sky fell')\n"
        "cli.run_check = boom\n"
        f"sys.argv = ['collectif', 'check', '--repo', {str(broken(tmp_path))!r}]\n"
        "cli.main()\n"
    )
    command = [sys.executable, "-c", script]
    hidden = subprocess.run(command, capture_output=True, text=True, check=False)
    assert hidden.returncode == 3 and "Traceback" not in hidden.stderr
    shown = subprocess.run(
        command,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "COLLECTIF_DEBUG": "1"},
    )
    assert shown.returncode == 1
    assert "Traceback (most recent call last)" in shown.stderr
    assert shown.stderr.rstrip().endswith("RuntimeError: the sky fell")


@pytest.mark.parametrize(
    ("patched", "args", "error"),
    [
        ("run_check", ["check"], KeyboardInterrupt()),
        ("run_check", ["check"], EOFError()),
        ("run_diff", ["diff", "HEAD"], KeyboardInterrupt()),
        ("run_diff", ["diff", "HEAD"], EOFError()),
    ],
)
def test_an_interruption_exits_130_quietly(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    patched: str,
    args: list[str],
    error: BaseException,
) -> None:
    monkeypatch.setattr(cli_module, patched, _raising(error))
    done = run(*args, "--repo", str(git_repo(broken(tmp_path))))
    assert done.returncode == 130
    assert done.stderr.strip() in ("", "Interrupted."), done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("command", "formats"),
    [
        (("history",), "text or json."),
        (("me",), "text or json."),
        (("explain",), "text or json."),
        (("decisions",), "text or json."),
        (("fund",), "text, json or markdown."),
        (("share",), "text, json or markdown."),
    ],
)
def test_help_lists_the_formats_the_command_writes(command: tuple[str, ...], formats: str) -> None:
    done = run(*command, "--help", env={"COLUMNS": "200"})
    assert done.returncode == 0
    assert formats in done.stdout
    assert "sarif" not in done.stdout
