"""`report --format html`: one self-contained page that opens offline and prints on A4.

Everything is inline: the style sheet, the charts (static SVG drawn by pygal), no script, no
web font, no link to load; a Content-Security-Policy says so to the browser. Every chart is
followed by its data as a table. Every value, ours or from the files, is escaped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from html import escape as _escape

from collectif import i18n
from collectif.engine.picture import records as r
from collectif.i18n import Lang, plural
from collectif.model.message import N_, Message, msg
from collectif.report.picture import charts as c
from collectif.report.picture import sections as s
from collectif.report.picture import words as w
from collectif.report.safe import printable, shown


def escape(text: str) -> str:
    """Any text made safe in HTML: markup escaped, control characters shown as escapes."""
    return _escape(printable(text))


_CODE = re.compile(r"`([^`]+)`")
CHART_MEMBERS = 30  # members drawn in a chart at most; the tables list them all
POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
_WORDS = (
    N_("The data of the chart"),
    N_("Active members"),
    N_("Active roles"),
    N_("Active projects"),
    N_("Errors"),
    N_("Warnings"),
    N_("Truck factor"),
    N_("Made by collectif on {day}, from the files as they are."),
    N_("Findings by check"),
    N_("asked"),
    N_("done"),
    N_("within the limit"),
    N_("beyond the limit"),
    N_("minimum"),
    N_("maximum"),
    N_("Contents"),
    N_("held"),
    N_("in training"),
    N_("Role"),
    N_("Since"),
)

STYLE = """
:root { --blue:#0072B2; --orange:#E69F00; --green:#009E73; --pink:#CC79A7; --sky:#56B4E9;
  --vermillion:#D55E00; --yellow:#F0E442; --grey:#6b6b6b; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  sans-serif; color:#1a1a1a; margin: 0 auto; max-width: 1200px; padding: 24px; line-height: 1.45; }
h1 { font-size: 1.9rem; margin: 0 0 .2rem; }
h2 { font-size: 1.45rem; margin: 2.2rem 0 .6rem; padding-bottom: .2rem;
  border-bottom: 3px solid var(--blue); }
h3 { font-size: 1.1rem; margin: 1.4rem 0 .4rem; }
p.lead { color: #444; margin-top: 0; }
nav ol { columns: 2; padding-left: 1.2rem; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: .8rem 0; }
.card { border: 1px solid #ccc; border-radius: 6px; padding: 10px 16px; min-width: 150px; }
.card b { display: block; font-size: 1.9rem; }
.card.bad { border-color: var(--vermillion); border-width: 2px; }
.alert { border-left: 6px solid var(--vermillion); padding: .4rem .8rem; background: #fff4ec; }
.note { color: #444; font-size: .92rem; }
figure { margin: 1rem 0; break-inside: avoid; }
figure svg { width: 100%; height: auto; max-height: 520px; display: block; }
figcaption { font-size: .9rem; color: #444; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .92rem;
  font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: .3rem 0; white-space: nowrap; }
th, td { border: 1px solid #d0d0d0; padding: 3px 7px; }
th { background: #f0f0f0; text-align: left; }
td.n { text-align: right; white-space: nowrap; }
tr.total td { font-weight: 700; background: #f7f7f7; }
.wide { overflow-x: auto; }
td.short { background: #fbd5bf; color: #7a2a00; font-weight: 700; }
td.over { outline: 3px solid var(--pink); outline-offset: -3px; }
td.newcomer, td.away, td.open { color: #777; }
td.held { background: var(--blue); color: #fff; text-align: center; }
td.trainee { background: repeating-linear-gradient(45deg, #fff, #fff 3px, var(--orange) 3px,
  var(--orange) 6px); text-align: center; }
td.gap { background: #fff; }
td.role { font-weight: 700; background: #f7f7f7; }
.legend span { display: inline-block; margin-right: 1rem; }
.swatch { display: inline-block; width: 1.1em; height: 1.1em; vertical-align: -.2em;
  border: 1px solid #999; margin-right: .3em; }
code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace;
  font-size: .9em; background: #f3f3f3; padding: 0 .2em; border-radius: 3px; }
footer { margin-top: 2rem; color: #666; font-size: .85rem; }
@media print {
  @page { size: A4; margin: 12mm 11mm; }
  body { max-width: none; padding: 0; font-size: 9.5pt; }
  nav { display: none; }
  h2 { break-before: page; break-after: avoid; }
  section:first-of-type h2 { break-before: auto; }
  h3, caption { break-after: avoid; }
  figure svg { max-height: 120mm; }
  table { font-size: 8pt; }
  tr { break-inside: avoid; }
  .wide { overflow: visible; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


class Page(s.Drawer):
    """The page being written: its parts, its language and currency."""

    def __init__(self, lang: Lang, currency: str, as_of: str = "") -> None:
        super().__init__(lang, currency)
        self.as_of = as_of
        self.parts: list[str] = []

    def text(self, message: Message) -> str:
        """The message made safe, with what it quotes between backticks set as code."""
        return _CODE.sub(r"<code>\1</code>", escape(shown(message, self.lang)))

    def plain(self, message: Message) -> str:
        """The message as text, for pygal, which escapes what it writes."""
        return shown(message, self.lang)

    def add(self, *parts: str) -> None:
        self.parts.extend(parts)

    def begin(self, key: str) -> None:
        """A section's start: its anchor for the contents, and its title."""
        self.add(f'<section id="{key}"><h2>{escape(self.word(w.SECTIONS[key]))}</h2>')

    def end(self) -> None:
        self.add("</section>")

    def say(self, message: Message) -> None:
        self.para(message)

    def grid(self, table: s.Grid, caption: str = "") -> None:
        """A table, its title as a heading; `caption`: the table's own instead (the data of a
        chart, whose title the chart says)."""
        if not table.rows and table.empty is not None:
            self.para(table.empty, "note")
            return
        if table.title is not None and not caption:
            self.heading(table.title)
        last = len(table.rows) - 1

        def kind(row: int, column: int) -> str:
            if column == 0:
                return "th"
            if column < table.numbers:
                return ""
            return "total" if table.total and row == last else "n"

        self.table(
            [self.word(h) for h in table.headers],
            (
                [(escape(cell), kind(r, c)) for c, cell in enumerate(row)]
                for r, row in enumerate(table.rows)
            ),
            caption,
        )

    def para(self, message: Message, kind: str = "") -> None:
        self.add(
            f'<p class="{kind}">{self.text(message)}</p>'
            if kind
            else f"<p>{self.text(message)}</p>"
        )

    def heading(self, message: Message) -> None:
        self.add("<h3>" + self.text(message) + "</h3>")

    def figure(self, svg: str, caption: Message) -> None:
        self.add(f"<figure>{svg}<figcaption>{self.text(caption)}</figcaption></figure>")

    def table(
        self,
        headers: Sequence[str],
        rows: Iterable[Sequence[tuple[str, str]]],
        caption: str = "",
    ) -> None:
        """A table: each cell is (its text, already escaped; its class)."""
        out = ['<div class="wide"><table>']
        if caption:
            out.append(f"<caption>{escape(caption)}</caption>")
        out.append("<thead><tr>" + "".join(f'<th scope="col">{escape(h)}</th>' for h in headers))
        out.append("</tr></thead><tbody>")
        for row in rows:
            out.append("<tr>" + "".join(_cell(text, kind) for text, kind in row) + "</tr>")
        out.append("</tbody></table></div>")
        self.add("".join(out))

    def data_caption(self) -> str:
        return self.word("The data of the chart")

    def hours_formatter(self, value: float) -> str:
        return i18n.number(w.rounded(Decimal(str(value)), 1), self.lang)


def _cell(text: str, kind: str) -> str:
    if kind == "th":
        return f'<th scope="row">{text}</th>'
    if kind == "total":
        return f'<td class="n"><b>{text}</b></td>'
    return f'<td class="{kind}">{text}</td>' if kind else f"<td>{text}</td>"


def _chart_members(givers: Sequence[r.Giver]) -> list[r.Giver]:
    return sorted(givers, key=lambda g: (-g.volunteer, g.member))[:CHART_MEMBERS]


# 1. At a glance -------------------------------------------------------------------------------


def glance(page: Page, data: r.Glance) -> None:
    page.begin("glance")
    truck = data.truck_factor
    cards = [
        (str(data.members), page.word("Active members"), False),
        (str(data.roles), page.word("Active roles"), False),
        (str(data.projects), page.word("Active projects"), False),
        (str(data.errors), page.word("Errors"), data.errors > 0),
        (str(data.warnings), page.word("Warnings"), False),
    ]
    if truck is not None:
        size = str(truck.size) if truck.size is not None else f"≥ {truck.minimum}"
        cards.append((size, page.word("Truck factor"), truck.size is not None))
    page.add(
        '<div class="cards">'
        + "".join(
            f'<div class="card{" bad" if bad else ""}"><b>{escape(v)}</b>{escape(label)}</div>'
            for v, label, bad in cards
        )
        + "</div>"
    )
    page.para(s.counts(data, page.lang))
    if truck is not None:
        page.para(s.truck(truck, page.lang), "alert" if truck.size is not None else "")
    page.para(s.findings(data, page.lang))
    if data.findings:
        checks = [count.check for count in data.findings]
        svg = c.draw(
            c.CHARTS["horizontal-stacked"],
            page.word("Findings by check"),
            checks,
            [
                (
                    page.word("Errors"),
                    [count.errors or None for count in data.findings],
                    c.VERMILLION,
                ),
                (
                    page.word("Warnings"),
                    [count.warnings or None for count in data.findings],
                    c.ORANGE,
                ),
            ],
            lambda value: str(int(value)),
            height=140 + 34 * len(checks),
            y_labels=c.counts(max(count.errors + count.warnings for count in data.findings)),
        )
        page.figure(
            svg,
            msg(
                "Findings of `collectif check` on {day}, by check and severity",
                day=page.as_of,
            ),
        )
        page.table(
            [page.word("Check"), page.word("Errors"), page.word("Warnings")],
            (
                [(escape(count.check), "th"), (str(count.errors), "n"), (str(count.warnings), "n")]
                for count in data.findings
            ),
            page.data_caption(),
        )
    if data.not_run:
        page.para(s.not_run(data), "alert")
    page.end()


# 2. Who gives what ----------------------------------------------------------------------------


def giving(page: Page, data: r.Giving) -> None:
    page.begin("giving")
    kinds = s.kinds_given(data)
    drawn = _chart_members(data.members)[::-1]  # pygal draws the first label at the bottom
    svg = c.draw(
        c.CHARTS["horizontal-stacked"],
        page.plain(msg("Volunteer hours over the period, by kind")),
        [g.member for g in drawn],
        [
            (
                page.word(w.KIND_WORDS[kind]),
                c.floats([g.by_kind.get(kind) for g in drawn]),
                c.KIND_COLOURS[kind],
            )
            for kind in kinds
        ],
        page.hours_formatter,
        height=170 + 30 * len(drawn),
    )
    page.figure(
        svg,
        msg(
            "Each bar is one member's volunteer hours over the period, coloured by kind of "
            "work. Paid project hours are not in it: they are in the last column of the table."
        ),
    )
    if len(data.members) > len(drawn):
        page.para(
            msg(
                "The chart shows the {count} members who gave the most; the table shows everyone.",
                count=len(drawn),
            ),
            "note",
        )
    rows = []
    for g in data.members:
        rows.append(
            [
                (escape(g.member), "th"),
                *((hours, "n") for hours in s.by_kind(page, g.by_kind, kinds)),
                (page.hours(g.volunteer), "total"),
                (page.percent(g.share), "n"),
                (page.hours(g.project), "n"),
            ]
        )
    rows.append(
        [
            (escape(page.word("Total")), "th"),
            *((hours, "total") for hours in s.kind_totals(page, data, kinds)),
            (page.hours(data.volunteer), "total"),
            ("100 %" if page.lang == "fr" else "100%", "total"),
            (page.hours(data.project), "total"),
        ]
    )
    page.table(s.giving_headers(page, kinds), rows, page.data_caption())
    if data.minimum is not None:
        _minimum(page, data, data.minimum)
    page.end()


CELL_CLASS = {
    "short": "n short",
    "newcomer": "n newcomer",
    "open": "n open",
    "away": "n away",
    "incomplete": "n open",
    "met": "n",
}


def _owed_text(page: Page, owed: r.Owed, full: Decimal | None, integer: bool = False) -> str:
    if owed.standing == "away":
        return "–"
    done = str(int(owed.done)) if integer else page.hours(owed.done)
    if not integer and owed.required == 0 and owed.done == 0 and owed.standing == "met":
        return escape(page.word("pause"))
    if owed.required is not None and (integer or (full is not None and owed.required < full)):
        asked = str(int(owed.required)) if integer else page.hours(owed.required)
        done = f"{done}/{asked}"
    mark = w.MARKS[owed.standing]
    return escape(f"{done} {mark}".strip())


def _minimum(page: Page, data: r.Giving, rule: r.MinimumRule) -> None:
    page.heading(s.minimum_title(page, data))
    rows = []
    for member, standings in s.minimum_rows(data):
        cells = [(escape(member), "th")]
        for owed, overloaded in standings:
            text, kind = _owed_text(page, owed, rule.hours), CELL_CLASS[owed.standing]
            cells.append((text + " ▲", kind + " over") if overloaded else (text, kind))
        rows.append(cells)
    page.table(s.period_headers(page, rule.periods), rows)
    page.para(s.minimum_legend(page, data, asked=True), "note")


# 3. Hare and tortoise -------------------------------------------------------------------------


def deliberation(page: Page, data: r.Deliberation) -> None:
    page.begin("deliberation")
    months = [w.month_name(m.month, page.lang) for m in data.months]
    svg = c.draw(
        c.CHARTS["bar"],
        page.plain(msg("Hours per month: deliberating, doing, and paid project work")),
        months,
        [
            (
                page.word("Deliberation"),
                c.floats([m.deliberation for m in data.months]),
                c.VERMILLION,
            ),
            (page.word("Productive"), c.floats([m.productive for m in data.months]), c.GREEN),
            (page.word("Paid projects"), c.floats([m.project for m in data.months]), c.BLUE),
        ],
        page.hours_formatter,
        x_label_rotation=-35 if len(months) > 8 else 0,
    )
    page.figure(svg, s.deliberation_legend(page, data, table=True))
    *each, (total, figures) = s.deliberation_rows(page, data)
    rows = [[(escape(label), "th"), *((cell, "n") for cell in cells)] for label, cells in each]
    rows.append([(escape(total), "th"), *((cell, "total") for cell in figures)])
    page.table([page.word(h) for h in s.DELIBERATION_HEADERS], rows, page.data_caption())
    page.end()


# 4. Roles -------------------------------------------------------------------------------------


def roles(page: Page, data: r.Roles, months: list[str]) -> None:
    page.begin("roles")
    page.heading(s.timeline_title(data))
    page.add(_timeline(page, data, months))
    page.add(
        '<p class="legend note"><span><i class="swatch" style="background:var(--blue)"></i>'
        + escape(page.word("held"))
        + '</span><span><i class="swatch" style="background:var(--orange)"></i>'
        + escape(page.word("in training"))
        + "</span><span>"
        + page.text(msg("Months: whole months of the current holding, and the charter's limit"))
        + "</span></p>"
    )
    _tenures(page, data)
    _skills(page, data)
    page.end()


def _timeline(page: Page, data: r.Roles, months: list[str]) -> str:
    """One row per role (its title, how many hold it), then one per member who held it or
    trained for it, a cell per month: filled when held, hatched when in training."""
    span = len(months) + 1
    out = ['<div class="wide"><table class="timeline"><thead><tr>']
    out.append(f'<th scope="col">{escape(page.word("Role and members"))}</th>')
    for label in months:
        name, year = w.month_short(label, page.lang)
        out.append(f'<th scope="col">{escape(name)}<br>{year}</th>')
    out.append(f'<th scope="col">{escape(page.word("Months"))}</th></tr></thead><tbody>')
    for line in data.roles:
        count = s.holders(line, page.lang)
        short = " short" if line.active and len(line.holders) < line.min_holders else ""
        out.append(
            f'<tr><th scope="rowgroup" class="role">{escape(line.title)}</th>'
            f'<td colspan="{span}" class="role{short}">{page.text(count)}</td></tr>'
        )
        tenure = {x.member: x for x in line.tenures}
        for seat in line.seats:
            name = escape(seat.member)
            if seat.trainee:
                name += " " + escape(page.word("(training)"))
            held = tenure.get(seat.member) if not seat.trainee else None
            kind = "trainee" if seat.trainee else "held"
            cells = "".join(f'<td class="{kind if on else "gap"}"></td>' for on in seat.months)
            months_held = f"{held.months}/{data.max_tenure_months}" if held else ""
            over = " short" if held and held.over else ""
            out.append(
                f'<tr><th scope="row">{name}</th>{cells}<td class="n{over}">{months_held}</td></tr>'
            )
    out.append("</tbody></table></div>")
    return "".join(out)


def _tenures(page: Page, data: r.Roles) -> None:
    held = [(line, x) for line in data.roles for x in line.tenures]
    if not held:
        return
    held = held[::-1]  # pygal draws the first label at the bottom
    labels = [f"{x.member} · {line.title}" for line, x in held]
    limit = data.max_tenure_months
    svg = c.draw(
        c.CHARTS["horizontal-stacked"],
        page.plain(
            msg(
                "How long each holder has held their role, against the limit of {limit} months",
                limit=limit,
            )
        ),
        labels,
        [
            (page.word("within the limit"), [float(min(x.months, limit)) for _, x in held], c.BLUE),
            (
                page.word("beyond the limit"),
                [float(x.months - limit) if x.over else None for _, x in held],
                c.VERMILLION,
            ),
        ],
        lambda value: str(int(value)),
        height=150 + 26 * len(held),
        y_labels=c.counts(max(x.months for _, x in held)),
    )
    page.figure(svg, msg("Whole months of the current holding on the day of the report."))
    page.table(
        [page.word("Role"), page.word("Member"), page.word("Since"), page.word("Months")],
        (
            [
                (escape(line.title), "th"),
                (escape(x.member), ""),
                (x.since.isoformat(), "n"),
                (f"{x.months}/{limit}", "n short" if x.over else "n"),
            ]
            for line, x in held[::-1]
        ),
        page.data_caption(),
    )


def _skills(page: Page, data: r.Roles) -> None:
    if not data.skills:
        return
    page.heading(msg("Skills the roles need"))
    page.table(
        [page.word("Skill"), page.word("Needed by"), page.word("Members who have it")],
        (
            [
                (escape(skill.skill), "th"),
                (escape(", ".join(skill.roles)), ""),
                (
                    escape(", ".join(skill.members) or "–"),
                    "short" if len(skill.members) < 2 else "",
                ),
            ]
            for skill in data.skills
        ),
    )
    page.para(msg("Highlighted: a skill that fewer than two active members have."), "note")


# 5. Clients and money -------------------------------------------------------------------------


def money(page: Page, data: r.Money) -> None:
    page.begin("money")
    kinds = [kind for kind in data.kinds if kind in data.signed] or ["ess", "big_account"]
    months = [w.month_name(m.month, page.lang) for m in data.months]
    svg = c.draw(
        c.CHARTS["stacked"],
        page.plain(msg("Revenue signed per month, by kind of client")),
        months,
        [
            (
                page.word(w.CLIENT_WORDS[k]),
                c.floats([m.by_kind.get(k) for m in data.months]),
                c.CLIENT_COLOURS[k],
            )
            for k in kinds
        ],
        lambda value: page.money(Decimal(str(value))),
        x_label_rotation=-35 if len(months) > 8 else 0,
    )
    page.figure(svg, msg("The budget of each project not cancelled, in the month it was signed."))
    rows = [
        [
            (escape(label), "th"),
            *((page.money(m.by_kind[k]) if k in m.by_kind else "", "n") for k in kinds),
            (page.money(sum(m.by_kind.values(), Decimal(0))) if m.by_kind else "", "n"),
        ]
        for label, m in zip(months, data.months, strict=True)
    ]
    rows.append(
        [
            (escape(page.word("Total")), "th"),
            *((page.money(data.signed.get(k, Decimal(0))), "total") for k in kinds),
            (page.money(sum(data.signed.values(), Decimal(0))), "total"),
        ]
    )
    page.table(
        [page.word("Month"), *(page.word(w.CLIENT_WORDS[k]) for k in kinds), page.word("Total")],
        rows,
        page.data_caption(),
    )
    _balance(page, data)
    _finders(page, data)
    _cotraitance(page, data)
    page.end()


def _balance(page: Page, data: r.Money) -> None:
    balance = data.balance
    if balance is None:
        return
    page.add("<h3>" + escape(page.word("ESS share")) + "</h3>")
    page.para(s.ess_share(page, balance), "alert" if s.outside(balance) else "")
    if not balance.trend:
        return
    labels = [w.month_name(p.day.isoformat()[:7], page.lang) for p in balance.trend]
    pct = [None if p.share is None else float(p.share * 100) for p in balance.trend]
    svg = c.draw(
        c.CHARTS["line"],
        page.plain(msg("The ESS share at the end of each month")),
        labels,
        [
            (page.word("ESS share"), pct, c.GREEN),
            (page.word("minimum"), [float(balance.ess_share_min * 100)] * len(labels), c.BLACK),
            (page.word("maximum"), [float(balance.ess_share_max * 100)] * len(labels), c.GREY),
        ],
        lambda value: page.percent(Decimal(str(value)) / 100),
        range=(0, 100),
        x_label_rotation=-35 if len(labels) > 8 else 0,
        dots_size=4,
    )
    page.figure(
        svg,
        msg(
            "Each point: ESS clients' share of the revenue signed with ESS clients and big "
            "accounts over the {months} months before that day. The charter asks it to stay "
            "between the two flat lines.",
            months=balance.window_months,
        ),
    )
    page.table(
        [page.word("Month"), page.word("ESS share")],
        (
            [(escape(label), "th"), (page.percent(p.share), "n")]
            for label, p in zip(labels, balance.trend, strict=True)
        ),
        page.data_caption(),
    )


def _finders(page: Page, data: r.Money) -> None:
    finders = data.finders
    if finders is None or not finders.members:
        return
    page.heading(msg("Who brought the contracts"))
    drawn = finders.members[:CHART_MEMBERS][::-1]
    svg = c.draw(
        c.CHARTS["horizontal"],
        page.plain(
            msg(
                "Revenue signed over the {months} months to {day}, by who brought it",
                months=finders.window_months,
                day=data.balance.now.day if data.balance else "",
            )
        ),
        [f.member for f in drawn],
        [(page.word("Brought"), [float(f.amount) for f in drawn], c.GREEN)],
        lambda value: page.money(Decimal(str(value))),
        height=150 + 30 * len(drawn),
        show_legend=False,
        y_labels=c.steps(max(float(f.amount) for f in drawn)),
    )
    page.figure(
        svg,
        msg(
            "A contract found by several members is split evenly among them. The charter's "
            "limit: {limit} of the total for one member.",
            limit=page.percent(finders.max_share),
        ),
    )
    page.table(
        [page.word("Member"), page.word("Brought"), page.word("Share")],
        (
            [
                (escape(f.member), "th"),
                (page.money(f.amount), "n"),
                (page.percent(f.share), "n short" if f.share > finders.max_share else "n"),
            ]
            for f in finders.members
        ),
        page.data_caption(),
    )


def _cotraitance(page: Page, data: r.Money) -> None:
    cotraitance = data.cotraitance
    if cotraitance is None:
        return
    page.heading(s.cotraitance_title(page, data))
    rows = []
    for p, first, pay in s.payments(cotraitance.projects):
        paid = page.cents(pay.paid) if p.paid else "–"
        rows.append(
            [
                (escape(p.title) if first else "", "th"),
                (escape(page.word(w.CLIENT_WORDS[p.client_kind])) if first else "", ""),
                (escape(pay.member), ""),
                (page.cents(pay.expected) if pay.has_line else "–", "n"),
                (paid + (" ✗" if pay.wrong else ""), "n short" if pay.wrong else "n"),
            ]
        )
    page.table([page.word(h) for h in ("Project", "Client", "Member", "Due", "Paid")], rows)
    page.para(s.PAID_LEGEND, "note")


# 6. Prospecting -------------------------------------------------------------------------------


def prospecting(page: Page, data: r.Prospecting) -> None:
    page.begin("prospecting")
    closed = [i for i, span in enumerate(data.periods) if span.closed]
    drawn = data.members[:CHART_MEMBERS]
    if closed:
        done = [sum((row.periods[i].done for i in closed), Decimal(0)) for row in drawn]
        asked = [
            sum((row.periods[i].required or Decimal(0) for i in closed), Decimal(0))
            for row in drawn
        ]
        svg = c.draw(
            c.CHARTS["bar"],
            page.plain(msg("Prospecting actions in the closed periods: done and asked")),
            [row.member for row in drawn],
            [
                (page.word("done"), c.floats(done), c.GREEN),
                (page.word("asked"), c.floats(asked), c.GREY),
            ],
            lambda value: str(int(value)),
            x_label_rotation=-35 if len(drawn) > 8 else 0,
        )
        page.figure(
            svg,
            msg(
                "The charter asks {actions} per {period} of each member, prorated for the days "
                "they were a member and not on a pause.",
                actions=plural(page.lang, data.actions, "{count} action", "{count} actions"),
                period=page.word(w.PERIOD_WORDS[data.period]),
            ),
        )
    page.table(
        s.period_headers(page, data.periods),
        (
            [(escape(row.member), "th")]
            + [
                (_owed_text(page, o, None, integer=True), CELL_CLASS[o.standing])
                for o in row.periods
            ]
            for row in data.members
        ),
        page.data_caption() if closed else "",
    )
    page.para(s.prospecting_legend(page, data), "note")
    page.end()


# The fund --------------------------------------------


def fund(page: Page, data: r.Fund) -> None:
    page.begin("fund")
    page.para(s.fund_balance(page, data))
    months = s.fund_months(page, data)
    if months.rows:
        labels = [w.month_name(month.month, page.lang) for month in data.months]
        svg = c.draw(
            c.CHARTS["line"],
            page.plain(msg("The fund's balance at the end of each month")),
            labels,
            [(page.word("Balance"), c.floats([m.balance for m in data.months]), c.BLUE)],
            lambda value: page.money(Decimal(str(value))),
            show_legend=False,
            x_label_rotation=-35 if len(labels) > 8 else 0,
            dots_size=4,
            y_labels=c.steps(max(0.0, *(float(m.balance) for m in data.months))),
        )
        holds_the_day = data.months[-1].month == f"{data.day:%Y-%m}"
        page.figure(
            svg,
            msg(
                "Each point: what the fund holds at the end of the month (on {day} for the month "
                "that holds it).",
                day=data.day,
            )
            if holds_the_day
            else msg("Each point: what the fund holds at the end of the month."),
        )
        page.grid(months, page.data_caption())
    page.write([*s.last_share_out(page, data), *s.proposal(page, data)])
    page.end()


# The page -------------------------------------------------------------------------------------


SECTIONS = s.Sections(glance, giving, deliberation, roles, money, prospecting, fund=fund)


def render_html(picture: r.Picture, lang: Lang) -> str:
    """The whole page."""
    frame = picture.window
    page = Page(lang, picture.currency, frame.as_of.isoformat())
    title = shown(s.title(picture, picture.collective, lang), lang)
    page.add(
        "<!DOCTYPE html>",
        f'<html lang="{lang}"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>",
        f"<header><h1>{escape(picture.collective)}</h1>",
        f'<p class="lead">{escape(title)}</p></header>',
        f"<nav><b>{escape(page.word('Contents'))}</b><ol>"
        + "".join(
            f'<li><a href="#{key}">{escape(page.word(w.SECTIONS[key]))}</a></li>'
            for key in s.present(picture)
        )
        + "</ol></nav><main>",
    )
    SECTIONS.walk(picture, page)
    page.add(
        "</main><footer>"
        + page.text(msg("Made by collectif on {day}, from the files as they are.", day=frame.as_of))
        + "</footer></body></html>"
    )
    return "\n".join(page.parts)
