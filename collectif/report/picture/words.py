"""The words and numbers every face of the report shares, in the reader's language.

Titles and column names are catalog ids (`N_`), translated where they are shown; values from
the files (names, titles) are escaped by each face, never here.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from collectif import i18n
from collectif.i18n import Lang
from collectif.model.message import N_, Money, msg

KIND_WORDS = {
    "project": N_("paid projects"),
    "support": N_("support"),
    "meeting": N_("meetings"),
    "prospecting": N_("prospecting"),
    "training": N_("training"),
    "coaching": N_("coaching"),
    "facilitation": N_("facilitation"),
    "reflection": N_("reflection"),
}
CLIENT_WORDS = {
    "ess": N_("social economy (ESS)"),
    "big_account": N_("big accounts"),
    "public": N_("public sector"),
    "other": N_("other clients"),
}
PERIOD_WORDS = {"month": N_("month"), "quarter": N_("quarter"), "year": N_("year")}
MONTHS = (
    N_("Jan"),
    N_("Feb"),
    N_("Mar"),
    N_("Apr"),
    N_("May"),
    N_("Jun"),
    N_("Jul"),
    N_("Aug"),
    N_("Sep"),
    N_("Oct"),
    N_("Nov"),
    N_("Dec"),
)
SECTIONS = {
    "glance": N_("At a glance"),
    "giving": N_("Who gives what"),
    "deliberation": N_("Hare and tortoise: talking and doing"),
    "roles": N_("Roles"),
    "money": N_("Clients and money"),
    "prospecting": N_("Prospecting"),
    "contacts": N_("Shared contacts"),
    "fund": N_("The fund"),
    "meetings": N_("Meetings and decisions"),
}
# How each formula values contribution, said after its keyword (`weighted`: ...).
FORMULA_WORDS = {
    "equal": N_("the same for everyone, prorated for the days they were a member"),
    "hours": N_("one point per volunteer hour"),
    "weighted": N_("volunteer hours weighted by kind"),
    "balanced": N_("weighted hours, catching up on what earlier share-outs paid"),
}
# The columns of the shared contacts' table.
CONTACT_HEADERS = (
    N_("Member"),
    N_("Shared"),
    N_("In all"),
    N_("Prospecting"),
    N_("With a contact"),
)


def word(lang: Lang, text: str) -> str:
    """A catalog word in `lang`; the empty text stays empty (gettext would give the header)."""
    return i18n.gettext_(lang, text) if text else ""


def month_name(label: str, lang: Lang) -> str:
    """`2026-03` as `Mar 2026` (`mars 2026`)."""
    year, month = label[:4], int(label[5:7])
    return f"{word(lang, MONTHS[month - 1])} {year}"


def month_short(label: str, lang: Lang) -> tuple[str, str]:
    """`2026-03` as (`Mar`, `2026`), for a column heading on two lines."""
    return word(lang, MONTHS[int(label[5:7]) - 1]), label[:4]


def period_name(label: str, lang: Lang) -> str:
    """A charter period's label as a person reads it: a month by name, `2026-Q1`, `2026`."""
    if len(label) == 7 and label[4] == "-" and label[5:].isdigit():
        return month_name(label, lang)
    if "-Q" in label:
        return i18n.render(msg("Q{quarter} {year}", quarter=label[-1], year=label[:4]), lang)
    return label


def hours(value: Decimal, lang: Lang, places: int = 1) -> str:
    """Hours as a number, to `places` decimals, without the unit (tables say it once)."""
    return i18n.number(value, lang, places)


def rounded(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def money(value: Decimal, currency: str, lang: Lang, places: int = 2) -> str:
    text = i18n.money(Money(value, currency), lang)
    if places == 0:
        whole = i18n.money(Money(rounded(value, 0), currency), lang)
        point = "," if lang == "fr" else "."
        return whole.replace(f"{point}00", "")
    return text


def percent(share: Decimal | None, lang: Lang, places: int = 0) -> str:
    """A ratio as a percentage (`0.4404` as `44 %`); `–` when there is nothing to divide."""
    if share is None:
        return "–"
    number = i18n.number(rounded(share * 100, places), lang, places)
    return f"{number}\u00a0%" if lang == "fr" else f"{number}%"


MARKS = {"short": "✗", "newcomer": "○", "open": "…", "incomplete": "?", "away": "", "met": ""}


class Figures:
    """What every face's page knows: the reader's language and the collective's currency, and
    how it says a word, hours, money and a share in them."""

    def __init__(self, lang: Lang, currency: str) -> None:
        self.lang, self.currency = lang, currency

    def word(self, text: str) -> str:
        return word(self.lang, text)

    def hours(self, value: Decimal) -> str:
        return hours(value, self.lang)

    def money(self, value: Decimal) -> str:
        """Whole units: the tables of revenue."""
        return money(value, self.currency, self.lang, places=0)

    def cents(self, value: Decimal) -> str:
        return money(value, self.currency, self.lang)

    def percent(self, share: Decimal | None) -> str:
        return percent(share, self.lang)
