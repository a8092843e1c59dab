"""`report --format markdown`: the picture as tables, for a wiki page or an issue."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from collectif.engine.picture.records import (
    Deliberation,
    Giving,
    Glance,
    Money,
    Owed,
    Picture,
    Prospecting,
    Roles,
    Sharing,
)
from collectif.i18n import Lang, plural
from collectif.model.message import Message, Names, msg
from collectif.report.markdown import escape_cell
from collectif.report.picture import text as t
from collectif.report.picture import words as w
from collectif.report.safe import shown

MARKS = t.MARKS


class Page:
    def __init__(self, lang: Lang, currency: str) -> None:
        self.lang, self.currency = lang, currency
        self.lines: list[str] = []

    def word(self, text: str) -> str:
        return w.word(self.lang, text)

    def say(self, message: Message) -> None:
        self.lines += [escape_cell(shown(message, self.lang)), ""]

    def title(self, text: str, level: int = 2) -> None:
        self.lines += ["#" * level + " " + self.word(text), ""]

    def table(self, headers: Iterable[str], rows: Iterable[Iterable[str]], right: int = 1) -> None:
        heads = list(headers)
        self.lines.append("| " + " | ".join(heads) + " |")
        self.lines.append(
            "| " + " | ".join("---" if i < right else "---:" for i in range(len(heads))) + " |"
        )
        for row in rows:
            self.lines.append("| " + " | ".join(row) + " |")
        self.lines.append("")

    def hours(self, value: Decimal) -> str:
        return w.hours(value, self.lang)

    def money(self, value: Decimal) -> str:
        return w.money(value, self.currency, self.lang, places=0)

    def cents(self, value: Decimal) -> str:
        return w.money(value, self.currency, self.lang)

    def percent(self, share: Decimal | None) -> str:
        return w.percent(share, self.lang)


def _owed(page: Page, owed: Owed, integer: bool = False) -> str:
    if owed.standing == "away":
        return "–"
    if not integer and owed.required == 0 and owed.done == 0 and owed.standing == "met":
        return page.word("pause")
    done = str(int(owed.done)) if integer else page.hours(owed.done)
    if owed.required is not None and (integer or owed.required != owed.required.to_integral()):
        asked = str(int(owed.required)) if integer else page.hours(owed.required)
        done = f"{done}/{asked}"
    mark = MARKS[owed.standing]
    return f"**{done} {mark}**" if owed.standing == "short" else (f"{done} {mark}".strip())


def glance(page: Page, data: Glance) -> None:
    page.title(w.SECTIONS["glance"])
    page.say(
        msg(
            "{members} active members ({paused} on a pause), {roles} active roles, {projects} "
            "active projects",
            members=data.members,
            paused=data.paused,
            roles=data.roles,
            projects=data.projects,
        )
    )
    page.say(
        msg(
            "What `collectif check` finds: {errors}, {warnings}",
            errors=plural(page.lang, data.errors, "{count} error", "{count} errors"),
            warnings=plural(page.lang, data.warnings, "{count} warning", "{count} warnings"),
        )
    )
    if data.findings:
        page.table(
            [page.word("Check"), page.word("Errors"), page.word("Warnings")],
            ([c.check, str(c.errors), str(c.warnings)] for c in data.findings),
        )
    if data.not_run:
        page.say(
            msg(
                "Not run, because collectif.yaml is broken where they read it: {checks}",
                checks=Names(data.not_run),
            )
        )
    if data.truck_factor is not None:
        page.say(t.truck_message(data.truck_factor))


def giving(page: Page, data: Giving) -> None:
    page.title(w.SECTIONS["giving"])
    kinds = [kind for kind in data.kinds if any(kind in g.by_kind for g in data.members)]
    page.lines += [
        "**"
        + escape_cell(shown(msg("Volunteer hours over the period, by kind"), page.lang))
        + "**",
        "",
    ]
    page.table(
        [
            page.word("Member"),
            *(page.word(w.KIND_WORDS[k]) for k in kinds),
            page.word("Total"),
            page.word("Share"),
            page.word("Paid projects"),
        ],
        (
            [
                g.member,
                *(page.hours(g.by_kind[k]) if k in g.by_kind else "" for k in kinds),
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
    page.lines += [
        "**"
        + escape_cell(
            shown(
                msg(
                    "Collective hours per {period} against the minimum of {hours} h",
                    period=page.word(w.PERIOD_WORDS[rule.period]),
                    hours=rule.hours,
                ),
                page.lang,
            )
        )
        + "**",
        "",
    ]
    monthly = rule.period == "month"
    rows = []
    for g in data.members:
        cells = []
        for index, owed in enumerate(g.minimum):
            cell = _owed(page, owed)
            if monthly and g.months[index].overload:
                cell += " ▲"
            cells.append(cell)
        rows.append([g.member, *cells])
    page.table(
        [page.word("Member"), *(w.period_name(s.label, page.lang) for s in rule.periods)], rows
    )
    page.say(
        msg(
            "✗ below the minimum · 2.0/1.3: 1.3 h asked, prorated for the days one was a member "
            "and not on a pause · ▲ overload (over {limit} h in the month, or over {share} of "
            "everyone's hours) · ○ joined that {period}: not asked yet · … not over yet · ? an "
            "entry could not be read · – not a member",
            limit=data.overload.hours if data.overload else Decimal(0),
            share=page.percent(data.overload.max_share) if data.overload else "",
            period=page.word(w.PERIOD_WORDS[rule.period]),
        )
    )


def deliberation(page: Page, data: Deliberation) -> None:
    page.title(w.SECTIONS["deliberation"])
    rows = [
        [
            w.month_name(m.month, page.lang),
            page.hours(m.deliberation),
            page.hours(m.productive),
            page.hours(m.project),
            "–" if m.ratio is None else w.hours(m.ratio, page.lang, 2),
        ]
        for m in data.months
    ]
    rows.append(
        [
            f"**{page.word('Total')}**",
            page.hours(data.deliberation),
            page.hours(data.productive),
            page.hours(data.project),
            "–" if data.ratio is None else w.hours(data.ratio, page.lang, 2),
        ]
    )
    page.table(
        [
            page.word(h)
            for h in (
                "Month",
                "Deliberation",
                "Productive",
                "Paid projects",
                "Deliberation per paid hour",
            )
        ],
        rows,
    )
    page.say(
        msg(
            "Deliberation: {talk}. Productive volunteer work: {work}. The last column: hours of "
            "deliberation for each hour of paid project work.",
            talk=Names(tuple(page.word(w.KIND_WORDS[k]) for k in data.deliberation_kinds)),
            work=Names(tuple(page.word(w.KIND_WORDS[k]) for k in data.productive_kinds)),
        )
    )


def roles(page: Page, data: Roles, months: list[str]) -> None:
    page.title(w.SECTIONS["roles"])
    rows = []
    for line in data.roles:
        tenure = {x.member: x for x in line.tenures}
        holders = shown(
            msg(
                "{count} holder(s) of {needed} needed",
                count=len(line.holders),
                needed=line.min_holders,
            ),
            page.lang,
        )
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
    page.say(
        msg(
            "███ held · ░░░ in training · Months: whole months of the current holding, and the "
            "charter's limit"
        )
    )
    if data.skills:
        page.table(
            [page.word("Skill"), page.word("Needed by"), page.word("Members who have it")],
            (
                [
                    escape_cell(s.skill) if len(s.members) > 1 else f"**{escape_cell(s.skill)}**",
                    ", ".join(s.roles),
                    ", ".join(s.members) or "–",
                ]
                for s in data.skills
            ),
            right=3,
        )


def money(page: Page, data: Money) -> None:
    page.title(w.SECTIONS["money"])
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
        now = balance.now
        page.say(
            msg(
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
        )
    finders = data.finders
    if finders is not None and finders.members:
        page.table(
            [page.word("Member"), page.word("Brought"), page.word("Share")],
            ([f.member, page.money(f.amount), page.percent(f.share)] for f in finders.members),
        )
    cotraitance = data.cotraitance
    if cotraitance is not None:
        rows = []
        for p in t.projects_to_show(cotraitance.projects):
            for index, pay in enumerate(p.payments):
                rows.append(
                    [
                        escape_cell(p.title) if index == 0 else "",
                        page.word(w.CLIENT_WORDS[p.client_kind]) if index == 0 else "",
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
        page.say(msg("✗ paid more or less than due · – not paid yet"))
        others = len(cotraitance.projects) - len(t.projects_to_show(cotraitance.projects))
        if others:
            page.say(
                msg(
                    "{count} other projects of the period: every member was paid their due, or "
                    "nothing is paid yet (the HTML and JSON reports list them all).",
                    count=others,
                )
            )


def prospecting(page: Page, data: Prospecting) -> None:
    page.title(w.SECTIONS["prospecting"])
    page.table(
        [page.word("Member"), *(w.period_name(s.label, page.lang) for s in data.periods)],
        (
            [row.member, *(_owed(page, o, integer=True) for o in row.periods)]
            for row in data.members
        ),
    )
    page.say(
        msg(
            "done/asked · ✗ fewer than asked · ○ joined that {period}: not asked yet · … not "
            "over yet",
            period=page.word(w.PERIOD_WORDS[data.period]),
        )
    )


def contacts(page: Page, data: Sharing) -> None:
    page.title(w.SECTIONS["contacts"])
    page.table(
        [page.word(h) for h in w.CONTACT_HEADERS],
        (
            [row.member, str(row.shared), str(row.shared_ever), str(row.actions), str(row.named)]
            for row in data.members
        ),
    )
    page.say(
        msg(
            "Per member over the period: contacts shared, and prospecting actions ({count} "
            "contacts in all)",
            count=data.contacts,
        )
    )


def render_markdown(picture: Picture, lang: Lang) -> str:
    page = Page(lang, picture.currency)
    frame = picture.window
    page.lines += [
        "# "
        + escape_cell(
            shown(
                msg(
                    "{collective}: from {start} to {end}, as of {as_of}",
                    collective=picture.collective,
                    start=w.month_name(frame.months[0].label, lang),
                    end=w.month_name(frame.months[-1].label, lang),
                    as_of=frame.as_of,
                ),
                lang,
            )
        ),
        "",
    ]
    glance(page, picture.glance)
    if picture.giving:
        giving(page, picture.giving)
    if picture.deliberation:
        deliberation(page, picture.deliberation)
    if picture.roles:
        roles(page, picture.roles, [m.label for m in frame.months])
    if picture.money:
        money(page, picture.money)
    if picture.prospecting:
        prospecting(page, picture.prospecting)
    if picture.contacts:
        contacts(page, picture.contacts)
    return "\n".join(page.lines)
