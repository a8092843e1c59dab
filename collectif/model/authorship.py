"""Commits as the `authorship` check reads them: who made them, what they changed, how they
are signed. The store builds them from one `git log`; the check never calls git."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from collectif.model.files import Member
from collectif.model.layout import is_collective_file, subject_of_path

STAGED = "index"  # the sha of what is staged: the commit about to be made

# git's `%G?` letters (git log --format): G good; B bad; U good, of unknown validity (a key that
# no allowed signer holds); X, Y expired signature or key; R revoked key; E cannot be checked;
# N no signature. Two of our own for what is staged: S (git will sign it), N (it will not).
GOOD = "G"
UNSIGNED = "N"
WILL_SIGN = "S"


class Commit(NamedTuple):
    """One commit of a range: its id, author and committer, the collective's files it changed
    (relative to the collective's folder), and its signature when it was verified."""

    sha: str
    author_name: str
    author_email: str
    committer_name: str
    committer_email: str
    paths: tuple[str, ...]
    signature: str = ""  # a `%G?` letter; empty: not verified
    # The allowed signer (a member id) whose key made a good signature; for what is staged, the
    # public key (type and base64) git will sign it with, when known.
    signer: str = ""
    merge: bool = False

    @property
    def short(self) -> str:
        return self.sha if self.sha == STAGED else self.sha[:10]


def by_email(members: Mapping[str, Member]) -> dict[str, list[str]]:
    """Member ids by lowercased email (git keeps emails as written; people do not)."""
    found: dict[str, list[str]] = {}
    for member_id, member in sorted(members.items()):
        found.setdefault(member.email.strip().lower(), []).append(member_id)
    return found


def allowed_signers(members: Mapping[str, Member]) -> str:
    """An allowed-signers file (`ssh-keygen(1)`, ALLOWED SIGNERS) of every member's signing keys,
    each under its member's id, so that git names the member whose key signed a commit."""
    return "".join(
        f"{member_id} {key_only(key)}\n"
        for member_id, member in sorted(members.items())
        for key in member.signing_keys
    )


def key_only(key: str) -> str:
    """The key's type and base64, without its comment (which may hold anything)."""
    return " ".join(key.split()[:2])


def fingerprint(key: str) -> str:
    """The key as `ssh-keygen -l` names it (`SHA256:...`): every ed25519 key begins with the
    same 37 characters, so only its fingerprint tells one from another; the key as written
    when its base64 cannot be read."""
    import hashlib  # only when a key is to be shown

    try:
        blob = base64.b64decode(key.split()[1], validate=True)
    except (IndexError, binascii.Error):
        return key_only(key)
    return "SHA256:" + base64.b64encode(hashlib.sha256(blob).digest()).decode().rstrip("=")


_OWNED = ("members/", "contributions/")  # the folders of a member's own files


def owners(paths: Iterable[str]) -> dict[str, list[str]]:
    """The members whose own files (`members/M.yaml`, `contributions/M/...`) are among `paths`,
    with those paths."""
    found: dict[str, list[str]] = {}
    for path in paths:
        if not path.startswith(_OWNED):
            continue
        owner = _owner(path)
        if owner is not None:
            found.setdefault(owner, []).append(path)
    return found


def _owner(path: str) -> str | None:
    if not is_collective_file(path):
        return None
    subject = subject_of_path(path)
    return subject.removeprefix("member:") if subject.startswith("member:") else None
