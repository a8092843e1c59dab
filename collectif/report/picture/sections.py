"""The report's sections, walked in one order by every face, and what the faces share.

A face gives one function per section (`Sections`); `Sections.walk` calls those that have data,
in the order of DESIGN §7. The sentences are messages and the tables `Grid`s, each face shows
them its own way; the sections made of nothing else (shared contacts, the fund without its
chart, meetings) are drawn by every face from the same parts (`Drawer`, `drawn`).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import Generic, NamedTuple, TypeVar

from collectif import i18n
from collectif.engine.picture.records import (
    Balance,
    Decided,
    Deliberation,
    Fund,
    Giving,
    Glance,
    Meetings,
    Money,
    Owed,
    Pace,
    Payment,
    Picture,
    ProjectMoney,
    Prospecting,
    RoleLine,
    Roles,
    ShareOut,
    Sharing,
    Span,
    TruckFactor,
)
from collectif.i18n import Lang, plural
from collectif.model.message import N_, Message, Names, Text, msg
from collectif.report.picture import words as w

_WORDS = (N_("In"), N_("Out"), N_("Balance"), N_("Points"), N_("Amount"))
PROJECTS = 20  # projects listed in full; beyond, only those with a payment that is not due
Page = TypeVar("Page", bound="Drawer")


class Grid(NamedTuple):
    """A table that every face draws its own way: column headers (catalog ids), rows of text
    (values from the files unescaped: each face makes them safe), a title, what to say instead
    when there is no row, the first column of numbers (they are right-aligned), the one column
    whose long texts may wrap (-1: none), whether the last row is a total, and a figure per row
    that the text face draws as a bar (the others have charts, or nothing to draw)."""

    headers: tuple[str, ...]
    rows: list[list[str]]
    title: Message | None = None
    empty: Message | None = None
    numbers: int = 1
    wrap: int = -1
    total: bool = False
    bars: tuple[Decimal, ...] = ()


Part = Message | Grid  # what a section shows: a sentence, or a table
T = TypeVar("T")


class Drawer(w.Figures, ABC):
    """A face's page, as the sections that every face draws alike use it."""

    @abstractmethod
    def begin(self, key: str) -> None:
        """A section's start: its title."""

    def end(self) -> None:
        """A section's end (nothing to write, but in HTML)."""

    @abstractmethod
    def say(self, message: Message) -> None:
        """A sentence."""

    @abstractmethod
    def grid(self, table: Grid) -> None:
        """A table."""

    def write(self, parts: list[Part]) -> None:
        """Sentences and tables, in their order."""
        for part in parts:
            if isinstance(part, Grid):
                self.grid(part)
            else:
                self.say(part)

    def draw(self, key: str, parts: list[Part]) -> None:
        """A whole section of sentences and tables."""
        self.begin(key)
        self.write(parts)
        self.end()


def drawn(key: str, parts_of: Callable[[w.Figures, T], list[Part]]) -> Callable[[Drawer, T], None]:
    """A section that every face draws the same way: its parts, one after the other."""

    def draw(page: Drawer, data: T) -> None:
        page.draw(key, parts_of(page, data))

    return draw


def title(picture: Picture, collective: str, lang: Lang) -> Message:
    """The report's title: the collective (as the face shows its name), the months, the day."""
    frame = picture.window
    return msg(
        "{collective}: from {start} to {end}, as of {as_of}",
        collective=collective,
        start=w.month_name(frame.months[0].label, lang),
        end=w.month_name(frame.months[-1].label, lang),
        as_of=frame.as_of,
    )


# 1. At a glance -------------------------------------------------------------------------------


def counts(data: Glance, lang: Lang) -> Message:
    """Active members (and how many are on a pause, if any), roles and projects."""
    figures = {
        "members": plural(lang, data.members, "{count} active member", "{count} active members"),
        "roles": plural(lang, data.roles, "{count} active role", "{count} active roles"),
        "projects": plural(
            lang, data.projects, "{count} active project", "{count} active projects"
        ),
    }
    if not data.paused:
        return msg("{members}, {roles}, {projects}", **figures)
    return msg(
        "{members} ({paused} on a pause), {roles}, {projects}", paused=data.paused, **figures
    )


def findings(data: Glance, lang: Lang) -> Message:
    return msg(
        "What `collectif check` finds: {errors}, {warnings}",
        errors=plural(lang, data.errors, "{count} error", "{count} errors"),
        warnings=plural(lang, data.warnings, "{count} warning", "{count} warnings"),
    )


def not_run(data: Glance) -> Message:
    return msg(
        "Not run, because collectif.yaml is broken where they read it: {checks}",
        checks=Names(data.not_run),
    )


def truck(truck: TruckFactor, lang: Lang) -> Message:
    if truck.undecided:
        return msg(
            "Truck factor: could not be decided in time (the check says more).",
        )
    if truck.size is None:
        return msg(
            "Truck factor: {minimum} or more. No group of fewer than {members} would leave more "
            "than half of the {roles} active roles without a holder.",
            minimum=truck.minimum,
            members=plural(lang, truck.minimum, "{count} member", "{count} members"),
            roles=truck.active_roles,
        )
    if not truck.members:
        return msg(
            "Truck factor: 0. More than half of the {roles} active roles already have no holder.",
            roles=truck.active_roles,
        )
    return msg(
        "Truck factor: {size}, below the {minimum} the charter asks. If {members} left, "
        "{uncovered} of the {roles} active roles would have no holder.",
        size=truck.size,
        minimum=truck.minimum,
        members=Names(truck.members),
        uncovered=len(truck.uncovered_roles),
        roles=truck.active_roles,
    )


# 2. Who gives what ----------------------------------------------------------------------------


def kinds_given(data: Giving) -> list[str]:
    """The kinds of work that someone gave hours to, in the charter's order."""
    return [kind for kind in data.kinds if any(kind in g.by_kind for g in data.members)]


def by_kind(page: w.Figures, hours: dict[str, Decimal], kinds: list[str]) -> list[str]:
    """The hours of each kind, or nothing where there were none."""
    return [page.hours(hours[kind]) if kind in hours else "" for kind in kinds]


def kind_totals(page: w.Figures, data: Giving, kinds: list[str]) -> list[str]:
    """Everyone's hours of each kind."""
    return [
        page.hours(sum((g.by_kind.get(kind, Decimal(0)) for g in data.members), Decimal(0)))
        for kind in kinds
    ]


def giving_headers(page: w.Figures, kinds: list[str]) -> list[str]:
    words = ("Member", *(w.KIND_WORDS[kind] for kind in kinds), "Total", "Share", "Paid projects")
    return [page.word(text) for text in words]


def minimum_rows(data: Giving) -> Iterator[tuple[str, list[tuple[Owed, bool]]]]:
    """Each member, with how they stand against the minimum in each period, and whether they
    were overloaded that month (for a monthly minimum)."""
    monthly = data.minimum is not None and data.minimum.period == "month"
    for g in data.members:
        cells = [(owed, monthly and bool(g.months[i].overload)) for i, owed in enumerate(g.minimum)]
        yield g.member, cells


def minimum_title(page: w.Figures, data: Giving) -> Message:
    rule = data.minimum
    assert rule is not None
    return msg(
        "Collective hours per {period} against the minimum of {hours} h",
        period=page.word(w.PERIOD_WORDS[rule.period]),
        hours=rule.hours,
    )


def minimum_legend(page: w.Figures, data: Giving, asked: bool) -> Message:
    """The marks of the minimum's table; `asked`: a prorated minimum is written after the hours
    (2.0/1.3), rather than marked ◐."""
    rule = data.minimum
    assert rule is not None
    limit = data.overload.hours if data.overload else Decimal(0)
    share = page.percent(data.overload.max_share) if data.overload else ""
    period = page.word(w.PERIOD_WORDS[rule.period])
    if not asked:
        return msg(
            "✗ below the minimum · ◐ less asked, prorated for the days one was a member and not "
            "on a pause · ▲ overload (over {limit} h in the month, or over {share} of everyone's "
            "hours) · ○ joined that {period}: not asked yet · … not over yet · ? an entry could "
            "not be read · – not a member",
            limit=limit,
            share=share,
            period=period,
        )
    return msg(
        "✗ below the minimum · 2.0/1.3: 1.3 h asked, prorated for the days one was a member "
        "and not on a pause · ▲ overload (over {limit} h in the month, or over {share} of "
        "everyone's hours) · ○ joined that {period}: not asked yet · … not over yet · ? an "
        "entry could not be read · – not a member",
        limit=limit,
        share=share,
        period=period,
    )


# 3. Hare and tortoise -------------------------------------------------------------------------


DELIBERATION_HEADERS = (
    "Month",
    "Deliberation",
    "Productive",
    "Paid projects",
    "Deliberation per paid hour",
)


def deliberation_rows(page: w.Figures, data: Deliberation) -> list[tuple[str, list[str]]]:
    """Each month (by name) and the total (named `Total`), with their four figures."""
    rows = [(w.month_name(m.month, page.lang), _pace(page, m)) for m in data.months]
    return [*rows, (page.word("Total"), _pace(page, data))]


def _pace(page: w.Figures, pace: Pace | Deliberation) -> list[str]:
    ratio = "–" if pace.ratio is None else w.hours(pace.ratio, page.lang, 2)
    return [
        page.hours(pace.deliberation),
        page.hours(pace.productive),
        page.hours(pace.project),
        ratio,
    ]


def deliberation_legend(page: w.Figures, data: Deliberation, table: bool = False) -> Message:
    """What the kinds of hours are; `table`: said under a chart, of the table that follows."""
    talk = Names(tuple(page.word(w.KIND_WORDS[k]) for k in data.deliberation_kinds))
    work = Names(tuple(page.word(w.KIND_WORDS[k]) for k in data.productive_kinds))
    if table:
        return msg(
            "Deliberation: {talk}. Productive volunteer work: {work}. The table's last column: "
            "hours of deliberation for each hour of paid project work.",
            talk=talk,
            work=work,
        )
    return msg(
        "Deliberation: {talk}. Productive volunteer work: {work}. The last column: hours of "
        "deliberation for each hour of paid project work.",
        talk=talk,
        work=work,
    )


# 4. Roles -------------------------------------------------------------------------------------


def holders(line: RoleLine, lang: Lang, retired: bool = True) -> Message:
    """How many hold the role, of how many it needs; or, with `retired`, that it is retired."""
    if retired and not line.active:
        return msg("no longer active")
    return msg(
        "{holders} of {needed} needed",
        holders=plural(lang, len(line.holders), "{count} holder", "{count} holders"),
        needed=line.min_holders,
    )


ROLES_LEGEND = msg(
    "███ held · ░░░ in training · Months: whole months of the current holding, and the "
    "charter's limit"
)


def timeline_title(data: Roles) -> Message:
    return msg(
        "Who held each role, month by month, and for how long (the charter's limit: {limit} "
        "months in a row)",
        limit=data.max_tenure_months,
    )


# 5. Clients and money -------------------------------------------------------------------------


def ess_share(page: w.Figures, balance: Balance) -> Message:
    now = balance.now
    return msg(
        "ESS share: {share} of the revenue signed with ESS clients and big accounts over "
        "the {months} months to {day} ({ess} of {total}); the charter asks between {low} "
        "and {high}.",
        share=page.percent(now.share),
        months=balance.window_months,
        day=now.day,
        ess=page.money(now.ess),
        total=page.money(now.ess + now.big_account),
        low=page.percent(balance.ess_share_min),
        high=page.percent(balance.ess_share_max),
    )


def outside(balance: Balance) -> bool:
    """The ESS share now is outside the charter's range."""
    share = balance.now.share
    return share is not None and not balance.ess_share_min <= share <= balance.ess_share_max


PAID_LEGEND = msg("✗ paid more or less than due · – not paid yet")


def cotraitance_title(page: w.Figures, data: Money) -> Message:
    assert data.cotraitance is not None
    return msg(
        "Co-traitance: what each member is due (their lines less {rate} of deductions) and "
        "was paid",
        rate=page.percent(data.cotraitance.deduction_rate),
    )


def projects_to_show(projects: tuple[ProjectMoney, ...]) -> tuple[ProjectMoney, ...]:
    """Every project, or, beyond `PROJECTS`, those where someone was not paid their due."""
    if len(projects) <= PROJECTS:
        return projects
    return tuple(p for p in projects if any(pay.wrong for pay in p.payments))


def payments(projects: tuple[ProjectMoney, ...]) -> Iterator[tuple[ProjectMoney, bool, Payment]]:
    """Each payment of each project, with its project and whether it is the project's first."""
    for project in projects:
        for index, payment in enumerate(project.payments):
            yield project, index == 0, payment


def others(data: Money, lang: Lang) -> Message | None:
    """The projects left out by `projects_to_show`, if any."""
    assert data.cotraitance is not None
    projects = data.cotraitance.projects
    count = len(projects) - len(projects_to_show(projects))
    if not count:
        return None
    return msg(
        "{projects} of the period: every member was paid their due, or nothing is paid yet "
        "(the HTML and JSON reports list them all).",
        projects=plural(lang, count, "{count} other project", "{count} other projects"),
    )


# 6. Prospecting -------------------------------------------------------------------------------


def prospecting_legend(page: w.Figures, data: Prospecting) -> Message:
    return msg(
        "done/asked · ✗ fewer than asked · ○ joined that {period}: not asked yet · … not over yet",
        period=page.word(w.PERIOD_WORDS[data.period]),
    )


def period_headers(page: w.Figures, periods: tuple[Span, ...]) -> list[str]:
    """The headings of a table of members by period: `Member`, then each period's name."""
    return [page.word("Member"), *(w.period_name(span.label, page.lang) for span in periods)]


# Shared contacts -----------------------------------------------------------------------------


def contacts(page: w.Figures, data: Sharing) -> list[Part]:
    """Per member: contacts shared in the period and ever, prospecting actions in the period and
    those that name a shared contact."""
    title = msg(
        "Per member over the period: contacts shared, and prospecting actions ({contacts} in all)",
        contacts=plural(page.lang, data.contacts, "{count} contact", "{count} contacts"),
    )
    rows = [
        [row.member, str(row.shared), str(row.shared_ever), str(row.actions), str(row.named)]
        for row in data.members
    ]
    return [Grid(w.CONTACT_HEADERS, rows, title)]


# 7. The fund ----------------------------------------------------------------------------------


def fund_balance(page: w.Figures, data: Fund) -> Message:
    return msg(
        "The fund holds {balance} on {day}. It opened on {opening} with {opening_balance}; the "
        "cotraitance deductions that feed it come in, the share-outs go out.",
        balance=page.cents(data.balance),
        day=data.day,
        opening=data.opening,
        opening_balance=page.cents(data.opening_balance),
    )


def fund_months(page: w.Figures, data: Fund) -> Grid:
    """The balance at each month's end, with what came in and went out in the month."""
    rows = [
        [
            w.month_name(month.month, page.lang),
            page.cents(month.income) if month.income else "",
            page.cents(month.spent) if month.spent else "",
            page.cents(month.balance),
        ]
        for month in data.months
    ]
    return Grid(
        ("Month", "In", "Out", "Balance"),
        rows,
        msg("The fund month by month: deductions in, share-outs out, the balance at the end"),
        bars=tuple(month.balance for month in data.months),
    )


def fund_parts(page: w.Figures, data: Fund) -> list[Part]:
    """The section as the faces without charts show it."""
    months = fund_months(page, data)
    return [
        fund_balance(page, data),
        *([months] if months.rows else []),
        *last_share_out(page, data),
        *proposal(page, data),
    ]


def _formula(page: w.Figures, shared: ShareOut) -> Message:
    words = Text(msg(w.FORMULA_WORDS.get(shared.formula, shared.formula)))
    if shared.cap_share is None:
        return msg("Formula `{formula}`: {words}.", formula=shared.formula, words=words)
    return msg(
        "Formula `{formula}`: {words}; nobody receives more than {cap} of the pot.",
        formula=shared.formula,
        words=words,
        cap=page.percent(shared.cap_share),
    )


def _payouts(page: w.Figures, shared: ShareOut, title: Message) -> Grid:
    rows = [
        [
            payout.member,
            i18n.number(payout.points.normalize(), page.lang),
            w.percent(payout.share, page.lang, 1),
            page.cents(payout.amount),
        ]
        for payout in shared.payouts
    ]
    rows.append([page.word("Total"), "", "", page.cents(shared.total)])
    return Grid(("Member", "Points", "Share", "Amount"), rows, title, total=True)


def last_share_out(page: w.Figures, data: Fund) -> list[Part]:
    """The last share-out's payouts and its formula, or that there was none yet."""
    last = data.last
    if last is None:
        return [msg("No share-out of the fund yet.")]
    title = msg(
        "The last share-out, {id}, paid on {day}: {pot} for what was given from {start} to {end}",
        id=last.id or "",
        day=last.day,
        pot=page.cents(last.pot),
        start=last.start,
        end=last.end,
    )
    return [_payouts(page, last, title), _formula(page, last)]


UNSHARED = {
    "formula": msg(
        "The charter does not say how contribution is valued (`valuation`): no share-out is "
        "proposed."
    ),
    "empty": msg("The fund holds nothing to share: no share-out is proposed."),
}


def proposal(page: w.Figures, data: Fund) -> list[Part]:
    """Today's balance shared under the charter's formula, how, and the command that proposes
    it; or why nothing is proposed."""
    shared = data.proposal
    if shared is None:
        return [_unshared(data)]
    title = msg(
        "Today's proposal: the {pot} the fund holds, shared for what was given from {start} to "
        "{end}",
        pot=page.cents(shared.pot),
        start=shared.start,
        end=shared.end,
    )
    command = msg(
        "This is what `collectif share {pot} --from {start} --to {end}` proposes: nothing is "
        "paid until a meeting decides it and `collectif share … --write ID` records it.",
        pot=str(shared.pot),
        start=shared.start,
        end=shared.end,
    )
    return [_payouts(page, shared, title), _formula(page, shared), command]


def _unshared(data: Fund) -> Message:
    if data.unshared == "period":
        return msg(
            "Everything given up to {day} was valued by a share-out: no share-out is proposed.",
            day=data.since - timedelta(days=1),
        )
    if data.unshared == "points":
        return msg(
            "Nobody has any points since {start}: no share-out is proposed.", start=data.since
        )
    return UNSHARED[data.unshared or "empty"]


# 8. Meetings and decisions ------------------------------------------------------------------


_MEETING_WORDS = (
    N_("Plenaries"),
    N_("Attended"),
    N_("Facilitated"),
    N_("Charter"),
    N_("Review by"),
    N_("Decision"),
    N_("id"),
)
_ATTENDANCE = ("Member", "Plenaries", "Attended", "Facilitated")
_DECISIONS = ("Date", "id", "Decision", "Charter")
_DUE = ("Review by", "id", "Decision")


def _held(data: Meetings, lang: Lang) -> Message:
    return msg(
        "{plenaries} and {others} held in the period.",
        plenaries=plural(lang, data.plenaries, "{count} plenary", "{count} plenaries"),
        others=plural(lang, data.others, "{count} other meeting", "{count} other meetings"),
    )


def _attendance(data: Meetings) -> list[list[str]]:
    return [
        [row.member, str(row.held), str(row.attended), str(row.facilitated)]
        for row in data.attendance
    ]


def _adopted(decisions: tuple[Decided, ...]) -> list[list[str]]:
    return [[d.day.isoformat(), d.id, d.title, d.charter or ""] for d in decisions]


def _due(decisions: tuple[Decided, ...]) -> list[list[str]]:
    return [[str(d.review_by or ""), d.id, d.title] for d in decisions]


def meetings_parts(page: w.Figures, data: Meetings) -> list[Part]:
    """The section as every face shows it: the meetings held, the attendance, the decisions
    adopted in the period and those due for review."""
    return [
        _held(data, page.lang),
        Grid(_ATTENDANCE, _attendance(data)),
        _decisions(
            _DECISIONS,
            _adopted(data.adopted),
            msg("Decisions adopted in the period"),
            msg("No decision adopted in the period."),
        ),
        _decisions(
            _DUE,
            _due(data.due),
            msg("Due for review: put them on the next plenary's agenda"),
            msg("No decision is due for review."),
        ),
    ]


def _decisions(
    headers: tuple[str, ...], rows: list[list[str]], title: Message, empty: Message
) -> Grid:
    """A table of decisions: text only, their titles may wrap."""
    return Grid(headers, rows, title, empty, numbers=len(headers), wrap=headers.index("Decision"))


_CONTACTS = drawn("contacts", contacts)
_FUND = drawn("fund", fund_parts)
_MEETINGS = drawn("meetings", meetings_parts)


# The sections in their order ------------------------------------------------------------------


ORDER = (
    "glance",
    "giving",
    "deliberation",
    "roles",
    "money",
    "prospecting",
    "contacts",
    "fund",
    "meetings",
)


@dataclass(frozen=True)
class Sections(Generic[Page]):
    """How one face draws each section on its page."""

    glance: Callable[[Page, Glance], None]
    giving: Callable[[Page, Giving], None]
    deliberation: Callable[[Page, Deliberation], None]
    roles: Callable[[Page, Roles, list[str]], None]
    money: Callable[[Page, Money], None]
    prospecting: Callable[[Page, Prospecting], None]
    # drawn alike by every face, from the parts above; a face may draw one its own way
    contacts: Callable[[Page, Sharing], None] = _CONTACTS
    fund: Callable[[Page, Fund], None] = _FUND
    meetings: Callable[[Page, Meetings], None] = _MEETINGS

    def walk(self, picture: Picture, page: Page) -> None:
        """Every section that has data, in the order of DESIGN §7."""
        months = [month.label for month in picture.window.months]
        for key in present(picture):
            draw: Callable[..., None] = getattr(self, key)
            data = getattr(picture, key)
            if key == "roles":
                draw(page, data, months)
            else:
                draw(page, data)


def present(picture: Picture) -> list[str]:
    """The keys of the sections that have data, in their order (at a glance always has)."""
    return [key for key in ORDER if getattr(picture, key)]
