"""`commitment`: active projects without lead, start or end, or with a team that does not fit."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from collectif.checks.base import Check, Context, Explanation, about_project
from collectif.model.collective import Collective, is_active
from collectif.model.files import Member, Project
from collectif.model.finding import Finding, Path, Severity
from collectif.model.message import Message, msg

NAME = "commitment"

EXPLANATION = Explanation(
    summary="Active projects without lead, start or end; a lead outside the team; a team member "
    "who is not active.",
    finds=(
        "In every project whose `status` is `active`: a missing `lead`, `start` or `end`; a "
        "lead who is not in the `team`; a team member who is not an active member on the as-of "
        "date (not yet joined, or already left). As a warning, an active project whose `end` "
        "is before the as-of date."
    ),
    why=(
        "Members commit to each other for one project and one period, never open-endedly: "
        "someone steps up as lead, volunteers gather around them, and everyone knows when it "
        "ends. A project without a lead or an end date quietly turns into an open-ended "
        "obligation, and a team that lists people who are gone hides who really does the work."
    ),
    fix=(
        "Name the lead and the dates in the project's file; add the lead to `team` (or change "
        "the lead); remove from `team` anyone who is no longer a member. When a project is "
        "over, close it (`collectif project close PROJECT`, which sets `status: done`), or move "
        "its `end` if the collective agreed to go on."
    ),
    settings=(
        "None: it applies to projects with `status: active`. Severity: "
        "`checks: {commitment: warning}` or `off`."
    ),
)


def _finding(
    project_id: str, path: Path, message: Message, severity: Severity | None = None, **details: str
) -> Finding:
    details = {"project": project_id, **details}
    return about_project(project_id).finding(NAME, None, message, details, path, severity=severity)


def _missing(project_id: str, project: Project) -> Iterator[Finding]:
    title = project.title
    if project.lead is None:
        yield _finding(
            project_id,
            ("lead",),
            msg(
                "the active project {title} has no lead: name the member who leads it in `lead`",
                title=title,
            ),
            missing="lead",
        )
    if project.start is None:
        yield _finding(
            project_id,
            ("start",),
            msg("the active project {title} has no start date: add it as `start`", title=title),
            missing="start",
        )
    if project.end is None:
        yield _finding(
            project_id,
            ("end",),
            msg(
                "the active project {title} has no end date: members commit for one period, "
                "never open-endedly; add it as `end`",
                title=title,
            ),
            missing="end",
        )


def _lead_outside(project_id: str, project: Project) -> Iterator[Finding]:
    team = {place.member for place in project.team}
    if project.lead is not None and project.lead not in team:
        yield _finding(
            project_id,
            ("lead",),
            msg(
                "the lead {lead} is not in the team of {title}: add {lead} to `team`, or name "
                "as lead someone who is in it",
                lead=project.lead,
                title=project.title,
            ),
            lead=project.lead,
        )


def _not_active(member_id: str, member: Member, title: str, day: date) -> Message:
    if day < member.joined:
        return msg(
            "{member} is in the team of {title} but is not a member yet on {as_of} (joins on "
            "{joined}): remove {member} from `team` until then",
            member=member_id,
            title=title,
            as_of=day,
            joined=member.joined,
        )
    return msg(
        "{member} is in the team of {title} but left the collective on {left}: remove "
        "{member} from `team`, or close the project if it is over",
        member=member_id,
        title=title,
        left=member.left,
    )


def _team_inactive(
    collective: Collective, project_id: str, project: Project, day: date
) -> Iterator[Finding]:
    for index, place in enumerate(project.team):
        member = collective.members.get(place.member)
        # an unknown or broken member file is a `references` or `schema` finding already
        if member is None or is_active(member, day):
            continue
        yield _finding(
            project_id,
            ("team", index, "member"),
            _not_active(place.member, member, project.title, day),
            member=place.member,
        )


def _overdue(project_id: str, project: Project, day: date) -> Iterator[Finding]:
    if project.end is not None and project.end < day:
        yield _finding(
            project_id,
            ("end",),
            msg(
                "{title} ended on {end}, before {as_of}, but its status is still active: close "
                "it with `collectif project close {project}` (status: done), or move its end "
                "date if the work goes on",
                title=project.title,
                end=project.end,
                as_of=day,
                project=project_id,
            ),
            severity=Severity.WARNING,
            end=project.end.isoformat(),
        )


def check(collective: Collective, context: Context) -> Iterator[Finding]:
    """Every gap in the commitments of the collective's active projects."""
    for project_id, project in sorted(collective.projects.items()):
        if project.status != "active":
            continue
        yield from _missing(project_id, project)
        yield from _lead_outside(project_id, project)
        yield from _team_inactive(collective, project_id, project, context.as_of)
        yield from _overdue(project_id, project, context.as_of)


CHECK = Check(NAME, Severity.ERROR, check, EXPLANATION, settings=())
