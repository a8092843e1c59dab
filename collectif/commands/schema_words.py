"""What an editor shows on hovering a key of a collective's file: one short sentence per field,
in the collective's language (`collectif init` and `collectif schema` write the schemas in it).

Keyed by the record that holds the field (its name in the schema) and the key as written.
"""

from __future__ import annotations

from collectif.commands.schema_words_meetings import HOVER as MEETING_HOVER
from collectif.model.message import N_

HOVER: dict[str, str] = {
    # collectif.yaml
    "CollectiveFile.name": N_("The collective's name, as its members call it."),
    "CollectiveFile.cae": N_("The CAE (coopérative d'activité et d'emploi) its members belong to."),
    "CollectiveFile.language": N_("fr or en: the language of messages, help and commits."),
    "CollectiveFile.currency": N_("The ISO code of the currency of every amount, e.g. EUR."),
    "CollectiveFile.charter": N_("The charter's rules that `collectif check` applies."),
    "CollectiveFile.checks": N_(
        "A severity per check (error, warning or off) where the default "
        "does not suit the collective."
    ),
    "Charter.version": N_("The charter version every active member signs (`collectif sign`)."),
    "Charter.adopted": N_(
        "The day this version was adopted: earlier signatures count for "
        "`signing_grace_days` after it."
    ),
    "Charter.signing_grace_days": N_(
        "Days after a new version's adoption during which an earlier signature still counts."
    ),
    "Charter.records_from": N_(
        "The day the collective began recording its time: periods that "
        "began before it are owed by nobody."
    ),
    "Charter.earlier": N_(
        "The rules of the version before, for the periods that began before this version's "
        "adoption; a key left out has not changed."
    ),
    "Earlier.minimum": N_("The minimum as the version before asked it."),
    "Earlier.prospecting": N_("The prospecting as the version before asked it."),
    "EarlierMinimum.hours": N_("The hours the version before asked for a whole period."),
    "EarlierMinimum.counts": N_("The kinds of time entry that counted in the version before."),
    "EarlierProspecting.actions": N_("The prospecting entries the version before asked for."),
    "Charter.minimum": N_("The collective (volunteer) time each member gives per period."),
    "Charter.prospecting": N_("The prospecting actions asked of each member per period."),
    "Charter.roles": N_("How many holders a role needs, and how long one may hold it."),
    "Charter.truck_factor_min": N_(
        "The fewest members whose departure may leave more than half the roles without a holder."
    ),
    "Charter.cotraitance": N_(
        "Co-traitance: what is deducted from each member's lines of a "
        "project, and the tolerance on payouts."
    ),
    "Charter.overload": N_("When volunteer time becomes too much for one member."),
    "Charter.clients": N_("The share of ESS clients in the signed revenue."),
    "Charter.contracts": N_("How much of the signed revenue one member may bring."),
    "Charter.contacts": N_(
        "Present: clients and prospects are shared (contacts/), and their checks run."
    ),
    "ContactRules.retention_months": N_(
        "The months a prospect's details are kept after the last exchange (default 36)."
    ),
    "Charter.authorship": N_("Who changed what: commits that change another member's files."),
    "Minimum.period": N_("month, quarter or year."),
    "Minimum.hours": N_("The hours asked for a whole period, prorated to the days of membership."),
    "Minimum.counts": N_("The kinds of time entry that count towards the minimum."),
    "Prospecting.period": N_("month, quarter or year."),
    "Prospecting.actions": N_("The prospecting entries asked of each member for a whole period."),
    "RoleRules.min_holders": N_("The fewest active holders a role needs (default for every role)."),
    "RoleRules.max_tenure_months": N_(
        "The whole months one may hold the same role without a break."
    ),
    "Cotraitance.deductions": N_(
        "What the collective deducts from each member's lines, each with its rate."
    ),
    "Cotraitance.tolerance": N_(
        "The difference between a payout and what is due that is accepted (rounding)."
    ),
    "Deduction.name": N_("What the deduction is for, e.g. fonds collectif."),
    "Deduction.rate": N_("A share of the line, e.g. 0.05 for 5 %."),
    "Overload.volunteer_hours_per_month": N_(
        "The volunteer hours in a month above which a member is overloaded."
    ),
    "Overload.max_share": N_(
        "The share of all members' volunteer hours of a month above which one member is overloaded."
    ),
    "Overload.share_floor_hours": N_(
        "The share rule applies only from this many hours in the month."
    ),
    "Clients.ess_share_min": N_("The lowest share of ESS clients in the signed revenue."),
    "Clients.ess_share_max": N_("The highest share of ESS clients in the signed revenue."),
    "Clients.window_months": N_("The months of signed projects that count, up to the as-of date."),
    "Contracts.max_share_top_member": N_(
        "The largest share of the signed revenue that the projects one member brought may hold."
    ),
    "Contracts.window_months": N_(
        "The months of signed projects that count, up to the as-of date."
    ),
    "Authorship.others_files": N_(
        "error, warning or off: a commit that changes another member's files."
    ),
    "Authorship.signed": N_("true: every commit must be signed by a key of its author."),
    # members/<member>.yaml
    "Member.name": N_("The member's name."),
    "Member.email": N_("Their email: it maps git's authors to members."),
    "Member.joined": N_("The day they joined the collective, YYYY-MM-DD."),
    "Member.left": N_("The day they left, YYYY-MM-DD (they are a member until the day before)."),
    "Member.charter_signed": N_("The charter version they signed."),
    "Member.skills": N_("What they know how to do, e.g. [graphisme, formation]."),
    "Member.pauses": N_("Periods exempt from the minimum (leave, illness…)."),
    "Member.signing_keys": N_(
        "Their public SSH keys (`cat ~/.ssh/id_ed25519.pub`), for signed commits."
    ),
    "Pause.from": N_("The pause's first day, YYYY-MM-DD."),
    "Pause.to": N_("The pause's last day, YYYY-MM-DD (none: still on a pause)."),
    "Pause.reason": N_("Why, in a few words (optional)."),
    # roles/<role>.yaml
    "Role.title": N_("What the role is called."),
    "Role.kind": N_("support, mission, facilitation or coaching."),
    "Role.min_holders": N_("The fewest active holders this role needs."),
    "Role.skills": N_("The skills the role needs."),
    "Role.holders": N_("Who holds the role, since when, until when."),
    "Role.trainees": N_("Who is learning the role (not yet a holder)."),
    "Role.active": N_("false: the role is kept for history and left out of the checks."),
    "Role.created": N_("The day the role was created, YYYY-MM-DD."),
    "Role.retired": N_("The day the role ended, YYYY-MM-DD."),
    "Holding.member": N_("The member's id."),
    "Holding.since": N_("The first day, YYYY-MM-DD."),
    "Holding.until": N_("The last day, YYYY-MM-DD (none: still going)."),
    # projects/<project>.yaml
    "Project.title": N_("What the project is."),
    "Project.client": N_("Who it is for."),
    "Project.client_kind": N_("ess, big_account, public or other."),
    "Project.brought_by": N_("The member who brought the project in."),
    "Project.lead": N_("The member who leads it."),
    "Project.status": N_("proposed, active, done or cancelled."),
    "Project.start": N_("The first day of work, YYYY-MM-DD."),
    "Project.end": N_("The last day of work, YYYY-MM-DD."),
    "Project.signed": N_("The day the contract was signed: revenue counts from then."),
    "Project.team": N_("The members working on it, and what they do."),
    "Project.lines": N_("The quote's lines: who does what, for an amount or days × rate."),
    "Project.payouts": N_("What each member was paid: their lines less the charter's deductions."),
    "Project.paid": N_("The day the payouts were made, YYYY-MM-DD (default: end)."),
    "Project.contact": N_("The client's shared contact: the id of a file in contacts/."),
    # contacts/<contact>.yaml
    "Contact.name": N_("The organisation's name."),
    "Contact.kind": N_("ess, big_account, public or other: as its projects' client_kind."),
    "Contact.status": N_("prospect, client, former or declined."),
    "Contact.shared_by": N_("The member who shared it with the collective."),
    "Contact.shared_on": N_("The day it was shared, YYYY-MM-DD."),
    "Contact.last_contact": N_(
        "The last exchange, YYYY-MM-DD (default: shared_on): retention counts from it."
    ),
    "Contact.opted_out": N_("The day they asked not to be contacted again, YYYY-MM-DD."),
    "Contact.people": N_("Who to talk to there: professional details only."),
    "Person.name": N_("The person's name."),
    "Person.role": N_("Their role in the organisation."),
    "Person.email": N_("Their work email."),
    "Person.phone": N_('Their work phone, in quotes: "01 23 45 67 89".'),
    "TeamMember.member": N_("The member's id."),
    "TeamMember.role": N_("What they do in the project, e.g. développement."),
    "Line.member": N_("The member who does this part."),
    "Line.what": N_("What this line is for."),
    "Line.days": N_("Days of work (with rate)."),
    "Line.rate": N_("The day rate (with days)."),
    "Line.amount": N_("The line's amount (instead of days × rate)."),
    "Payout.member": N_("The member paid."),
    "Payout.amount": N_("The amount paid to them."),
    # contributions/<member>/<YYYY-MM>.yaml
    "Entry.date": N_("The day the time was given, YYYY-MM-DD, in the file's month."),
    "Entry.hours": N_("Hours, more than 0 and at most 24."),
    "Entry.kind": N_(
        "project, support, meeting, prospecting, training, coaching, facilitation or reflection."
    ),
    "Entry.ref": N_("The project (for project time) or the role (for support time)."),
    "Entry.note": N_("What was done, in a few words."),
    # the fund and distributions/<id>.yaml
    "Charter.valuation": N_("How volunteer contribution is valued when the fund is shared out."),
    "Charter.fund": N_("The collective's fund: what feeds it, and its opening balance."),
    "Valuation.formula": N_("equal, hours, weighted or balanced."),
    "Valuation.weights": N_("What an hour of each volunteer kind weighs (default 1)."),
    "Valuation.cap_share": N_("Nobody receives more than this share of one pot (optional)."),
    "Fund.from_deductions": N_("The names of the cotraitance deductions that feed the fund."),
    "Fund.opening": N_("The day the fund's accounts start, and its balance then."),
    "Opening.date": N_("The first day the fund counts, YYYY-MM-DD."),
    "Opening.balance": N_("What the fund held before that day."),
    "Distribution.title": N_("A title for the share-out (optional)."),
    "Distribution.date": N_("The day it is paid out, YYYY-MM-DD."),
    "Distribution.decision": N_("The decision that adopted it."),
    "Distribution.period": N_("The days whose contributions are valued."),
    "Distribution.pot": N_("The amount shared out."),
    "Distribution.formula": N_("The formula used (default: the charter's)."),
    "Distribution.weights": N_("The weights used, frozen."),
    "Distribution.cap_share": N_("The cap applied, frozen (optional)."),
    "Distribution.payouts": N_("Each member's points and the amount they received."),
    "Span.from": N_("The period's first day, YYYY-MM-DD."),
    "Span.to": N_("The period's last day, YYYY-MM-DD."),
    "Share.member": N_("The member paid."),
    "Share.points": N_("Their points, the frozen input the amount was computed from."),
    "Share.amount": N_("The amount paid to them."),
}

# Top-level properties are named by the record the schema describes.
HOVER.update(MEETING_HOVER)

RECORD_OF_SCHEMA: dict[str, str] = {
    "collectif.schema.json": "CollectiveFile",
    "member.schema.json": "Member",
    "role.schema.json": "Role",
    "project.schema.json": "Project",
    "meeting.schema.json": "Meeting",
    "distribution.schema.json": "Distribution",
    "contact.schema.json": "Contact",
}
