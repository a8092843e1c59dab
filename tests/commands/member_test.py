"""`collectif member add|leave|pause`: one commit each, roles closed with a departure."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from collectif.i18n import render
from tests.commands.recording import FILES, ROLE, Repo, make, plain
from tests.helpers import CONFIG, Outcome, collective, findings, git, git_repo, member

CAMILLE = """\
name: Camille Martin
email: camille@example.org      # maps git authors to members
joined: 2015-01-10
# signed at the 2026 AG
charter_signed: "2026-01"
skills: [graphisme, formation]
pauses:                         # periods exempt from the minimum
  - {from: 2026-03-01, to: 2026-05-31, reason: congé parental}

# end of file
"""

OTHER_ROLE = """\
title: Communication
kind: support
min_holders: 1
holders:
- member: leo
  since: 2024-01-01
- member: sam
  since: 2024-01-01
trainees:
- member: leo
  since: 2023-01-01
  until: 2023-12-31
"""


def test_add_writes_a_member_who_signed_the_charter(tmp_path: Path) -> None:
    repo = make(tmp_path)
    today = date.today().isoformat()
    done = repo.run("member", "add", "zoe", "--name", "Zoé Durand", "--email", "zoe@example.org")
    assert done.returncode == 0, done.stderr
    assert repo.read("members/zoe.yaml") == (
        f'name: Zoé Durand\nemail: zoe@example.org\njoined: {today}\ncharter_signed: "2026-01"\n'
    )
    assert repo.last("%s|%an") == f"member: zoe joins on {today}|Camille"
    assert repo.changed() == ["members/zoe.yaml"]
    assert repo.status() == ""


def _add_zoe(repo: Repo, joined: str) -> Outcome:
    return repo.run(
        "member", "add", "zoe", "--name", "Zoé", "--email", "zoe@example.org", "--date", joined
    )


def _owed(repo: Repo, member_id: str, *args: str) -> list[tuple[str, str | None]]:
    """The `minimum` findings about a member: (period, status) as `check` or `diff` gives them."""
    done = repo.run(*args, "--format", "json", "--only", "minimum")
    document = json.loads(done.stdout)
    return [
        (finding["period"], finding.get("status"))
        for finding in document["findings"]
        if finding["subject"] == f"member:{member_id}"
    ]


def test_a_member_who_joined_earlier_is_added_then_their_past_time_logged(
    tmp_path: Path,
) -> None:
    """Recording a member who joined before the last closed period does not make their debt:
    the add is accepted, their periods stay owed (and shown), and logging the time mends them."""
    repo = make(tmp_path)
    first = date.today().replace(day=1)
    joined = first - timedelta(days=40)
    last_month = f"{first - timedelta(days=1):%Y-%m}"
    done = _add_zoe(repo, joined.isoformat())
    assert done.returncode == 0, done.stderr
    assert "zoe joined before this month" in done.stdout
    assert "--as zoe --date" in done.stdout
    assert _owed(repo, "zoe", "check") == [(last_month, None)]
    # the commit that wrote zoe down brought no new error: her debt is shown as existing
    assert _owed(repo, "zoe", "diff", "HEAD~1", "HEAD") == [(last_month, "existing")]
    day = (first - timedelta(days=3)).isoformat()
    logged = repo.run("log", "4", "meeting", "--as", "zoe", "--date", day)
    assert logged.returncode == 0, logged.stderr
    assert _owed(repo, "zoe", "check") == []


def test_a_back_dated_member_file_passes_the_hook(tmp_path: Path) -> None:
    """The same rule for a member file written by hand and staged: `check --staged` does not
    refuse it for the periods they owed before they were recorded."""
    repo = make(tmp_path)
    repo.write("members/zoe.yaml", member("Zoe", joined="2024-01-01"))
    repo.git("add", "members/zoe.yaml")
    staged = repo.run("check", "--staged", "--only", "minimum")
    assert staged.returncode == 0, staged.stdout + staged.stderr
    # committed, her debt is still shown by `check`
    repo.git("commit", "-q", "-m", "zoe", "--no-verify")
    assert _owed(repo, "zoe", "check")


def test_nobody_owes_a_period_before_the_collective_recorded_its_time(tmp_path: Path) -> None:
    """`charter.records_from`: the periods that began before it are owed by nobody; the period
    it starts is owed."""
    first = date.today().replace(day=1)
    two_back = (first - timedelta(days=40)).replace(day=1)
    config = CONFIG + f"  records_from: {two_back.isoformat()}\n"
    repo = make(tmp_path, {**FILES, "collectif.yaml": config})
    periods = {period for period, _ in _owed(repo, "camille", "check", "--since", "2020-01-01")}
    assert periods == {f"{two_back:%Y-%m}", f"{first - timedelta(days=1):%Y-%m}"}
    done = _add_zoe(repo, "2018-03-01")
    assert done.returncode == 0, done.stderr
    owed = {period for period, _ in _owed(repo, "zoe", "check", "--since", "2018-01-01")}
    assert owed == periods


def test_the_first_member_adds_themself(tmp_path: Path) -> None:
    top = collective(tmp_path / "repo", {})
    git_repo(top, email="ana@example.org", name="Ana")
    repo = Repo(top, top)
    done = repo.run("member", "add", "ana", "--name", "Ana Lopez", "--email", "ana@example.org")
    assert done.returncode == 0, done.stderr
    assert repo.last("%an <%ae>") == "Ana Lopez <ana@example.org>"


def test_add_checks_its_arguments(tmp_path: Path) -> None:
    repo = make(tmp_path)
    cases = [
        (("camille", "--name", "C", "--email", "c2@example.org"), "members/camille.yaml already"),
        (("zoe", "--name", "Z", "--email", "zoe"), "--email: `zoe` is not an email address"),
        (("zoe", "--name", "Z", "--email", "LEO@example.org"), "already the email of leo"),
        (("Zoé", "--name", "Z", "--email", "z@example.org"), "ID: `Zoé` is not a valid id"),
        (("zoe", "--name", " ", "--email", "z@example.org"), "--name: give the member's name"),
        (("zoe", "--name", "Z", "--email", "z@example.org", "--joined", "1/4/26"), "--date:"),
    ]
    for args, expected in cases:
        done = repo.run("member", "add", *args)
        assert done.returncode == 2, args
        assert expected in done.stderr, (args, done.stderr)
    assert repo.count() == 1 and not (repo.root / "members/zoe.yaml").exists()


def test_leave_sets_left_and_ends_the_roles_in_the_same_commit(tmp_path: Path) -> None:
    repo = make(tmp_path, {**FILES, "roles/com.yaml": OTHER_ROLE})
    done = repo.run("member", "leave", "leo", "--date", "2026-06-01", "--as", "camille")
    assert done.returncode == 0, done.stderr
    assert repo.read("members/leo.yaml") == member("Leo", joined="2020-01-10").replace(
        "joined: 2020-01-10\n", "joined: 2020-01-10\nleft: 2026-06-01\n"
    )
    assert repo.read("roles/com.yaml") == OTHER_ROLE.replace(
        "- member: leo\n  since: 2024-01-01\n",
        "- member: leo\n  since: 2024-01-01\n  until: 2026-05-31\n",
    )
    assert repo.read("roles/tresorerie.yaml") == ROLE
    assert repo.changed() == ["members/leo.yaml", "roles/com.yaml"]
    assert repo.count() == 2
    assert repo.last("%s|%an") == "member: leo leaves on 2026-06-01 (ends com)|Camille"


def test_left_goes_after_joined_with_the_comments_in_place(tmp_path: Path) -> None:
    repo = make(tmp_path, {**FILES, "members/camille.yaml": CAMILLE})
    done = repo.run("member", "leave", "camille", "--date", "2026-10-01", "--as", "sam")
    assert done.returncode == 0, done.stderr
    assert repo.read("members/camille.yaml") == CAMILLE.replace(
        "joined: 2015-01-10\n", "joined: 2015-01-10\nleft: 2026-10-01\n"
    )
    assert "{member: camille, since: 2025-01-01, until: 2026-09-30}" in repo.read(
        "roles/tresorerie.yaml"
    )


def test_leave_twice(tmp_path: Path) -> None:
    repo = make(tmp_path)
    assert repo.run("member", "leave", "leo", "--date", "2026-06-01").returncode == 0
    done = repo.run("member", "leave", "leo")
    assert done.returncode == 2 and "leo already left, on 2026-06-01." in done.stderr


def test_leave_with_work_on_a_project_is_refused(tmp_path: Path) -> None:
    project = (
        "title: Site\nclient: MDA\nclient_kind: ess\nstatus: active\nlead: camille\n"
        "start: 2026-01-01\nend: 2026-12-31\nteam:\n  - {member: camille}\n  - {member: leo}\n"
    )
    repo = make(tmp_path, {**FILES, "projects/site.yaml": project})
    before = repo.head()
    done = repo.run("member", "leave", "leo", "--date", "2026-06-01")
    assert done.returncode == 1
    assert "projects/site.yaml" in done.stderr and "leo left on 2026-06-01" in done.stderr
    assert repo.head() == before
    assert repo.status() == "" and repo.leftovers() == []


def test_pause_is_appended_like_the_others(tmp_path: Path) -> None:
    repo = make(tmp_path, {**FILES, "members/camille.yaml": CAMILLE})
    done = repo.run(
        "member", "pause", "camille", "--from", "2026-07-01", "--to", "2026-07-31",
        "--reason", "vacances",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert repo.read("members/camille.yaml") == CAMILLE.replace(
        "reason: congé parental}\n",
        "reason: congé parental}\n  - {from: 2026-07-01, to: 2026-07-31, reason: vacances}\n",
    )
    assert repo.last("%s") == "member: camille pauses from 2026-07-01 to 2026-07-31"


def test_a_first_pause(tmp_path: Path) -> None:
    repo = make(tmp_path)
    done = repo.run("member", "pause", "leo", "--from", "2026-07-01", "--to", "2026-08-15")
    assert done.returncode == 0, done.stderr
    assert repo.read("members/leo.yaml").endswith(
        "pauses:\n  - {from: 2026-07-01, to: 2026-08-15}\n"
    )


def test_a_pause_inside_another_is_refused(tmp_path: Path) -> None:
    repo = make(tmp_path, {**FILES, "members/camille.yaml": CAMILLE})
    before = repo.head()
    done = repo.run("member", "pause", "camille", "--from", "2026-04-01", "--to", "2026-04-15")
    assert done.returncode == 1
    assert "this pause overlaps the one from 2026-03-01 to 2026-05-31" in done.stderr
    assert repo.head() == before and repo.read("members/camille.yaml") == CAMILLE


def test_a_pause_that_ends_before_it_starts(tmp_path: Path) -> None:
    repo = make(tmp_path)
    done = repo.run("member", "pause", "leo", "--from", "2026-07-01", "--to", "2026-06-01")
    assert done.returncode == 2
    assert "--to 2026-06-01 comes before --from 2026-07-01" in done.stderr
    french = repo.run(
        "member", "pause", "leo", "--from", "2026-07-01", "--to", "2026-06-01", lang="fr"
    )
    assert "--to 2026-06-01 tombe avant --from 2026-07-01" in plain(french.stderr)


def test_an_unknown_or_broken_member(tmp_path: Path) -> None:
    repo = make(tmp_path, {**FILES, "members/bob.yaml": "name: Bob\n"})
    done = repo.run("member", "leave", "zoe")
    assert done.returncode == 2 and "There is no member `zoe`" in done.stderr
    done = repo.run("member", "leave", "bob")
    assert done.returncode == 2 and "members/bob.yaml has errors" in done.stderr


def test_a_subfolder_collective(tmp_path: Path) -> None:
    repo = make(tmp_path, sub="collectif")
    done = repo.run("member", "add", "zoe", "--name", "Zoé", "--email", "zoe@example.org")
    assert done.returncode == 0, done.stderr
    assert repo.changed() == ["collectif/members/zoe.yaml"]
    assert git(repo.top, "status", "--porcelain") == ""


def test_add_refuses_what_git_would_refuse_or_rewrite(tmp_path: Path) -> None:
    repo = make(tmp_path)
    cases = [
        (("evil\n", "--name", "Evil", "--email", "evil@example.org"), "ID: `evil\n` is not"),
        (
            ("eve", "--name", "Eve <eve@x>", "--email", "eve@example.org"),
            "--name: a name may not hold `<`, `>`, line breaks or other control characters",
        ),
        (
            ("eve", "--name", "Eve\nSigned-off-by: Mallory", "--email", "eve@example.org"),
            "(U+000A)",
        ),
        (("eve", "--name", "\x1b[31mEve", "--email", "eve@example.org"), "(U+001B)"),
        (
            ("dots", "--name", "...", "--email", "dots@example.org"),
            "--name: `...` has no letter or digit: git refuses a name made only of spaces and "
            "`. , : ; < > \" \\ '`.",
        ),
        (
            ("n2", "--name", "N2", "--email", "n2>x@example.org"),
            "--email: an email may not hold `<`, `>` or control characters",
        ),
        (
            ("n3", "--name", "N3", "--email", "n3@example.org."),
            "--email: `n3@example.org.` starts or ends with one of",
        ),
    ]
    for args, expected in cases:
        done = repo.run("member", "add", *args)
        assert done.returncode == 2, args
        assert expected in done.stderr, (args, done.stderr)
    done = repo.run(
        "member", "add", "eve", "--name", "Eve <eve@x>", "--email", "e@x.org", lang="fr"
    )
    assert "--name\u00a0: un nom ne peut contenir ni `<`, ni `>`" in done.stderr
    assert repo.count() == 1 and sorted(p.name for p in (repo.root / "members").iterdir()) == [
        "camille.yaml",
        "leo.yaml",
        "sam.yaml",
    ]


def test_a_name_with_dots_at_its_ends_is_a_name(tmp_path: Path) -> None:
    repo = make(tmp_path)
    done = repo.run("member", "add", "jr", "--name", "Jean Roy Jr.", "--email", "jr@example.org")
    assert done.returncode == 0, done.stderr


def test_member_files_with_what_git_would_change_are_schema_findings(tmp_path: Path) -> None:
    files = {
        "members/eve.yaml": "name: Eve <eve@x>\nemail: eve@example.org\njoined: 2020-01-01\n",
        "members/dots.yaml": "name: '...'\nemail: dots@example.org\njoined: 2020-01-01\n",
        "members/n2.yaml": "name: N2\nemail: n2>x@example.org\njoined: 2020-01-01\n",
        "members/n3.yaml": 'name: N3\nemail: "\'n3@example.org"\njoined: 2020-01-01\n',
        "members/n4.yaml": 'name: "N\\u0007"\nemail: n4@example.org\njoined: 2020-01-01\n',
    }
    found = {
        f.file: (f.line, plain(render(f.message, "en")), plain(render(f.message, "fr")))
        for f in findings(collective(tmp_path, files), "2026-11-26", only="schema")
    }
    assert found == {
        "members/eve.yaml": (
            1,
            "a name may not hold `<`, `>`, line breaks or other control characters, which git "
            'drops or refuses in an author\'s name; found the text "Eve <eve@x>"',
            "un nom ne peut contenir ni `<`, ni `>`, ni saut de ligne, ni autre caractère de "
            "contrôle, que git retire ou refuse dans le nom d'un auteur ; trouvé le texte "
            "« Eve <eve@x> »",
        ),
        "members/dots.yaml": (
            1,
            "a name needs a letter or a digit: git refuses a name made only of spaces and "
            '`. , : ; < > " \\ \'`; found the text "..."',
            "un nom demande une lettre ou un chiffre : git refuse un nom fait seulement d'espaces "
            "et de `. , : ; < > \" \\ '` ; trouvé le texte « ... »",
        ),
        "members/n2.yaml": (
            2,
            'expected an email address, found the text "n2>x@example.org"',
            "attendu une adresse e-mail, trouvé le texte « n2>x@example.org »",
        ),
        "members/n3.yaml": (
            2,
            "an email may not start or end with `. , : ; \" \\ '`, which git strips from an "
            "author's email; found the text \"'n3@example.org\"",
            "une adresse e-mail ne peut ni commencer ni finir par `. , : ; \" \\ '`, que git "
            "retire de l'adresse d'un auteur ; trouvé le texte « 'n3@example.org »",
        ),
        "members/n4.yaml": (
            1,
            "a name may not hold `<`, `>`, line breaks or other control characters, which git "
            'drops or refuses in an author\'s name; found the text "N\x07"',
            "un nom ne peut contenir ni `<`, ni `>`, ni saut de ligne, ni autre caractère de "
            "contrôle, que git retire ou refuse dans le nom d'un auteur ; trouvé le texte "
            "« N\x07 »",
        ),
    }


def test_dates_out_of_range_are_misuse_not_a_crash(tmp_path: Path) -> None:
    repo = make(tmp_path)
    for args in (
        ("member", "leave", "sam", "--date", "0001-01-01"),
        ("member", "leave", "sam", "--date", "9999-12-31"),
        ("member", "pause", "sam", "--from", "0001-01-01", "--to", "2026-01-01"),
        (
            "member",
            "add",
            "zoe",
            "--name",
            "Z",
            "--email",
            "z@example.org",
            "--joined",
            "3000-01-01",
        ),
    ):
        for lang, expected in (("en", "is out of range"), ("fr", "est hors limites")):
            done = repo.run(*args, lang=lang)
            assert done.returncode == 2, (args, done.stderr)
            assert expected in done.stderr and "Unexpected" not in done.stderr
    assert repo.count() == 1 and repo.status() == ""
