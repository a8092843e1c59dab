"""A real collective in a git repository, with a change to review: one error fixed, one new."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import collective, git, git_repo, member, write

AS_OF = "2026-11-01"


def role(title: str, *holders: str) -> str:
    lines = [f"title: {title}", "kind: support", "holders:"]
    lines += [f"  - {{member: {holder}, since: 2025-01-01}}" for holder in holders]
    return "\n".join(lines) + "\n"


def reviewed_change(root: Path, language: str = "en") -> Path:
    """`main` has an unknown member in two roles; the branch `change` fixes one, adds another.

    The work tree is left at `change`.
    """
    config = f"name: Atelier Test\nlanguage: {language}\ncurrency: EUR\n"
    config += 'charter:\n  version: "2026-01"\n'
    collective(
        root,
        {
            "members/ana.yaml": member("Ana"),
            "members/bob.yaml": member("Bob"),
            "roles/tresorerie.yaml": role("Trésorerie", "ana", "zoe"),
            "roles/accueil.yaml": role("Accueil", "ana", "yan"),
        },
        config=config,
    )
    git_repo(root)
    git(root, "checkout", "-q", "-b", "change")
    write(root, "roles/tresorerie.yaml", role("Trésorerie", "ana", "bob"))
    write(root, "roles/liaison.yaml", role("Liaison", "bob", "max"))
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "change")
    return root
