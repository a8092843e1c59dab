"""`collectif audit`: who changed what in a range of commits (the `authorship` findings)."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from collectif.checks import authorship as check
from collectif.commands.check import check_format, emit, exit_code, make_context, result_of
from collectif.commands.options import CheckOptions
from collectif.engine import authorship
from collectif.engine.evaluate import evaluate, open_store
from collectif.errors import CollectifError
from collectif.model.finding import Status
from collectif.store import git, source
from collectif.store.load import Memo


class Range(NamedTuple):
    """The commits reachable from `head` and from none of `exclude`."""

    head: str
    exclude: list[str]


def commits_range(repository: git.Repository, revisions: str | None) -> Range:
    """`BASE..HEAD` (or `BASE...HEAD`, or `BASE` for `BASE..HEAD`); by default the current
    branch's own commits: those on neither its upstream nor the default branch."""
    if revisions is None:
        head = repository.head()
        if head is None:
            raise CollectifError("There is no commit yet: there is nothing to audit.")
        others = (repository.upstream(), repository.default_branch())
        return Range(head, list(dict.fromkeys(sha for sha in others if sha)))
    left, dots, right = (
        revisions.partition("...") if "..." in revisions else revisions.partition("..")
    )
    head = repository.resolve(right or "HEAD") if dots else repository.resolve("HEAD")
    return Range(head, [repository.resolve(left or "HEAD")])


def audit(revisions: str | None, options: CheckOptions) -> int:
    """The authorship findings of the range; 1 if one of them is an error."""
    output = check_format(options.output)
    context = make_context(options.as_of, None)
    where = source.locate(options.repo)
    repository = git.require(where.folder, where.repository)
    wanted = commits_range(repository, revisions)
    after = source.commit(repository, wanted.head)
    if not after.exists:
        raise CollectifError(
            "There is no collective in {folder} at {rev} (no collectif.yaml there in that "
            "commit): audit a range whose last commit holds it.",
            folder=repository.prefix or "./",
            rev=wanted.head[:10],
        )
    store = open_store(repository, options.no_cache)
    memo: Memo = {}
    context = authorship.with_range(
        context, repository, after, wanted.head, wanted.exclude, memo, store
    )
    evaluation = evaluate(after, context, [check.CHECK], memo, store)
    if store is not None:
        store.save()
    findings = [finding._replace(status=Status.NEW) for finding in evaluation.findings]
    base = f"rev:{wanted.exclude[0]}" if wanted.exclude else ""
    result = result_of(
        evaluation._replace(findings=findings), after.name, context, options.lang, base
    )
    emit(result, output, options.timings)
    return exit_code(result)


def run(
    revisions: str | None,
    repo: Path | None,
    as_of: str | None,
    output: str,
    lang: str | None,
    no_cache: bool,
    timings: bool,
) -> int:
    """`collectif audit`, as the command line gives it."""
    options = CheckOptions(repo, as_of, None, (), (), output, lang, no_cache, timings)
    return audit(revisions, options)
