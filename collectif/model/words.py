"""Words of the file formats as a person reads them in a sentence: `meeting` is « réunion » in
a French message, while the files keep the English keyword."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from collectif.model.message import N_, Text, msg


class Words(dict[str, str]):
    """Keywords of the files, each with the catalog id of the word that says it."""

    def of(self, keyword: str) -> str:
        """The catalog id that says `keyword`; a keyword not listed, as it is written."""
        return self.get(keyword, keyword)


KIND_WORDS = Words(
    {
        "project": N_("project"),
        "support": N_("support"),
        "meeting": N_("meeting"),
        "prospecting": N_("prospecting"),
        "training": N_("training"),
        "coaching": N_("coaching"),
        "facilitation": N_("facilitation"),
        "reflection": N_("reflection"),
    }
)


def kind_word(kind: str) -> Text:
    """The kind of a time entry, in the reader's language (the keyword itself if unknown)."""
    return Text(msg(KIND_WORDS.of(kind)))


ROLE_KIND_WORDS = Words(
    {
        "support": N_("support"),
        "mission": N_("mission"),
        "facilitation": N_("facilitation"),
        "coaching": N_("coaching"),
    }
)
CLIENT_KIND_WORDS = Words(
    {
        "ess": N_("ess"),
        "big_account": N_("big account"),
        "public": N_("public"),
        "other": N_("other"),
    }
)
MEETING_KIND_WORDS = Words(
    {
        "plenary": N_("plenary"),
        "project": N_("project meeting"),
        "group": N_("working group"),
    }
)
CONTACT_STATUS_WORDS = Words(
    {
        "prospect": N_("prospect"),
        "client": N_("client"),
        "former": N_("former client"),
        "declined": N_("declined"),
    }
)


# The keys of the files, as a sentence names them (`history`: « les informations d'amina ont
# changé : compétences »). A key missing here is said as written.
FIELD_WORDS: tuple[str, ...] = (
    N_("name"),
    N_("email"),
    N_("skills"),
    N_("title"),
    N_("kind"),
    N_("min_holders"),
    N_("created"),
    N_("retired"),
    N_("client"),
    N_("client_kind"),
    N_("brought_by"),
    N_("start"),
    N_("end"),
    N_("cae"),
    N_("language"),
    N_("currency"),
    N_("truck_factor_min"),
    N_("adopted"),
    N_("signing_grace_days"),
    N_("records_from"),
    N_("earlier.minimum.hours"),
    N_("earlier.minimum.counts"),
    N_("earlier.prospecting.actions"),
    N_("minimum.period"),
    N_("minimum.hours"),
    N_("minimum.counts"),
    N_("prospecting.period"),
    N_("prospecting.actions"),
    N_("roles.min_holders"),
    N_("roles.max_tenure_months"),
    N_("cotraitance.deductions"),
    N_("cotraitance.tolerance"),
    N_("overload.volunteer_hours_per_month"),
    N_("overload.max_share"),
    N_("overload.share_floor_hours"),
    N_("clients.ess_share_min"),
    N_("clients.ess_share_max"),
    N_("clients.window_months"),
    N_("contracts.max_share_top_member"),
    N_("contracts.window_months"),
    N_("contacts.retention_months"),
    N_("joined"),
    N_("left"),
    N_("charter_signed"),
    N_("lead"),
    N_("signed"),
    N_("paid"),
    N_("status"),
    N_("valuation.formula"),
    N_("valuation.weights"),
    N_("valuation.cap_share"),
    N_("fund.from_deductions"),
    N_("fund.opening"),
    N_("fund.opening.date"),
    N_("fund.opening.balance"),
    N_("pot"),
    N_("formula"),
    N_("weights"),
    N_("cap_share"),
    N_("period"),
    N_("decision"),
    N_("payouts"),
    N_("contact"),
    N_("shared_by"),
    N_("shared_on"),
    N_("last_contact"),
    N_("opted_out"),
    N_("people"),
    N_("signing_keys"),
    N_("authorship.others_files"),
    N_("authorship.signed"),
)


# What git can be in the middle of, as a sentence names it.
GIT_OPERATIONS: dict[str, str] = {
    "merge": N_("merge"),
    "rebase": N_("rebase"),
    "cherry-pick": N_("cherry-pick"),
    "revert": N_("revert"),
}


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice `word` was most likely a typo of, if one is close enough."""
    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return found[0] if found else None
