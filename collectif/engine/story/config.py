"""What a commit did to collectif.yaml, in words."""

from __future__ import annotations

from collections.abc import Iterator

from collectif.engine.story.versions import changed_fields, changed_paths, described
from collectif.model.files import CollectiveFile
from collectif.model.layout import FileId
from collectif.model.message import Message, msg


def _changes(before: CollectiveFile, after: CollectiveFile) -> Iterator[Message]:
    old, new = before.charter, after.charter
    if old.version != new.version and new.version:
        yield msg("new charter version {version}", version=new.version)
    rules = [path for path in changed_paths(old, new) if path != "version"]
    if rules:
        yield msg("the charter changed: {keys}", keys=described(old, new, rules))
    checks = changed_paths(before.checks, after.checks)
    if checks:
        yield msg(
            "the check settings changed: {keys}",
            keys=described(before.checks, after.checks, checks, words=False),
        )
    others = changed_fields(before, after, ("charter", "checks"))
    if others:
        yield msg(
            "the collective's settings changed: {keys}", keys=described(before, after, others)
        )


def tell(
    file_id: FileId, before: CollectiveFile | None, after: CollectiveFile | None
) -> Iterator[Message]:
    if before is None and after is not None:
        yield msg("the collective {name} was created", name=after.name)
    elif before is not None and after is not None:
        yield from _changes(before, after)
