"""`collectif init`: a real git repository, ready to check, in either language."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from collectif.commands import init, schema
from collectif.model import files
from collectif.model.files import Charter, CollectiveFile, fields
from collectif.model.rules import validate
from collectif.store import yaml_fast
from tests.helpers import check_json, git, git_repo, run

HINT = "# yaml-language-server: $schema=.collectif/schemas/collectif.schema.json\n"
CREATED = {
    ".collectif/schemas/collectif.schema.json",
    ".collectif/schemas/contact.schema.json",
    ".collectif/schemas/contribution.schema.json",
    ".collectif/schemas/meeting.schema.json",
    ".collectif/schemas/distribution.schema.json",
    ".collectif/schemas/member.schema.json",
    ".collectif/schemas/project.schema.json",
    ".collectif/schemas/role.schema.json",
    ".github/workflows/collectif.yml",
    ".gitattributes",
    ".gitignore",
    ".pre-commit-config.yaml",
    ".vscode/settings.json",
    "collectif.yaml",
    "contacts/.gitkeep",
    "contributions/.gitkeep",
    "meetings/.template.yaml",
    "distributions/.gitkeep",
    "members/.gitkeep",
    "projects/.gitkeep",
    "roles/.gitkeep",
}
# init makes the person running it the first member (from git's identity), in a second commit
FIRST_MEMBER = "members/camille.yaml"
WITH_ME = CREATED | {FIRST_MEMBER}


@pytest.fixture
def env() -> dict[str, str]:
    """A known person committing, in a locale that names no language (git: conftest.py)."""
    return {
        "GIT_AUTHOR_NAME": "Camille Martin",
        "GIT_AUTHOR_EMAIL": "camille@example.org",
        "GIT_COMMITTER_NAME": "Camille Martin",
        "GIT_COMMITTER_EMAIL": "camille@example.org",
        "LANG": "C.UTF-8",
    }


def run_init(cwd: Path, env: dict[str, str], *args: str) -> str:
    done = run("init", *args, cwd=cwd, env=env)
    assert done.returncode == 0, done.stderr
    return done.stdout


def committed(root: Path) -> set[str]:
    return set(git(root, "ls-tree", "-r", "--name-only", "HEAD").split())


def commits(root: Path) -> int:
    return int(git(root, "rev-list", "--count", "HEAD"))


def config(root: Path) -> CollectiveFile:
    return validate(CollectiveFile, yaml_fast.load((root / "collectif.yaml").read_bytes()))


def test_init_in_english(tmp_path: Path, env: dict[str, str]) -> None:
    out = run_init(tmp_path, env, "atelier", "--lang", "en", "--name", "Atelier Commun")
    root = tmp_path / "atelier"
    text = (root / "collectif.yaml").read_text()
    assert text.startswith(HINT)
    assert "# The minimum commitment" in text and "engagement" not in text
    assert config(root).name == "Atelier Commun"
    assert config(root).language == "en"
    assert "Next steps:" in out and "collectif member add" in out
    assert (root / ".git").is_dir()
    assert commits(root) == 2
    assert committed(root) == WITH_ME
    assert git(root, "status", "--porcelain") == ""
    assert git(root, "log", "-2", "--format=%an <%ae>|%s") == (
        f"Camille Martin <camille@example.org>|member: camille joins on {date.today()}\n"
        "Camille Martin <camille@example.org>|collectif init\n"
    )
    assert (root / ".git" / "hooks" / "pre-commit").is_file()  # the hook it promises


def test_init_in_french_from_the_locale(tmp_path: Path, env: dict[str, str]) -> None:
    out = run_init(tmp_path, {**env, "LANG": "fr_FR.UTF-8"}, "atelier")
    root = tmp_path / "atelier"
    text = (root / "collectif.yaml").read_text()
    assert text.startswith(HINT)
    assert "# L'engagement minimum" in text and "The minimum commitment" not in text
    assert config(root).language == "fr"
    assert config(root).name == "atelier"  # the folder's name
    assert "Et maintenant" in out
    assert committed(root) == WITH_ME


def test_the_collective_checks_clean(tmp_path: Path, env: dict[str, str]) -> None:
    for lang in ("fr", "en"):
        run_init(tmp_path, env, lang, "--lang", lang)
        code, report = check_json(tmp_path / lang)
        assert (code, report["findings"]) == (0, [])


def test_collectif_lang_wins_over_the_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    monkeypatch.setenv("COLLECTIF_LANG", "en")
    assert init.choose_language(None) == "en"
    assert init.choose_language("fr") == "fr"
    monkeypatch.delenv("COLLECTIF_LANG")
    assert init.choose_language(None) == "fr"
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert init.choose_language(None) == "en"


def test_an_unknown_language_is_refused(tmp_path: Path, env: dict[str, str]) -> None:
    done = run("init", "atelier", "--lang", "de", cwd=tmp_path, env=env)
    assert done.returncode == 2
    assert "--lang" in done.stderr
    assert not (tmp_path / "atelier").exists()


def test_the_current_folder_by_default(tmp_path: Path, env: dict[str, str]) -> None:
    root = tmp_path / "atelier-commun"
    root.mkdir()
    out = run_init(root, env, "--lang", "en")
    assert config(root).name == "atelier-commun"
    assert "cd " not in out  # already there
    assert commits(root) == 2


def test_a_collective_is_never_overwritten(tmp_path: Path, env: dict[str, str]) -> None:
    run_init(tmp_path, env, "atelier", "--lang", "en")
    root = tmp_path / "atelier"
    (root / "collectif.yaml").write_text("name: Mine\n")
    done = run("init", "atelier", "--lang", "en", cwd=tmp_path, env=env)
    assert done.returncode == 2
    assert "already holds a collective (collectif.yaml)" in done.stderr
    assert "Traceback" not in done.stderr
    assert (root / "collectif.yaml").read_text() == "name: Mine\n"
    assert commits(root) == 2


def test_the_refusal_in_french(tmp_path: Path, env: dict[str, str]) -> None:
    (tmp_path / "collectif.yaml").write_text("name: Mine\n")
    done = run("init", "--lang", "fr", cwd=tmp_path, env=env)
    assert done.returncode == 2
    assert "contient déjà un collectif" in done.stderr


def test_files_already_there_are_kept(tmp_path: Path, env: dict[str, str]) -> None:
    root = tmp_path / "atelier"
    (root / "members").mkdir(parents=True)
    (root / ".gitignore").write_text("secret/\n")
    (root / "members" / "camille.yaml").write_text(
        "name: Camille\nemail: camille@example.org\njoined: 2020-01-01\n"
    )
    out = run_init(tmp_path, env, "atelier", "--lang", "en")
    assert (root / ".gitignore").read_text() == "secret/\n"
    assert ".gitignore was already there: left as it was." in out
    assert not (root / "members" / ".gitkeep").exists()  # the folder is not empty
    assert ".gitignore" not in committed(root)
    assert "members/camille.yaml" not in committed(root)  # only what init wrote
    assert git(root, "status", "--porcelain").split() == ["??", ".gitignore", "??", "members/"]


def test_inside_an_existing_repository(tmp_path: Path, env: dict[str, str]) -> None:
    outer = git_repo(tmp_path / "outer")
    (outer / "notes.txt").write_text("staged, not ours\n")
    git(outer, "add", "notes.txt")
    out = run_init(outer, env, "collectif", "--lang", "en")
    root = outer / "collectif"
    assert not (root / ".git").exists()  # no repository inside the repository
    assert commits(outer) == 3
    assert git(outer, "log", "-1", "--skip=1", "--format=%s") == "collectif init\n"
    changed = git(outer, "show", "--name-only", "--format=", "HEAD~1").split()
    at_root_only = {".pre-commit-config.yaml", ".github/workflows/collectif.yml"}
    assert set(changed) == {f"collectif/{path}" for path in CREATED - at_root_only}
    assert git(outer, "diff", "--cached", "--name-only") == "notes.txt\n"  # still staged
    # pre-commit reads its configuration at the repository's root only: say what to add there
    assert not (root / ".pre-commit-config.yaml").exists()
    assert "entry: collectif check --staged --repo collectif" in out
    code, report = check_json(root)
    assert (code, report["findings"]) == (0, [])


def test_the_root_of_an_empty_clone_is_used_as_is(tmp_path: Path, env: dict[str, str]) -> None:
    root = tmp_path / "clone"
    git(tmp_path, "init", "-q", "-b", "trunk", str(root))
    run_init(root, env, "--lang", "en")
    assert git(root, "branch", "--show-current") == "trunk\n"
    assert commits(root) == 2
    assert committed(root) == WITH_ME


def test_without_a_git_identity_the_first_commit_is_signed_collectif(
    tmp_path: Path, env: dict[str, str]
) -> None:
    anonymous = {key: value for key, value in env.items() if not key.startswith("GIT_AUTHOR")}
    anonymous = {k: v for k, v in anonymous.items() if not k.startswith("GIT_COMMITTER")}
    out = run_init(tmp_path, {**anonymous, "EMAIL": ""}, "atelier", "--lang", "en")
    root = tmp_path / "atelier"
    assert git(root, "log", "-1", "--format=%an <%ae>") == "collectif <collectif@localhost>\n"
    assert "git config --global user.email" in out
    assert git(root, "branch", "--show-current") == "main\n"


def test_an_awkward_name_is_quoted(tmp_path: Path, env: dict[str, str]) -> None:
    name = 'Atelier: "Commun" #1'
    run_init(tmp_path, env, "atelier", "--lang", "en", "--name", name)
    assert config(tmp_path / "atelier").name == name
    assert init.yaml_text("Atelier Commun") == "Atelier Commun"
    assert init.yaml_text("null") == '"null"'
    assert init.yaml_text("2026") == '"2026"'


def test_an_empty_name_is_refused(tmp_path: Path, env: dict[str, str]) -> None:
    done = run("init", "atelier", "--name", " ", cwd=tmp_path, env=env)
    assert done.returncode == 2
    assert "--name" in done.stderr


def test_editors_find_the_schemas(tmp_path: Path, env: dict[str, str]) -> None:
    run_init(tmp_path, env, "atelier", "--lang", "en")
    root = tmp_path / "atelier"
    settings = json.loads((root / ".vscode" / "settings.json").read_text())
    assert settings["yaml.schemas"] == {
        ".collectif/schemas/collectif.schema.json": "collectif.yaml",
        ".collectif/schemas/member.schema.json": "members/*.yaml",
        ".collectif/schemas/role.schema.json": "roles/*.yaml",
        ".collectif/schemas/project.schema.json": "projects/*.yaml",
        ".collectif/schemas/contribution.schema.json": "contributions/*/*.yaml",
        ".collectif/schemas/meeting.schema.json": "meetings/*.yaml",
        ".collectif/schemas/distribution.schema.json": "distributions/*.yaml",
        ".collectif/schemas/contact.schema.json": "contacts/*.yaml",
    }
    for item in schema.SCHEMAS:  # the same files as `collectif schema` writes
        assert (root / ".collectif" / "schemas" / item.name).read_text() == schema.render(item)


def test_the_hook_checks_what_is_staged(tmp_path: Path, env: dict[str, str]) -> None:
    run_init(tmp_path, env, "atelier", "--lang", "en")
    text = (tmp_path / "atelier" / ".pre-commit-config.yaml").read_text()
    assert text.startswith("# yaml-language-server: $schema=")
    hooks = yaml_fast.load(text.encode())["repos"]
    assert hooks == [
        {
            "repo": "local",
            "hooks": [
                {
                    "id": "collectif",
                    "name": "collectif check",
                    "entry": "collectif check --staged",
                    "language": "system",
                    "pass_filenames": False,
                    "always_run": True,
                }
            ],
        }
    ]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_template_holds_the_charter_defaults(language: str) -> None:
    written = validate(
        CollectiveFile, yaml_fast.load(init.collectif_yaml(language, "Atelier").encode())
    )
    assert written.charter.version == f"{date.today():%Y-%m}"  # signed by `member add`
    # from today on, the collective records its time: nobody owes the periods before
    assert written.charter.records_from == date.today()
    assert replace(written.charter, version=None, records_from=None) == Charter()
    assert written.checks == {}
    assert (written.currency, written.cae) == ("EUR", None)
    # every setting, but those a collective turns on when it keeps their files (commented)
    optional = {"decisions", "valuation", "fund", "contacts", "earlier"}
    assert {field.name for field in fields(Charter)} - optional == files.written(written.charter)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_template_matches_its_schema(language: str) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    document = schema.document(schema.SCHEMAS[0])
    data = yaml_fast.load(init.collectif_yaml(language, "Atelier").encode())
    as_editors_read_it = json.loads(json.dumps(data, default=str))  # a date is a string there
    jsonschema.validate(as_editors_read_it, document, cls=jsonschema.Draft202012Validator)


def test_both_templates_say_the_same_thing() -> None:
    texts = {lang: init.collectif_yaml(lang, "A") for lang in ("fr", "en")}
    data = {lang: yaml_fast.load(text.encode()) for lang, text in texts.items()}
    assert {**data["fr"], "language": None} == {**data["en"], "language": None}
    assert all(max(len(line) for line in text.splitlines()) <= 100 for text in texts.values())


def test_pre_commit_refuses_a_broken_file(tmp_path: Path, env: dict[str, str]) -> None:
    pre_commit = Path(sys.executable).parent / "pre-commit"  # a dev dependency
    run_init(tmp_path, env, "atelier", "--lang", "en")
    root = tmp_path / "atelier"
    path = f"{pre_commit.parent}{os.pathsep}{os.environ.get('PATH', '')}"
    hooked = {**os.environ, **env, "PATH": path}
    subprocess.run(
        [str(pre_commit), "install"], cwd=root, env=hooked, check=True, capture_output=True
    )
    (root / "members" / "sam.yaml").write_text("name: Sam\n")
    git(root, "add", "members/sam.yaml")
    done = subprocess.run(
        ["git", "commit", "-m", "sam"], cwd=root, env=hooked, capture_output=True, text=True
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "missing required key `email`" in done.stdout + done.stderr
    assert commits(root) == 2


def test_the_pull_request_workflow_is_the_documented_one(
    tmp_path: Path,
    env: dict[str, str],
) -> None:
    root = tmp_path / "atelier"
    assert run("init", str(root), "--lang", "en", env=env).returncode == 0
    documented = Path(__file__).parents[2] / "docs/ci/github-actions.yml"
    assert (root / ".github/workflows/collectif.yml").read_text() == documented.read_text()


def _unnamed(value: Any) -> Any:
    """A workflow without the names GitHub shows (the job's and the steps')."""
    if isinstance(value, dict):
        return {key: _unnamed(item) for key, item in value.items() if key != "name"}
    if isinstance(value, list):
        return [_unnamed(item) for item in value]
    return value


def test_the_french_workflow_is_the_same_workflow_commented_in_french(
    tmp_path: Path,
    env: dict[str, str],
) -> None:
    root = tmp_path / "atelier"
    assert run("init", str(root), "--lang", "fr", env=env).returncode == 0
    french = (root / ".github/workflows/collectif.yml").read_text()
    english = (Path(__file__).parents[2] / "docs/ci/github-actions.yml").read_text()
    assert _unnamed(yaml_fast.load(french.encode())) == _unnamed(yaml_fast.load(english.encode()))
    assert "- name: Commenter la pull request" in french
    comments = [line for line in french.splitlines() if line.lstrip().startswith("# ")]
    assert comments and "Vérifie chaque pull request" in comments[0]
    assert all(max(len(line) for line in text.splitlines()) <= 100 for text in (french, english))
    sentences = {line for line in english.splitlines() if "# " in line and "pip " not in line}
    assert not sentences & set(french.splitlines())


def test_an_unknown_collectif_lang_is_refused_as_everywhere(tmp_path: Path) -> None:
    done = run("init", "atelier", cwd=tmp_path, env={"COLLECTIF_LANG": "de"})
    assert done.returncode == 2 and "COLLECTIF_LANG" in done.stderr
    assert not (tmp_path / "atelier").exists()
