"""`collectif check --staged` and `--rev`: git states, statuses, exit codes, clean errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.helpers import CONFIG, check_json, collective, git, git_repo, member, run, write

AS_OF = "2026-11-01"
ONLY = ("--as-of", AS_OF, "--only", "schema,references")


def role(*holders: str, title: str = "Trésorerie") -> str:
    lines = [f"title: {title}", "kind: support", "holders:"]
    lines += [f"  - {{member: {holder}, since: 2025-01-01}}" for holder in holders]
    return "\n".join(lines) + "\n"


def repository(root: Path, **roles: str) -> Path:
    """A committed collective: members ana and leo, and the given roles."""
    files = {"members/ana.yaml": member("Ana"), "members/leo.yaml": member("Leo")}
    files.update({f"roles/{name}.yaml": text for name, text in roles.items()})
    return git_repo(collective(root, files))


def staged(root: Path, *args: str) -> tuple[int, dict[str, Any]]:
    return check_json(root, "--staged", *ONLY, *args)


def refs(document: dict[str, Any]) -> list[tuple[str, str, int, str]]:
    """(file, status, line, message) of each finding."""
    return [(f["file"], f["status"], f["line"], f["message"]) for f in document["findings"]]


def stage(root: Path, path: str, text: str) -> None:
    write(root, path, text)
    git(root, "add", path)


def test_nothing_staged_is_clean(tmp_path: Path) -> None:
    root = repository(tmp_path, tresorerie=role("ana", "leo"))

    code, document = staged(root)

    assert code == 0
    assert document["source"] == "index"
    assert document["base"] == "rev:" + git(root, "rev-parse", "HEAD").strip()
    assert document["findings"] == []
    assert document["summary"] | {"checks": []} == {
        "errors": 0,
        "warnings": 0,
        "checks": [],
        "new": 0,
        "existing": 0,
        "fixed": 0,
    }


def test_a_staged_error_is_new_and_refused(tmp_path: Path) -> None:
    root = repository(tmp_path, tresorerie=role("ana", "leo"))
    stage(root, "roles/tresorerie.yaml", role("ana", "zoe"))

    code, document = staged(root)

    assert code == 1
    assert refs(document) == [
        (
            "roles/tresorerie.yaml",
            "new",
            5,
            "unknown member `zoe`: there is no members/zoe.yaml",
        )
    ]
    assert document["summary"]["new"] == 1
    assert document["summary"]["errors"] == 1


def test_a_file_staged_in_a_misnamed_folder_is_refused(tmp_path: Path) -> None:
    root = repository(tmp_path, tresorerie=role("ana", "leo"))
    stage(root, "member/lucas.yaml", member("Lucas"))

    code, document = staged(root)

    assert code == 1
    assert [(f, status) for f, status, _, _ in refs(document)] == [("member/lucas.yaml", "new")]
    git(root, "commit", "-q", "--no-verify", "-m", "lucas, in the wrong folder")
    rev = check_json(root, "--rev", "HEAD", *ONLY)
    assert [f["file"] for f in rev[1]["findings"]] == ["member/lucas.yaml"]


def test_a_staged_fix_passes_though_an_unstaged_breakage_waits_on_disk(tmp_path: Path) -> None:
    root = repository(tmp_path, tresorerie=role("ana", "zoe"), communication=role("ana", "leo"))
    stage(root, "roles/tresorerie.yaml", role("ana", "leo"))
    write(root, "roles/communication.yaml", role("ana", "bob"))  # not staged

    code, document = staged(root)

    assert code == 0
    assert [(f, s) for f, s, _, _ in refs(document)] == [("roles/tresorerie.yaml", "fixed")]
    assert document["summary"]["fixed"] == 1
    assert document["summary"]["errors"] == 0  # a fixed finding is no longer there
    assert check_json(root, *ONLY)[0] == 1  # the work tree is broken, the commit is not


def test_a_staged_breakage_is_refused_though_the_work_tree_is_fixed(tmp_path: Path) -> None:
    root = repository(tmp_path, tresorerie=role("ana", "leo"))
    stage(root, "roles/tresorerie.yaml", role("ana", "zoe"))
    write(root, "roles/tresorerie.yaml", role("ana", "leo"))  # fixed on disk, not staged

    code, document = staged(root)

    assert code == 1
    assert [s for _, s, _, _ in refs(document)] == ["new"]
    assert check_json(root, *ONLY)[0] == 0


def test_an_error_already_in_head_does_not_block(tmp_path: Path) -> None:
    root = repository(tmp_path, tresorerie=role("ana", "zoe"))
    stage(root, "members/leo.yaml", member("Leo", skills="[graphisme]"))

    code, document = staged(root)

    assert code == 0
    assert [(f, s) for f, s, _, _ in refs(document)] == [("roles/tresorerie.yaml", "existing")]
    assert document["summary"] | {"checks": []} == {
        "errors": 1,
        "warnings": 0,
        "checks": [],
        "new": 0,
        "existing": 1,
        "fixed": 0,
    }


def test_moving_lines_keeps_an_existing_finding_existing(tmp_path: Path) -> None:
    root = repository(tmp_path, tresorerie=role("zoe", "ana"))
    moved = "# Who keeps the accounts.\n# Reviewed every year.\n" + role("leo", "zoe", "ana")
    stage(root, "roles/tresorerie.yaml", moved)

    code, document = staged(root)

    assert code == 0
    assert [(s, line) for _, s, line, _ in refs(document)] == [("existing", 7)]


def test_a_second_identical_problem_is_new(tmp_path: Path) -> None:
    root = repository(tmp_path, tresorerie=role("zoe", "ana"))
    stage(root, "roles/tresorerie.yaml", role("zoe", "ana", "zoe"))

    code, document = staged(root)

    assert code == 1
    assert [(s, line) for _, s, line, _ in refs(document)] == [("existing", 4), ("new", 6)]


def test_new_warnings_do_not_block(tmp_path: Path) -> None:
    config = CONFIG + "checks:\n  references: warning\n"
    root = git_repo(collective(tmp_path, {"members/ana.yaml": member("Ana")}, config=config))
    stage(root, "roles/tresorerie.yaml", role("ana", "zoe"))

    code, document = staged(root)

    assert code == 0
    assert [(f["severity"], f["status"]) for f in document["findings"]] == [("warning", "new")]


def test_the_first_commit_finds_everything_new(tmp_path: Path) -> None:
    root = collective(tmp_path, {"members/ana.yaml": member("Ana"), "roles/t.yaml": role("zoe")})
    git(root, "init", "-q")
    git(root, "add", "-A")

    code, document = staged(root)

    assert code == 1
    assert document["base"] is None
    assert [s for _, s, _, _ in refs(document)] == ["new"]


def test_a_collective_in_a_subfolder(tmp_path: Path) -> None:
    folder = collective(tmp_path / "data" / "example", {"members/ana.yaml": member("Ana")})
    git_repo(tmp_path)
    stage(folder, "roles/tresorerie.yaml", role("ana", "zoe"))

    code, document = staged(folder)

    assert code == 1
    assert [(f, s, line) for f, s, line, _ in refs(document)] == [
        ("data/example/roles/tresorerie.yaml", "new", 5)
    ]


def test_the_hook_runs_from_the_top_of_the_repository(tmp_path: Path) -> None:
    folder = collective(tmp_path / "data" / "example", {"members/ana.yaml": member("Ana")})
    git_repo(tmp_path)
    stage(folder, "roles/tresorerie.yaml", role("ana", "zoe"))

    done = run("check", "--staged", "--repo", "data/example", *ONLY, cwd=tmp_path)

    assert done.returncode == 1
    assert "data/example/roles/tresorerie.yaml:5" in done.stdout


def test_text_shows_new_first_then_fixed_then_existing(tmp_path: Path) -> None:
    root = repository(
        tmp_path, tresorerie=role("ana", "zoe"), communication=role("bob", "leo"), accueil=role("x")
    )
    stage(root, "roles/communication.yaml", role("ana", "leo"))
    stage(root, "roles/facilitation.yaml", role("ana", "eve"))

    done = run("check", "--repo", str(root), "--staged", *ONLY)

    assert done.returncode == 1
    text = done.stdout
    new, fixed, existing = (
        text.index("Introduced by this change:"),
        text.index("Fixed by this change:"),
        text.index("Already there before this change (not caused by it):"),
    )
    assert new < fixed < existing
    assert text.index("unknown member `eve`") < fixed
    assert fixed < text.index("roles/communication.yaml:4") < existing
    assert existing < text.index("roles/accueil.yaml:4") and existing < text.index("zoe")
    assert "1 new error, 0 new warnings, 1 finding fixed, 2 findings already there" in text


def test_text_in_french(tmp_path: Path) -> None:
    root = repository(tmp_path, tresorerie=role("ana", "zoe"))
    stage(root, "roles/communication.yaml", role("ana", "eve"))

    done = run("check", "--repo", str(root), "--staged", "--lang", "fr", *ONLY)

    assert done.returncode == 1
    assert "Introduit par cette modification" in done.stdout
    assert "Déjà présents avant cette modification" in done.stdout
    assert "1 nouvelle erreur, 0 nouvel avertissement" in done.stdout


def test_rev_reads_an_older_commit(tmp_path: Path) -> None:
    root = repository(tmp_path, tresorerie=role("ana", "zoe"))
    first = git(root, "rev-parse", "HEAD").strip()
    stage(root, "roles/tresorerie.yaml", role("ana", "leo"))
    git(root, "commit", "-q", "-m", "fix")

    old_code, old = check_json(root, "--rev", "HEAD~1", *ONLY)
    new_code, new = check_json(root, "--rev", "main", *ONLY)

    assert (old_code, new_code) == (1, 0)
    assert old["source"] == f"rev:{first}"
    assert len(old["source"]) == len("rev:") + 40
    assert "base" not in old and "status" not in old["findings"][0]
    assert [f["file"] for f in old["findings"]] == ["roles/tresorerie.yaml"]
    assert new["findings"] == []


def test_clean_errors(tmp_path: Path) -> None:
    root = repository(tmp_path / "repo")
    outside = collective(tmp_path / "plain", {})

    cases = [
        (("--rev", "no-such-branch"), root, "`no-such-branch` is not a commit"),
        (("--staged",), outside, "is not in a git repository"),
        (("--rev", "HEAD"), outside, "is not in a git repository"),
        (("--staged", "--rev", "HEAD"), root, "--staged and --rev cannot be used together"),
    ]
    for args, where, text in cases:
        done = run("check", "--repo", str(where), *args)
        assert done.returncode == 2, (args, done.stderr)
        assert text in done.stderr and "Traceback" not in done.stderr


def test_a_collective_not_yet_staged_or_absent_from_a_commit(tmp_path: Path) -> None:
    write(tmp_path, "README.md", "hello\n")
    git_repo(tmp_path)
    folder = collective(tmp_path / "col", {})

    not_staged = run("check", "--repo", str(folder), "--staged")
    not_there = run("check", "--repo", str(folder), "--rev", "HEAD")

    assert not_staged.returncode == not_there.returncode == 2
    assert "col/collectif.yaml is not staged" in not_staged.stderr
    assert "There is no collective in col/ at `HEAD`" in not_there.stderr


def test_a_collective_new_to_the_repository_is_all_new(tmp_path: Path) -> None:
    write(tmp_path, "README.md", "hello\n")
    git_repo(tmp_path)
    folder = collective(tmp_path / "col", {"roles/t.yaml": role("zoe")})
    git(tmp_path, "add", "col")

    code, document = staged(folder)

    assert code == 1
    assert document["base"] == "rev:" + git(tmp_path, "rev-parse", "HEAD").strip()
    assert [(f, s) for f, s, _, _ in refs(document)] == [("col/roles/t.yaml", "new")]


def test_findings_fixed_or_already_there_show_their_message_on_a_line_of_its_own(
    tmp_path: Path,
) -> None:
    """Field note: 42 lines cut at the same spot could not be told apart; the message now has
    a line of the terminal to itself, below its place."""
    root = repository(tmp_path, tresorerie=role("zoe", "zed"))
    stage(root, "roles/tresorerie.yaml", role("zoe", "ana"))
    done = run("check", "--repo", str(root), "--staged", *ONLY, env={"COLUMNS": "80"})
    lines = done.stdout.splitlines()
    assert "    unknown member `zed`: there is no members/zed.yaml" in lines  # fixed
    assert "    unknown member `zoe`: there is no members/zoe.yaml" in lines  # already there
