"""`collectif check`: load the collective, run the checks, print the findings."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from collectif import i18n
from collectif.checks import runner
from collectif.checks.base import Check, Context
from collectif.commands.dates import parse_day, parse_since
from collectif.commands.options import CheckOptions, require_format
from collectif.engine import authorship
from collectif.engine.evaluate import Evaluation, changes, evaluate, open_store
from collectif.errors import EXIT_FINDINGS, EXIT_OK, CollectifError
from collectif.model.finding import Severity, Status
from collectif.model.message import Names
from collectif.report import formats
from collectif.report.result import Result
from collectif.store import git, source

if TYPE_CHECKING:
    from collectif.store.cache import Cache

FORMATS = formats.NAMES


def check(options: CheckOptions, staged: bool = False, rev: str | None = None) -> int:
    """Check the collective's files against its charter; 1 if any error finding.

    With `--staged`, only an error that the staged change introduces counts.
    """
    output, lang = check_format(options.output), options.lang
    if staged and rev is not None:
        raise CollectifError("--staged and --rev cannot be used together: choose one.")
    context = make_context(options.as_of, options.since)
    checks = select(options.only, options.skip)
    where = source.locate(options.repo)
    run = _Run(where, context, checks, lang, open_store(where.repository, options.no_cache))
    if staged:
        result = _staged(run)
    elif rev is not None:
        result = _revision(run, rev)
    else:
        evaluation = evaluate(where.worktree(), context, checks, store=run.store)
        result = result_of(evaluation, "worktree", context, lang)
    if run.store is not None:
        run.store.save()
    require_ran(result, options.only)
    emit(result, output, options.timings)
    return exit_code(result)


class _Run(NamedTuple):
    """What one check reads and how: the collective's place, the day, the checks, the
    language, the cache."""

    where: source.Location
    context: Context
    checks: list[Check]
    lang: str | None
    store: Cache | None

    def repository(self) -> git.Repository:
        return git.require(self.where.folder, self.where.repository)


def _revision(run: _Run, rev: str) -> Result:
    repository = run.repository()
    files = source.commit(repository, repository.resolve(rev))
    if not files.exists:
        raise CollectifError(
            "There is no collective in {folder} at `{rev}` (no collectif.yaml there in that "
            "commit).",
            folder=repository.prefix or "./",
            rev=rev,
        )
    evaluation = evaluate(files, run.context, run.checks, store=run.store)
    return result_of(evaluation, files.name, run.context, run.lang)


def _staged(run: _Run) -> Result:
    repository = run.repository()
    staged = source.index(repository)
    if not staged.exists:
        raise CollectifError(
            "{path} is not staged: `git add` it (with the rest of the collective) before "
            "checking what is about to be committed.",
            path=repository.prefix + "collectif.yaml",
        )
    sha = repository.head()
    before = source.commit(repository, sha) if sha else None
    context = run.context
    if authorship.wanted(run.checks):
        context = authorship.with_staged(context, repository)
    evaluation = changes(
        before if before and before.exists else None, staged, context, run.checks, run.store
    )
    base = f"rev:{sha}" if sha else ""
    return result_of(evaluation, staged.name, context, run.lang, base=base)


def result_of(
    evaluation: Evaluation,
    name: str,
    context: Context,
    lang: str | None,
    base: str | None = None,
) -> Result:
    return Result(
        as_of=context.as_of,
        source=name,
        checks=evaluation.checks,
        findings=evaluation.findings,
        lang=i18n.resolve(lang, evaluation.language),
        base=base,
        not_run=evaluation.not_run,
        timings=evaluation.timings,
    )


def require_ran(result: Result, only: Sequence[str]) -> None:
    """`--only` that names only checks that could not run is a misuse: nothing was checked."""
    if only and not result.checks and result.not_run:
        raise CollectifError(
            "None of the checks asked for could run: {checks} read settings of collectif.yaml "
            "that are broken ({settings}). Fix collectif.yaml first (`collectif check` shows "
            "how).",
            checks=Names(tuple(result.not_run)),
            settings=Names(tuple(sorted({s for v in result.not_run.values() for s in v}))),
        )


def check_format(output: str) -> str:
    return require_format(output, FORMATS)


def make_context(as_of: str | None, since: str | None) -> Context:
    day = parse_day("--as-of", as_of, date.today())
    return Context(as_of=day, since=parse_since(since, day))


def select(only: Sequence[str] | None, skip: Sequence[str] | None) -> list[Check]:
    return runner.select(_names(only), _names(skip))


def emit(result: Result, output: str, timings: bool = False) -> None:
    """Print the result in the chosen format; with `timings`, then each check's time on
    stderr."""
    formats.write(result, output)
    if timings:
        from collectif.report.timings import render_timings

        sys.stdout.flush()  # the findings first, when both go to one terminal or file
        sys.stderr.write(render_timings(result) + "\n")


def exit_code(result: Result) -> int:
    """1 for an error finding; between two states, only for one that is new."""
    for finding in result.findings:
        if finding.severity is Severity.ERROR and finding.status in (None, Status.NEW):
            return EXIT_FINDINGS
    return EXIT_OK


def _names(values: Sequence[str] | None) -> list[str]:
    """Check names from repeated options or comma-separated lists."""
    return [name.strip() for value in values or [] for name in value.split(",") if name.strip()]
