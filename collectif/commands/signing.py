"""How a member signs their commits: what `init` and `hook install` tell."""

from __future__ import annotations

from collectif.model.message import Message, msg


def advice() -> Message:
    """SSH signing in two commands, and where the public key goes."""
    return msg(
        "Every commit that changes another member's files is shown before it is made and on "
        "pull requests (`collectif audit`). To sign your commits, so that nobody can commit in "
        "your name, two commands set up SSH signing:\n"
        "  git config --global gpg.format ssh\n"
        "  git config --global user.signingkey ~/.ssh/id_ed25519.pub\n"
        "then sign every commit (`git config --global commit.gpgsign true`) and add your public "
        "key (`cat ~/.ssh/id_ed25519.pub`) to `signing_keys` in your member file. With "
        "`authorship: {{signed: true}}` in the charter, unsigned commits are errors."
    )
