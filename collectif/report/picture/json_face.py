"""`report --format json`: every number of the report, for scripts; the same in every language.

The contract is documented in docs/report.md. Hours, money and ratios are decimal strings
(exact hours and money; ratios to four decimals), counts are integers, dates ISO, months
`YYYY-MM`. A section without data is null.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar

from collectif.checks.shares import cents, ratio
from collectif.engine.picture import records as r
from collectif.i18n import Lang
from collectif.report.safe import json_text

VERSION = 1
Json = dict[str, Any]
T = TypeVar("T")


def _value(value: object) -> object:
    """A figure as the document writes it: decimals as strings, tuples as lists."""
    if isinstance(value, Decimal):
        return _dec(value)
    return list(value) if isinstance(value, tuple) else value


def _fields(record: tuple[Any, ...], *names: str) -> Json:
    """The record's fields of these names, under their own names."""
    return {name: _value(getattr(record, name)) for name in names}


def _section(data: T | None, document: Callable[[T], Json]) -> Json | None:
    """A section's document; a section without data is null."""
    return None if data is None else document(data)


def _dec(value: Decimal) -> str:
    return str(value)


def _share(value: Decimal | None) -> str | None:
    return None if value is None else str(ratio(value, Decimal(1)))


def _kinds(values: dict[str, Decimal]) -> Json:
    return {kind: _dec(value) for kind, value in values.items()}


def _span(span: r.Span) -> Json:
    return {
        "period": span.label,
        "from": span.start.isoformat(),
        "to": span.end.isoformat(),
        "closed": span.closed,
    }


def _glance(glance: r.Glance) -> Json:
    truck = glance.truck_factor
    return {
        **_fields(glance, "members", "paused", "roles", "projects", "errors", "warnings"),
        "findings": [
            {"check": c.check, "errors": c.errors, "warnings": c.warnings} for c in glance.findings
        ],
        "not_run": list(glance.not_run),
        "truck_factor": None
        if truck is None
        else _fields(
            truck,
            "minimum",
            "size",
            "members",
            "exact",
            "undecided",
            "active_roles",
            "uncovered_roles",
        ),
    }


def _owed(owed: r.Owed, integer: bool = False) -> Json:
    required: object = owed.required
    if owed.required is not None:
        required = int(owed.required) if integer else str(cents(owed.required))
    return {
        "period": owed.period,
        ("count" if integer else "counted"): int(owed.done) if integer else _dec(owed.done),
        "required": required,
        "standing": owed.standing,
    }


def _giver(giver: r.Giver) -> Json:
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


def _minimum(rule: r.MinimumRule) -> Json:
    return {
        "hours": _dec(rule.hours),
        "period": rule.period,
        "counts": list(rule.counts),
        "periods": [_span(span) for span in rule.periods],
    }


def _overload(over: r.OverloadRule) -> Json:
    return {"hours": _dec(over.hours), "max_share": _dec(over.max_share)}


def _giving(giving: r.Giving) -> Json:
    return {
        "kinds": list(giving.kinds),
        "minimum": _section(giving.minimum, _minimum),
        "overload": _section(giving.overload, _overload),
        **_fields(giving, "volunteer", "project"),
        "members": [_giver(giver) for giver in giving.members],
    }


def _deliberation(pace: r.Deliberation) -> Json:
    hours = ("deliberation", "productive", "project")
    return {
        **_fields(pace, "deliberation_kinds", "productive_kinds", *hours),
        "ratio": _share(pace.ratio),
        "months": [
            {**_fields(month, "month", *hours), "ratio": _share(month.ratio)}
            for month in pace.months
        ],
    }


def _role(line: r.RoleLine, months: list[str]) -> Json:
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


def _roles(roles: r.Roles, months: list[str]) -> Json:
    return {
        "max_tenure_months": roles.max_tenure_months,
        "roles": [_role(line, months) for line in roles.roles],
        "skills": [
            {"skill": s.skill, "roles": list(s.roles), "members": list(s.members)}
            for s in roles.skills
        ],
    }


def _ess(point: r.EssShare) -> Json:
    return {
        "date": point.day.isoformat(),
        "ess": _dec(point.ess),
        "big_account": _dec(point.big_account),
        "share": _share(point.share),
    }


def _balance(balance: r.Balance) -> Json:
    return {
        "window_months": balance.window_months,
        "ess_share_min": _dec(balance.ess_share_min),
        "ess_share_max": _dec(balance.ess_share_max),
        "now": _ess(balance.now),
        "months": [_ess(point) for point in balance.trend],
    }


def _finders(finders: r.Finders) -> Json:
    return {
        "window_months": finders.window_months,
        "max_share": _dec(finders.max_share),
        "total": _dec(finders.total),
        "members": [
            {"member": f.member, "amount": _dec(f.amount), "share": _share(f.share)}
            for f in finders.members
        ],
    }


def _payment(pay: r.Payment) -> Json:
    return {
        "member": pay.member,
        "expected": str(cents(pay.expected)),
        "paid": str(cents(pay.paid)),
        "has_line": pay.has_line,
        "wrong": pay.wrong,
    }


def _project(p: r.ProjectMoney) -> Json:
    return {
        "project": p.project,
        "title": p.title,
        "client": p.client,
        "client_kind": p.client_kind,
        "status": p.status,
        "signed": p.signed.isoformat() if p.signed else None,
        "budget": _dec(p.budget),
        "paid": p.paid,
        "members": [_payment(pay) for pay in p.payments],
    }


def _cotraitance(cotraitance: r.Cotraitance) -> Json:
    return {
        **_fields(cotraitance, "deduction_rate", "tolerance"),
        "projects": [_project(p) for p in cotraitance.projects],
    }


def _money(money: r.Money) -> Json:
    return {
        "kinds": list(money.kinds),
        "signed": _kinds(money.signed),
        "months": [{"month": m.month, "by_kind": _kinds(m.by_kind)} for m in money.months],
        "ess_balance": _section(money.balance, _balance),
        "finders": _section(money.finders, _finders),
        "cotraitance": _section(money.cotraitance, _cotraitance),
    }


def _prospecting(prospecting: r.Prospecting) -> Json:
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


def _contacts(sharing: r.Sharing) -> Json:
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


def _share_out(shared: r.ShareOut) -> Json:
    return {
        "id": shared.id,
        "title": shared.title,
        "date": shared.day.isoformat(),
        "from": shared.start.isoformat(),
        "to": shared.end.isoformat(),
        "pot": str(cents(shared.pot)),
        "total": str(cents(shared.total)),
        "formula": shared.formula,
        "cap_share": None if shared.cap_share is None else _dec(shared.cap_share),
        "payouts": [
            {
                "member": payout.member,
                "points": f"{payout.points.normalize():f}",
                "amount": str(cents(payout.amount)),
                "share": _share(payout.share),
            }
            for payout in shared.payouts
        ],
    }


def _fund(fund: r.Fund) -> Json:
    return {
        "opening": {"date": fund.opening.isoformat(), "balance": str(cents(fund.opening_balance))},
        "balance": str(cents(fund.balance)),
        "months": [
            {
                "month": month.month,
                "in": str(cents(month.income)),
                "out": str(cents(month.spent)),
                "balance": str(cents(month.balance)),
            }
            for month in fund.months
        ],
        "last": _section(fund.last, _share_out),
        "since": fund.since.isoformat(),
        "proposal": _section(fund.proposal, _share_out),
        "unshared": fund.unshared,
    }


def _decision(d: r.Decided) -> dict[str, Any]:
    return {
        "id": d.id,
        "meeting": d.meeting,
        "date": d.day.isoformat(),
        "title": d.title,
        "outcome": d.outcome,
        "charter": d.charter,
        "review_by": d.review_by.isoformat() if d.review_by else None,
    }


def _meetings(data: r.Meetings) -> dict[str, Any]:
    return {
        "plenaries": data.plenaries,
        "other_meetings": data.others,
        "attendance": [
            {
                "member": row.member,
                "name": row.name,
                "plenaries": row.held,
                "attended": row.attended,
                "facilitated": row.facilitated,
            }
            for row in data.attendance
        ],
        "adopted": [_decision(d) for d in data.adopted],
        "due": [_decision(d) for d in data.due],
    }


def document(picture: r.Picture) -> Json:
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
        "giving": _section(picture.giving, _giving),
        "deliberation": _section(picture.deliberation, _deliberation),
        "roles": None if picture.roles is None else _roles(picture.roles, months),
        "money": _section(picture.money, _money),
        "prospecting": _section(picture.prospecting, _prospecting),
        "contacts": _section(picture.contacts, _contacts),
        "fund": _section(picture.fund, _fund),
        "meetings": _section(picture.meetings, _meetings),
    }


def render_json(picture: r.Picture, lang: Lang) -> str:
    """The same document whatever the language: scripts read it."""
    del lang
    return json_text(document(picture))
