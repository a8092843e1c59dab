"""`authorship` on given commits: the rules of DESIGN.md, without git (the commands' tests
build real repositories)."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from collectif.checks import runner
from collectif.checks.base import Context
from collectif.i18n import render
from collectif.model.authorship import (
    STAGED,
    WILL_SIGN,
    Commit,
    allowed_signers,
    fingerprint,
    owners,
)
from collectif.model.finding import Finding, Severity
from tests.helpers import collective, loaded, member

CONFIG = """\
name: Atelier Test
charter:
  authorship: {others_files: OTHERS, signed: SIGNED}
"""
KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB0m8fBkGTzVrXoQwqqJ3lbbc6dKpU0Ww4rHq9h2u1h3 ana@laptop"


def commit(
    author: str, *paths: str, committer: str = "", signature: str = "", signer: str = ""
) -> Commit:
    email = f"{author}@example.org"
    return Commit(
        "a" * 40,
        author.title(),
        email,
        committer.title() or author.title(),
        f"{committer}@example.org" if committer else email,
        paths,
        signature,
        signer,
    )


def run(
    tmp_path: Path, commits: list[Commit], others: str = "warning", signed: bool = False
) -> list[Finding]:
    files = {
        "members/ana.yaml": member("Ana") + f"signing_keys: [{KEY}]\n",
        "members/leo.yaml": member("Leo"),
    }
    config = CONFIG.replace("OTHERS", others).replace("SIGNED", str(signed).lower())
    root = collective(tmp_path, files, config)
    context = Context(as_of=date(2026, 11, 1), commits=tuple(commits))
    return runner.run(loaded(root), context, runner.select(["authorship"])).findings


def test_own_files_and_shared_files_are_free(tmp_path: Path) -> None:
    assert (
        run(tmp_path, [commit("ana", "members/ana.yaml", "contributions/ana/2026-10.yaml")]) == []
    )
    assert run(tmp_path, [commit("ana", "roles/tresorerie.yaml", "collectif.yaml")]) == []
    # acting for leo (author leo, committer ana) on leo's files
    assert run(tmp_path, [commit("leo", "members/leo.yaml", committer="ana")]) == []


def test_others_files_name_owners_and_who(tmp_path: Path) -> None:
    (found,) = run(tmp_path, [commit("ana", "contributions/leo/2026-10.yaml", "members/ana.yaml")])
    assert found.severity is Severity.WARNING
    assert found.subject == "commit:" + "a" * 40
    assert found.file == "contributions/leo/2026-10.yaml"
    assert found.details is not None and found.details["owners"] == ["leo"]
    assert dict(found.message.params)["who"] == "ana"
    # the committer of a commit made for someone else is named too
    (found,) = run(tmp_path, [commit("leo", "members/ana.yaml", committer="bob")])
    assert "committed by" in found.message.msgid


def test_no_member_and_severities(tmp_path: Path) -> None:
    found = run(tmp_path, [commit("bob", "members/bob.yaml")], others="error")
    assert [(f.details or {}).get("reason") for f in found] == ["author", "others"]
    assert {f.severity for f in found} == {Severity.ERROR}
    assert run(tmp_path, [commit("bob", "members/leo.yaml")], others="off") == []


def test_signatures(tmp_path: Path) -> None:
    good = commit("ana", "members/ana.yaml", signature="G", signer="ana")
    assert run(tmp_path, [good], signed=True) == []
    cases = {
        "N": "is not signed",
        "G": "signed with a key of {signer}",
        "U": "does not verify",
        "B": "does not verify",
        "E": "does not verify",
        "Q": "does not verify",  # a letter git may add one day
    }
    for letter, said in cases.items():
        signer = "leo" if letter == "G" else ""
        (found,) = run(
            tmp_path, [commit("ana", "x.txt", signature=letter, signer=signer)], signed=True
        )
        assert said in found.message.msgid and found.severity is Severity.ERROR
    staged = commit("ana", "members/ana.yaml", signature="N")._replace(sha=STAGED)
    (found,) = run(tmp_path, [staged], signed=True)
    assert "commit.gpgsign" in found.message.msgid and found.file == "members/ana.yaml"
    assert run(tmp_path, [staged._replace(signature="S")], signed=True) == []
    # without `signed`, signatures are not looked at
    assert run(tmp_path, [commit("ana", "members/ana.yaml", signature="N")]) == []


@pytest.mark.skipif(shutil.which("ssh-keygen") is None, reason="ssh-keygen is not installed")
def test_a_foreign_signing_key_is_named_by_its_fingerprint(tmp_path: Path) -> None:
    """Every ed25519 key begins with the same characters: the finding names the key git will
    sign with as `ssh-keygen -l` does, so that a member can tell which of their keys it is."""
    said = []
    for name in ("one", "two"):
        private = tmp_path / f"{name}-key"
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", private], check=True)
        public = Path(f"{private}.pub").read_text(encoding="utf-8")
        listed = subprocess.run(["ssh-keygen", "-lf", f"{private}.pub"], capture_output=True)
        printed = listed.stdout.decode().split()[1]
        assert fingerprint(public) == printed
        key = " ".join(public.split()[:2])  # as git names the key it will sign with
        staged = commit("ana", "members/ana.yaml", signature=WILL_SIGN, signer=key)
        (found,) = run(tmp_path / name, [staged._replace(sha=STAGED)], signed=True)
        said.append(render(found.message, "en"))
        assert printed in said[-1]
    assert said[0] != said[1]
    assert fingerprint("ssh-ed25519 not*base64") == "ssh-ed25519 not*base64"


def test_allowed_signers_and_owners() -> None:
    loaded_keys = allowed_signers({})
    assert loaded_keys == ""
    assert owners(
        ["members/ana.yaml", "contributions/leo/2026-01.yaml", "roles/r.yaml", "x", "members/.x"]
    ) == {
        "ana": ["members/ana.yaml"],
        "leo": ["contributions/leo/2026-01.yaml"],
    }


def test_signing_keys_are_public_keys(tmp_path: Path) -> None:
    root = collective(
        tmp_path, {"members/ana.yaml": member("Ana") + f"signing_keys: ['{KEY}', nope]\n"}
    )
    data = loaded(root)
    assert data.members["ana"].signing_keys == [KEY]
    assert "public SSH key" in data.problems[0].message.msgid
    line = allowed_signers(data.members)
    assert line == "ana " + " ".join(KEY.split()[:2]) + "\n"
