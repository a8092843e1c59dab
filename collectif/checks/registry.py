"""The explicit list of checks, in the order they run and are listed."""

from __future__ import annotations

from collectif.checks import (
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
from collectif.model.finding import Severity

ERROR, WARNING = Severity.ERROR, Severity.WARNING

CHECKS: tuple[Check, ...] = (
    Check("schema", ERROR, schema.check, schema.EXPLANATION),
    Check("references", ERROR, references.check, references.EXPLANATION),
    Check("irreplaceable", ERROR, irreplaceable.check, irreplaceable.EXPLANATION),
    Check("truck-factor", WARNING, truck_factor.check, truck_factor.EXPLANATION),
    Check("cotraitance", ERROR, cotraitance.check, cotraitance.EXPLANATION),
    Check("minimum", ERROR, minimum.check, minimum.EXPLANATION),
    Check("prospecting", WARNING, prospecting.check, prospecting.EXPLANATION),
    Check("rotation", WARNING, rotation.check, rotation.EXPLANATION),
    Check("overload", WARNING, overload.check, overload.EXPLANATION),
    Check("client-balance", WARNING, client_balance.check, client_balance.EXPLANATION),
    Check(
        "contract-concentration",
        WARNING,
        contract_concentration.check,
        contract_concentration.EXPLANATION,
    ),
    Check("commitment", ERROR, commitment.check, commitment.EXPLANATION),
    Check("charter-signed", ERROR, charter_signed.check, charter_signed.EXPLANATION),
)

BY_NAME: dict[str, Check] = {check.name: check for check in CHECKS}
