"""`report --format text`: the picture as rich tables and bars, within 100 columns."""

from __future__ import annotations

import io
import textwrap
from decimal import Decimal

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from collectif.engine.picture import records as r
from collectif.i18n import Lang
from collectif.model.message import N_, Message, msg
from collectif.report.picture import sections as s
from collectif.report.picture import words as w
from collectif.report.safe import printable, shown

BAR = 12  # characters of the longest bar
LONG_TABLE = 60  # rows from which number columns are drawn as one column of text
MARKS = w.MARKS
STYLES = {"short": "bold red", "newcomer": "dim", "open": "dim", "incomplete": "yellow"}
_WORDS = (
    N_("Member"),
    N_("Total"),
    N_("Share"),
    N_("Paid projects"),
    N_("Month"),
    N_("Deliberation"),
    N_("Productive"),
    N_("Deliberation per paid hour"),
    N_("Check"),
    N_("Errors"),
    N_("Warnings"),
    N_("Role and members"),
    N_("Months"),
    N_("(training)"),
    N_("pause"),
    N_("Skill"),
    N_("Needed by"),
    N_("Members who have it"),
    N_("ESS share"),
    N_("Brought"),
    N_("Project"),
    N_("Client"),
    N_("Due"),
    N_("Paid"),
    N_("Date"),
)


class Face(s.Drawer):
    """What every section needs: the console, the language, the currency."""

    def __init__(self, console: Console, lang: Lang, currency: str) -> None:
        super().__init__(lang, currency)
        self.console = console

    def say(self, message: Message, style: str = "") -> None:
        """A sentence, wrapped at spaces only: rich would also break at the no-break spaces
        that keep `35 %` and `avertissements :` together."""
        lines = textwrap.wrap(shown(message, self.lang), self.width, break_on_hyphens=False)
        self.console.print(Text("\n".join(lines), style=style), overflow="ignore", crop=False)

    def begin(self, key: str) -> None:
        self.console.print()
        self.console.rule(Text(self.word(w.SECTIONS[key]), style="bold"), align="left")

    def grid(self, table: s.Grid) -> None:
        if not table.rows and table.empty is not None:
            self.say(table.empty, "dim")
            return
        drawn = self.table(title=table.title)
        for index, header in enumerate(table.headers):
            numbers = index >= table.numbers
            drawn.add_column(
                self.word(header),
                justify="right" if numbers else "left",
                no_wrap=index != table.wrap,
            )
        if table.bars:
            drawn.add_column("", no_wrap=True)
        most = max(table.bars, default=Decimal(0))
        last = len(table.rows) - 1
        for index, row in enumerate(table.rows):
            style = "bold" if table.total and index == last else ""
            cells = [Text(printable(cell), style=style) for cell in row]
            if table.bars:
                cells.append(Text(bar(table.bars[index], most, 20), style="cyan"))
            drawn.add_row(*cells)
        self.show(drawn)

    def table(self, *headers: str, title: Message | None = None) -> Table:
        if title is not None:
            self.console.print()
            self.say(title, "bold")
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False, padding=(0, 1), collapse_padding=True)
        for header in headers:
            right = header not in ("Member", "Role and members", "Skill", "Project", "Client")
            table.add_column(self.word(header), justify="right" if right else "left")
        return table

    def show(self, table: Table) -> None:
        """Print the table. Its number columns get the width of their widest cell, so that rich
        does not measure each cell; a long table has them drawn as one column of aligned
        text, so that rich does not lay out each cell either (a thousand members' months are
        ten thousand cells: seconds)."""
        widths = {}
        for index, column in enumerate(table.columns):
            if column.justify == "right":
                cells = [_plain(cell) for cell in column.cells]
                lines = [*str(column.header).split("\n"), *cells, ""]
                widths[index] = column.width = max(cell_len(line) for line in lines)
        if table.row_count > LONG_TABLE and len(widths) > 1 and _fits(table, widths, self.width):
            table = _packed(table, widths)
        self.console.print(table)

    @property
    def width(self) -> int:
        return self.console.width


def _plain(cell: object) -> str:
    return cell.plain if isinstance(cell, Text) else str(cell)


def _runs(indexes: list[int]) -> list[list[int]]:
    """Consecutive indexes grouped: [1, 2, 4] -> [[1, 2], [4]]."""
    runs: list[list[int]] = []
    for index in indexes:
        if runs and runs[-1][-1] == index - 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs


def _fits(table: Table, widths: dict[int, int], width: int) -> bool:
    """Whether the table fits `width` with every cell on one line."""
    total = 0
    for index, column in enumerate(table.columns):
        if index in widths:
            total += widths[index]
        else:
            longest = max((cell_len(_plain(cell)) for cell in column.cells), default=0)
            total += min(longest, column.max_width or longest)
    return total + 2 * (len(table.columns) - 1) <= width


def _packed(table: Table, widths: dict[int, int]) -> Table:
    """The same table with each run of number columns drawn as one column of aligned text."""
    packed = Table(box=table.box, pad_edge=False, padding=(0, 1), collapse_padding=True)
    runs = _runs(sorted(widths))
    groups: list[list[int]] = []
    for index in range(len(table.columns)):
        run = next((each for each in runs if each[0] == index), None)
        if run is not None:
            groups.append(run)
        elif not any(index in each for each in runs):
            groups.append([index])
    columns = [list(column.cells) for column in table.columns]
    for group in groups:
        if len(group) == 1 and group[0] not in widths:
            source = table.columns[group[0]]
            packed.add_column(source.header, justify=source.justify, max_width=source.max_width)
            continue
        heads = [str(table.columns[i].header).split("\n") for i in group]
        height = max(len(lines) for lines in heads)
        header = "\n".join(
            "  ".join(
                (lines[len(lines) - height + line] if line >= height - len(lines) else "").rjust(
                    widths[i]
                )
                for lines, i in zip(heads, group, strict=True)
            )
            for line in range(height)
        )
        packed.add_column(header, no_wrap=True)
    for row in range(table.row_count):
        cells: list[object] = []
        for group in groups:
            if len(group) == 1 and group[0] not in widths:
                cells.append(columns[group[0]][row])
                continue
            line = Text()
            for position, i in enumerate(group):
                cell = columns[i][row]
                text = cell if isinstance(cell, Text) else Text(str(cell))
                line.append(" " * (widths[i] - cell_len(text.plain) + (2 if position else 0)))
                line.append_text(text)
            cells.append(line)
        packed.add_row(*cells)  # type: ignore[arg-type]
    return packed


def bar(value: Decimal, most: Decimal, width: int = BAR) -> str:
    """A bar of eighth blocks, `width` long for `most`."""
    if most <= 0 or value <= 0:
        return ""
    eighths = int(value * width * 8 / most)
    return "█" * (eighths // 8) + ("", "▏", "▎", "▍", "▌", "▋", "▊", "▉")[eighths % 8]


# 1. At a glance -------------------------------------------------------------------------------


def glance(face: Face, data: r.Glance) -> None:
    face.begin("glance")
    face.say(s.counts(data, face.lang))
    face.say(s.findings(data, face.lang), "bold red" if data.errors else "")
    if data.findings:
        table = face.table("Check", "Errors", "Warnings")
        table.columns[0].justify = "left"
        for count in data.findings:
            table.add_row(count.check, str(count.errors), str(count.warnings))
        face.show(table)
    if data.not_run:
        face.say(s.not_run(data), "yellow")
    truck = data.truck_factor
    if truck is not None:
        face.say(s.truck(truck, face.lang), "bold red" if truck.size is not None else "")


# 2. Who gives what ----------------------------------------------------------------------------


def _owed_cell(face: Face, owed: r.Owed, value: Decimal, integer: bool = False) -> Text:
    number = str(int(value)) if integer else face.hours(value)
    if owed.standing == "away":
        return Text("–", style="dim")
    mark = MARKS[owed.standing]
    return Text(number + (" " + mark if mark else ""), style=STYLES.get(owed.standing, ""))


def giving(face: Face, data: r.Giving) -> None:
    face.begin("giving")
    kinds = s.kinds_given(data)
    table = face.table(
        "Member",
        *(w.KIND_WORDS[k] for k in kinds),
        "Total",
        title=msg("Volunteer hours over the period, by kind"),
    )
    for giver in data.members:
        hours = s.by_kind(face, giver.by_kind, kinds)
        table.add_row(giver.member, *hours, Text(face.hours(giver.volunteer), style="bold"))
    totals = s.kind_totals(face, data, kinds)
    table.add_row(
        Text(face.word("Total"), style="bold"),
        *totals,
        Text(face.hours(data.volunteer), style="bold"),
    )
    face.show(table)
    most = max((giver.share or Decimal(0) for giver in data.members), default=Decimal(0))
    table = face.table(
        "Member",
        "Total",
        "Share",
        "",
        "Paid projects",
        title=msg("Each member's share of all the volunteer hours; paid project hours apart"),
    )
    for giver in data.members:
        table.add_row(
            giver.member,
            face.hours(giver.volunteer),
            face.percent(giver.share),
            Text(bar(giver.share or Decimal(0), most, 24), style="cyan"),
            face.hours(giver.project),
        )
    face.show(table)
    _minimum(face, data)


def _minimum(face: Face, data: r.Giving) -> None:
    rule = data.minimum
    if rule is None:
        return
    monthly = rule.period == "month"
    labels = [span.label for span in rule.periods]
    table = face.table(
        "Member",
        *(_heading(face, label) for label in labels),
        title=s.minimum_title(face, data),
    )
    for giver in data.members:
        months = giver.months if monthly else giver.minimum
        cells = [
            _minimum_cell(face, owed, rule.hours, getattr(month, "overload", ()))
            for owed, month in zip(giver.minimum, months, strict=False)
        ]
        table.add_row(giver.member, *cells)
    face.show(table)
    face.say(s.minimum_legend(face, data, asked=False), "dim")


def _minimum_cell(face: Face, owed: r.Owed, full: Decimal, overload: tuple[str, ...]) -> Text:
    """The hours, and marks right after them: twelve months must fit in 100 columns."""
    if owed.standing == "away":
        return Text("–", style="dim")
    if owed.required == 0 and owed.done == 0 and owed.standing == "met":
        return Text(face.word("pause"), style="dim")
    cell = Text(face.hours(owed.done), style=STYLES.get(owed.standing, ""))
    if owed.required is not None and owed.required < full and owed.standing != "newcomer":
        cell.append("◐")
    cell.append(MARKS[owed.standing], style=STYLES.get(owed.standing, ""))
    if overload:
        cell.append("▲", style="bold magenta")
    return cell


def _heading(face: Face, label: str) -> str:
    if len(label) == 7 and label[4] == "-" and label[5:].isdigit():
        name, year = w.month_short(label, face.lang)
        return f"{name}\n{year}"
    return w.period_name(label, face.lang).replace(" ", "\n")


# 3. Hare and tortoise -------------------------------------------------------------------------


def deliberation(face: Face, data: r.Deliberation) -> None:
    face.begin("deliberation")
    table = face.table(*s.DELIBERATION_HEADERS, "")
    most = max((m.ratio for m in data.months if m.ratio is not None), default=Decimal(0))
    *months, (total, figures) = s.deliberation_rows(face, data)
    for (label, cells), month in zip(months, data.months, strict=True):
        table.add_row(label, *cells, Text(bar(month.ratio or Decimal(0), most, 10), style="cyan"))
    table.add_row(Text(total, style="bold"), *figures, "")
    face.show(table)
    face.say(s.deliberation_legend(face, data), "dim")


# 4. Roles -------------------------------------------------------------------------------------


def roles(face: Face, data: r.Roles, months: list[str]) -> None:
    face.begin("roles")
    heading = _staggered([w.month_short(m, face.lang)[0] for m in months])
    face.say(s.timeline_title(data), "bold")
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, padding=(0, 1), collapse_padding=True)
    table.add_column(face.word("Role and members"), max_width=30)
    table.add_column(heading, no_wrap=True)
    table.add_column(face.word("Months"), justify="right", no_wrap=True)
    for line in data.roles:
        _role_rows(face, table, line, data.max_tenure_months)
    face.show(table)
    face.say(s.ROLES_LEGEND, "dim")
    _skills(face, data)


def _staggered(labels: list[str], cell: int = 4) -> str:
    """Month names over cells `cell` wide, every other one on a second line, so that a name may
    be wider than its cell (`janv.` over `████`) and still be written whole."""
    width = (cell + 1) * len(labels) - 1
    lines = [[" "] * width, [" "] * width]
    for index, label in enumerate(labels):
        start = max(min(index * (cell + 1), width - len(label)), 0)
        lines[index % 2][start : start + len(label)] = label
    return "\n".join("".join(line).rstrip() for line in lines)


def _role_rows(face: Face, table: Table, line: r.RoleLine, limit: int) -> None:
    title = Text(printable(line.title), style="bold")
    holders = shown(s.holders(line, face.lang), face.lang)
    short = line.active and len(line.holders) < line.min_holders
    table.add_row(title, Text(holders, style="bold red" if short else "dim"), "")
    tenure = {t.member: t for t in line.tenures}
    for seat in line.seats:
        name = Text("  " + seat.member)
        if seat.trainee:
            name.append(" " + face.word("(training)"), style="dim")
        block = "░░░░" if seat.trainee else "████"
        cells = " ".join(block if held else " ·  " for held in seat.months)
        held = tenure.get(seat.member) if not seat.trainee else None
        months = (
            Text(f"{held.months}/{limit}", style="bold red" if held.over else "") if held else ""
        )
        table.add_row(name, Text(cells, style="yellow" if seat.trainee else "cyan"), months)


def _skills(face: Face, data: r.Roles) -> None:
    rare = [skill for skill in data.skills if len(skill.members) < 2]
    if not data.skills:
        return
    table = face.table(
        "Skill", "Needed by", "Members who have it", title=msg("Skills the roles need")
    )
    table.columns[1].justify = "left"
    table.columns[2].justify = "left"
    for skill in data.skills:
        few = skill in rare
        table.add_row(
            Text(printable(skill.skill), style="bold red" if few else ""),
            ", ".join(skill.roles),
            Text(", ".join(skill.members) or "–", style="bold red" if few else ""),
        )
    face.show(table)


# 5. Clients and money -------------------------------------------------------------------------


def money(face: Face, data: r.Money) -> None:
    face.begin("money")
    kinds = [kind for kind in data.kinds if kind in data.signed] or ["ess", "big_account"]
    table = face.table(
        "Month",
        *(w.CLIENT_WORDS[k] for k in kinds),
        "Total",
        title=msg("Revenue signed per month, by kind of client"),
    )
    for month in data.months:
        total = sum(month.by_kind.values(), Decimal(0))
        table.add_row(
            w.month_name(month.month, face.lang),
            *(face.money(month.by_kind[k]) if k in month.by_kind else "" for k in kinds),
            face.money(total) if total else "",
        )
    table.add_row(
        Text(face.word("Total"), style="bold"),
        *(face.money(data.signed.get(k, Decimal(0))) for k in kinds),
        Text(face.money(sum(data.signed.values(), Decimal(0))), style="bold"),
    )
    face.show(table)
    _balance(face, data)
    _finders(face, data)
    _cotraitance(face, data)


def _balance(face: Face, data: r.Money) -> None:
    balance = data.balance
    if balance is None:
        return
    face.say(s.ess_share(face, balance), "bold red" if s.outside(balance) else "bold")
    if balance.trend:
        table = face.table(
            "Month", "ESS share", "", title=msg("The ESS share at the end of each month")
        )
        for point in balance.trend:
            table.add_row(
                w.month_name(point.day.isoformat()[:7], face.lang),
                face.percent(point.share),
                Text(bar(point.share or Decimal(0), Decimal(1), 20), style="cyan"),
            )
        face.show(table)


def _finders(face: Face, data: r.Money) -> None:
    finders = data.finders
    if finders is None or not finders.members:
        return
    table = face.table(
        "Member",
        "Brought",
        "Share",
        "",
        title=msg(
            "Who brought the contracts signed over the {months} months to {day} (the charter's "
            "limit: {limit} for one member)",
            months=finders.window_months,
            day=data.balance.now.day if data.balance else "",
            limit=face.percent(finders.max_share),
        ),
    )
    for finder in finders.members:
        over = finder.share > finders.max_share
        table.add_row(
            finder.member,
            face.money(finder.amount),
            Text(face.percent(finder.share), style="bold red" if over else ""),
            Text(bar(finder.share, Decimal(1), 20), style="cyan"),
        )
    face.show(table)


def _cotraitance(face: Face, data: r.Money) -> None:
    cotraitance = data.cotraitance
    if cotraitance is None:
        return
    table = face.table(
        "Project",
        "Client",
        "Member",
        "Due",
        "Paid",
        title=s.cotraitance_title(face, data),
    )
    for project, first, payment in s.payments(s.projects_to_show(cotraitance.projects)):
        table.add_row(
            Text(printable(project.title), style="bold") if first else "",
            face.word(w.CLIENT_WORDS[project.client_kind]) if first else "",
            payment.member,
            face.cents(payment.expected) if payment.has_line else "–",
            Text(
                (face.cents(payment.paid) if project.paid else "–")
                + (" ✗" if payment.wrong else ""),
                style="bold red" if payment.wrong else "",
            ),
        )
    face.show(table)
    face.say(s.PAID_LEGEND, "dim")
    others = s.others(data, face.lang)
    if others is not None:
        face.say(others, "dim")


# 6. Prospecting -------------------------------------------------------------------------------


def prospecting(face: Face, data: r.Prospecting) -> None:
    face.begin("prospecting")
    labels = [span.label for span in data.periods]
    table = face.table(
        "Member",
        *(_heading(face, label) for label in labels),
        title=msg(
            "Prospecting actions per {period}: the charter asks {actions} of each member",
            period=face.word(w.PERIOD_WORDS[data.period]),
            actions=data.actions,
        ),
    )
    for row in data.members:
        cells = []
        for owed in row.periods:
            cell = _owed_cell(face, owed, owed.done, integer=True)
            if owed.required is not None and owed.standing != "away":
                cell = Text(f"{int(owed.done)}/{int(owed.required)}", style=cell.style)
                mark = MARKS[owed.standing]
                if mark:
                    cell.append(" " + mark)
            cells.append(cell)
        table.add_row(row.member, *cells)
    face.show(table)
    face.say(s.prospecting_legend(face, data), "dim")


# The whole report -----------------------------------------------------------------------------


SECTIONS = s.Sections(glance, giving, deliberation, roles, money, prospecting)


def print_text(picture: r.Picture, lang: Lang, console: Console) -> None:
    """Every section that has data, in the order of DESIGN §7."""
    face = Face(console, lang, picture.currency)
    face.say(s.title(picture, printable(picture.collective), lang), "bold")
    SECTIONS.walk(picture, face)


def render_text(picture: r.Picture, lang: Lang, width: int = 100) -> str:
    """The text face as a string without colour, `width` columns wide."""
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, color_system=None, highlight=False)
    print_text(picture, lang, console)
    return buffer.getvalue()
