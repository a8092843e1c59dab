"""`charter-signed`: active members who have not signed the current version of the charter."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from collectif.checks.base import (
    Check,
    Context,
    Explanation,
    about_member,
    charter_of,
    on_charter,
)
from collectif.checks.charter_adopted import adopting
from collectif.model import files
from collectif.model.collective import Collective, is_active
from collectif.model.files import Charter, Member
from collectif.model.finding import Finding, Severity
from collectif.model.message import Message, msg

NAME = "charter-signed"

EXPLANATION = Explanation(
    summary="Active members who have not signed the current version of the charter.",
    finds=(
        "Every member active on the as-of date whose `charter_signed` is not exactly the "
        "charter's `version` in collectif.yaml: compared as text, so only the current version "
        "counts, and an earlier one does not. Without a `version`, nothing is checked."
    ),
    why=(
        "The charter is how the collective works without bosses: project mode, co-traitance "
        "without margins, shared roles, the minimum commitment. It binds only those who agreed "
        "to it; when the collective changes it by consensus, everyone reads and signs the new "
        "version, so that nobody works under rules they never accepted."
    ),
    fix=(
        "Once the member has read and agreed to the current charter, set `charter_signed` in "
        "their file to the version written in collectif.yaml, quoted: `charter_signed: "
        '"2026-01"`.'
    ),
    settings=(
        "`charter.version` in collectif.yaml (no default: without it the check finds nothing); "
        "`charter.adopted`, the day that version was adopted (when decisions are kept: the "
        "day of the plenary that adopted it), and `charter.signing_grace_days` "
        "(default 30): during those days an earlier signature still counts, so that each "
        "member signs in turn (`collectif sign`). "
        "Severity: `checks: {charter-signed: warning}` or `off`."
    ),
)


def _message(member_id: str, member: Member, version: str) -> Message:
    if member.charter_signed is None:
        return msg(
            "{member} has not signed the charter: once they have read and agreed to its current "
            "version {version}, they sign it with `collectif sign`",
            member=member_id,
            version=version,
        )
    return msg(
        "{member} signed version {signed} of the charter, not the current version {version}: "
        "once they have read and agreed to it, they sign it with `collectif sign`",
        member=member_id,
        signed=member.charter_signed,
        version=version,
    )


def adopted_on(collective: Collective, charter: Charter, day: date) -> date | None:
    """The day the current version was adopted: the plenary that adopted it when decisions are
    kept, else `charter.adopted`."""
    if charter.decisions is not None and charter.version is not None:
        found = adopting(collective, charter.version, Context(as_of=day))
        if found is not None:
            return found.date
    return charter.adopted


def in_grace(adopted: date | None, charter: Charter, day: date) -> bool:
    """Within `signing_grace_days` after the current version's adoption: an earlier signature
    still counts, so that a new version is committed first and signed by each member in turn."""
    if adopted is None:
        return False
    return adopted <= day < adopted + timedelta(days=charter.signing_grace_days)


def check(collective: Collective, context: Context) -> Iterator[Finding]:
    """Every active member whose signed version is not the charter's current one."""
    charter = charter_of(collective)
    version = charter.version
    if version is None:
        return
    adopted = adopted_on(collective, charter, context.as_of)
    grace = in_grace(adopted, charter, context.as_of)
    for member_id, member in sorted(collective.members.items()):
        if not is_active(member, context.as_of) or member.charter_signed == version:
            continue
        if grace and member.charter_signed is not None:
            continue
        written = "charter_signed" in files.written(member)
        message = _message(member_id, member, version)
        details = {"member": member_id, "signed": member.charter_signed, "version": version}
        path = ("charter_signed",) if written else ()
        yield about_member(member_id).finding(NAME, "signature", message, details, path)


CHECK = Check(
    NAME,
    Severity.ERROR,
    check,
    EXPLANATION,
    settings=on_charter("version", "adopted", "decisions", "signing_grace_days"),
)
