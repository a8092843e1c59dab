"""The explicit list of checks, in the order they run and are listed; each module exports its
own record (`CHECK`: name, default severity, explanation, the settings it reads)."""

from __future__ import annotations

from collectif.checks import (
    authorship,
    charter_signed,
    client_balance,
    commitment,
    contract_concentration,
    cotraitance,
    irreplaceable,
    minimum,
    overload,
    prospecting,
    references,
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
    authorship.CHECK,
)

BY_NAME: dict[str, Check] = {check.name: check for check in CHECKS}
