"""`schema`: files that do not parse or do not match their model."""

from __future__ import annotations

from collections.abc import Iterator

from collectif.checks.base import Check, Context, Explanation
from collectif.model.collective import Collective
from collectif.model.finding import Finding, Severity

EXPLANATION = Explanation(
    summary="A file that does not parse, or does not match its model.",
    finds=(
        "A file that is not valid YAML, not UTF-8, empty, or of the wrong shape; an unknown or "
        "duplicate key; a value of the wrong type (text, number, date, list); an impossible "
        "date; money with more than two decimals; an id that is not lowercase letters, digits "
        "and dashes or that differs from its file name; a file outside the collective's layout."
    ),
    why=(
        "The collective's files are its memory and its rules. A typo must never silently do "
        "nothing: a misspelt key or a wrong date would make every other check lie. A broken "
        "file takes no part in the other checks, so it has to be fixed first."
    ),
    fix=(
        "Open the file at the line and column given and correct what the message names; it says "
        "what was expected and what was found. Editors that read the JSON Schemas in schemas/ "
        "complete and validate as you type."
    ),
    settings="None: the file formats are fixed by collectif.",
)


def check(collective: Collective, context: Context) -> Iterator[Finding]:
    """The problems met while reading the files, as findings."""
    for problem in collective.problems:
        yield Finding(
            check="schema",
            subject=problem.subject,
            file=problem.file,
            message=problem.message,
            line=problem.line,
            column=problem.column,
        )


CHECK = Check("schema", Severity.ERROR, check, EXPLANATION, settings=())
