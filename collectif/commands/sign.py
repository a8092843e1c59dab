"""`collectif sign`: I sign the charter's current version, as one commit."""

from __future__ import annotations

from collectif.commands.options import WriteOptions
from collectif.engine.write import MEMBER_KEYS, member, prepare
from collectif.errors import CollectifError
from collectif.model.layout import member_file
from collectif.model.message import msg
from collectif.store import roundtrip


def sign(options: WriteOptions) -> int:
    """Set my `charter_signed` to the version in collectif.yaml."""
    change = prepare(options)
    version = change.workspace.collective.charter_config.charter.version
    if version is None:
        raise CollectifError(
            "The charter has no version to sign: collectif.yaml gives none (`charter.version`)."
        )
    if member(change.workspace, change.me).charter_signed == version:
        raise CollectifError(
            "You already signed version {version} of the charter.", version=version
        )
    document = change.edits.open(member_file(change.me)).data
    roundtrip.set_value(document, "charter_signed", roundtrip.quoted(version), MEMBER_KEYS)
    return change.record(
        msg("member: {member} signs the charter {version}", member=change.me, version=version)
    )
