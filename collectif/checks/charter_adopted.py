"""`charter-adopted`: a charter version that no plenary adopted; between two states, charter
rules changed without a new version."""

from __future__ import annotations

from collections.abc import Iterator

from collectif.checks.base import COLLECTIVE, Check, Context, Explanation, charter_of
from collectif.checks.decisions import stopped
from collectif.model.collective import Collective
from collectif.model.files import as_data
from collectif.model.finding import Finding, Severity
from collectif.model.meetings import Decided, decisions
from collectif.model.message import msg

NAME = "charter-adopted"
_VERSION = ("charter", "version")  # where its findings point
SETTINGS = (("charter", "decisions"), ("charter", "version"))

EXPLANATION = Explanation(
    summary="A charter version that no plenary adopted; charter rules changed without a new "
    "version.",
    finds=(
        "With `charter_by_decision`: the charter's current `version` when no adopted decision "
        "of a plenary dated on or before the as-of date says `charter:` with that version "
        "(a decision that the `decisions` check finds does not count). Between two states "
        "(`check --staged`, `diff`): any change under `charter` in collectif.yaml that keeps "
        "the same `version`; charters are compared as values, so comments and layout do not "
        'count. Example: version "2026-12" is in collectif.yaml, but the plenary of '
        '2026-12-10 recorded its decision charte-2026-12 without `charter: "2026-12"`: a '
        "finding until it does. Or: the deduction rate goes from 0.05 to 0.04 while the "
        'version stays "2026-01": the commit is refused.'
    ),
    why=(
        "The charter changes only by a decision of the collective, taken in a plenary, and "
        "everyone signs the version that results. Rules edited in place, under a version "
        "everyone already signed, would bind members to what they never agreed to."
    ),
    fix=(
        "To change the charter: decide it in a plenary (`collectif decide MEETING ID --title "
        "... --charter NEW-VERSION`), then change the rules in collectif.yaml together with "
        "its `version` set to NEW-VERSION, and let each member sign it (`collectif sign`). If "
        "the plenary adopted it but the decision does not say so, add `charter:` with the "
        "version to that decision."
    ),
    settings=(
        "`charter.decisions.charter_by_decision` (default false) in collectif.yaml turns on the "
        "first rule; the second applies whenever `charter.decisions` is present. Severity: "
        "`checks: {charter-adopted: warning}` or `off`."
    ),
)


def adopting(collective: Collective, version: str, context: Context) -> Decided | None:
    """The first valid decision of a plenary, on or before the as-of date, that adopts
    `version`."""
    for found in decisions(collective):
        if (
            found.kind == "plenary"
            and found.adopted
            and found.date <= context.as_of
            and found.decision.charter == version
            and not stopped(collective, found)
        ):
            return found
    return None


def check(collective: Collective, context: Context) -> Iterator[Finding]:
    """The current version, when no plenary adopted it."""
    charter = charter_of(collective)
    rules, version = charter.decisions, charter.version
    if rules is None or not rules.charter_by_decision or version is None:
        return
    if adopting(collective, version, context) is not None:
        return
    yield COLLECTIVE.finding(
        NAME,
        f"adopted:{version}",
        msg(
            "no plenary adopted the charter's version {version}: record the decision that "
            'adopted it, with `charter: "{version}"` (`collectif decide MEETING ID --title ... '
            "--charter {version}`)",
            version=version,
        ),
        {"version": version},
        _VERSION,
    )


def between(before: Collective, after: Collective, context: Context) -> Iterator[Finding]:
    """Between two states: the charter's rules changed under the same version."""
    if before.config is None or after.config is None:
        return
    old, new = before.config.charter, after.config.charter
    if old.decisions is None or new.decisions is None or new.version is None:
        return
    if old.version != new.version or as_data(old) == as_data(new):
        return
    yield COLLECTIVE.finding(
        NAME,
        f"unversioned:{new.version}",
        msg(
            "the charter's rules changed, but its version is still {version}: a charter "
            "changes only by a plenary's decision. Record that decision (`collectif decide "
            "MEETING ID --title ... --charter NEW-VERSION`), set `version` to NEW-VERSION with "
            "these rules, and let each member sign it (`collectif sign`)",
            version=new.version,
        ),
        {"version": new.version},
        _VERSION,
    )


CHECK = Check(NAME, Severity.ERROR, check, EXPLANATION, settings=SETTINGS, between=between)
