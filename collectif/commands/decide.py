"""`collectif decide`: a decision recorded in its meeting's file, or an objection lifted, as one
commit. Adopting over a standing objection is refused like any change that brings an error."""

from __future__ import annotations

from typing import Any, NamedTuple, get_args

from ruamel.yaml.comments import CommentedSeq

from collectif.commands.dates import parse_day
from collectif.commands.options import WriteOptions, choose
from collectif.engine.write import Change, broken, parse_id, prepare, require_member
from collectif.errors import CollectifError
from collectif.model.files import Decision, DecisionMode, Meeting, Objection, Outcome, Votes
from collectif.model.layout import meeting_file
from collectif.model.meetings import find_decision
from collectif.model.message import Names, msg
from collectif.store import roundtrip

MODES: tuple[str, ...] = get_args(DecisionMode)
OUTCOMES: tuple[str, ...] = get_args(Outcome)
MEETING_KEYS = roundtrip.key_order(Meeting)
DECISION_KEYS = roundtrip.key_order(Decision)
OBJECTION_KEYS = roundtrip.key_order(Objection)
VOTE_KEYS = roundtrip.key_order(Votes)


class Wanted(NamedTuple):
    """The options of `decide`, as given."""

    title: str | None
    mode: str | None
    outcome: str
    votes: str | None
    charter: str | None
    objections: tuple[str, ...]
    lifted: tuple[str, ...]
    review_by: str | None
    supersedes: str | None


def meeting_of(change: Change, given: str) -> str:
    """The meeting `given` names: its id (file name), or a day with a single meeting."""
    collective = change.workspace.collective
    if given in collective.known.meetings:
        path = meeting_file(given)
        if given not in collective.meetings or any(p.file == path for p in collective.problems):
            raise broken(path)
        return given
    same_day = sorted(m for m in collective.known.meetings if m[:10] == given)
    if len(same_day) == 1:
        return meeting_of(change, same_day[0])
    if same_day:
        raise CollectifError(
            "There are several meetings on {date}: name one of {meetings}.",
            date=given,
            meetings=Names(tuple(same_day), alternatives=True),
        )
    raise CollectifError(
        "There is no meeting `{meeting}` (no meetings/{meeting}.yaml): record it first with "
        "`collectif meeting new`.",
        meeting=given,
    )


def _votes(value: str) -> dict[str, int]:
    parts = [part.strip() for part in value.split(",")]
    if len(parts) != 3 or not all(part.isdigit() and len(part) <= 5 for part in parts):
        raise CollectifError(
            "--votes: `{value}` is not FOR,AGAINST,ABSTAIN, e.g. `5,1,0`.", value=value
        )
    return dict(zip(VOTE_KEYS, map(int, parts), strict=True))


def _objection(change: Change, option: str, value: str) -> dict[str, Any]:
    member, colon, reason = value.partition(":")
    member_id = require_member(change.workspace, parse_id(option, member.strip()))
    found: dict[str, Any] = {"member": member_id}
    if colon and reason.strip():
        found["reason"] = reason.strip()
    if option == "--lifted":
        found["lifted"] = True
    return found


def _ids(change: Change, value: str) -> list[str]:
    found = [parse_id("--supersedes", item.strip()) for item in value.split(",") if item.strip()]
    if not found:
        raise CollectifError("--supersedes: name the decisions it replaces, e.g. `retenue-4`.")
    for old in found:
        if find_decision(change.workspace.collective, old) is None:
            raise CollectifError(
                "--supersedes: there is no decision `{decision}` in the meetings.", decision=old
            )
    return found


def _content(change: Change, decision_id: str, wanted: Wanted) -> dict[str, Any]:
    title = (wanted.title or "").strip()
    if not title:
        raise CollectifError("--title: say what was decided, e.g. `Retenue commune à 4 %`.")
    content: dict[str, Any] = {"id": decision_id, "title": title}
    if wanted.mode is not None:
        content["mode"] = choose("--mode", wanted.mode, MODES)
    content["outcome"] = choose("--outcome", wanted.outcome, OUTCOMES)
    given = [("--objection", item) for item in wanted.objections]
    given += [("--lifted", item) for item in wanted.lifted]
    if given:
        content["objections"] = roundtrip.block_list(
            roundtrip.mapping(_objection(change, option, item), flow=True) for option, item in given
        )
    if wanted.votes is not None:
        content["votes"] = roundtrip.mapping(_votes(wanted.votes), flow=True)
    if wanted.charter is not None:
        if not wanted.charter.strip():
            raise CollectifError("--charter: give the charter version it adopts, e.g. 2026-12.")
        content["charter"] = roundtrip.quoted(wanted.charter.strip())
    review_by = parse_day("--review-by", wanted.review_by)
    if review_by is not None:
        content["review_by"] = review_by
    if wanted.supersedes is not None:
        content["supersedes"] = roundtrip.flow_list(_ids(change, wanted.supersedes))
    return content


def decide(
    meeting: str,
    decision_id: str,
    wanted: Wanted,
    options: WriteOptions,
) -> int:
    """Add a decision to a meeting's file, as one commit (refused if it brings an error)."""
    change = prepare(options)
    meeting_id = meeting_of(change, meeting)
    decision_id = parse_id("ID", decision_id)
    earlier = find_decision(change.workspace.collective, decision_id)
    if earlier is not None:
        raise CollectifError(
            "The decision id `{decision}` is already used in meetings/{meeting}.yaml: choose "
            "another.",
            decision=decision_id,
            meeting=earlier.meeting,
        )
    content = _content(change, decision_id, wanted)
    document = change.edits.open(meeting_file(meeting_id)).data
    made = roundtrip.mapping(content, flow=False)
    current = document.get("decisions")
    if isinstance(current, CommentedSeq):
        roundtrip.append(current, made)
    elif current is None or roundtrip.is_null(current):
        roundtrip.set_value(document, "decisions", roundtrip.block_list([made]), MEETING_KEYS)
    else:
        raise broken(meeting_file(meeting_id))
    summary = msg(
        "decision: {decision} {outcome} in {meeting}",
        decision=decision_id,
        outcome=Names((content["outcome"],), words=True),
        meeting=meeting_id,
    )
    return change.record(summary, effective=change.workspace.collective.meetings[meeting_id].date)


def lift_objection(
    decision_id: str,
    member_id: str,
    options: WriteOptions,
) -> int:
    """Mark a member's objection to a decision lifted, as one commit."""
    change = prepare(options)
    decision_id = parse_id("DECISION", decision_id)
    member_id = parse_id("MEMBER", member_id)
    found = find_decision(change.workspace.collective, decision_id)
    if found is None:
        raise CollectifError(
            "There is no decision `{decision}` in the meetings.", decision=decision_id
        )
    standing = [
        index
        for index, objection in enumerate(found.decision.objections)
        if objection.member == member_id and not objection.lifted
    ]
    if not standing:
        raise CollectifError(
            "{member} has no standing objection to {decision}.",
            member=member_id,
            decision=decision_id,
        )
    meeting_of(change, found.meeting)  # its file must be whole: positions are the file's
    document = change.edits.open(meeting_file(found.meeting)).data
    objections = document["decisions"][found.position]["objections"]
    for index in standing:
        roundtrip.set_item_value(objections, index, "lifted", True, OBJECTION_KEYS)
    summary = msg(
        "decision: {member} lifts their objection to {decision}",
        member=member_id,
        decision=decision_id,
    )
    return change.record(summary, effective=found.date)


def run(
    first: str,
    second: str,
    title: str | None,
    mode: str | None,
    outcome: str,
    votes: str | None,
    charter: str | None,
    objection: list[str] | None,
    lifted: list[str] | None,
    review_by: str | None,
    supersedes: str | None,
    lift: bool,
    options: WriteOptions,
) -> int:
    """`collectif decide`: a decision (MEETING ID), or an objection lifted (--lift DECISION
    MEMBER)."""
    if lift:
        return lift_objection(first, second, options)
    objections, lifts = tuple(objection or ()), tuple(lifted or ())
    wanted = Wanted(title, mode, outcome, votes, charter, objections, lifts, review_by, supersedes)
    return decide(first, second, wanted, options)
