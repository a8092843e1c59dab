"""Pydantic models of the five kinds of file, exactly as DESIGN.md section 2 writes them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from collectif.model.types import (
    Count,
    Day,
    Days,
    Email,
    EntryHours,
    Hours,
    Id,
    Money,
    Months,
    PersonName,
    Rate,
)

Text = Annotated[str, StringConstraints(min_length=1)]
PeriodKind = Literal["month", "quarter", "year"]
EntryKind = Literal[
    "project",
    "support",
    "meeting",
    "prospecting",
    "training",
    "coaching",
    "facilitation",
    "reflection",
]
VOLUNTEER_KINDS: tuple[EntryKind, ...] = (
    "support",
    "meeting",
    "prospecting",
    "training",
    "coaching",
    "facilitation",
    "reflection",
)
RoleKind = Literal["support", "mission", "facilitation", "coaching"]
ClientKind = Literal["ess", "big_account", "public", "other"]
ProjectStatus = Literal["proposed", "active", "done", "cancelled"]
SeverityOverride = Literal["error", "warning", "off"]
Language = Literal["fr", "en"]


class Strict(BaseModel):
    """Unknown keys are errors: a typo must not silently do nothing."""

    # A model's validator is built when it first validates: a check whose files all come
    # from the cache never pays for it.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


# collectif.yaml -----------------------------------------------------------------------------


class Minimum(Strict):
    period: PeriodKind = "month"
    hours: Hours = Decimal(4)
    counts: list[EntryKind] = Field(default_factory=lambda: list(VOLUNTEER_KINDS))


class Prospecting(Strict):
    period: PeriodKind = "quarter"
    actions: Count = 1


class RoleRules(Strict):
    min_holders: Count = 2
    max_tenure_months: Months = 24


class Deduction(Strict):
    name: Text
    rate: Rate


class Cotraitance(Strict):
    deductions: list[Deduction] = Field(default_factory=list)
    tolerance: Money = Decimal("0.01")


class Overload(Strict):
    volunteer_hours_per_month: Hours = Decimal(30)
    max_share: Rate = Decimal("0.4")


class Clients(Strict):
    ess_share_min: Rate = Decimal("0.3")
    ess_share_max: Rate = Decimal("0.8")
    window_months: Months = 12


class Contracts(Strict):
    max_share_top_member: Rate = Decimal("0.5")
    window_months: Months = 12


class Charter(Strict):
    version: Text | None = None
    minimum: Minimum = Field(default_factory=Minimum)
    prospecting: Prospecting = Field(default_factory=Prospecting)
    roles: RoleRules = Field(default_factory=RoleRules)
    truck_factor_min: Count = 3
    cotraitance: Cotraitance = Field(default_factory=Cotraitance)
    overload: Overload = Field(default_factory=Overload)
    clients: Clients = Field(default_factory=Clients)
    contracts: Contracts = Field(default_factory=Contracts)


class CollectiveFile(Strict):
    """collectif.yaml: the collective and its charter rules."""

    name: Text
    cae: Text | None = None
    language: Language = "en"
    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")] = "EUR"
    charter: Charter = Field(default_factory=Charter)
    checks: dict[str, SeverityOverride] = Field(default_factory=dict)


# members/<member>.yaml ----------------------------------------------------------------------


class Pause(Strict):
    start: Day = Field(alias="from")
    to: Day | None = None
    reason: Text | None = None


class Member(Strict):
    """members/<member>.yaml: one member."""

    name: PersonName
    email: Email
    joined: Day
    left: Day | None = None
    charter_signed: Text | None = None
    skills: list[Text] = Field(default_factory=list)
    pauses: list[Pause] = Field(default_factory=list)


# roles/<role>.yaml --------------------------------------------------------------------------


class Holding(Strict):
    member: Id
    since: Day
    until: Day | None = None


class Role(Strict):
    """roles/<role>.yaml: a support function, regular mission, facilitation or coaching."""

    title: Text
    kind: RoleKind
    min_holders: Count | None = None
    skills: list[Text] = Field(default_factory=list)
    holders: list[Holding] = Field(default_factory=list)
    trainees: list[Holding] = Field(default_factory=list)
    active: StrictBool = True
    created: Day | None = None
    retired: Day | None = None  # the first day without the role

    def active_on(self, day: date) -> bool:
        """Active on `day`: created by then (or no `created`), not yet retired, `active` not
        false; so that a check as of a past date sees the roles of that day."""
        return (
            self.active
            and (self.created is None or self.created <= day)
            and (self.retired is None or day < self.retired)
        )


# projects/<project>.yaml --------------------------------------------------------------------


class TeamMember(Strict):
    member: Id
    role: Text | None = None


class Line(Strict):
    """One line of the quote, done by one member: an amount, or days x rate."""

    member: Id
    what: Text | None = None
    days: Days | None = None
    rate: Money | None = None
    amount: Money | None = None

    @model_validator(mode="after")
    def _amount_or_days_rate(self) -> Line:
        by_days = self.days is not None or self.rate is not None
        if self.amount is not None and by_days:
            raise PydanticCustomError("line_both", "either amount, or days and rate, not both")
        if self.amount is None and (self.days is None or self.rate is None):
            raise PydanticCustomError("line_value", "amount, or both days and rate")
        return self

    @property
    def value(self) -> Decimal:
        if self.amount is not None:
            return self.amount
        assert self.days is not None and self.rate is not None
        return self.days * self.rate


class Payout(Strict):
    member: Id
    amount: Money


class Project(Strict):
    """projects/<project>.yaml: a client project."""

    title: Text
    client: Text
    client_kind: ClientKind
    brought_by: list[Id] = Field(default_factory=list)
    lead: Id | None = None
    status: ProjectStatus
    start: Day | None = None
    end: Day | None = None
    signed: Day | None = None
    team: list[TeamMember] = Field(default_factory=list)
    lines: list[Line] = Field(default_factory=list)
    payouts: list[Payout] = Field(default_factory=list)

    @property
    def budget(self) -> Decimal:
        return sum((line.value for line in self.lines), Decimal(0))


# contributions/<member>/<YYYY-MM>.yaml -------------------------------------------------------


class Entry(Strict):
    """One time entry of a member's month."""

    date: Day
    hours: EntryHours
    kind: EntryKind
    ref: Id | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _ref_required(self) -> Entry:
        if self.ref is None and self.kind in ("project", "support"):
            raise PydanticCustomError("ref_required", "a ref for this kind")
        return self

    @property
    def volunteer(self) -> bool:
        return self.kind != "project"
