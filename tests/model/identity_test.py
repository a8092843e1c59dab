from __future__ import annotations

from collectif.model.finding import Finding
from collectif.model.identity import identity
from collectif.model.message import Names, msg


def held_by(*names: str) -> Finding:
    return Finding(
        check="irreplaceable",
        subject="role:tresorerie",
        file="roles/t.yaml",
        message=msg("held by {names}", names=Names(names)),
        line=3,
    )


def test_without_a_key_the_message_is_the_identity() -> None:
    assert identity(held_by("ana")) == identity(held_by("ana")._replace(line=9))
    assert identity(held_by("ana")) != identity(held_by("bea"))


def test_a_key_keeps_the_identity_when_the_figures_change() -> None:
    one, other = held_by("ana")._replace(key="holders"), held_by("bea")._replace(key="holders")
    assert identity(one) == identity(other)
    assert identity(one) != identity(one._replace(subject="role:communication"))
    assert identity(one) != identity(one._replace(period="2026-03"))
