"""`irreplaceable`: active roles with too few holders, and skills only one member has."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

from collectif.checks.base import Check, Context, Explanation, about_role, charter_of
from collectif.model.collective import Collective, active_holders, active_roles, covers, is_active
from collectif.model.files import Role
from collectif.model.finding import Finding, Severity
from collectif.model.message import Message, Names, Text, msg

NAME = "irreplaceable"

EXPLANATION = Explanation(
    summary="Active roles with fewer holders than their minimum; skills too few members have.",
    finds=(
        "An active role (not retired with `active: false`) with fewer active holders on the "
        "as-of date than its `min_holders`. A holder counts while their holding covers that "
        "day and they are still a member; trainees do not count. As a warning, each skill "
        "listed in an active role's `skills` that fewer than two active members list, written "
        "exactly the same way, in their own `skills` (not while a member file has a mistake: "
        "their skills are then not known for sure)."
    ),
    why=(
        "Support functions and regular missions are held by small groups, never by one person, "
        "so that nobody becomes indispensable and anyone can step back, fall ill or leave "
        "without the collective losing its treasury, its trainings or its liaison. A skill "
        "that only one member has is the same risk, one step earlier."
    ),
    fix=(
        "Bring someone into the role: a trainee listed in `trainees` who is ready moves to "
        "`holders`, or another member joins (`collectif role join ROLE`) or starts training "
        "(`collectif role train ROLE`). For a rare skill, train a second member and add the "
        "skill to their `skills`. If the role is no longer needed, retire it with "
        "`active: false`."
    ),
    settings=(
        "`charter.roles.min_holders` (default 2) in collectif.yaml, overridden for one role by "
        "its own `min_holders`. The skill threshold (two active members) is fixed. Severity: "
        "`checks: {irreplaceable: warning}` or `off`."
    ),
)


def _trainees(collective: Collective, role: Role, holders: list[str], day: date) -> list[str]:
    """Active members in training for the role on `day` who do not hold it yet."""
    found: list[str] = []
    for training in role.trainees:
        member = collective.members.get(training.member)
        if member is None or training.member in holders or training.member in found:
            continue
        if covers(training.since, training.until, day) and is_active(member, day):
            found.append(training.member)
    return found


def _fix(role_id: str, trainees: list[str]) -> Message:
    if len(trainees) == 1:
        return msg(
            "{trainee}, in training for it, could become a holder (`collectif role join {role} "
            "--as {trainee}`), or another member can join it with `collectif role join {role}`",
            trainee=trainees[0],
            role=role_id,
        )
    if trainees:
        return msg(
            "{trainees}, in training for it, could become holders (each with `collectif role join "
            "{role} --as ID`), or another member can join it with `collectif role join {role}`",
            trainees=Names(tuple(trainees)),
            role=role_id,
        )
    return msg(
        "another member can join it with `collectif role join {role}`, or start training for "
        "it with `collectif role train {role}`",
        role=role_id,
    )


def _holders_finding(
    collective: Collective, role_id: str, role: Role, needed: int, day: date
) -> Finding | None:
    holders = active_holders(collective, role, day)
    if len(holders) >= needed:
        return None
    trainees = _trainees(collective, role, holders, day)
    fix = Text(_fix(role_id, trainees))
    if holders:
        message = msg(
            "{title} is held only by {holders} on {as_of}, below its minimum of {needed} "
            "holders: {fix}",
            title=role.title,
            holders=Names(tuple(holders)),
            as_of=day,
            needed=needed,
            fix=fix,
        )
    else:
        message = msg(
            "{title} has no active holder on {as_of}, below its minimum of {needed}: {fix}",
            title=role.title,
            as_of=day,
            needed=needed,
            fix=fix,
        )
    # No holder at all is a new problem, not more of the same shortage: a write that takes a
    # role's last holder away is refused even if the role was already short.
    key = "holders" if holders else "unheld"
    details = {"holders": holders, "min_holders": needed, "trainees": trainees}
    return about_role(role_id).finding(
        NAME, key, message, details, ("holders",), measure=Decimal(needed - len(holders))
    )


def _skill_message(role: Role, skill: str, members: list[str]) -> Message:
    if members:
        return msg(
            "{title} needs the skill {skill}, which only {member} has among the active members: "
            "train a second member and add {skill} to their `skills`",
            title=role.title,
            skill=skill,
            member=members[0],
        )
    return msg(
        "{title} needs the skill {skill}, which no active member has: train two members, or "
        "add {skill} to the `skills` of the members who have it",
        title=role.title,
        skill=skill,
    )


def skilled_members(collective: Collective, day: date) -> dict[str, list[str]]:
    """Each skill, with the active members who list it (sorted ids)."""
    found: dict[str, list[str]] = {}
    for member_id, member in sorted(collective.members.items()):
        if is_active(member, day):
            for skill in dict.fromkeys(member.skills):
                found.setdefault(skill, []).append(member_id)
    return found


def _skill_findings(role_id: str, role: Role, skilled: dict[str, list[str]]) -> Iterator[Finding]:
    seen: set[str] = set()
    for index, skill in enumerate(role.skills):
        members = skilled.get(skill, [])
        if skill in seen or len(members) >= 2:
            continue
        seen.add(skill)
        message = _skill_message(role, skill, members)
        details = {"skill": skill, "members": members}
        yield about_role(role_id).finding(
            NAME, f"skill:{skill}", message, details, ("skills", index), severity=Severity.WARNING
        )


def check(collective: Collective, context: Context) -> Iterator[Finding]:
    """Every active role short of holders, and every skill it needs that is rare."""
    default = charter_of(collective).roles.min_holders
    skilled = skilled_members(collective, context.as_of)
    sure = not _misread_members(collective)
    for role_id, role in sorted(active_roles(collective, context.as_of).items()):
        needed = default if role.min_holders is None else role.min_holders
        finding = _holders_finding(collective, role_id, role, needed, context.as_of)
        if finding is not None:
            yield finding
        if sure:
            yield from _skill_findings(role_id, role, skilled)


def _misread_members(collective: Collective) -> bool:
    """Whether a member file lost a key when it was read (`skils:` for `skills:`): the skills
    are then not known for sure, and the `schema` finding already says what to fix (one typo,
    one finding)."""
    return any(problem.file.startswith("members/") for problem in collective.problems)


CHECK = Check(NAME, Severity.ERROR, check, EXPLANATION, settings=(("charter", "roles"),))
