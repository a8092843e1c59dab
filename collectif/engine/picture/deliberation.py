"""Hare and tortoise: per month, time spent deliberating against time spent doing."""

from __future__ import annotations

from decimal import Decimal

from collectif.engine.picture.hours import ByKind
from collectif.engine.picture.records import Deliberation, Pace, Window
from collectif.model.collective import Collective

DELIBERATION = ("meeting", "reflection", "facilitation")
PRODUCTIVE = ("support", "prospecting", "coaching", "training")
ZERO = Decimal(0)


def _ratio(part: Decimal, whole: Decimal) -> Decimal | None:
    return part / whole if whole else None


def _pace(month: str, kinds: ByKind) -> Pace:
    talk = sum((kinds.get(kind, ZERO) for kind in DELIBERATION), ZERO)
    work = sum((kinds.get(kind, ZERO) for kind in PRODUCTIVE), ZERO)
    paid = kinds.get("project", ZERO)
    return Pace(month, talk, work, paid, _ratio(talk, paid))


def deliberation(
    collective: Collective, frame: Window, hours: dict[tuple[str, str], ByKind]
) -> Deliberation | None:
    """Each month's hours of the three sorts; None when nobody logged any in the window."""
    if not hours:
        return None
    totals: dict[str, ByKind] = {}
    for (member, month), kinds in hours.items():
        if member in collective.known.members:
            into = totals.setdefault(month, {})
            for kind, value in kinds.items():
                into[kind] = into.get(kind, ZERO) + value
    months = tuple(_pace(month.label, totals.get(month.label, {})) for month in frame.months)
    talk = sum((pace.deliberation for pace in months), ZERO)
    paid = sum((pace.project for pace in months), ZERO)
    return Deliberation(
        DELIBERATION,
        PRODUCTIVE,
        months,
        talk,
        sum((pace.productive for pace in months), ZERO),
        paid,
        _ratio(talk, paid),
    )
