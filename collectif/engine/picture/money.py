"""Clients and money: revenue signed per month by kind of client, the ESS share against its
bounds (as `client-balance` computes it), who brought the contracts (as
`contract-concentration` splits them), and what co-traitance gives each member of a project."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

from collectif.checks import client_balance, contract_concentration, cotraitance
from collectif.checks.base import charter_of
from collectif.checks.shares import cents, signed_in_window
from collectif.engine.picture.hours import readable, runs
from collectif.engine.picture.records import (
    Balance,
    Cotraitance,
    EssShare,
    Finder,
    Finders,
    Money,
    Payment,
    ProjectMoney,
    Signed,
    Window,
)
from collectif.model.collective import Collective
from collectif.model.files import Project

CLIENT_KINDS = ("ess", "big_account", "public", "other")
ZERO = Decimal(0)


def _signed_in(project: Project, frame: Window) -> bool:
    day = project.signed
    return (
        project.status != "cancelled"
        and day is not None
        and frame.start <= day <= min(frame.end, frame.as_of)
    )


def _months(collective: Collective, frame: Window) -> tuple[Signed, ...]:
    by_month: dict[str, dict[str, Decimal]] = {}
    for project in collective.projects.values():
        if _signed_in(project, frame):
            assert project.signed is not None
            label = f"{project.signed.year:04d}-{project.signed.month:02d}"
            kinds = by_month.setdefault(label, {})
            kinds[project.client_kind] = kinds.get(project.client_kind, ZERO) + project.budget
    return tuple(Signed(month.label, by_month.get(month.label, {})) for month in frame.months)


def ess_share(collective: Collective, day: date) -> EssShare:
    """The `client-balance` figure over the charter's window that ends on `day`."""
    window = charter_of(collective).clients.window_months
    projects = signed_in_window(collective, day, window)
    ess = client_balance.revenue_of(projects, "ess")
    big = client_balance.revenue_of(projects, "big_account")
    return EssShare(day, ess, big, ess / (ess + big) if ess + big else None)


def _balance(collective: Collective, frame: Window) -> Balance | None:
    if not runs(collective, client_balance.CHECK):
        return None
    rules = charter_of(collective).clients
    trend = tuple(
        ess_share(collective, month.end) for month in frame.months if month.end < frame.as_of
    )
    return Balance(
        rules.window_months,
        rules.ess_share_min,
        rules.ess_share_max,
        ess_share(collective, frame.as_of),
        trend,
    )


def _decimal(value: Fraction) -> Decimal:
    return Decimal(value.numerator) / Decimal(value.denominator)


def _finders(collective: Collective, day: date) -> Finders | None:
    if not runs(collective, contract_concentration.CHECK):
        return None
    rules = charter_of(collective).contracts
    projects = signed_in_window(collective, day, rules.window_months)
    total = sum((project.budget for project in projects.values()), ZERO)
    credit = contract_concentration.brought(projects)
    ranked = sorted(credit.items(), key=lambda item: (-item[1], item[0]))
    members = tuple(
        Finder(member, cents(_decimal(amount)), _decimal(amount / Fraction(total)))
        for member, amount in ranked
        if total
    )
    return Finders(rules.window_months, rules.max_share_top_member, total, members)


def _in_window(project: Project, frame: Window) -> bool:
    """A project of the period: signed in it, under way during it, or active now."""
    if project.status == "cancelled":
        return False
    under_way = (
        project.start is not None
        and project.start <= frame.end
        and (project.end is None or project.end >= frame.start)
    )
    return _signed_in(project, frame) or under_way or project.status == "active"


def _project(project_id: str, project: Project, kept: Decimal, tolerance: Decimal) -> ProjectMoney:
    payments = tuple(
        Payment(
            share.member,
            share.expected,
            share.paid,
            share.has_line,
            bool(project.payouts) and (abs(share.difference) > tolerance or not share.has_line),
        )
        for share in cotraitance.shares(project, kept)
    )
    return ProjectMoney(
        project_id,
        project.title,
        project.client,
        project.client_kind,
        project.status,
        project.signed,
        project.budget,
        bool(project.payouts),
        payments,
    )


def _cotraitance(collective: Collective, frame: Window) -> Cotraitance | None:
    if not runs(collective, cotraitance.CHECK):
        return None
    kept = cotraitance.kept_share(collective)
    tolerance = charter_of(collective).cotraitance.tolerance
    projects = tuple(
        _project(project_id, project, kept, tolerance)
        for project_id, project in sorted(collective.projects.items())
        if project.lines and _in_window(project, frame)
    )
    return Cotraitance(1 - kept, tolerance, projects) if projects else None


def money(collective: Collective, frame: Window) -> Money | None:
    """The money section; None when the collective has no project, or its currency is broken."""
    if not collective.projects or not readable(collective, ("currency",)):
        return None
    months = _months(collective, frame)
    signed: dict[str, Decimal] = {}
    for month in months:
        for kind, amount in month.by_kind.items():
            signed[kind] = signed.get(kind, ZERO) + amount
    return Money(
        CLIENT_KINDS,
        months,
        {kind: signed[kind] for kind in CLIENT_KINDS if kind in signed},
        _balance(collective, frame),
        _finders(collective, frame.as_of),
        _cotraitance(collective, frame),
    )
