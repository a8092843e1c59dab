"""`collectif init`: a new collective repository, ready to use.

It writes collectif.yaml (the charter with its defaults, every setting explained in comments),
the data folders, the JSON Schemas and editor settings, a pre-commit hook, and commits them.
It never overwrites a file that is already there.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
import textwrap
from datetime import date, timedelta
from pathlib import Path
from typing import NamedTuple

import yaml

from collectif import i18n
from collectif.commands import signing
from collectif.commands.schema import COLLECTIVE_DIR, SCHEMAS, write_schemas
from collectif.errors import EXIT_OK, CollectifError
from collectif.model.layout import CONFIG_FILE, DATA_DIRS
from collectif.model.message import N_, Message, msg
from collectif.store import git, yaml_fast

TEMPLATES = Path(__file__).parent / "templates"
COMMIT_MESSAGE = "collectif init"
HOOK_CONFIG = ".pre-commit-config.yaml"
WORKFLOW = ".github/workflows/collectif.yml"
# Only for the first commit, when git does not know who is there yet.
FALLBACK_IDENTITY = ("-c", "user.name=collectif", "-c", "user.email=collectif@localhost")
# Where each kind of file lives, for editors that map schemas by file name.
SCHEMA_GLOBS = {
    "collectif.schema.json": "collectif.yaml",
    "member.schema.json": "members/*.yaml",
    "role.schema.json": "roles/*.yaml",
    "project.schema.json": "projects/*.yaml",
    "contribution.schema.json": "contributions/*/*.yaml",
    "meeting.schema.json": "meetings/*.yaml",
    "distribution.schema.json": "distributions/*.yaml",
    "contact.schema.json": "contacts/*.yaml",
}
GITATTRIBUTES_COMMENT = N_(
    "The same line endings on every member's computer, so that diffs stay clean."
)
GITATTRIBUTES = """\
*.yaml text eol=lf
*.json text eol=lf
"""
GITIGNORE = """\
.DS_Store
Thumbs.db
*~
*.swp
.~lock.*#
"""


class Written(NamedTuple):
    """What init did to the folder: files it created, and files it found and left alone."""

    created: list[str]
    kept: list[str]


def init(directory: Path, lang: str | None = None, name: str | None = None) -> int:
    """Create a collective in `directory`, commit it with git, and say what comes next."""
    language = choose_language(lang)
    root = _prepare(directory)
    title = _title(name, root)
    repository = git.discover(root)
    top = repository.top if repository else None
    at_top = top is None or top == root.resolve()
    files = _files(language, title, hook=at_top)
    written = _write(root, files)
    schemas = [
        path.relative_to(root).as_posix()
        for path, _ in write_schemas(root / COLLECTIVE_DIR, language)
    ]
    if top is None:
        _git_init(root)
    told = [_created(root, title, written, at_top), _commit(root, written.created + schemas)]
    _say(told, language)
    told = [_first_member(root, language)]
    if at_top:
        told.append(_hook(root, language))
    else:
        assert top is not None
        told.append([_hook_advice(root, top.resolve())])
    told.append([signing.advice()])
    told.append([_next_steps(root, _me(root))])
    _say(told, language)
    return EXIT_OK


def _say(blocks: list[list[Message]], language: i18n.Lang) -> None:
    paragraphs = (
        "\n".join(i18n.render(line, language) for line in block) for block in blocks if block
    )
    sys.stdout.write("\n\n".join(paragraphs) + "\n\n")
    sys.stdout.flush()


# The first member: the person running init -----------------------------------------------------

_IDENT = re.compile(r"^(?P<name>.*?) <(?P<email>[^>]*)>")


def _identity(root: Path) -> tuple[str, str] | None:
    """git's name and email for the person at the keyboard, if git knows them."""
    done = _git(root, "var", "GIT_AUTHOR_IDENT")
    found = _IDENT.match(done.stdout) if done.returncode == 0 else None
    if found is None or not has_identity(root):
        return None
    return found.group("name").strip(), found.group("email").strip()


def derive_id(email: str, name: str) -> str | None:
    """An id from the email's local part, else from the name: `sophie.l@x` gives `sophie-l`."""
    from collectif.engine.write import suggested_id

    for text in (email.partition("@")[0], name):
        candidate = suggested_id(text)
        if candidate:
            return candidate
    return None


def _me(root: Path) -> str | None:
    members = sorted(path.stem for path in (root / "members").glob("*.yaml"))
    return members[0] if len(members) == 1 else None


def _first_member(root: Path, language: i18n.Lang) -> list[Message]:
    """Make the person running init the first member, so that the next command works."""
    from collectif.commands.member.add import add
    from collectif.commands.options import WriteOptions

    if _me(root) is not None:
        return []
    identity = _identity(root)
    member_id = derive_id(identity[1], identity[0]) if identity else None
    if identity is None or member_id is None:
        return [
            msg(
                'Add yourself as the first member: collectif member add ID --name "Your Name" '
                "--email you@example.org"
            )
        ]
    add(member_id, identity[0], identity[1], None, None, WriteOptions(repo=root, lang=language))
    return [msg("You are its first member: members/{member}.yaml.", member=member_id)]


def _hook(root: Path, language: i18n.Lang) -> list[Message]:
    """Install the pre-commit hook init promises (a plain git hook that finds collectif)."""
    from collectif.commands.hook.install import install

    try:
        install(root, lang=language, signing_advice=False)
    except CollectifError as error:
        return [error.message]
    return []


def choose_language(lang: str | None) -> i18n.Lang:
    """`--lang`, else COLLECTIF_LANG (both checked as everywhere), else French for a French
    locale, else English."""
    return i18n.resolve(lang, None)


def _prepare(directory: Path) -> Path:
    """The collective's folder, created if missing; refused if it already holds a collective."""
    if directory.exists() and not directory.is_dir():
        raise CollectifError("{path} is a file, not a folder.", path=str(directory))
    if (directory / CONFIG_FILE).exists():
        raise CollectifError(
            "{path} already holds a collective (collectif.yaml): nothing was changed. "
            "`collectif check --repo {path}` checks it.",
            path=str(directory),
        )
    if shutil.which("git") is None:
        raise CollectifError(
            "collectif keeps the collective's history with git, which is not installed: "
            "install git, then run `collectif init` again."
        )
    directory.mkdir(parents=True, exist_ok=True)
    return directory.resolve()


def _title(name: str | None, root: Path) -> str:
    title = (name if name is not None else root.name).strip()
    if not title:
        raise CollectifError("The collective needs a name: pass --name NAME.")
    return title


def yaml_text(value: str) -> str:
    """`value` as a YAML scalar: plain when it reads back as itself, else double-quoted."""
    try:
        if yaml_fast.load(f"name: {value}\n".encode()) == {"name": value}:
            return value
    except yaml.YAMLError:
        pass
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


def collectif_yaml(language: i18n.Lang, name: str) -> str:
    """collectif.yaml from the language's template."""
    template = (TEMPLATES / f"collectif.{language}.yaml").read_text(encoding="utf-8")
    values = {
        "name": yaml_text(name),
        "language": language,
        "month": f"{date.today():%Y-%m}",
        "today": date.today().isoformat(),
    }
    for key, value in values.items():
        template = template.replace("{{" + key + "}}", value)
    return template


def hook_config(language: i18n.Lang, repo: str | None = None) -> str:
    """A pre-commit configuration that checks what is about to be committed."""
    entry = "collectif check --staged" + (f" --repo {shlex.quote(repo)}" if repo else "")
    why = i18n.render(
        msg(
            "Checks the collective's files before every commit, for those who use the "
            "pre-commit framework. `collectif init` and `collectif hook install` already install "
            "a plain git hook that does the same: use one or the other, not both. With this "
            "file, run `pre-commit install --overwrite` once in each clone (it replaces the "
            "plain hook), with `collectif` on the PATH (e.g. `pipx install collectif`)."
        ),
        language,
    )
    comment = "".join(f"# {line}\n" for line in textwrap.wrap(why, 96))
    return (
        "# yaml-language-server: $schema=https://json.schemastore.org/pre-commit-config.json\n"
        f"{comment}"
        "repos:\n"
        "  - repo: local\n"
        "    hooks:\n"
        "      - id: collectif\n"
        "        name: collectif check\n"
        f"        entry: {entry}\n"
        "        language: system\n"
        "        pass_filenames: false\n"
        "        always_run: true\n"
    )


def workflow(language: i18n.Lang) -> str:
    """The pull-request workflow, commented in the collective's language (the English one is
    docs/ci/github-actions.yml)."""
    name = "github-actions.fr.yml" if language == "fr" else "github-actions.yml"
    return (TEMPLATES / name).read_text(encoding="utf-8")


def vscode_settings() -> str:
    """VS Code settings that validate every kind of file, new ones included."""
    schemas = {
        (COLLECTIVE_DIR / schema.name).as_posix(): SCHEMA_GLOBS[schema.name] for schema in SCHEMAS
    }
    return json.dumps({"yaml.schemas": schemas}, indent=2) + "\n"


def _files(language: i18n.Lang, name: str, hook: bool) -> dict[str, str]:
    files = {CONFIG_FILE: collectif_yaml(language, name)}
    files.update({f"{folder}/.gitkeep": "" for folder in DATA_DIRS if folder != "meetings"})
    files["meetings/.template.yaml"] = (TEMPLATES / f"meeting.{language}.yaml").read_text(
        encoding="utf-8"
    )
    if hook:  # pre-commit and GitHub read their configuration at the repository's root only
        files[HOOK_CONFIG] = hook_config(language)
        files[WORKFLOW] = workflow(language)
    files[".vscode/settings.json"] = vscode_settings()
    files[".gitattributes"] = f"# {i18n.gettext_(language, GITATTRIBUTES_COMMENT)}\n{GITATTRIBUTES}"
    files[".gitignore"] = GITIGNORE
    return files


def _write(root: Path, files: dict[str, str]) -> Written:
    created: list[str] = []
    kept: list[str] = []
    for path, text in files.items():
        target = root / path
        if path.endswith("/.gitkeep") and target.parent.is_dir() and any(target.parent.iterdir()):
            continue  # a folder that holds files needs no placeholder
        if target.exists():
            kept.append(path)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        created.append(path)
    return Written(created, kept)


# git ----------------------------------------------------------------------------------------


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """git in `root`, as the person at the keyboard (this is their first commit)."""
    done = git.run(root, *args, reading=False, keep_identity=True)
    return subprocess.CompletedProcess(
        done.args,
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
    )


def _git_init(root: Path) -> None:
    branch = _git(root, "config", "--get", "init.defaultBranch").stdout.strip()
    done = _git(root, "init", "-q", *([] if branch else ["-b", "main"]))
    if done.returncode != 0:
        raise CollectifError(
            "git could not start a repository in {path}: {error}",
            path=str(root),
            error=done.stderr.strip(),
        )


def has_identity(root: Path) -> bool:
    """Whether git knows who commits (user.name and user.email, or GIT_AUTHOR_* variables)."""
    return all(
        _git(root, "var", ident).returncode == 0
        for ident in ("GIT_AUTHOR_IDENT", "GIT_COMMITTER_IDENT")
    )


def _committable(root: Path, paths: list[str]) -> list[str]:
    ignored = set(_git(root, "check-ignore", "--", *paths).stdout.splitlines())
    return [path for path in paths if path not in ignored]


def _commit(root: Path, paths: list[str]) -> list[Message]:
    """Commit exactly these files, nothing else that is staged; what to tell about it."""
    paths = _committable(root, paths)
    if not paths:
        return [msg("git ignores these files: nothing was committed.")]
    identity = has_identity(root)
    done = _git(root, "add", "--", *paths)
    if done.returncode == 0:  # --only: other staged changes stay staged, out of this commit
        who = [] if identity else list(FALLBACK_IDENTITY)
        done = _git(root, *who, "commit", "-q", "--only", "-m", COMMIT_MESSAGE, "--", *paths)
    if done.returncode != 0:
        raise CollectifError(
            "The files are written, but git could not commit them: {error}",
            error=(done.stderr or done.stdout).strip(),
        )
    told = [msg("Committed them with git: “{message}”.", message=COMMIT_MESSAGE)]
    if not identity:
        told.append(
            msg(
                "git does not know your name and email yet, so this first commit is signed "
                "“collectif”. Tell git who you are, so that your next changes are yours:\n"
                '  git config --global user.name "Camille Martin"\n'
                "  git config --global user.email camille@example.org"
            )
        )
    return told


# What to tell --------------------------------------------------------------------------------


def _created(root: Path, name: str, written: Written, hook: bool) -> list[Message]:
    lines = [
        msg("Created the collective “{name}” in {path}:", name=name, path=str(root)),
        msg("  collectif.yaml            the collective and its charter, every setting explained"),
        msg("  members/ roles/ projects/ contributions/   its data, one YAML file each"),
        msg("  .collectif/schemas/       JSON Schemas, so that editors complete and check"),
    ]
    if hook and HOOK_CONFIG in written.created:
        lines.append(msg("  .pre-commit-config.yaml   runs `collectif check --staged` on commit"))
    if hook and WORKFLOW in written.created:
        lines.append(msg("  .github/workflows/collectif.yml   reports on every pull request"))
    lines += [msg("{path} was already there: left as it was.", path=path) for path in written.kept]
    return lines


def _hook_advice(root: Path, top: Path) -> Message:
    repo = root.relative_to(top).as_posix()
    return msg(
        "This folder is inside the git repository {top}: to check every commit, add this hook "
        "under `repos:` in {config} at the root of that repository:\n{hook}",
        top=str(top),
        config=HOOK_CONFIG,
        hook=hook_config("en", repo).split("repos:\n", 1)[1].rstrip(),
    )


def _next_steps(root: Path, me: str | None) -> Message:
    here = Path.cwd().resolve()
    go = "" if root == here else f"  cd {shlex.quote(str(root))}\n"
    today = date.today()
    joined = (today.replace(day=1) - timedelta(days=27)).isoformat()  # early last month
    return msg(
        "Next steps:\n"
        "{go}"
        "  1. Read collectif.yaml and adapt the charter to what your collective decided.\n"
        "  2. Add the other members, even those who joined earlier:\n"
        '     collectif member add leo --name "Léo Petit" --email leo@example.org --date {joined}\n'
        "  3. Create a role with its holders (never one alone):\n"
        "     collectif role new tresorerie --title Trésorerie --kind support --holders {me},leo\n"
        '  4. Log the time you give: collectif log 2 meeting --note "first meeting"\n'
        "  Where you stand: collectif me. The whole collective: collectif check.",
        go=go,
        joined=joined,
        me=me or "camille",
    )
