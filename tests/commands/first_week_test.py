"""A collective's first week by commands alone: the first member, members who joined earlier,
skills, details that change."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from tests.commands.recording import make

TODAY = date.today()


def test_bringing_in_someone_who_joined_last_month(tmp_path: Path) -> None:
    repo = make(tmp_path)
    joined = (TODAY.replace(day=1) - timedelta(days=20)).isoformat()  # in last month
    done = repo.run("member", "add", "lucas", "--name", "Lucas Roy", "--email",
                    "lucas@example.org", "--date", joined, "--skills", "web, formation",
                    "--as", "camille")  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    text = repo.read("members/lucas.yaml")
    assert f"joined: {joined}" in text and "skills: [web, formation]" in text
    old = repo.run("member", "add", "ines", "--name", "Inès", "--email", "ines@example.org",
                   "--joined", joined, "--as", "camille")  # fmt: skip
    assert old.returncode == 0, old.stderr  # the older spelling still works


def test_member_set_changes_details(tmp_path: Path) -> None:
    repo = make(tmp_path)
    done = repo.run("member", "set", "leo", "--skills", "web,design", "--name", "Léo Petit",
                    "--as", "leo")  # fmt: skip
    assert done.returncode == 0, done.stderr
    text = repo.read("members/leo.yaml")
    assert "name: Léo Petit" in text and "skills: [web, design]" in text
    taken = repo.run("member", "set", "leo", "--email", "camille@example.org", "--as", "leo")
    assert taken.returncode == 2 and "camille" in taken.stderr
    nothing = repo.run("member", "set", "leo", "--as", "leo")
    assert nothing.returncode == 2


def test_the_first_member_needs_no_me(tmp_path: Path) -> None:
    repo = make(tmp_path, {}, email="sophie@lebocal.fr")
    done = repo.run("member", "add", "sophie", "--name", "Sophie Lemaire", "--email",
                    "someone-else@lebocal.fr")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert repo.last("%an") == "Sophie Lemaire"


def test_roles_by_command(tmp_path: Path) -> None:
    repo = make(tmp_path)
    short = repo.run("role", "new", "communication", "--title", "Communication", "--kind",
                     "support", "--holders", "leo", "--as", "leo")  # fmt: skip
    assert short.returncode == 1 and "irreplaceable" in short.stderr  # 1 of 2 holders
    done = repo.run(
        "role",
        "new",
        "communication",
        "--title",
        "Communication",
        "--kind",
        "support",
        "--holders",
        "leo,sam",
        "--skills",
        "rédaction",
        "--as",
        "leo",
    )
    assert done.returncode == 0, done.stdout + done.stderr
    text = repo.read("roles/communication.yaml")
    assert "title: Communication" in text and "{member: sam, since:" in text
    assert f"created: {TODAY.isoformat()}" in text
    past = repo.run("check", "--as-of", (TODAY - timedelta(days=30)).isoformat(), "--format",
                    "json", "--only", "irreplaceable")  # fmt: skip
    assert "communication" not in past.stdout  # it did not exist then
    bad = repo.run("role", "new", "x", "--title", "X", "--kind", "chef", "--holders", "leo",
                   "--as", "leo")  # fmt: skip
    assert bad.returncode == 2 and "--kind" in bad.stderr
    later = (TODAY + timedelta(days=10)).isoformat()
    retired = repo.run("role", "retire", "communication", "--date", later, "--as", "leo")
    assert retired.returncode == 0, retired.stderr
    assert f"retired: {later}" in repo.read("roles/communication.yaml")


def test_me_members_and_roles(tmp_path: Path) -> None:
    import json

    repo = make(tmp_path)
    assert (
        repo.run("log", "1.5", "meeting", "--date", TODAY.isoformat(), "--as", "leo").returncode
        == 0
    )
    done = repo.run("me", "--as", "leo", "--format", "json")
    assert done.returncode == 0, done.stderr
    state = json.loads(done.stdout)
    assert state["member"] == "leo" and state["minimum"]["logged"] == "1.5"
    assert state["minimum"]["required"] == "4.00"
    text = repo.run("me", "--as", "camille", lang="fr")
    assert "Trésorerie (tresorerie) depuis le 2025-01-01" in text.stdout
    assert f"Temps donné au collectif en {TODAY:%Y-%m}\u00a0: 0\u00a0h saisies sur" in text.stdout
    added = repo.run("member", "add", "zoe", "--name", "Zoé", "--email", "zoe@example.org")
    assert added.returncode == 0, added.stderr
    newcomer = repo.run("me", "--as", "zoe", lang="fr").stdout
    assert "rien de demandé encore (vous êtes arrivé·e pendant cette période)" in newcomer
    assert "demandées" not in newcomer
    roster = repo.run("members", lang="fr")
    assert roster.returncode == 0 and "Membres au" in roster.stdout and "camille" in roster.stdout
    roles = repo.run("roles")
    assert roles.returncode == 0 and "tresorerie" in roles.stdout


def test_a_new_charter_version_committed_alone_then_signed_in_turn(tmp_path: Path) -> None:
    from tests.helpers import git

    repo = make(tmp_path)
    text = repo.read("collectif.yaml").replace(
        'version: "2026-01"', f'version: "2027-01"\n  adopted: {TODAY.isoformat()}'
    )
    repo.write("collectif.yaml", text)
    git(repo.top, "commit", "-qam", "charte 2027-01")
    rev = repo.run("check", "--rev", "HEAD", "--only", "charter-signed")
    assert rev.returncode == 0, rev.stdout  # within the grace, earlier signatures count
    done = repo.run("sign", "--as", "leo")
    assert done.returncode == 0, done.stderr
    assert 'charter_signed: "2027-01"' in repo.read("members/leo.yaml")
    again = repo.run("sign", "--as", "leo")
    assert again.returncode == 2 and "already signed" in again.stderr
    later = (TODAY + timedelta(days=31)).isoformat()
    after = repo.run("check", "--as-of", later, "--only", "charter-signed", "--format", "json")
    assert (
        after.returncode == 1 and "member:sam" in after.stdout and "member:leo" not in after.stdout
    )


def test_history_names_changed_keys_in_french(tmp_path: Path) -> None:
    repo = make(tmp_path)
    assert repo.run("member", "set", "leo", "--skills", "web", "--as", "leo").returncode == 0
    told = repo.run("history", "member:leo", lang="fr")
    assert "les informations de leo ont changé : compétences" in told.stdout.replace("\u00a0", " ")


def test_an_accented_id_gets_a_suggestion(tmp_path: Path) -> None:
    repo = make(tmp_path)
    done = repo.run("member", "add", "élodie", "--name", "Élodie", "--email", "e@x.fr",
                    "--as", "leo", lang="fr")  # fmt: skip
    assert done.returncode == 2 and "`elodie` conviendrait" in done.stderr


def test_help_of_a_command_in_french(tmp_path: Path) -> None:
    repo = make(tmp_path)
    done = repo.run("log", "--help", lang="fr")
    assert done.returncode == 0
    said = done.stdout.replace("\u00a0", " ")
    assert "Heures passées, par exemple 2.5." in said
    assert "L'identifiant du projet, du rôle ou du contact." in said and "Hours spent" not in said


def test_no_write_in_the_middle_of_a_merge_said_in_french(tmp_path: Path) -> None:
    repo = make(tmp_path)
    head = repo.git("rev-parse", "HEAD").strip()
    (repo.top / ".git" / "MERGE_HEAD").write_text(head + "\n")
    done = repo.run("log", "1", "meeting", "--as", "leo", lang="fr")
    assert done.returncode == 2
    assert "git est au milieu d'une opération (fusion)" in done.stderr
