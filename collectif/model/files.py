"""Records of the kinds of file, exactly as DESIGN.md section 2 writes them.

Plain frozen dataclasses: the checks read them and the cache unpickles them without pydantic.
pydantic validates them, when a file must be validated, through the rules that
`collectif.model.rules` gives their field types and the records themselves.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, ClassVar, Literal, NamedTuple, get_args, get_type_hints

from collectif.model.types import (
    Count,
    CurrencyCode,
    Day,
    Days,
    Email,
    EntryHours,
    HoursField,
    Id,
    MoneyField,
    Months,
    NonEmptyText,
    PersonName,
    Phone,
    Points,
    Rate,
    ShortText,
    SigningKey,
    StrictBool,
)

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
ENTRY_KINDS: tuple[EntryKind, ...] = get_args(EntryKind)
VOLUNTEER_KINDS: tuple[EntryKind, ...] = tuple(kind for kind in ENTRY_KINDS if kind != "project")
VolunteerKind = Literal[
    "support", "meeting", "prospecting", "training", "coaching", "facilitation", "reflection"
]
Formula = Literal["equal", "hours", "weighted", "balanced"]
FORMULAS: tuple[Formula, ...] = ("equal", "hours", "weighted", "balanced")
RoleKind = Literal["support", "mission", "facilitation", "coaching"]
ClientKind = Literal["ess", "big_account", "public", "other"]
ProjectStatus = Literal["proposed", "active", "done", "cancelled"]
ContactStatus = Literal["prospect", "client", "former", "declined"]
SeverityOverride = Literal["error", "warning", "off"]
MeetingKind = Literal["plenary", "project", "group"]
DecisionMode = Literal["consensus", "consent", "vote"]
Outcome = Literal["adopted", "rejected", "deferred"]
Language = Literal["fr", "en"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Record:
    """A mapping of a file, one field per key. Unknown keys are errors: a typo must not silently
    do nothing."""

    # Which fields the file wrote, by name: a field left out holds its default. Set by
    # validation; records built in code wrote nothing.
    _written: frozenset[str] = field(default=frozenset(), init=False, repr=False, compare=False)

    # pydantic's settings for a standard dataclass (a plain mapping: no import needed).
    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid"}

    # pydantic's hooks: what validates a record, and its JSON Schema, live in `rules`.

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        from collectif.model import rules

        return rules.record_schema(cls, source, handler)

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: Any) -> Any:
        from collectif.model import rules

        return rules.record_json_schema(schema, handler)


class Key(NamedTuple):
    """One field of a record: its name, its key in the file, and whether the file must write it."""

    name: str
    key: str
    required: bool


_FIELDS: dict[type[Record], tuple[Key, ...]] = {}


def fields(record: type[Record]) -> tuple[Key, ...]:
    """The fields of a record, in their natural order (the order the files write them in)."""
    found = _FIELDS.get(record)
    if found is None:
        found = _FIELDS[record] = tuple(
            Key(
                each.name,
                each.metadata.get("alias", each.name),
                each.default is dataclasses.MISSING and each.default_factory is dataclasses.MISSING,
            )
            for each in dataclasses.fields(record)
            if each.init
        )
    return found


def field_types(record: type[Record]) -> dict[str, Any]:
    """The type of each field of a record, by name (the field types as `types` marks them)."""
    return get_type_hints(record, include_extras=True)


def written(record: Record) -> frozenset[str]:
    """The fields (by name) that the record's file wrote, rather than left to their default."""
    return record._written


def as_data(value: Any) -> Any:
    """Records as mappings by key as written, all the way down; other values as they are."""
    if isinstance(value, Record):
        return {key.key: as_data(getattr(value, key.name)) for key in fields(type(value))}
    if isinstance(value, list):
        return [as_data(item) for item in value]
    if isinstance(value, dict):
        return {name: as_data(item) for name, item in value.items()}
    return value


def records() -> Iterator[type[Record]]:
    """Every kind of record of the files."""
    return (
        value
        for value in globals().values()
        if isinstance(value, type) and issubclass(value, Record) and value is not Record
    )


def _alias(key: str) -> dict[str, str]:
    """The metadata of a field written under another key than its name (`from`, a Python
    keyword); pydantic reads `alias` from a dataclass field's metadata, and so does `fields`."""
    return {"alias": key}


# collectif.yaml -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Minimum(Record):
    period: PeriodKind = "month"
    hours: HoursField = Decimal(4)
    counts: list[EntryKind] = field(default_factory=lambda: list(VOLUNTEER_KINDS))


@dataclass(frozen=True, slots=True, kw_only=True)
class Prospecting(Record):
    period: PeriodKind = "quarter"
    actions: Count = 1


@dataclass(frozen=True, slots=True, kw_only=True)
class EarlierMinimum(Record):
    """`minimum` as it was before the current version: a key left out has not changed."""

    hours: HoursField | None = None
    counts: list[EntryKind] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class EarlierProspecting(Record):
    actions: Count | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Earlier(Record):
    """The rules of the version before, for the periods that began before the current version's
    adoption: a new minimum applies from the first period that begins once it is adopted."""

    minimum: EarlierMinimum = field(default_factory=EarlierMinimum)
    prospecting: EarlierProspecting = field(default_factory=EarlierProspecting)


@dataclass(frozen=True, slots=True, kw_only=True)
class RoleRules(Record):
    min_holders: Count = 2
    max_tenure_months: Months = 24


@dataclass(frozen=True, slots=True, kw_only=True)
class Deduction(Record):
    name: NonEmptyText
    rate: Rate


@dataclass(frozen=True, slots=True, kw_only=True)
class Cotraitance(Record):
    deductions: list[Deduction] = field(default_factory=list)
    tolerance: MoneyField = Decimal("0.01")


@dataclass(frozen=True, slots=True, kw_only=True)
class Overload(Record):
    volunteer_hours_per_month: HoursField = Decimal(30)
    max_share: Rate = Decimal("0.4")
    share_floor_hours: HoursField = Decimal(10)  # the share rule applies from this many hours


@dataclass(frozen=True, slots=True, kw_only=True)
class Clients(Record):
    ess_share_min: Rate = Decimal("0.3")
    ess_share_max: Rate = Decimal("0.8")
    window_months: Months = 12


@dataclass(frozen=True, slots=True, kw_only=True)
class Contracts(Record):
    max_share_top_member: Rate = Decimal("0.5")
    window_months: Months = 12


@dataclass(frozen=True, slots=True, kw_only=True)
class FacilitationRules(Record):
    window: Count = 6  # the last plenaries looked at
    max_share: Rate = Decimal("0.5")


@dataclass(frozen=True, slots=True, kw_only=True)
class DecisionRules(Record):
    """`charter.decisions`: present, the collective records its meetings and decisions."""

    modes: list[DecisionMode] = field(default_factory=lambda: ["consensus", "consent"])
    quorum: Rate = Decimal("0.5")
    charter_by_decision: StrictBool = False
    max_gap_days: Count = 35
    facilitation: FacilitationRules = field(default_factory=FacilitationRules)


@dataclass(frozen=True, slots=True, kw_only=True)
class Valuation(Record):
    """How volunteer contribution is valued when the fund is shared out."""

    formula: Formula = "weighted"
    weights: dict[VolunteerKind, Points] = field(default_factory=dict)
    cap_share: Rate | None = None  # nobody receives more than this share of one pot


@dataclass(frozen=True, slots=True, kw_only=True)
class Opening(Record):
    date: Day
    balance: MoneyField = Decimal(0)


@dataclass(frozen=True, slots=True, kw_only=True)
class Fund(Record):
    """The collective's fund: fed by named cotraitance deductions, spent by share-outs."""

    from_deductions: list[NonEmptyText] = field(default_factory=list)
    opening: Opening


@dataclass(frozen=True, slots=True, kw_only=True)
class ContactRules(Record):
    retention_months: Months = 36  # kept this long after the last exchange (prospects...)


@dataclass(frozen=True, slots=True, kw_only=True)
class Authorship(Record):
    others_files: SeverityOverride = "warning"  # a commit that changes another member's files
    signed: StrictBool = False  # every commit signed by a key of its author member


@dataclass(frozen=True, slots=True, kw_only=True)
class Charter(Record):
    version: NonEmptyText | None = None
    adopted: Day | None = None  # the day `version` was adopted: the signing grace starts then
    signing_grace_days: Count = 30
    # The day the collective began recording its time with collectif: periods that began before
    # it are owed by nobody (their time was never written down).
    records_from: Day | None = None
    earlier: Earlier | None = None
    minimum: Minimum = field(default_factory=Minimum)
    prospecting: Prospecting = field(default_factory=Prospecting)
    roles: RoleRules = field(default_factory=RoleRules)
    truck_factor_min: Count = 3
    cotraitance: Cotraitance = field(default_factory=Cotraitance)
    overload: Overload = field(default_factory=Overload)
    clients: Clients = field(default_factory=Clients)
    contracts: Contracts = field(default_factory=Contracts)
    decisions: DecisionRules | None = None
    valuation: Valuation | None = None
    fund: Fund | None = None
    contacts: ContactRules | None = None  # present: clients and prospects are shared
    authorship: Authorship = field(default_factory=Authorship)


@dataclass(frozen=True, slots=True, kw_only=True)
class CollectiveFile(Record):
    """collectif.yaml: the collective and its charter rules."""

    name: NonEmptyText
    cae: NonEmptyText | None = None
    language: Language = "en"
    currency: CurrencyCode = "EUR"
    charter: Charter = field(default_factory=Charter)
    checks: dict[str, SeverityOverride] = field(default_factory=dict)


# members/<member>.yaml ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Pause(Record):
    start: Day = field(metadata=_alias("from"))
    to: Day | None = None
    reason: NonEmptyText | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Member(Record):
    """members/<member>.yaml: one member."""

    name: PersonName
    email: Email
    joined: Day
    left: Day | None = None
    charter_signed: NonEmptyText | None = None
    skills: list[NonEmptyText] = field(default_factory=list)
    pauses: list[Pause] = field(default_factory=list)
    signing_keys: list[SigningKey] = field(default_factory=list)  # public SSH keys


# roles/<role>.yaml --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Holding(Record):
    member: Id
    since: Day
    until: Day | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Role(Record):
    """roles/<role>.yaml: a support function, regular mission, facilitation or coaching."""

    title: NonEmptyText
    kind: RoleKind
    min_holders: Count | None = None
    skills: list[NonEmptyText] = field(default_factory=list)
    holders: list[Holding] = field(default_factory=list)
    trainees: list[Holding] = field(default_factory=list)
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


@dataclass(frozen=True, slots=True, kw_only=True)
class TeamMember(Record):
    member: Id
    role: NonEmptyText | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Line(Record):
    """One line of the quote, done by one member: an amount, or days x rate."""

    member: Id
    what: NonEmptyText | None = None
    days: Days | None = None
    rate: MoneyField | None = None
    amount: MoneyField | None = None

    @property
    def value(self) -> Decimal:
        if self.amount is not None:
            return self.amount
        assert self.days is not None and self.rate is not None
        return self.days * self.rate


@dataclass(frozen=True, slots=True, kw_only=True)
class Payout(Record):
    member: Id
    amount: MoneyField


@dataclass(frozen=True, slots=True, kw_only=True)
class Project(Record):
    """projects/<project>.yaml: a client project."""

    title: NonEmptyText
    client: NonEmptyText
    client_kind: ClientKind
    contact: Id | None = None  # the client's shared contact (contacts/<contact>.yaml)
    brought_by: list[Id] = field(default_factory=list)
    lead: Id | None = None
    status: ProjectStatus
    start: Day | None = None
    end: Day | None = None
    signed: Day | None = None
    team: list[TeamMember] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    payouts: list[Payout] = field(default_factory=list)
    paid: Day | None = None  # the day the payouts were made (default: `end`)

    @property
    def budget(self) -> Decimal:
        return sum((line.value for line in self.lines), Decimal(0))


# contacts/<contact>.yaml ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Person(Record):
    """Someone at a contact's organisation: professional details only."""

    name: ShortText
    role: ShortText | None = None
    email: Email | None = None
    phone: Phone | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Contact(Record):
    """contacts/<contact>.yaml: a client or prospect organisation shared with the group."""

    name: ShortText
    kind: ClientKind
    status: ContactStatus
    shared_by: Id
    shared_on: Day
    last_contact: Day | None = None  # the last exchange (default: `shared_on`)
    opted_out: Day | None = None  # the day they asked not to be contacted again
    people: list[Person] = field(default_factory=list)

    @property
    def last_exchange(self) -> date:
        """The day retention counts from."""
        return self.last_contact or self.shared_on


# contributions/<member>/<YYYY-MM>.yaml -------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Entry(Record):
    """One time entry of a member's month."""

    date: Day
    hours: EntryHours
    kind: EntryKind
    ref: Id | None = None
    note: str | None = None

    @property
    def volunteer(self) -> bool:
        return self.kind != "project"


# meetings/<YYYY-MM-DD>[-slug].yaml -------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Objection(Record):
    member: Id
    reason: NonEmptyText | None = None
    lifted: StrictBool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Votes(Record):
    yes: Count = field(default=0, metadata=_alias("for"))
    against: Count = 0
    abstain: Count = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class Decision(Record):
    """One decision of a meeting."""

    id: Id
    title: NonEmptyText
    mode: DecisionMode | None = None  # default: the first of `charter.decisions.modes`
    outcome: Outcome
    objections: list[Objection] = field(default_factory=list)
    votes: Votes | None = None
    charter: NonEmptyText | None = None  # the charter version this decision adopts
    review_by: Day | None = None
    supersedes: list[Id] = field(default_factory=list)


@dataclass(frozen=True, slots=True, kw_only=True)
class Meeting(Record):
    """meetings/<YYYY-MM-DD>[-slug].yaml: who came, who facilitated, what was decided."""

    date: Day
    kind: MeetingKind
    project: Id | None = None
    role: Id | None = None  # a group meeting may name the role whose group met
    facilitator: Id | None = None
    notes_by: Id | None = None
    attendees: list[Id]
    decisions: list[Decision] = field(default_factory=list)


# distributions/<id>.yaml ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Span(Record):
    """A period, both ends included."""

    start: Day = field(metadata=_alias("from"))
    to: Day


@dataclass(frozen=True, slots=True, kw_only=True)
class Share(Record):
    """What one member received, and the points (the frozen input) it was computed from."""

    member: Id
    points: Points
    amount: MoneyField


@dataclass(frozen=True, slots=True, kw_only=True)
class Distribution(Record):
    """distributions/<id>.yaml: a share-out of the collective's fund among members."""

    title: NonEmptyText | None = None
    date: Day
    decision: Id | None = None
    period: Span
    pot: MoneyField
    formula: Formula | None = None
    weights: dict[VolunteerKind, Points] | None = None
    cap_share: Rate | None = None
    payouts: list[Share]
