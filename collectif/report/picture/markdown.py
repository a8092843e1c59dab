"""`report --format markdown`: the picture as tables, for a wiki page or an issue."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from collectif.engine.picture import records as r
from collectif.i18n import Lang
from collectif.model.message import Message, msg
from collectif.report.markdown import escape_cell
from collectif.report.picture import sections as s
from collectif.report.picture import words as w
from collectif.report.safe import shown


class Page(s.Drawer):
    def __init__(self, lang: Lang, currency: str) -> None:
        super().__init__(lang, currency)
        self.lines: list[str] = []

    def say(self, message: Message) -> None:
        self.lines += [escape_cell(shown(message, self.lang)), ""]

    def begin(self, key: str) -> None:
        self.lines += ["## " + self.word(w.SECTIONS[key]), ""]

    def grid(self, table: s.Grid) -> None:
        if not table.rows and table.empty is not None:
            self.say(table.empty)
            return
        if table.title is not None:
            self.bold(table.title)
        rows = [[escape_cell(cell) for cell in row] for row in table.rows]
        if table.total and rows:
            rows[-1] = [f"**{cell}**" if cell else "" for cell in rows[-1]]
        self.table([self.word(h) for h in table.headers], rows, right=table.numbers)

    def table(self, headers: Iterable[str], rows: Iterable[Iterable[str]], right: int = 1) -> None:
        heads = list(headers)
        self.lines.append("| " + " | ".join(heads) + " |")
        self.lines.append(
            "| " + " | ".join("---" if i < right else "---:" for i in range(len(heads))) + " |"
        )
        for row in rows:
            self.lines.append("| " + " | ".join(row) + " |")
        self.lines.append("")

    def bold(self, message: Message) -> None:
        self.lines += ["**" + escape_cell(shown(message, self.lang)) + "**", ""]


def _owed(page: Page, owed: r.Owed, integer: bool = False) -> str:
    if owed.standing == "away":
        return "–"
    if not integer and owed.required == 0 and owed.done == 0 and owed.standing == "met":
        return page.word("pause")
    done = str(int(owed.done)) if integer else page.hours(owed.done)
    if owed.required is not None and (integer or owed.required != owed.required.to_integral()):
        asked = str(int(owed.required)) if integer else page.hours(owed.required)
        done = f"{done}/{asked}"
    mark = w.MARKS[owed.standing]
    return f"**{done} {mark}**" if owed.standing == "short" else (f"{done} {mark}".strip())


def glance(page: Page, data: r.Glance) -> None:
    page.begin("glance")
    page.say(s.counts(data, page.lang))
    page.say(s.findings(data, page.lang))
    if data.findings:
        page.table(
            [page.word("Check"), page.word("Errors"), page.word("Warnings")],
            ([c.check, str(c.errors), str(c.warnings)] for c in data.findings),
        )
    if data.not_run:
        page.say(s.not_run(data))
    if data.truck_factor is not None:
        page.say(s.truck(data.truck_factor, page.lang))


def giving(page: Page, data: r.Giving) -> None:
    page.begin("giving")
    kinds = s.kinds_given(data)
    page.bold(msg("Volunteer hours over the period, by kind"))
    page.table(
        s.giving_headers(page, kinds),
        (
            [
                g.member,
                *s.by_kind(page, g.by_kind, kinds),
                f"**{page.hours(g.volunteer)}**",
                page.percent(g.share),
                page.hours(g.project),
            ]
            for g in data.members
        ),
    )
    rule = data.minimum
    if rule is None:
        return
    page.bold(s.minimum_title(page, data))
    rows = [
        [member, *(_owed(page, owed) + (" ▲" if over else "") for owed, over in standings)]
        for member, standings in s.minimum_rows(data)
    ]
    page.table(s.period_headers(page, rule.periods), rows)
    page.say(s.minimum_legend(page, data, asked=True))


def deliberation(page: Page, data: r.Deliberation) -> None:
    page.begin("deliberation")
    rows = [[label, *cells] for label, cells in s.deliberation_rows(page, data)]
    rows[-1][0] = f"**{rows[-1][0]}**"
    page.table([page.word(h) for h in s.DELIBERATION_HEADERS], rows)
    page.say(s.deliberation_legend(page, data))


def roles(page: Page, data: r.Roles, months: list[str]) -> None:
    page.begin("roles")
    rows = []
    for line in data.roles:
        tenure = {x.member: x for x in line.tenures}
        holders = shown(s.holders(line, page.lang, retired=False), page.lang)
        rows.append([f"**{escape_cell(line.title)}**", escape_cell(holders), ""])
        for seat in line.seats:
            name = seat.member + (" " + page.word("(training)") if seat.trainee else "")
            block = "░" if seat.trainee else "█"
            held = tenure.get(seat.member) if not seat.trainee else None
            months_held = f"{held.months}/{data.max_tenure_months}" if held else ""
            if held and held.over:
                months_held = f"**{months_held}**"
            rows.append(
                [name, "`" + "".join(block if h else "·" for h in seat.months) + "`", months_held]
            )
    first, last = w.month_name(months[0], page.lang), w.month_name(months[-1], page.lang)
    page.table(
        [page.word("Role and members"), f"{first} → {last}", page.word("Months")], rows, right=2
    )
    page.say(s.ROLES_LEGEND)
    if data.skills:
        page.table(
            [page.word("Skill"), page.word("Needed by"), page.word("Members who have it")],
            (
                [
                    escape_cell(skill.skill)
                    if len(skill.members) > 1
                    else f"**{escape_cell(skill.skill)}**",
                    ", ".join(skill.roles),
                    ", ".join(skill.members) or "–",
                ]
                for skill in data.skills
            ),
            right=3,
        )


def money(page: Page, data: r.Money) -> None:
    page.begin("money")
    kinds = [kind for kind in data.kinds if kind in data.signed] or ["ess", "big_account"]
    rows = [
        [
            w.month_name(m.month, page.lang),
            *(page.money(m.by_kind[k]) if k in m.by_kind else "" for k in kinds),
            page.money(sum(m.by_kind.values(), Decimal(0))) if m.by_kind else "",
        ]
        for m in data.months
    ]
    page.table(
        [page.word("Month"), *(page.word(w.CLIENT_WORDS[k]) for k in kinds), page.word("Total")],
        rows,
    )
    balance = data.balance
    if balance is not None:
        page.say(s.ess_share(page, balance))
    finders = data.finders
    if finders is not None and finders.members:
        page.table(
            [page.word("Member"), page.word("Brought"), page.word("Share")],
            ([f.member, page.money(f.amount), page.percent(f.share)] for f in finders.members),
        )
    cotraitance = data.cotraitance
    if cotraitance is not None:
        rows = []
        for p, first, pay in s.payments(s.projects_to_show(cotraitance.projects)):
            rows.append(
                [
                    escape_cell(p.title) if first else "",
                    page.word(w.CLIENT_WORDS[p.client_kind]) if first else "",
                    pay.member,
                    page.cents(pay.expected) if pay.has_line else "–",
                    (f"**{page.cents(pay.paid)} ✗**" if pay.wrong else page.cents(pay.paid))
                    if p.paid
                    else "–",
                ]
            )
        page.table(
            [page.word(h) for h in ("Project", "Client", "Member", "Due", "Paid")], rows, right=3
        )
        page.say(s.PAID_LEGEND)
        others = s.others(data, page.lang)
        if others is not None:
            page.say(others)


def prospecting(page: Page, data: r.Prospecting) -> None:
    page.begin("prospecting")
    page.table(
        s.period_headers(page, data.periods),
        (
            [row.member, *(_owed(page, o, integer=True) for o in row.periods)]
            for row in data.members
        ),
    )
    page.say(s.prospecting_legend(page, data))


SECTIONS = s.Sections(glance, giving, deliberation, roles, money, prospecting)


def render_markdown(picture: r.Picture, lang: Lang) -> str:
    page = Page(lang, picture.currency)
    title = shown(s.title(picture, picture.collective, lang), lang)
    page.lines += ["# " + escape_cell(title), ""]
    SECTIONS.walk(picture, page)
    return "\n".join(page.lines)
