"""Every figure of `collectif report`, computed from the loaded collective by the checks' own
functions, so that the report and `check` never disagree. Pure: no file, no git, no printing."""

from __future__ import annotations

from collections.abc import Sequence

from collectif.engine.picture.contacts import sharing
from collectif.engine.picture.deliberation import deliberation
from collectif.engine.picture.fund import fund
from collectif.engine.picture.giving import giving
from collectif.engine.picture.glance import glance
from collectif.engine.picture.hours import monthly
from collectif.engine.picture.meetings import meetings
from collectif.engine.picture.money import money
from collectif.engine.picture.prospecting import prospecting
from collectif.engine.picture.records import Picture, Window
from collectif.engine.picture.roles import roles
from collectif.model.collective import Collective
from collectif.model.finding import Finding

__all__ = ["Picture", "Window", "picture"]


def picture(
    collective: Collective,
    frame: Window,
    findings: Sequence[Finding],
    not_run: Sequence[str] = (),
) -> Picture:
    """The report's figures over `frame`, with the findings of its as-of date."""
    config = collective.charter_config
    hours = monthly(collective, frame)
    return Picture(
        collective=config.name,
        currency=config.currency,
        window=frame,
        glance=glance(collective, frame.as_of, findings, not_run),
        giving=giving(collective, frame, hours),
        deliberation=deliberation(collective, frame, hours),
        roles=roles(collective, frame),
        money=money(collective, frame),
        prospecting=prospecting(collective, frame, hours),
        meetings=meetings(collective, frame),
        contacts=sharing(collective, frame, hours),
        fund=fund(collective, frame),
    )
