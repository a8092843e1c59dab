"""The commits that `authorship` reads between two states: gathered only when it runs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from collectif.checks.authorship import NAME
from collectif.checks.base import Check, Context
from collectif.model.authorship import allowed_signers
from collectif.store import commits, load
from collectif.store.git import Repository
from collectif.store.source import Source

if TYPE_CHECKING:
    from collectif.store.cache import Cache


def wanted(checks: Sequence[Check]) -> bool:
    return any(check.name == NAME for check in checks)


def with_range(
    context: Context,
    repository: Repository,
    after: Source,
    head: str,
    exclude: Sequence[str],
    memo: load.Memo,
    store: Cache | None = None,
) -> Context:
    """`context` with the commits from `exclude` to `head`; their signatures are verified
    against the members' keys of `after` when its charter asks for signed commits."""
    collective = load.load(after, memo, store)
    signed = collective.config is not None and collective.config.charter.authorship.signed
    signers = allowed_signers(collective.members) if signed else None
    return replace(context, commits=tuple(commits.between(repository, head, exclude, signers)))


def with_staged(context: Context, repository: Repository) -> Context:
    """`context` with what is staged, as the commit about to be made."""
    return replace(context, commits=(commits.staged(repository),))
