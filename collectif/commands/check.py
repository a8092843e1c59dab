"""`collectif check`: load the collective, run the checks, print the findings."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from collectif import i18n
from collectif.checks import runner
from collectif.checks.base import Check, Context
from collectif.commands.dates import parse_day, parse_since
from collectif.commands.states import Evaluation, changes, evaluate, open_store
from collectif.errors import EXIT_FINDINGS, EXIT_OK, CollectifError
from collectif.model.finding import Severity, Status
from collectif.report import formats
from collectif.report.result import Result
from collectif.store import git, source

if TYPE_CHECKING:
    from collectif.store.cache import Cache

FORMATS = formats.NAMES


def check(
    repo: Path | None = None,
    as_of: str | None = None,
    since: str | None = None,
    only: list[str] | None = None,
    skip: list[str] | None = None,
    output: str = "text",
    lang: str | None = None,
    staged: bool = False,
    rev: str | None = None,
    no_cache: bool = False,
) -> int:
    """Check the collective's files against its charter; 1 if any error finding.

    With `--staged`, only an error that the staged change introduces counts.
    """
    check_format(output)
    if staged and rev is not None:
        raise CollectifError("--staged and --rev cannot be used together: choose one.")
    context = make_context(as_of, since)
    checks = select(only, skip)
    if staged:
        result = _staged(repo, context, checks, lang, no_cache)
    elif rev is not None:
        result = _revision(repo, rev, context, checks, lang, no_cache)
    else:
        files = source.worktree(repo)
        result = _result(files, context, checks, lang, open_store(files.root, no_cache))
    emit(result, output)
    return exit_code(result)


def _result(
    files: source.Source,
    context: Context,
    checks: list[Check],
    lang: str | None,
    store: Cache | None,
) -> Result:
    evaluation = evaluate(files, context, checks, store=store)
    if store is not None:
        store.save()
    return result_of(evaluation, files.name, context, lang)


def _revision(
    repo: Path | None,
    rev: str,
    context: Context,
    checks: list[Check],
    lang: str | None,
    no_cache: bool,
) -> Result:
    where = git.repository(repo)
    files = git.commit(where, git.resolve(where, rev))
    if not files.exists:
        raise CollectifError(
            "There is no collective in {folder} at `{rev}` (no collectif.yaml there in that "
            "commit).",
            folder=where.prefix or "./",
            rev=rev,
        )
    return _result(files, context, checks, lang, open_store(where.top, no_cache))


def _staged(
    repo: Path | None, context: Context, checks: list[Check], lang: str | None, no_cache: bool
) -> Result:
    where = git.repository(repo)
    staged = git.index(where)
    if not staged.exists:
        raise CollectifError(
            "{path} is not staged: `git add` it (with the rest of the collective) before "
            "checking what is about to be committed.",
            path=where.prefix + "collectif.yaml",
        )
    sha = git.head(where)
    before = git.commit(where, sha) if sha else None
    store = open_store(where.top, no_cache)
    evaluation = changes(
        before if before and before.exists else None, staged, context, checks, store
    )
    if store is not None:
        store.save()
    return result_of(evaluation, staged.name, context, lang, base=f"rev:{sha}" if sha else "")


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
    )


def check_format(output: str) -> None:
    if output not in FORMATS:
        raise CollectifError(
            "--format: `{value}` is not one of {choices}.", value=output, choices=", ".join(FORMATS)
        )


def make_context(as_of: str | None, since: str | None) -> Context:
    day = parse_day("--as-of", as_of, date.today())
    assert day is not None
    return Context(as_of=day, since=parse_since(since, day))


def select(only: list[str] | None, skip: list[str] | None) -> list[Check]:
    return runner.select(_names(only), _names(skip))


def emit(result: Result, output: str) -> None:
    """Print the result in the chosen format."""
    formats.write(result, output)


def exit_code(result: Result) -> int:
    """1 for an error finding; between two states, only for one that is new."""
    for finding in result.findings:
        if finding.severity is Severity.ERROR and finding.status in (None, Status.NEW):
            return EXIT_FINDINGS
    return EXIT_OK


def _names(values: list[str] | None) -> list[str]:
    """Check names from repeated options or comma-separated lists."""
    return [name.strip() for value in values or [] for name in value.split(",") if name.strip()]
