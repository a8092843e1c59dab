"""`collectif diff`: the findings that a change introduces, fixes or leaves as they were."""

from __future__ import annotations

from typing import NamedTuple

from collectif.commands.check import (
    check_format,
    emit,
    exit_code,
    make_context,
    require_ran,
    result_of,
    select,
)
from collectif.commands.options import CheckOptions
from collectif.engine import authorship
from collectif.engine.evaluate import changes, open_store
from collectif.errors import CollectifError
from collectif.store import git, source
from collectif.store.load import Memo
from collectif.store.source import Source


class Revisions(NamedTuple):
    """What to compare: a base commit, and a head commit or None for the work tree."""

    base: str
    head: str | None


def revisions(base: str, head: str | None) -> Revisions:
    """`BASE [HEAD]`, or git's `A..B` and `A...B` (B against where it left A) as one argument."""
    if head is None and "..." in base:
        left, _, right = base.partition("...")
        return Revisions(f"{left or 'HEAD'}...{right or 'HEAD'}", right or "HEAD")
    if head is None and ".." in base:
        left, _, right = base.partition("..")
        return Revisions(left or "HEAD", right or "HEAD")
    return Revisions(base, head)


def _base(repository: git.Repository, base: str) -> str:
    if "..." not in base:
        return repository.resolve(base)
    left, _, right = base.partition("...")
    return repository.merge_base(repository.resolve(left), repository.resolve(right))


def diff(base: str, head: str | None, options: CheckOptions) -> int:
    """Compare the findings of two states; 1 if the later one has a new error finding."""
    output = check_format(options.output)
    context = make_context(options.as_of, options.since)
    checks = select(options.only, options.skip)
    where = source.locate(options.repo)
    repository = git.require(where.folder, where.repository)
    wanted = revisions(base, head)
    base_sha = _base(repository, wanted.base)
    before = source.commit(repository, base_sha)
    after: Source = where.worktree()
    if wanted.head is not None:
        after = source.commit(repository, repository.resolve(wanted.head))
        if not after.exists:
            raise CollectifError(
                "There is no collective in {folder} at `{rev}` (no collectif.yaml there in that "
                "commit).",
                folder=repository.prefix or "./",
                rev=wanted.head,
            )
    store = open_store(repository, options.no_cache)
    memo: Memo = {}
    head_sha = repository.resolve(wanted.head) if wanted.head is not None else repository.head()
    if authorship.wanted(checks) and head_sha is not None:
        context = authorship.with_range(
            context, repository, after, head_sha, [base_sha], memo, store
        )
    evaluation = changes(before if before.exists else None, after, context, checks, store, memo)
    if store is not None:
        store.save()
    result = result_of(evaluation, after.name, context, options.lang, base=before.name)
    require_ran(result, options.only)
    emit(result, output, options.timings)
    return exit_code(result)
