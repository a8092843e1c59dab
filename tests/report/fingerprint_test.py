"""A finding keeps its fingerprint when only its line moves, and no two findings share one."""

from __future__ import annotations

from typing import Any

from collectif.model.finding import Status
from collectif.model.message import Names, Text, msg
from collectif.report.fingerprint import current, fingerprints, identity, introduced
from tests.report.samples import finding, paid_more


def _one(**changes: Any) -> str:
    return fingerprints([finding(**changes)])[0]


def test_the_line_and_column_do_not_change_the_fingerprint() -> None:
    assert _one(line=5) == _one(line=42) == _one(line=None) == _one(line=5, column=9)


def test_the_status_does_not_change_the_fingerprint() -> None:
    assert _one(status=Status.NEW) == _one(status=Status.EXISTING) == _one()


def test_every_part_of_the_identity_changes_the_fingerprint() -> None:
    base = _one()
    others = {
        _one(subject="role:accueil"),
        _one(check="irreplaceable"),
        _one(file="roles/accueil.yaml"),
        _one(period="2026-Q3"),
        _one(message=msg("unknown member `{ref}`: there is no members/{ref}.yaml", ref="yan")),
        _one(message=msg("unknown role `{ref}`: there is no roles/{ref}.yaml", ref="zoe")),
    }
    assert base not in others and len(others) == 6


def test_message_parameters_of_every_kind_count() -> None:
    assert _one(message=paid_more(amount="270")) != _one(message=paid_more(amount="271"))
    assert _one(message=paid_more(member="Léo")) != _one(message=paid_more(member="Leo"))
    named = msg("{who}", who=Names(("ana", "léo")))
    assert _one(message=named) != _one(message=msg("{who}", who=Names(("ana", "zoé"))))
    nested = msg("{inner}", inner=Text(paid_more()))
    assert _one(message=nested) != _one(message=msg("{inner}", inner=Text(paid_more("Zoé"))))


def test_copies_of_one_finding_get_distinct_fingerprints_in_order() -> None:
    copies = [finding(line=3), finding(line=9), finding(line=12)]
    hashes = fingerprints(copies)
    assert len(set(hashes)) == 3
    assert hashes[0] == _one()
    assert fingerprints(copies[:2]) == hashes[:2]


def test_identity_keeps_non_ascii_text() -> None:
    assert "Léo" in identity(finding(message=paid_more()))


def test_current_and_introduced_findings() -> None:
    new, old, fixed = (finding(status=s) for s in (Status.NEW, Status.EXISTING, Status.FIXED))
    plain = finding()
    assert current([new, old, fixed, plain]) == [new, old, plain]
    assert introduced([new, old, fixed, plain]) == [new, plain]
