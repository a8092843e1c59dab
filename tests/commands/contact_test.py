"""`collectif contact add|touch|forget`: one commit each, by the member."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from tests.commands.recording import FILES, Repo, make, plain
from tests.helpers import CONFIG, loaded

SHARING = CONFIG + "  contacts: {retention_months: 36}\n"

VELO = """\
# Rencontrée au salon : Agnès, 06 12 34 56 78, préfère le matin
name: Café Vélo
kind: other
status: prospect
shared_by: camille
shared_on: 2024-01-10
last_contact: 2024-03-01   # un café ensemble
people:
  - {name: Agnès Roy, role: gérante, email: agnes@cafe-velo.example, phone: "06 12 34 56 78"}
"""

TODAY = date.today()


def sharing(tmp_path: Path, **files: str) -> Repo:
    return make(tmp_path, {**FILES, "collectif.yaml": SHARING, **files})


def test_add_shares_a_contact_as_me(tmp_path: Path) -> None:
    repo = sharing(tmp_path)
    done = repo.run(
        "contact", "add", "mda", "--name", "  Maison des  Associations ", "--kind", "ess",
        "--as", "leo",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert repo.read("contacts/mda.yaml") == (
        "name: Maison des Associations\n"
        "kind: ess\n"
        "status: prospect\n"
        "shared_by: leo\n"
        f"shared_on: {TODAY.isoformat()}\n"
    )
    assert repo.last("%s|%an") == "contact: leo shares mda (Maison des Associations)|Leo"
    assert repo.changed() == ["contacts/mda.yaml"]
    assert repo.count() == 2


def test_add_says_when_the_name_is_already_shared(tmp_path: Path) -> None:
    repo = sharing(tmp_path, **{"contacts/velo.yaml": VELO})
    done = repo.run("contact", "add", "cafe", "--name", "CAFE velo", "--kind", "other")
    assert done.returncode == 0, done.stderr
    assert "Note: contacts/velo.yaml holds CAFE velo too" in done.stdout
    check = repo.run("check", "--only", "contacts-shared")
    assert "shared twice, in contacts/cafe.yaml and contacts/velo.yaml" in plain(check.stdout)


def test_add_without_the_charter_setting_says_so(tmp_path: Path) -> None:
    repo = make(tmp_path)
    done = repo.run("contact", "add", "mda", "--name", "MDA", "--kind", "ess", "--status", "client")
    assert done.returncode == 0, done.stderr
    assert "the charter does not share contacts yet" in done.stdout


def test_add_refuses_bad_input(tmp_path: Path) -> None:
    repo = sharing(tmp_path, **{"contacts/velo.yaml": VELO})
    cases = {
        ("velo", "--name", "X", "--kind", "ess"): "contacts/velo.yaml already exists.",
        ("tresorerie", "--name", "X", "--kind", "ess"): "already a role's or a project's id",
        ("mda", "--name", "X", "--kind", "asso"): "--kind: `asso` is not one of ess",
        ("mda", "--name", "X", "--kind", "ess", "--status", "lead"): "--status: `lead` is not",
        ("mda", "--name", "  ", "--kind", "ess"): "--name: this cannot be empty.",
        ("mda", "--name", "A\x07B", "--kind", "ess"): "--name: give the organisation's name",
        ("Maison-Assos", "--name", "X", "--kind", "ess"): "`maison-assos` would do",
    }
    for args, said in cases.items():
        done = repo.run("contact", "add", *args)
        assert done.returncode == 2, args
        assert said in plain(done.stderr), (args, done.stderr)
        assert "Traceback" not in done.stderr
    assert repo.count() == 1


def test_touch_records_an_exchange(tmp_path: Path) -> None:
    repo = sharing(tmp_path, **{"contacts/velo.yaml": VELO})
    done = repo.run("contact", "touch", "velo", "--date", "2026-11-02")
    assert done.returncode == 0, done.stderr
    assert "last_contact: 2026-11-02   # un café ensemble\n" in repo.read("contacts/velo.yaml")
    assert repo.last("%s") == "contact: exchange with velo on 2026-11-02"
    again = repo.run("contact", "touch", "velo", "--date", "2026-11-02")
    assert again.returncode == 2 and "already 2026-11-02" in again.stderr
    earlier = repo.run("contact", "touch", "velo", "--date", "2026-10-02")
    assert earlier.returncode == 2 and "is later, on 2026-11-02" in earlier.stderr
    later = (TODAY + timedelta(days=1)).isoformat()
    future = repo.run("contact", "touch", "velo", "--date", later)
    assert future.returncode == 2 and "is after today" in future.stderr
    missing = repo.run("contact", "touch", "nobody")
    assert missing.returncode == 2 and "There is no contact `nobody`" in missing.stderr


def test_touch_refuses_a_broken_file(tmp_path: Path) -> None:
    repo = sharing(tmp_path, **{"contacts/velo.yaml": "name: Café\n"})
    done = repo.run("contact", "touch", "velo")
    assert done.returncode == 2 and "contacts/velo.yaml has errors" in done.stderr


def test_forget_keeps_the_organisation_and_the_opt_out(tmp_path: Path) -> None:
    repo = sharing(tmp_path, **{"contacts/velo.yaml": VELO})
    done = repo.run("contact", "forget", "velo", "--date", "2026-11-02")
    assert done.returncode == 0, done.stderr
    assert repo.read("contacts/velo.yaml") == (
        "name: Café Vélo\n"
        "kind: other\n"
        "status: prospect\n"
        "shared_by: camille\n"
        "shared_on: 2024-01-10\n"
        "last_contact: 2024-03-01\n"
        "opted_out: 2026-11-02\n"
        "people: []\n"
    )
    said = plain(done.stdout)
    assert "stay in the repository's history and in every member's clone" in said
    assert "git filter-repo --replace-text FILE" in said
    assert repo.last("%s|%an") == "contact: velo forgotten, opted out on 2026-11-02|Camille"
    again = repo.run("contact", "forget", "velo")
    assert again.returncode == 2 and "already forgotten (opted out on 2026-11-02)" in again.stderr
    # Prospecting them after the opt-out is refused: it would bring an error.
    logged = repo.run("log", "1", "prospecting", "--ref", "velo", "--date", "2026-11-03")
    assert logged.returncode == 1
    assert "after they asked on 2026-11-02 not to be contacted again" in plain(logged.stderr)
    history = repo.run("history", "contact:velo")
    assert "velo asked not to be contacted again, on 2026-11-02" in history.stdout
    assert "the personal details of velo were removed" in history.stdout
    assert "Agnès" not in history.stdout


def test_forget_keeps_an_earlier_opt_out_date(tmp_path: Path) -> None:
    text = VELO.replace("people:", "opted_out: 2025-05-05\npeople:")
    repo = sharing(tmp_path, **{"contacts/velo.yaml": text})
    done = repo.run("contact", "forget", "velo")
    assert done.returncode == 0, done.stderr
    contact = loaded(repo.root).contacts["velo"]
    assert (contact.opted_out, contact.people) == (date(2025, 5, 5), [])


def test_log_links_prospecting_to_a_contact(tmp_path: Path) -> None:
    repo = sharing(tmp_path, **{"contacts/velo.yaml": VELO})
    done = repo.run("log", "1.5", "prospecting", "--ref", "velo")
    assert done.returncode == 0, done.stderr
    month = f"{TODAY.year:04d}-{TODAY.month:02d}"
    assert "ref: velo" in repo.read(f"contributions/camille/{month}.yaml")
    unknown = repo.run("log", "1", "prospecting", "--ref", "ailleurs")
    assert unknown.returncode == 1
    assert "unknown role, project or contact `ailleurs`" in plain(unknown.stderr)


def test_history_tells_a_contact_in_words(tmp_path: Path) -> None:
    repo = sharing(tmp_path)
    repo.run("contact", "add", "mda", "--name", "MDA", "--kind", "ess")
    repo.run("contact", "touch", "mda", "--date", TODAY.isoformat())
    text = "".join(
        line for line in repo.read("contacts/mda.yaml").splitlines(True) if "last_" not in line
    )
    steps = [
        text.replace("prospect", "client"),
        text + "last_contact: 2026-01-05\nopted_out: 2026-01-06\npeople: [{name: Agnès}]\n",
        text + "last_contact: 2026-01-05\npeople: [{name: Agnès Roy}]\n",
        text.replace("kind: ess", "kind: public"),
    ]
    for number, step in enumerate(steps):
        repo.write("contacts/mda.yaml", step)
        repo.git("commit", "-qam", f"step {number}")
    repo.git("rm", "-q", "contacts/mda.yaml")
    repo.git("commit", "-qm", "gone")
    done = repo.run("history", "contact:mda")
    assert done.returncode == 0, done.stderr
    said = plain(done.stdout)
    for sentence in (
        "camille shared the contact mda: MDA",
        "mda is now client",
        "an exchange with mda on 2026-01-05",
        "mda asked not to be contacted again, on 2026-01-06",
        "the opt-out of mda was removed",
        "the people of mda changed",
        "the contact mda changed: kind",
        "the contact mda was deleted",
    ):
        assert sentence in said, sentence
