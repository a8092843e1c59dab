"""`report --format text`: the picture as rich tables and bars, within 100 columns."""

from __future__ import annotations

import io
from decimal import Decimal

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from collectif.engine.picture.records import (
    Deliberation,
    Giving,
    Glance,
    Money,
    Owed,
    Picture,
    ProjectMoney,
    Prospecting,
    RoleLine,
    Roles,
    Sharing,
)
from collectif.i18n import Lang, plural
from collectif.model.message import N_, Message, Names, msg
from collectif.report.picture import words as w
from collectif.report.safe import printable, shown

BAR = 12  # characters of the longest bar
LONG_TABLE = 60  # rows from which number columns are drawn as one column of text
PROJECTS = 20  # projects listed in full; beyond, only those with a payment that is not due
MARKS = {"short": "✗", "newcomer": "○", "open": "…", "incomplete": "?", "away": "", "met": ""}
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


class Face:
    """What every section needs: the console, the language, the currency."""

    def __init__(self, console: Console, lang: Lang, currency: str) -> None:
        self.console, self.lang, self.currency = console, lang, currency

    def say(self, message: Message, style: str = "") -> None:
        self.console.print(Text(shown(message, self.lang), style=style))

    def word(self, text: str) -> str:
        return w.word(self.lang, text)

    def title(self, text: str) -> None:
        self.console.print()
        self.console.rule(Text(self.word(text), style="bold"), align="left")

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

    def hours(self, value: Decimal) -> str:
        return w.hours(value, self.lang)

    def money(self, value: Decimal) -> str:
        return w.money(value, self.currency, self.lang, places=0)

    def cents(self, value: Decimal) -> str:
        return w.money(value, self.currency, self.lang)

    def percent(self, share: Decimal | None) -> str:
        return w.percent(share, self.lang)


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
        run = next((r for r in runs if r[0] == index), None)
        if run is not None:
            groups.append(run)
        elif not any(index in r for r in runs):
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


def glance(face: Face, data: Glance) -> None:
    face.title(w.SECTIONS["glance"])
    face.say(
        msg(
            "{members} active members ({paused} on a pause), {roles} active roles, {projects} "
            "active projects",
            members=data.members,
            paused=data.paused,
            roles=data.roles,
            projects=data.projects,
        )
    )
    face.say(
        msg(
            "What `collectif check` finds: {errors}, {warnings}",
            errors=plural(face.lang, data.errors, "{count} error", "{count} errors"),
            warnings=plural(face.lang, data.warnings, "{count} warning", "{count} warnings"),
        ),
        "bold red" if data.errors else "",
    )
    if data.findings:
        table = face.table("Check", "Errors", "Warnings")
        table.columns[0].justify = "left"
        for count in data.findings:
            table.add_row(count.check, str(count.errors), str(count.warnings))
        face.show(table)
    if data.not_run:
        face.say(
            msg(
                "Not run, because collectif.yaml is broken where they read it: {checks}",
                checks=Names(data.not_run),
            ),
            "yellow",
        )
    truck = data.truck_factor
    if truck is not None:
        face.say(truck_message(truck), "bold red" if truck.size is not None else "")


def truck_message(truck: object) -> Message:
    from collectif.engine.picture.records import TruckFactor

    assert isinstance(truck, TruckFactor)
    if truck.undecided:
        return msg(
            "Truck factor: could not be decided in time (the check says more).",
        )
    if truck.size is None:
        return msg(
            "Truck factor: {minimum} or more. No group of fewer than {minimum} members would "
            "leave more than half of the {roles} active roles without a holder.",
            minimum=truck.minimum,
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


def _owed_cell(face: Face, owed: Owed, value: Decimal, integer: bool = False) -> Text:
    number = str(int(value)) if integer else face.hours(value)
    if owed.standing == "away":
        return Text("–", style="dim")
    mark = MARKS[owed.standing]
    return Text(number + (" " + mark if mark else ""), style=STYLES.get(owed.standing, ""))


def giving(face: Face, data: Giving) -> None:
    face.title(w.SECTIONS["giving"])
    kinds = [kind for kind in data.kinds if any(kind in g.by_kind for g in data.members)]
    table = face.table(
        "Member",
        *(w.KIND_WORDS[k] for k in kinds),
        "Total",
        title=msg("Volunteer hours over the period, by kind"),
    )
    for giver in data.members:
        table.add_row(
            giver.member,
            *(face.hours(giver.by_kind[k]) if k in giver.by_kind else "" for k in kinds),
            Text(face.hours(giver.volunteer), style="bold"),
        )
    table.add_row(
        Text(face.word("Total"), style="bold"),
        *(
            face.hours(sum((g.by_kind.get(k, Decimal(0)) for g in data.members), Decimal(0)))
            for k in kinds
        ),
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


def _minimum(face: Face, data: Giving) -> None:
    rule = data.minimum
    if rule is None:
        return
    monthly = rule.period == "month"
    labels = [span.label for span in rule.periods]
    table = face.table(
        "Member",
        *(_heading(face, label) for label in labels),
        title=msg(
            "Collective hours per {period} against the minimum of {hours} h",
            period=face.word(w.PERIOD_WORDS[rule.period]),
            hours=rule.hours,
        ),
    )
    for giver in data.members:
        months = giver.months if monthly else giver.minimum
        cells = [
            _minimum_cell(face, owed, rule.hours, getattr(month, "overload", ()))
            for owed, month in zip(giver.minimum, months, strict=False)
        ]
        table.add_row(giver.member, *cells)
    face.show(table)
    face.say(
        msg(
            "✗ below the minimum · ◐ less asked, prorated for the days one was a member and not "
            "on a pause · ▲ overload (over {limit} h in the month, or over {share} of everyone's "
            "hours) · ○ joined that {period}: not asked yet · … not over yet · ? an entry could "
            "not be read · – not a member",
            limit=data.overload.hours if data.overload else Decimal(0),
            share=face.percent(data.overload.max_share) if data.overload else "",
            period=face.word(w.PERIOD_WORDS[rule.period]),
        ),
        "dim",
    )


def _minimum_cell(face: Face, owed: Owed, full: Decimal, overload: tuple[str, ...]) -> Text:
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


def deliberation(face: Face, data: Deliberation) -> None:
    face.title(w.SECTIONS["deliberation"])
    table = face.table(
        "Month",
        "Deliberation",
        "Productive",
        "Paid projects",
        "Deliberation per paid hour",
        "",
    )
    most = max((m.ratio for m in data.months if m.ratio is not None), default=Decimal(0))
    for month in data.months:
        table.add_row(
            w.month_name(month.month, face.lang),
            face.hours(month.deliberation),
            face.hours(month.productive),
            face.hours(month.project),
            "–" if month.ratio is None else w.hours(month.ratio, face.lang, 2),
            Text(bar(month.ratio or Decimal(0), most, 10), style="cyan"),
        )
    table.add_row(
        Text(face.word("Total"), style="bold"),
        face.hours(data.deliberation),
        face.hours(data.productive),
        face.hours(data.project),
        "–" if data.ratio is None else w.hours(data.ratio, face.lang, 2),
        "",
    )
    face.show(table)
    face.say(
        msg(
            "Deliberation: {talk}. Productive volunteer work: {work}. The last column: hours of "
            "deliberation for each hour of paid project work.",
            talk=Names(tuple(face.word(w.KIND_WORDS[k]) for k in data.deliberation_kinds)),
            work=Names(tuple(face.word(w.KIND_WORDS[k]) for k in data.productive_kinds)),
        ),
        "dim",
    )


# 4. Roles -------------------------------------------------------------------------------------


def roles(face: Face, data: Roles, months: list[str]) -> None:
    face.title(w.SECTIONS["roles"])
    heading = " ".join(w.month_short(m, face.lang)[0][:4].ljust(4) for m in months)
    face.say(
        msg(
            "Who held each role, month by month, and for how long (the charter's limit: {limit} "
            "months in a row)",
            limit=data.max_tenure_months,
        ),
        "bold",
    )
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, padding=(0, 1), collapse_padding=True)
    table.add_column(face.word("Role and members"), max_width=30)
    table.add_column(heading, no_wrap=True)
    table.add_column(face.word("Months"), justify="right", no_wrap=True)
    for line in data.roles:
        _role_rows(face, table, line, data.max_tenure_months)
    face.show(table)
    face.say(
        msg(
            "███ held · ░░░ in training · Months: whole months of the current holding, and the "
            "charter's limit"
        ),
        "dim",
    )
    _skills(face, data)


def _role_rows(face: Face, table: Table, line: RoleLine, limit: int) -> None:
    title = Text(printable(line.title), style="bold")
    holders = msg(
        "{count} holder(s) of {needed} needed", count=len(line.holders), needed=line.min_holders
    )
    short = line.active and len(line.holders) < line.min_holders
    if not line.active:
        holders = msg("no longer active")
    table.add_row(title, Text(shown(holders, face.lang), style="bold red" if short else "dim"), "")
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


def _skills(face: Face, data: Roles) -> None:
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


def money(face: Face, data: Money) -> None:
    face.title(w.SECTIONS["money"])
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


def _balance(face: Face, data: Money) -> None:
    balance = data.balance
    if balance is None:
        return
    now = balance.now
    outside = now.share is not None and not (
        balance.ess_share_min <= now.share <= balance.ess_share_max
    )
    face.say(
        msg(
            "ESS share: {share} of the revenue signed with ESS clients and big accounts over "
            "the {months} months to {day} ({ess} of {total}); the charter asks between {low} "
            "and {high}.",
            share=face.percent(now.share),
            months=balance.window_months,
            day=now.day,
            ess=face.money(now.ess),
            total=face.money(now.ess + now.big_account),
            low=face.percent(balance.ess_share_min),
            high=face.percent(balance.ess_share_max),
        ),
        "bold red" if outside else "bold",
    )
    if balance.trend:
        table = face.table(
            "Date", "ESS share", "", title=msg("The ESS share at the end of each month")
        )
        for point in balance.trend:
            table.add_row(
                point.day.isoformat(),
                face.percent(point.share),
                Text(bar(point.share or Decimal(0), Decimal(1), 20), style="cyan"),
            )
        face.show(table)


def _finders(face: Face, data: Money) -> None:
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


def projects_to_show(projects: tuple[ProjectMoney, ...]) -> tuple[ProjectMoney, ...]:
    """Every project, or, beyond `PROJECTS`, those where someone was not paid their due."""
    if len(projects) <= PROJECTS:
        return projects
    return tuple(p for p in projects if any(pay.wrong for pay in p.payments))


def _cotraitance(face: Face, data: Money) -> None:
    cotraitance = data.cotraitance
    if cotraitance is None:
        return
    table = face.table(
        "Project",
        "Client",
        "Member",
        "Due",
        "Paid",
        title=msg(
            "Co-traitance: what each member is due (their lines less {rate} of deductions) and "
            "was paid",
            rate=face.percent(
                cotraitance.deduction_rate,
            ),
        ),
    )
    shown_projects = projects_to_show(cotraitance.projects)
    for project in shown_projects:
        first = True
        for payment in project.payments:
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
            first = False
    face.show(table)
    face.say(msg("✗ paid more or less than due · – not paid yet"), "dim")
    others = len(cotraitance.projects) - len(shown_projects)
    if others:
        face.say(
            msg(
                "{count} other projects of the period: every member was paid their due, or "
                "nothing is paid yet (the HTML and JSON reports list them all).",
                count=others,
            ),
            "dim",
        )


# 6. Prospecting -------------------------------------------------------------------------------


def prospecting(face: Face, data: Prospecting) -> None:
    face.title(w.SECTIONS["prospecting"])
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
    face.say(
        msg(
            "done/asked · ✗ fewer than asked · ○ joined that {period}: not asked yet · … not "
            "over yet",
            period=face.word(w.PERIOD_WORDS[data.period]),
        ),
        "dim",
    )


# Shared contacts -----------------------------------------------------------------------------


def contacts(face: Face, data: Sharing) -> None:
    face.title(w.SECTIONS["contacts"])
    table = face.table(
        *w.CONTACT_HEADERS,
        title=msg(
            "Per member over the period: contacts shared, and prospecting actions ({count} "
            "contacts in all)",
            count=data.contacts,
        ),
    )
    for row in data.members:
        table.add_row(
            row.member, str(row.shared), str(row.shared_ever), str(row.actions), str(row.named)
        )
    face.show(table)


# The whole report -----------------------------------------------------------------------------


def print_text(picture: Picture, lang: Lang, console: Console) -> None:
    """Every section that has data, in the order of DESIGN §7."""
    face = Face(console, lang, picture.currency)
    frame = picture.window
    face.say(
        msg(
            "{collective}: from {start} to {end}, as of {as_of}",
            collective=printable(picture.collective),
            start=w.month_name(frame.months[0].label, lang),
            end=w.month_name(frame.months[-1].label, lang),
            as_of=frame.as_of,
        ),
        "bold",
    )
    glance(face, picture.glance)
    if picture.giving:
        giving(face, picture.giving)
    if picture.deliberation:
        deliberation(face, picture.deliberation)
    if picture.roles:
        roles(face, picture.roles, [m.label for m in frame.months])
    if picture.money:
        money(face, picture.money)
    if picture.prospecting:
        prospecting(face, picture.prospecting)
    if picture.contacts:
        contacts(face, picture.contacts)


def render_text(picture: Picture, lang: Lang, width: int = 100) -> str:
    """The text face as a string without colour, `width` columns wide."""
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, color_system=None, highlight=False)
    print_text(picture, lang, console)
    return buffer.getvalue()
