"""Each command once as the installed program, in a process of its own: the rest of the suite
runs them in-process (`tests.helpers.run`), which must tell the same story."""

from __future__ import annotations

from pathlib import Path

import pytest

from collectif.commands.schema import SCHEMAS
from tests.commands.recording import Repo, make
from tests.helpers import process, run

AS_OF = "2026-11-01"
READING = [
    ("check", "--as-of", AS_OF),
    ("check", "--as-of", AS_OF, "--format", "json", "--lang", "fr"),
    ("check", "--staged", "--as-of", AS_OF, "--only", "schema,references"),
    ("diff", "HEAD", "--as-of", AS_OF),
    ("history", "--format", "json"),
    ("history", "role:tresorerie", "--lang", "fr"),
    ("check", "--as-of", "2026-13-01"),
    ("role", "join", "--help", "--lang", "fr"),
]


@pytest.mark.parametrize("args", READING, ids=" ".join)
def test_a_process_and_the_in_process_run_agree(tmp_path: Path, args: tuple[str, ...]) -> None:
    repo = make(tmp_path)
    (repo.root / "roles/tresorerie.yaml").write_text("title: T\nkind: support\nholders: [zoe]\n")
    args = (*args, "--repo", str(repo.root)) if "--help" not in args else args
    real = process(*args)
    assert real.returncode in (0, 1, 2), real.stderr
    assert "Traceback" not in real.stderr
    assert run(*args) == (real.returncode, real.stdout, real.stderr)


@pytest.mark.parametrize(
    "args",
    [
        ("explain", "references", "--lang", "fr"),
        ("explain", "--format", "json"),
        ("--help",),
        (),
    ],
    ids=repr,
)
def test_commands_without_a_collective_agree(args: tuple[str, ...]) -> None:
    real = process(*args)
    assert real.returncode == 0, real.stderr
    assert run(*args) == (real.returncode, real.stdout, real.stderr)


WRITING = [
    ("log", "1", "meeting", "--date", "2026-03-04"),
    ("member", "add", "zoe", "--name", "Zoé", "--email", "zoe@example.org"),
    ("member", "leave", "leo", "--date", "2026-06-01"),
    ("role", "join", "tresorerie", "--as", "leo", "--since", "2026-03-01"),
    ("project", "new", "site", "--title", "Site", "--client", "MDA", "--client-kind", "ess"),
]


@pytest.mark.parametrize("args", WRITING, ids=" ".join)
def test_each_writing_command_commits_as_a_process(tmp_path: Path, args: tuple[str, ...]) -> None:
    repo = make(tmp_path)
    done = process(*args, "--repo", str(repo.root), "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert "Recorded:" in done.stdout
    assert repo.count() == 2 and repo.status() == ""


def test_init_schema_and_hook_as_processes(tmp_path: Path) -> None:
    env = {"GIT_AUTHOR_NAME": "Camille", "GIT_AUTHOR_EMAIL": "camille@example.org"}
    created = process("init", "atelier", "--lang", "en", cwd=tmp_path, env=env)
    assert created.returncode == 0, created.stderr
    repo = Repo(tmp_path / "atelier", tmp_path / "atelier")
    schemas = process("schema", "--out", str(tmp_path / "schemas"))
    assert schemas.returncode == 0, schemas.stderr
    assert len(list((tmp_path / "schemas").glob("*.schema.json"))) == len(SCHEMAS)

    hooked = process("hook", "install", "--repo", str(repo.root))
    assert hooked.returncode == 0, hooked.stderr
    assert (repo.top / ".git/hooks/pre-commit").is_file()
    assert process("check", "--repo", str(repo.root)).returncode == 0
