"""What a commit did to a share-out's file, in words."""

from __future__ import annotations

from collections.abc import Iterator

from collectif.engine.story.versions import changed_fields, described
from collectif.model.files import Distribution
from collectif.model.layout import FileId
from collectif.model.message import Message, Names, msg


def tell(
    file_id: FileId, before: Distribution | None, after: Distribution | None
) -> Iterator[Message]:
    ident = file_id.id
    if before is None and after is not None:
        members = tuple(dict.fromkeys(p.member for p in after.payouts if p.amount > 0))
        yield msg(
            "share-out {id} of the fund recorded, paid on {date} to {members}",
            id=ident,
            date=after.date,
            members=Names(members),
        )
    elif after is None:
        yield msg("the share-out {id} was removed", id=ident)
    elif before is not None:
        changed = changed_fields(before, after)
        if changed:
            yield msg(
                "the share-out {id} changed: {keys}",
                id=ident,
                keys=described(before, after, changed),
            )
