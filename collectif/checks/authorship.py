"""`authorship`: between two states, the commits that changed another member's files, that no
member made, or (with `authorship.signed`) that no key of their author signed."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from collectif.checks.base import Check, Context, Explanation, charter_of
from collectif.model.authorship import (
    GOOD,
    STAGED,
    UNSIGNED,
    WILL_SIGN,
    Commit,
    by_email,
    fingerprint,
    key_only,
    owners,
)
from collectif.model.collective import Collective
from collectif.model.finding import Finding, Severity
from collectif.model.layout import CONFIG_FILE
from collectif.model.message import N_, Message, Names, Text, msg

NAME = "authorship"

EXPLANATION = Explanation(
    summary=(
        "Between two states (`check --staged`, `diff`, `audit`): commits that change another "
        "member's files, commits by no member, and, when the charter asks for it, commits "
        "without a good signature by their author."
    ),
    finds=(
        "Each commit of the range (for `check --staged`, the commit about to be made, by git's "
        "author identity) is matched to members by the emails of its author and its committer. "
        "A commit that changes `members/M.yaml` or `contributions/M/` of a member M who is "
        "neither is a finding that names whose files changed and who changed them; so is a "
        "commit whose author's email is no member's. With `authorship.signed: true`, every "
        "commit must verify with git's own signature verification against the members' "
        "`signing_keys`, by a key of its author member; otherwise an error finding.\n"
        "Example: Léo logs two hours for Inès with `git commit` on "
        "`contributions/ines/2026-11.yaml`. `collectif diff main` then says: commit 3f2a9c1e07 "
        "by leo changes files of ines. Had Léo run `collectif log 2 support --ref tresorerie "
        "--as ines`, the commit would be authored by ines and committed by leo: no finding, and "
        "the history still shows who acted."
    ),
    why=(
        "Nobody is anyone's boss, so nothing forbids changing a colleague's hours or membership: "
        "but such a change should never go unseen. The history of the repository is the "
        "collective's memory; this check reads it on every pull request and before every "
        "commit, so that each member knows when their records change, and by whom. A "
        "collective that wants proof rather than trust asks for signed commits."
    ),
    fix=(
        "Tell the member whose files you changed, or let them make the change; to act for "
        "someone with their agreement, use the writing commands with `--as MEMBER`, which keep "
        "you as the committer. A commit by no member: set `git config user.email` to the email "
        "of your member file and amend it (`git commit --amend --reset-author`). To sign your "
        "commits with SSH, two commands: `git config --global gpg.format ssh` and `git config "
        "--global user.signingkey ~/.ssh/id_ed25519.pub`; then sign with `git commit -S` (or "
        "always: `git config --global commit.gpgsign true`), and add the public key "
        "(`cat ~/.ssh/id_ed25519.pub`) to `signing_keys` in your member file."
    ),
    settings=(
        "`charter.authorship.others_files` in collectif.yaml: error, warning (default) or off, "
        "for commits that change another member's files and commits by no member; "
        "`charter.authorship.signed` (default false): every commit must carry a good signature "
        "by a key of its author, listed in `signing_keys` of their member file (an error "
        "finding otherwise). Severity of the whole check: `checks: {authorship: off}`."
    ),
)


def check(collective: Collective, context: Context) -> Iterator[Finding]:
    """Each commit between the two states, by the charter's authorship rules."""
    if not context.commits:
        return
    rules = charter_of(collective).authorship
    emails = by_email(collective.members)
    for commit in context.commits:
        if commit.merge and not commit.paths:
            continue  # a merge that changed nothing itself: its parents say it all
        authors = emails.get(commit.author_email.strip().lower(), [])
        committers = emails.get(commit.committer_email.strip().lower(), [])
        if rules.others_files != "off":
            severity = Severity(rules.others_files)
            yield from _others(commit, authors, committers, severity)
        if rules.signed:
            keys = {key_only(k) for a in authors for k in collective.members[a].signing_keys}
            yield from _signature(commit, authors, keys)


def _label(commit: Commit) -> str | Text:
    """The commit's short id, or words for the commit about to be made."""
    return Text(msg("(about to be made)")) if commit.sha == STAGED else commit.short


def _who(commit: Commit, authors: list[str]) -> str:
    return authors[0] if authors else f"{commit.author_name} <{commit.author_email}>"


def _others(
    commit: Commit, authors: list[str], committers: list[str], severity: Severity
) -> Iterator[Finding]:
    if not authors:
        yield _finding(
            commit,
            commit.paths[0] if commit.paths else CONFIG_FILE,
            "author",
            severity,
            msg(
                "commit {commit} is by {person}, whose email is no member's: set git's "
                "user.email to the email of your member file and amend the commit (`git commit "
                "--amend --reset-author`), or add that email to the member's file",
                commit=_label(commit),
                person=_who(commit, authors),
            ),
            {"email": commit.author_email},
        )
    changed = {
        owner: paths
        for owner, paths in owners(commit.paths).items()
        if owner not in authors and owner not in committers
    }
    if not changed:
        return
    paths = [path for owner in sorted(changed) for path in changed[owner]]
    message = _others_message(commit, authors, committers, sorted(changed), paths)
    details = {"owners": sorted(changed), "files": paths}
    yield _finding(commit, paths[0], "others", severity, message, details)


def _others_message(
    commit: Commit, authors: list[str], committers: list[str], owners: list[str], paths: list[str]
) -> Message:
    who = _who(commit, authors)
    if commit.committer_email.lower() == commit.author_email.lower() or (
        committers and committers[0] in authors
    ):
        return msg(
            "commit {commit} by {who} changes files of {owners} ({files}): make sure they know, "
            "or let them make the change; to act for someone with their agreement, a writing "
            "command's `--as MEMBER` keeps you visible as the committer",
            commit=_label(commit),
            who=who,
            owners=Names(tuple(owners)),
            files=Names(tuple(paths)),
        )
    return msg(
        "commit {commit} by {who}, committed by {committer}, changes files of {owners} "
        "({files}): make sure they know, or let them make the change",
        commit=_label(commit),
        who=who,
        committer=committers[0] if committers else commit.committer_email,
        owners=Names(tuple(owners)),
        files=Names(tuple(paths)),
    )


def _signature(commit: Commit, authors: list[str], keys: set[str]) -> Iterator[Finding]:
    where = commit.paths[0] if commit.paths else CONFIG_FILE
    if commit.signature == WILL_SIGN:  # staged: git will sign it, with the author's key?
        if commit.signer and commit.signer not in keys:
            message = _foreign_key(commit, authors)
            yield _finding(commit, where, "signature", Severity.ERROR, message, {})
        return
    if commit.signature == "" or (commit.signature == GOOD and commit.signer in authors):
        return
    yield _finding(commit, where, "signature", Severity.ERROR, _unsigned(commit, authors), {})


def _foreign_key(commit: Commit, authors: list[str]) -> Message:
    return msg(
        "this commit will be signed with a key ({key}) that is not among the `signing_keys` "
        "of {who}: add the public key to `signing_keys` in your member file (`cat "
        "~/.ssh/id_ed25519.pub` prints it)",
        key=fingerprint(commit.signer),
        who=_who(commit, authors),
    )


def _unsigned(commit: Commit, authors: list[str]) -> Message:
    who = _who(commit, authors)
    if commit.sha == STAGED:
        return msg(
            "this commit will not be signed (git's `commit.gpgsign` is not true), and the "
            "charter asks that every commit be signed by its author (`authorship.signed`): set "
            "up SSH signing with `git config --global gpg.format ssh` and `git config --global "
            "user.signingkey ~/.ssh/id_ed25519.pub`, then `git config --global commit.gpgsign "
            "true` so that git signs every commit"
        )
    if commit.signature == UNSIGNED:
        return msg(
            "commit {commit} by {who} is not signed, and the charter asks that every commit be "
            "signed by its author (`authorship.signed`): sign it again (`git commit --amend "
            "--no-edit -S`, or for a branch `git rebase --exec 'git commit --amend --no-edit -S' "
            "BASE`)",
            commit=_label(commit),
            who=who,
        )
    if commit.signature == GOOD:
        return msg(
            "commit {commit} by {who} is signed with a key of {signer}, not with one of its "
            "author's `signing_keys`: the author signs their own commits",
            commit=_label(commit),
            who=who,
            signer=commit.signer,
        )
    return msg(
        "commit {commit} by {who} carries a signature that does not verify with any of the "
        "members' `signing_keys` ({status}): add the public key to `signing_keys` in the "
        "author's member file, or sign the commit again with a key listed there",
        commit=_label(commit),
        who=who,
        status=Text(msg(_STATES.get(commit.signature, _STATES["E"]))),
    )


# What git's `%G?` letters mean, for a signature that is neither good nor missing.
_STATES = {
    "U": N_("signed with a key that no member lists"),
    "B": N_("the signature is bad: the commit changed after it was signed"),
    "X": N_("the signature has expired"),
    "Y": N_("the key has expired"),
    "R": N_("the key was revoked"),
    "E": N_("git could not check the signature: is `ssh-keygen` (or `gpg`) installed?"),
}


def _finding(
    commit: Commit,
    file: str,
    key: str,
    severity: Severity,
    message: Message,
    details: Mapping[str, object],
) -> Finding:
    return Finding(
        check=NAME,
        subject=f"commit:{commit.sha}",
        file=file,
        key=key,
        severity=severity,
        message=message,
        details={
            "commit": commit.sha,
            "author": commit.author_email,
            "committer": commit.committer_email,
            "reason": key,
            **details,
        },
    )


CHECK = Check(NAME, Severity.WARNING, check, EXPLANATION, settings=(("charter", "authorship"),))
