"""The figures of `collectif report`, as typed records: what each face shows, computed once.

Hours and money are exact decimals; a share is a ratio (0.25, not 25 %). A figure a check also
computes is computed here by the check's own function, so that report and check never disagree.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal, NamedTuple

# How a member stands against what the charter asks of them in one period:
# met, short (a `minimum` or `prospecting` finding once the period is closed), open (the period
# is not closed yet: not judged), newcomer (joined in the period: not asked), incomplete (an
# entry of theirs was dropped: the `schema` finding comes first), away (not a member then).
Standing = Literal["met", "short", "open", "newcomer", "incomplete", "away"]


class Span(NamedTuple):
    """One period of the report: a month, or a period of the charter (quarter, year)."""

    label: str
    start: date
    end: date
    closed: bool


class Window(NamedTuple):
    """The months the report covers, both ends included, seen from the as-of date."""

    start: date
    end: date
    as_of: date
    months: tuple[Span, ...]


# 1. At a glance -------------------------------------------------------------------------------


class CheckCount(NamedTuple):
    check: str
    errors: int
    warnings: int


class TruckFactor(NamedTuple):
    """The truck factor as the `truck-factor` check computes it on the as-of date.

    `size` is None when no group smaller than `minimum` would uncover most roles (the factor
    is at least `minimum`), or when it could not be decided in time (`undecided`).
    """

    minimum: int
    size: int | None
    members: tuple[str, ...]
    exact: bool
    undecided: bool
    active_roles: int
    uncovered_roles: tuple[str, ...]


class Glance(NamedTuple):
    members: int
    paused: int
    roles: int
    projects: int
    errors: int
    warnings: int
    findings: tuple[CheckCount, ...]
    not_run: tuple[str, ...]
    truck_factor: TruckFactor | None


# 2. Who gives what ----------------------------------------------------------------------------


class Owed(NamedTuple):
    """A member's count in one period of the charter against what it asks (`required` is None
    when nothing is asked: a newcomer, or not a member then)."""

    period: str
    done: Decimal
    required: Decimal | None
    standing: Standing


class MemberMonth(NamedTuple):
    """One member's hours in one month of the window, each entry by its own date."""

    month: str
    by_kind: dict[str, Decimal]
    volunteer: Decimal
    project: Decimal
    overload: tuple[str, ...]  # the `overload` check's findings that month: "hours", "share"


class Giver(NamedTuple):
    member: str
    name: str
    by_kind: dict[str, Decimal]
    volunteer: Decimal
    share: Decimal | None
    project: Decimal
    months: tuple[MemberMonth, ...]
    minimum: tuple[Owed, ...]


class MinimumRule(NamedTuple):
    """The charter's minimum and the periods of it that hold a month of the window."""

    hours: Decimal
    period: str
    counts: tuple[str, ...]
    periods: tuple[Span, ...]


class OverloadRule(NamedTuple):
    hours: Decimal
    max_share: Decimal


class Giving(NamedTuple):
    kinds: tuple[str, ...]
    minimum: MinimumRule | None  # None while the charter's minimum setting is broken
    overload: OverloadRule | None
    volunteer: Decimal
    project: Decimal
    members: tuple[Giver, ...]


# 3. Hare and tortoise -------------------------------------------------------------------------


class Pace(NamedTuple):
    """One month: deliberation (meeting, reflection, facilitation) against productive
    volunteer work (support, prospecting, coaching, training) and paid project hours."""

    month: str
    deliberation: Decimal
    productive: Decimal
    project: Decimal
    ratio: Decimal | None  # deliberation / project, None without project hours


class Deliberation(NamedTuple):
    deliberation_kinds: tuple[str, ...]
    productive_kinds: tuple[str, ...]
    months: tuple[Pace, ...]
    deliberation: Decimal
    productive: Decimal
    project: Decimal
    ratio: Decimal | None


# 4. Roles -------------------------------------------------------------------------------------


class Seat(NamedTuple):
    """A member's place in a role over the window: per month, held, training or nothing."""

    member: str
    trainee: bool
    months: tuple[bool, ...]


class Tenure(NamedTuple):
    """A current holding on the as-of date, as `rotation` counts it."""

    member: str
    since: date
    months: int
    over: bool


class RoleLine(NamedTuple):
    role: str
    title: str
    kind: str
    active: bool
    min_holders: int
    holders: tuple[str, ...]  # active holders on the as-of date
    seats: tuple[Seat, ...]
    tenures: tuple[Tenure, ...]


class Skill(NamedTuple):
    """A skill that an active role needs, and the active members who list it."""

    skill: str
    roles: tuple[str, ...]
    members: tuple[str, ...]


class Roles(NamedTuple):
    max_tenure_months: int
    roles: tuple[RoleLine, ...]
    skills: tuple[Skill, ...]


# 5. Clients and money -------------------------------------------------------------------------


class Signed(NamedTuple):
    """Budgets of the projects (not cancelled) signed in one month, by client kind."""

    month: str
    by_kind: dict[str, Decimal]


class EssShare(NamedTuple):
    """The `client-balance` figure over the rolling window that ends on `day`."""

    day: date
    ess: Decimal
    big_account: Decimal
    share: Decimal | None


class Finder(NamedTuple):
    """Signed revenue a member brought over the `contract-concentration` window."""

    member: str
    amount: Decimal
    share: Decimal


class Payment(NamedTuple):
    """A member's due (their lines less the deductions) and paid amounts in a project."""

    member: str
    expected: Decimal
    paid: Decimal
    has_line: bool
    wrong: bool  # a `cotraitance` finding


class ProjectMoney(NamedTuple):
    project: str
    title: str
    client: str
    client_kind: str
    status: str
    signed: date | None
    budget: Decimal
    paid: bool
    payments: tuple[Payment, ...]


class Balance(NamedTuple):
    """The `client-balance` rule: the ESS share now, and at the end of each month."""

    window_months: int
    ess_share_min: Decimal
    ess_share_max: Decimal
    now: EssShare
    trend: tuple[EssShare, ...]


class Finders(NamedTuple):
    """The `contract-concentration` rule: who brought the revenue signed in its window."""

    window_months: int
    max_share: Decimal
    total: Decimal
    members: tuple[Finder, ...]


class Cotraitance(NamedTuple):
    deduction_rate: Decimal
    tolerance: Decimal
    projects: tuple[ProjectMoney, ...]


class Money(NamedTuple):
    kinds: tuple[str, ...]
    months: tuple[Signed, ...]
    signed: dict[str, Decimal]
    balance: Balance | None  # None while the setting it reads is broken
    finders: Finders | None
    cotraitance: Cotraitance | None


# 6. Prospecting -------------------------------------------------------------------------------


class Prospector(NamedTuple):
    member: str
    name: str
    periods: tuple[Owed, ...]


class Prospecting(NamedTuple):
    period: str
    actions: int
    periods: tuple[Span, ...]
    members: tuple[Prospector, ...]


# 7. The fund ----------------------------------------------------------------------------------


class FundMonth(NamedTuple):
    """The fund over one month of the window: what came in (deductions), what went out (the pots
    of share-outs), and the balance at its end (or on the as-of date, for the month holding it)."""

    month: str
    income: Decimal
    spent: Decimal
    balance: Decimal


class Payout(NamedTuple):
    """A member's points and amount in a share-out; `share`: amount / pot."""

    member: str
    points: Decimal
    amount: Decimal
    share: Decimal


class ShareOut(NamedTuple):
    """A share-out of the fund: recorded (`distributions/ID.yaml`), or proposed today."""

    id: str | None  # None for the proposal
    title: str | None
    day: date
    start: date  # the period whose contributions are valued
    end: date
    pot: Decimal
    total: Decimal  # what the payouts add up to: the pot, unless everyone reached the cap
    formula: str
    cap_share: Decimal | None  # nobody receives more than this share of the pot
    payouts: tuple[Payout, ...]


# Why there is no proposal: the charter names no formula (`valuation`), the fund holds nothing,
# every day since the last share-out's period is already valued, or nobody has any points.
Unshared = Literal["formula", "empty", "period", "points"]


class Fund(NamedTuple):
    opening: date
    opening_balance: Decimal
    balance: Decimal  # on the as-of date `day`, as `collectif fund --as-of` gives it
    day: date
    months: tuple[FundMonth, ...]  # the window's months from the opening on, up to the as-of date
    last: ShareOut | None  # the latest share-out dated on or before the as-of date
    since: date  # the first day no share-out has valued yet: the proposal's period starts there
    proposal: ShareOut | None  # today's balance shared under the charter's formula
    unshared: Unshared | None  # why there is no proposal


# 8. Meetings and decisions ----------------------------------------------------------------------


class Attendance(NamedTuple):
    """A member's plenaries over the window: held while a member, attended, facilitated."""

    member: str
    name: str
    held: int
    attended: int
    facilitated: int


class Decided(NamedTuple):
    """A decision as the report lists it."""

    id: str
    meeting: str
    day: date
    title: str
    outcome: str
    charter: str | None
    review_by: date | None


class Meetings(NamedTuple):
    plenaries: int
    others: int
    attendance: tuple[Attendance, ...]
    adopted: tuple[Decided, ...]  # adopted in the window, oldest first
    due: tuple[Decided, ...]  # due for review on the as-of date (the `review-due` check's)


# Shared contacts -----------------------------------------------------------------------------


class Sharer(NamedTuple):
    """One member's contacts shared (in the window, and ever) and prospecting actions in the
    window, of which those that name a shared contact."""

    member: str
    shared: int
    shared_ever: int
    actions: int
    named: int


class Sharing(NamedTuple):
    contacts: int
    members: tuple[Sharer, ...]


# The whole picture ----------------------------------------------------------------------------


class Picture(NamedTuple):
    """Every figure of the report. A section is None when it has no data and is left out."""

    collective: str
    currency: str
    window: Window
    glance: Glance
    giving: Giving | None
    deliberation: Deliberation | None
    roles: Roles | None
    money: Money | None
    prospecting: Prospecting | None
    meetings: Meetings | None = None
    contacts: Sharing | None = None
    fund: Fund | None = None
