"""Shared contacts: `contacts-shared`, `contact-retention`, and the `references` of contacts."""

from __future__ import annotations

from pathlib import Path

from collectif.i18n import render
from tests.helpers import CONFIG, check_json, collective, findings, member

SHARING = CONFIG + "  contacts: {retention_months: 36}\n"
AS_OF = "2026-11-30"

MDA = """\
name: Maison des Associations de Villeneuve
kind: ess
status: client
shared_by: camille
shared_on: 2024-11-02
last_contact: 2026-10-12
people:
  - {name: Agnès Roy, role: directrice, email: a.roy@mda.example, phone: "+33 1 23 45 67 89"}
"""


def project(status: str = "proposed", kind: str = "ess", contact: str | None = None) -> str:
    text = f"title: Site\nclient: Maison des Associations\nclient_kind: {kind}\nstatus: {status}\n"
    return text + (f"contact: {contact}\n" if contact else "")


def prospect(last: str = "2023-11-30", status: str = "prospect", **extra: str) -> str:
    lines = [
        "name: Café Vélo",
        "kind: other",
        f"status: {status}",
        "shared_by: camille",
        "shared_on: 2023-01-10",
        f"last_contact: {last}",
    ]
    return "\n".join([*lines, *(f"{key}: {value}" for key, value in extra.items())]) + "\n"


def made(tmp_path: Path, files: dict[str, str], config: str = SHARING) -> Path:
    return collective(tmp_path, {"members/camille.yaml": member("Camille"), **files}, config)


def found(root: Path, check: str, as_of: str = AS_OF) -> list[tuple[str, str, int, str, str]]:
    return [
        (f.subject, f.file, f.line, str(f.severity), render(f.message, "en"))
        for f in findings(root, as_of, only=check)
    ]


# contacts-shared ----------------------------------------------------------------------------


def test_an_open_project_without_a_contact(tmp_path: Path) -> None:
    root = made(tmp_path, {"projects/site.yaml": project("active")})
    ((subject, file, line, severity, message),) = found(root, "contacts-shared")
    assert (subject, file, line, severity) == ("project:site", "projects/site.yaml", 2, "warning")
    assert "names no shared contact" in message and "--kind ess" in message


def test_a_matching_contact_is_suggested(tmp_path: Path) -> None:
    mda = MDA.replace("Maison des Associations de Villeneuve", "maison des  associations")
    root = made(tmp_path, {"projects/site.yaml": project(), "contacts/mda.yaml": mda})
    ((*_, message),) = found(root, "contacts-shared")
    assert "contacts/mda.yaml looks like its client; set `contact: mda`" in message


def test_done_projects_and_projects_with_a_contact_are_fine(tmp_path: Path) -> None:
    root = made(
        tmp_path,
        {
            "projects/old.yaml": project("done"),
            "projects/site.yaml": project("active", contact="mda"),
            "contacts/mda.yaml": MDA,
        },
    )
    assert found(root, "contacts-shared") == []
    assert found(root, "references") == []


def test_nothing_without_the_charter_setting(tmp_path: Path) -> None:
    expired = prospect(people="[{name: Agnès}]", opted_out="2024-01-01")
    root = made(tmp_path, {"projects/site.yaml": project(), "contacts/velo.yaml": expired}, CONFIG)
    assert found(root, "contacts-shared") == []
    assert found(root, "contact-retention") == []


def test_the_same_organisation_shared_twice(tmp_path: Path) -> None:
    twin = MDA.replace(
        "Maison des Associations de Villeneuve", "MAISON des associations de  villeneuve"
    )
    root = made(tmp_path, {"contacts/mda.yaml": MDA, "contacts/maison.yaml": twin})
    assert found(root, "contacts-shared") == [
        (
            "contact:mda",
            "contacts/mda.yaml",
            1,
            "warning",
            "Maison des Associations de Villeneuve is shared twice, in contacts/maison.yaml and "
            "contacts/mda.yaml: keep one file, point the projects and prospecting entries to "
            "it, and delete the other",
        )
    ]


# references ---------------------------------------------------------------------------------


def test_a_project_contact_unknown_or_of_another_kind(tmp_path: Path) -> None:
    root = made(
        tmp_path,
        {
            "projects/site.yaml": project(contact="nobody"),
            "projects/film.yaml": project(kind="public", contact="mda"),
            "contacts/mda.yaml": MDA,
        },
    )
    assert found(root, "references") == [
        (
            "project:film",
            "projects/film.yaml",
            5,
            "error",
            "the contact mda is of kind `ess`, but this project's `client_kind` is `public`: "
            "correct one of them, or name the right contact",
        ),
        (
            "project:site",
            "projects/site.yaml",
            5,
            "error",
            "unknown contact `nobody`: there is no contacts/nobody.yaml",
        ),
    ]


def test_a_broken_contact_is_known_but_not_compared(tmp_path: Path) -> None:
    root = made(
        tmp_path,
        {
            "projects/film.yaml": project(kind="public", contact="mda"),
            "contacts/mda.yaml": "name: Maison\nkind: ess\n",
        },
    )
    assert found(root, "references") == []


def test_contact_files_name_members_and_keep_their_own_ids(tmp_path: Path) -> None:
    unknown = MDA.replace("shared_by: camille", "shared_by: nadia")
    root = made(
        tmp_path,
        {
            "contacts/mda.yaml": unknown,
            "contacts/site.yaml": MDA.replace("Maison", "Autre"),
            "projects/site.yaml": project("done"),
        },
    )
    messages = [message for *_, message in found(root, "references")]
    assert messages == [
        "unknown member `nadia`: there is no members/nadia.yaml",
        "the id site is also a role's or a project's: a prospecting entry's `ref` would not say "
        "which; rename contacts/site.yaml (and the projects and entries that name it)",
    ]


def test_prospecting_may_name_a_contact(tmp_path: Path) -> None:
    entries = (
        "- {date: 2026-10-01, hours: 1, kind: prospecting, ref: mda}\n"
        "- {date: 2026-10-02, hours: 1, kind: prospecting, ref: mdb}\n"
        "- {date: 2026-10-03, hours: 1, kind: meeting, ref: mda}\n"
    )
    root = made(tmp_path, {"contacts/mda.yaml": MDA, "contributions/camille/2026-10.yaml": entries})
    assert [(line, message) for _, _, line, _, message in found(root, "references")] == [
        (
            2,
            "unknown role, project or contact `mdb`: there is no roles/mdb.yaml, "
            "projects/mdb.yaml nor contacts/mdb.yaml",
        ),
        (
            3,
            "unknown role or project `mda`: there is no roles/mda.yaml nor projects/mda.yaml",
        ),
    ]


# contact-retention --------------------------------------------------------------------------


def test_retention_counts_the_boundary_day(tmp_path: Path) -> None:
    root = made(tmp_path, {"contacts/velo.yaml": prospect("2023-11-30")})
    assert found(root, "contact-retention", "2026-11-29") == []
    assert found(root, "contact-retention", "2026-11-30") == [
        (
            "contact:velo",
            "contacts/velo.yaml",
            6,
            "warning",
            "Café Vélo (prospect) has had no exchange since 2023-11-30: kept 36 months after the "
            "last exchange at most, that is until 2026-11-30; delete contacts/velo.yaml, or "
            "record a new exchange with `collectif contact touch velo`",
        )
    ]


def test_retention_keeps_the_last_day_of_a_shorter_month(tmp_path: Path) -> None:
    config = SHARING.replace("36", "12")
    root = made(tmp_path, {"contacts/velo.yaml": prospect("2024-02-29", "former")}, config)
    assert found(root, "contact-retention", "2025-02-27") == []
    assert len(found(root, "contact-retention", "2025-02-28")) == 1


def test_retention_from_shared_on_and_never_for_clients(tmp_path: Path) -> None:
    unset = prospect().replace("last_contact: 2023-11-30\n", "")
    root = made(
        tmp_path,
        {"contacts/velo.yaml": unset, "contacts/client.yaml": prospect("2020-01-01", "client")},
    )
    ((subject, _, line, _, message),) = found(root, "contact-retention", "2026-01-10")
    assert (subject, line) == ("contact:velo", 5) and "since 2023-01-10" in message


def test_an_opt_out_with_personal_details_is_an_error(tmp_path: Path) -> None:
    kept = prospect("2026-10-01", opted_out="2026-10-02", people="\n  - {name: Agnès Roy}")
    forgotten = prospect("2026-10-01", "declined", opted_out="2026-10-02", people="[]")
    root = made(tmp_path, {"contacts/velo.yaml": kept, "contacts/gone.yaml": forgotten})
    assert found(root, "contact-retention") == [
        (
            "contact:velo",
            "contacts/velo.yaml",
            8,
            "error",
            "Café Vélo asked not to be contacted again on 2026-10-02, but the file still holds "
            "personal details: keep the organisation's name only, with `collectif contact "
            "forget velo`",
        )
    ]


def test_an_opt_out_is_kept_as_long_as_counted_from_itself(tmp_path: Path) -> None:
    gone = prospect("2023-01-10", opted_out="2024-03-01", people="[]")
    root = made(tmp_path, {"contacts/velo.yaml": gone})
    assert found(root, "contact-retention", "2027-02-28") == []
    ((*_, line, _, message),) = found(root, "contact-retention", "2027-03-01")
    assert line == 7 and "opted out on 2024-03-01" in message


def test_prospecting_after_an_opt_out(tmp_path: Path) -> None:
    gone = prospect("2026-10-01", opted_out="2026-10-05", people="[]")
    entries = (
        "- {date: 2026-10-05, hours: 1, kind: prospecting, ref: velo}\n"
        "- {date: 2026-10-06, hours: 1, kind: prospecting, ref: velo}\n"
        "- {date: 2026-10-07, hours: 1, kind: reflection}\n"
        "- {date: 2026-10-20, hours: 1, kind: prospecting, ref: velo}\n"
    )
    root = made(
        tmp_path, {"contacts/velo.yaml": gone, "contributions/camille/2026-10.yaml": entries}
    )
    assert found(root, "contact-retention", "2026-10-19") == [
        (
            "member:camille",
            "contributions/camille/2026-10.yaml",
            2,
            "error",
            "prospecting of velo on 2026-10-06, after they asked on 2026-10-05 not to be "
            "contacted again: remove this entry's `ref`, and do not contact them",
        )
    ]


def test_a_warning_override_makes_every_finding_a_warning(tmp_path: Path) -> None:
    kept = prospect("2026-10-01", opted_out="2026-10-02", people="[{name: Agnès}]")
    config = SHARING + "checks:\n  contact-retention: warning\n"
    root = made(tmp_path, {"contacts/velo.yaml": kept}, config)
    assert [severity for *_, severity, _ in found(root, "contact-retention")] == ["warning"]


def test_a_broken_setting_stops_the_checks(tmp_path: Path) -> None:
    root = made(tmp_path, {"projects/site.yaml": project()}, CONFIG + "  contacts: {months: 3}\n")
    code, document = check_json(root, "--as-of", AS_OF)
    not_run = {item["check"]: item for item in document["summary"]["not_run"]}
    assert set(not_run) == {"contacts-shared", "contact-retention"}
    assert code == 1


# Bad input ----------------------------------------------------------------------------------


def _schema(root: Path) -> list[tuple[int, str]]:
    return [(line, message) for _, _, line, _, message in found(root, "schema")]


def test_a_pasted_vcard(tmp_path: Path) -> None:
    vcard = "BEGIN:VCARD\nVERSION:3.0\nFN:Agnès Roy\nTEL;TYPE=work:01 23 45 67 89\nEND:VCARD\n"
    root = made(tmp_path, {"contacts/roy.yaml": vcard})
    ((line, message),) = _schema(root)
    assert line == 1 and message.startswith("this looks like a vCard: collectif does not read")


def test_a_pasted_signature_and_phone_numbers(tmp_path: Path) -> None:
    text = MDA.split("  - {")[0] + (
        "  - Agnès Roy, directrice, 01 23 45 67 89\n"
        "  - {name: Léo Brun, phone: 0612345678}\n"
        "  - {name: Inès Sy, phone: 01 23 45 67 89, email: Inès Sy <ines@mda.example>}\n"
        '  - {name: "Jo\\nTrésorier", phone: appelle-moi}\n'
    )
    root = made(tmp_path, {"contacts/mda.yaml": text})
    assert sorted(_schema(root)) == [
        (
            8,
            "expected a person as `{name: ..., role: ..., email: ..., phone: ...}`, found the "
            'text "Agnès Roy, directrice, 01 23 45 67 89"',
        ),
        (
            9,
            'a phone number is written in quotes, e.g. "01 23 45 67 89": unquoted, the number '
            "612345678 has lost its leading 0 or its spaces",
        ),
        (10, 'expected an email address, found the text "Inès Sy <ines@mda.example>"'),
        (
            11,
            "expected a phone number (digits, spaces and `+ . - ( ) /`), found the text "
            '"appelle-moi"',
        ),
        (
            11,
            'expected one line of text, found the text "Jo\nTrésorier": a pasted card or '
            "signature goes into `name`, `role`, `email` and `phone`, one each",
        ),
    ]


def test_an_empty_people_list_and_accents_are_fine(tmp_path: Path) -> None:
    text = MDA.replace("people:\n", "people: []\n").split("  - {")[0]
    root = made(
        tmp_path, {"contacts/mda.yaml": text.replace("Villeneuve", "Villeneuve-d'Ascq Œuvres")}
    )
    assert found(root, "schema") == []


def test_unknown_keys_and_a_missing_name(tmp_path: Path) -> None:
    text = MDA.replace("name: Maison des Associations de Villeneuve\n", "") + "notes: rappeler\n"
    root = made(tmp_path, {"contacts/mda.yaml": text})
    messages = [message for _, message in _schema(root)]
    assert "missing required key `name`" in messages
    assert any("unknown key `notes`" in message for message in messages)
