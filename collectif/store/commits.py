"""The commits of a range as the `authorship` check reads them, from one `git log` pass."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from collectif.model.authorship import STAGED, UNSIGNED, WILL_SIGN, Commit
from collectif.store.git import Repository

_RECORD, _FIELD = "\x1e", "\x1f"
_PEOPLE = ("%H", "%P", "%an", "%ae", "%cn", "%ce")
_SIGNATURE = ("%G?", "%GS")


def between(
    repository: Repository, head: str, exclude: Sequence[str], signers: str | None = None
) -> list[Commit]:
    """The commits reachable from `head` and from none of `exclude`, newest first; with
    `signers` (an allowed-signers file's text), each with its verified signature."""
    placeholders = _PEOPLE + (_SIGNATURE if signers is not None else ())
    log_format = _RECORD + _FIELD.join(placeholders)
    revisions = [head, *(f"^{sha}" for sha in exclude)]
    if signers is None:
        return _parse(repository.commits(revisions, log_format, None), repository.prefix)
    with tempfile.TemporaryDirectory(prefix="collectif-signers-") as folder:
        path = Path(folder) / "allowed_signers"
        path.write_text(signers, encoding="utf-8")
        return _parse(repository.commits(revisions, log_format, path), repository.prefix)


def _parse(out: bytes, prefix: str) -> list[Commit]:
    commits = []
    for record in os.fsdecode(out).split(_RECORD):
        if not record:
            continue
        header, _, names = record.partition("\0")
        fields = header.split(_FIELD)
        sha, parents, author, author_email, committer, committer_email = fields[:6]
        signature, signer = [*fields[6:8], "", ""][:2]
        paths = tuple(
            name.removeprefix(prefix)
            for name in names.lstrip("\n").split("\0")
            if name and name.startswith(prefix)
        )
        merge = len(parents.split()) > 1
        people = (author, author_email, committer, committer_email)
        commits.append(Commit(sha, *people, paths, signature, signer, merge))
    return commits


def staged(repository: Repository) -> Commit:
    """What is staged, as the commit `git commit` would make of it now: git's author and
    committer identities, and whether git will sign it (`commit.gpgsign`)."""
    next_commit = repository.next_commit()
    return Commit(
        STAGED,
        next_commit.author.name,
        next_commit.author.email,
        next_commit.committer.name,
        next_commit.committer.email,
        tuple(repository.staged_paths()),
        WILL_SIGN if next_commit.signed else UNSIGNED,
        next_commit.key,  # the public key git will sign it with, when known
    )
