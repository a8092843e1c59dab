"""`report --format json`: every number of the report, for scripts; the same in every language.

The contract is documented in docs/report.md. Hours, money and ratios are decimal strings
(exact hours and money; ratios to four decimals), counts are integers, dates ISO, months
`YYYY-MM`. A section without data is null.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from collectif.checks.shares import cents, ratio
from collectif.engine.picture.records import (
    Deliberation,
    Giver,
    Giving,
    Glance,
    Money,
    Owed,
    Picture,
    Prospecting,
    RoleLine,
    Roles,
    Sharing,
    Span,
)
from collectif.i18n import Lang
from collectif.report.safe import json_text

VERSION = 1
Json = dict[str, Any]


def _dec(value: Decimal) -> str:
    return str(value)


def _share(value: Decimal | None) -> str | None:
    return None if value is None else str(ratio(value, Decimal(1)))


def _kinds(values: dict[str, Decimal]) -> Json:
    return {kind: _dec(value) for kind, value in values.items()}


def _span(span: Span) -> Json:
    return {
        "period": span.label,
        "from": span.start.isoformat(),
        "to": span.end.isoformat(),
        "closed": span.closed,
    }


def _glance(glance: Glance) -> Json:
    truck = glance.truck_factor
    return {
        "members": glance.members,
        "paused": glance.paused,
        "roles": glance.roles,
        "projects": glance.projects,
        "errors": glance.errors,
        "warnings": glance.warnings,
        "findings": [
            {"check": c.check, "errors": c.errors, "warnings": c.warnings} for c in glance.findings
        ],
        "not_run": list(glance.not_run),
        "truck_factor": None
        if truck is None
        else {
            "minimum": truck.minimum,
            "size": truck.size,
            "members": list(truck.members),
            "exact": truck.exact,
            "undecided": truck.undecided,
            "active_roles": truck.active_roles,
            "uncovered_roles": list(truck.uncovered_roles),
        },
    }


def _owed(owed: Owed, integer: bool = False) -> Json:
    required: object = owed.required
    if owed.required is not None:
        required = int(owed.required) if integer else str(cents(owed.required))
    return {
        "period": owed.period,
        ("count" if integer else "counted"): int(owed.done) if integer else _dec(owed.done),
        "required": required,
        "standing": owed.standing,
    }


def _giver(giver: Giver) -> Json:
    return {
        "member": giver.member,
        "name": giver.name,
        "volunteer": _dec(giver.volunteer),
        "share": _share(giver.share),
        "project": _dec(giver.project),
        "by_kind": _kinds(giver.by_kind),
        "months": [
            {
                "month": month.month,
                "volunteer": _dec(month.volunteer),
                "project": _dec(month.project),
                "by_kind": _kinds(month.by_kind),
                "overload": list(month.overload),
            }
            for month in giver.months
        ],
        "minimum": [_owed(owed) for owed in giver.minimum],
    }


def _giving(giving: Giving) -> Json:
    rule, over = giving.minimum, giving.overload
    return {
        "kinds": list(giving.kinds),
        "minimum": None
        if rule is None
        else {
            "hours": _dec(rule.hours),
            "period": rule.period,
            "counts": list(rule.counts),
            "periods": [_span(span) for span in rule.periods],
        },
        "overload": None
        if over is None
        else {"hours": _dec(over.hours), "max_share": _dec(over.max_share)},
        "volunteer": _dec(giving.volunteer),
        "project": _dec(giving.project),
        "members": [_giver(giver) for giver in giving.members],
    }


def _deliberation(pace: Deliberation) -> Json:
    return {
        "deliberation_kinds": list(pace.deliberation_kinds),
        "productive_kinds": list(pace.productive_kinds),
        "deliberation": _dec(pace.deliberation),
        "productive": _dec(pace.productive),
        "project": _dec(pace.project),
        "ratio": _share(pace.ratio),
        "months": [
            {
                "month": month.month,
                "deliberation": _dec(month.deliberation),
                "productive": _dec(month.productive),
                "project": _dec(month.project),
                "ratio": _share(month.ratio),
            }
            for month in pace.months
        ],
    }


def _role(line: RoleLine, months: list[str]) -> Json:
    return {
        "role": line.role,
        "title": line.title,
        "kind": line.kind,
        "active": line.active,
        "min_holders": line.min_holders,
        "holders": list(line.holders),
        "timeline": [
            {
                "member": seat.member,
                "trainee": seat.trainee,
                "months": [label for label, held in zip(months, seat.months, strict=True) if held],
            }
            for seat in line.seats
        ],
        "tenures": [
            {
                "member": tenure.member,
                "since": tenure.since.isoformat(),
                "months": tenure.months,
                "over": tenure.over,
            }
            for tenure in line.tenures
        ],
    }


def _roles(roles: Roles, months: list[str]) -> Json:
    return {
        "max_tenure_months": roles.max_tenure_months,
        "roles": [_role(line, months) for line in roles.roles],
        "skills": [
            {"skill": s.skill, "roles": list(s.roles), "members": list(s.members)}
            for s in roles.skills
        ],
    }


def _money(money: Money) -> Json:
    balance, finders, cotraitance = money.balance, money.finders, money.cotraitance

    def ess(point: Any) -> Json:
        return {
            "date": point.day.isoformat(),
            "ess": _dec(point.ess),
            "big_account": _dec(point.big_account),
            "share": _share(point.share),
        }

    return {
        "kinds": list(money.kinds),
        "signed": _kinds(money.signed),
        "months": [{"month": m.month, "by_kind": _kinds(m.by_kind)} for m in money.months],
        "ess_balance": None
        if balance is None
        else {
            "window_months": balance.window_months,
            "ess_share_min": _dec(balance.ess_share_min),
            "ess_share_max": _dec(balance.ess_share_max),
            "now": ess(balance.now),
            "months": [ess(point) for point in balance.trend],
        },
        "finders": None
        if finders is None
        else {
            "window_months": finders.window_months,
            "max_share": _dec(finders.max_share),
            "total": _dec(finders.total),
            "members": [
                {"member": f.member, "amount": _dec(f.amount), "share": _share(f.share)}
                for f in finders.members
            ],
        },
        "cotraitance": None
        if cotraitance is None
        else {
            "deduction_rate": _dec(cotraitance.deduction_rate),
            "tolerance": _dec(cotraitance.tolerance),
            "projects": [
                {
                    "project": p.project,
                    "title": p.title,
                    "client": p.client,
                    "client_kind": p.client_kind,
                    "status": p.status,
                    "signed": p.signed.isoformat() if p.signed else None,
                    "budget": _dec(p.budget),
                    "paid": p.paid,
                    "members": [
                        {
                            "member": pay.member,
                            "expected": str(cents(pay.expected)),
                            "paid": str(cents(pay.paid)),
                            "has_line": pay.has_line,
                            "wrong": pay.wrong,
                        }
                        for pay in p.payments
                    ],
                }
                for p in cotraitance.projects
            ],
        },
    }


def _prospecting(prospecting: Prospecting) -> Json:
    return {
        "period": prospecting.period,
        "actions": prospecting.actions,
        "periods": [_span(span) for span in prospecting.periods],
        "members": [
            {
                "member": row.member,
                "name": row.name,
                "periods": [_owed(owed, integer=True) for owed in row.periods],
            }
            for row in prospecting.members
        ],
    }


def _contacts(sharing: Sharing) -> Json:
    return {
        "contacts": sharing.contacts,
        "members": [
            {
                "member": row.member,
                "shared": row.shared,
                "shared_ever": row.shared_ever,
                "prospecting": row.actions,
                "prospecting_with_contact": row.named,
            }
            for row in sharing.members
        ],
    }


def document(picture: Picture) -> Json:
    """The report as one JSON document (see docs/report.md)."""
    frame = picture.window
    months = [month.label for month in frame.months]
    return {
        "report": VERSION,
        "collective": picture.collective,
        "currency": picture.currency,
        "as_of": frame.as_of.isoformat(),
        "from": frame.start.isoformat(),
        "to": frame.end.isoformat(),
        "months": [{"month": m.label, "closed": m.closed} for m in frame.months],
        "glance": _glance(picture.glance),
        "giving": None if picture.giving is None else _giving(picture.giving),
        "deliberation": None
        if picture.deliberation is None
        else _deliberation(picture.deliberation),
        "roles": None if picture.roles is None else _roles(picture.roles, months),
        "money": None if picture.money is None else _money(picture.money),
        "prospecting": None if picture.prospecting is None else _prospecting(picture.prospecting),
        "contacts": None if picture.contacts is None else _contacts(picture.contacts),
    }


def render_json(picture: Picture, lang: Lang) -> str:
    """The same document whatever the language: scripts read it."""
    del lang
    return json_text(document(picture))
