"""The explicit list of checks, in the order they run and are listed; each module exports its
own record (`CHECK`: name, default severity, explanation, the settings it reads)."""

from __future__ import annotations

from collectif.checks import (
    authorship,
    charter_adopted,
    charter_signed,
    client_balance,
    commitment,
    contact_retention,
    contacts_shared,
    contract_concentration,
    cotraitance,
    decisions,
    distribution,
    facilitation,
    irreplaceable,
    meeting_cadence,
    minimum,
    overload,
    prospecting,
    references,
    review_due,
    rotation,
    schema,
    truck_factor,
)
from collectif.checks.base import Check

CHECKS: tuple[Check, ...] = (
    schema.CHECK,
    references.CHECK,
    irreplaceable.CHECK,
    truck_factor.CHECK,
    cotraitance.CHECK,
    minimum.CHECK,
    prospecting.CHECK,
    rotation.CHECK,
    overload.CHECK,
    client_balance.CHECK,
    contract_concentration.CHECK,
    commitment.CHECK,
    charter_signed.CHECK,
    decisions.CHECK,
    charter_adopted.CHECK,
    facilitation.CHECK,
    meeting_cadence.CHECK,
    review_due.CHECK,
    distribution.CHECK,
    contacts_shared.CHECK,
    contact_retention.CHECK,
    authorship.CHECK,
)

BY_NAME: dict[str, Check] = {check.name: check for check in CHECKS}
