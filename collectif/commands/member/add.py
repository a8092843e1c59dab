"""`collectif member add`: a new member, who signs the current charter by joining."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from collectif.commands.dates import parse_day
from collectif.engine.write import (
    MEMBER_KEYS,
    Change,
    Edits,
    Workspace,
    git_email,
    member,
    open_workspace,
    parse_id,
    prepare,
    say,
    whoami,
)
from collectif.errors import EXIT_OK, CollectifError
from collectif.model.layout import member_file
from collectif.model.message import msg
from collectif.model.types import (
    EMAIL_SCHEMA_PATTERN,
    control_character,
    git_email_problem,
    git_name_problem,
)
from collectif.store import roundtrip

_EMAIL = re.compile(EMAIL_SCHEMA_PATTERN)


def _name(value: str) -> str:
    """The member's name, as git will keep it in the commits they author."""
    name = value.strip()
    if not name:
        raise CollectifError("--name: give the member's name.")
    problem = git_name_problem(name)
    if problem == "git_name_characters":
        raise CollectifError(
            "--name: a name may not hold `<`, `>`, line breaks or other control characters "
            "({code}): git drops or refuses them in an author's name.",
            code=control_character(name) or "`<`, `>`",
        )
    if problem is not None:
        raise CollectifError(
            "--name: `{value}` has no letter or digit: git refuses a name made only of spaces "
            "and `. , : ; < > \" \\ '`.",
            value=name,
        )
    return name


def _email(workspace: Workspace, value: str, member_id: str | None = None) -> str:
    email = value.strip()
    problem = git_email_problem(email)
    if problem == "git_email_characters":
        raise CollectifError(
            "--email: an email may not hold `<`, `>` or control characters ({code}): git "
            "drops them from an author's email.",
            code=control_character(email) or "`<`, `>`",
        )
    if problem is not None:
        raise CollectifError(
            "--email: `{value}` starts or ends with one of `. , : ; \" \\ '`, which git "
            "strips from an author's email.",
            value=email,
        )
    if not _EMAIL.fullmatch(email):
        raise CollectifError(
            "--email: `{value}` is not an email address, e.g. camille@example.org.", value=value
        )
    for other, data in sorted(workspace.collective.members.items()):
        if other != member_id and data.email.lower() == email.lower():
            raise CollectifError(
                "--email: {email} is already the email of {member}: each member has their own.",
                email=email,
                member=other,
            )
    return email


def _author(workspace: Workspace, new_id: str, email: str, as_member: str | None) -> str:
    """Who adds: the acting member, or the new member adding themself (the very first one)."""
    if as_member == new_id or not workspace.collective.known.members:
        return new_id
    mine = git_email(workspace)
    if as_member is None and mine is not None and mine.lower() == email.lower():
        return new_id
    return whoami(workspace, as_member)


def skills(value: str) -> list[str]:
    """`graphisme, formation` as a list of skills."""
    found = [skill.strip() for skill in value.split(",")]
    if not all(found) or any(control_character(skill) for skill in found):
        raise CollectifError(
            "--skills: `{value}` is not a list of skills separated by commas, e.g. "
            "`graphisme,formation`.",
            value=value,
        )
    return list(dict.fromkeys(found))


def add(
    member_id: str,
    name: str,
    email: str,
    joined: str | None = None,
    as_member: str | None = None,
    repo: Path | None = None,
    lang: str | None = None,
    skill_list: str | None = None,
) -> int:
    """Write members/ID.yaml, signed at the current charter version, as one commit."""
    workspace = open_workspace(repo, lang)
    member_id = parse_id("ID", member_id)
    if member_id in workspace.collective.known.members:
        raise CollectifError("{path} already exists.", path=member_file(member_id))
    full_name = _name(name)
    address = _email(workspace, email)
    day = parse_day("--date", joined, workspace.today)
    author = _author(workspace, member_id, address, as_member)
    document = roundtrip.new_mapping({"name": full_name, "email": address, "joined": day})
    version = workspace.collective.charter_config.charter.version
    if version is not None:
        document.data["charter_signed"] = roundtrip.quoted(version)
    if skill_list is not None:
        document.data["skills"] = roundtrip.flow_list(skills(skill_list))
    change = Change(workspace, author, Edits(workspace))
    change.edits.open_or_create(member_file(member_id), lambda: document)
    done = change.record(
        msg("member: {member} joins on {date}", member=member_id, date=day), effective=day
    )
    if done == EXIT_OK and _owes_past(workspace, day):
        say(
            workspace,
            msg(
                "{member} joined before this month: log the time they gave since with "
                "`collectif log HOURS KIND --as {member} --date YYYY-MM-DD`; `collectif check` "
                "says what they still owe.",
                member=member_id,
            ),
        )
    return done


def _owes_past(workspace: Workspace, joined: date) -> bool:
    """Whether a closed period after the member's joining one may be owed: they joined before
    this month, and the collective recorded its time then (`charter.records_from`)."""
    records_from = workspace.collective.charter_config.charter.records_from
    start = joined if records_from is None else max(joined, records_from)
    return start < workspace.today.replace(day=1)


def update(
    member_id: str,
    name: str | None = None,
    email: str | None = None,
    skill_list: str | None = None,
    as_member: str | None = None,
    repo: Path | None = None,
    lang: str | None = None,
) -> int:
    """Change a member's name, email or skills, as one commit."""
    change = prepare(repo, lang, as_member)
    member_id = parse_id("ID", member_id)
    member(change.workspace, member_id)
    if name is None and email is None and skill_list is None:
        raise CollectifError("Say what changes: --name, --email or --skills.")
    document = change.edits.open(member_file(member_id)).data
    if name is not None:
        roundtrip.set_value(document, "name", _name(name), MEMBER_KEYS)
    if email is not None:
        address = _email(change.workspace, email, member_id)
        roundtrip.set_value(document, "email", address, MEMBER_KEYS)
    if skill_list is not None:
        roundtrip.set_value(
            document, "skills", roundtrip.flow_list(skills(skill_list)), MEMBER_KEYS
        )
    return change.record(msg("member: {member}'s details change", member=member_id))
