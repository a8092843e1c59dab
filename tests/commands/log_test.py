"""`collectif log`: a time entry appended to my month's file, as one commit."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from collectif.store import yaml_fast
from tests.commands.recording import FILES, Repo, make, plain
from tests.helpers import loaded, run

MARCH = """\
# mars 2026
- date: 2026-03-02
  hours: 1.0                    # time as we write it
  kind: meeting
  note: "AG: le budget"

- date: 2026-03-03
  hours: 2
  kind: support
  ref: tresorerie
# end of march
"""


def test_log_creates_the_folder_and_the_file(tmp_path: Path) -> None:
    repo = make(tmp_path)
    done = repo.run(
        "log", "2.5", "support", "--ref", "tresorerie", "--date", "2026-03-04", "--note", "banque"
    )
    assert done.returncode == 0, done.stderr
    assert repo.read("contributions/camille/2026-03.yaml") == (
        "- date: 2026-03-04\n  hours: 2.5\n  kind: support\n  ref: tresorerie\n  note: banque\n"
    )
    assert plain(repo.last("%s")) == "log: camille 2.5 h support (tresorerie) on 2026-03-04"
    assert repo.last("%an <%ae>") == "Camille <camille@example.org>"
    assert repo.changed() == ["contributions/camille/2026-03.yaml"]
    assert repo.count() == 2 and repo.status() == "" and repo.leftovers() == []


def test_log_appends_and_keeps_the_file_as_written(tmp_path: Path) -> None:
    repo = make(tmp_path, {**FILES, "contributions/camille/2026-03.yaml": MARCH})
    done = repo.run("log", "1.50", "prospecting", "--date", "2026-03-20", "--note", "2024")
    assert done.returncode == 0, done.stderr
    assert repo.read("contributions/camille/2026-03.yaml") == MARCH.replace(
        "# end of march\n",
        "- date: 2026-03-20\n  hours: 1.50\n  kind: prospecting\n  note: '2024'\n# end of march\n",
    )
    assert plain(repo.last("%s")) == "log: camille 1.5 h prospecting on 2026-03-20"
    entries = loaded(repo.root).contributions[("camille", "2026-03")]
    assert [str(entry.hours) for entry in entries] == ["1.0", "2", "1.50"]
    written = yaml_fast.load((repo.root / "contributions/camille/2026-03.yaml").read_bytes())
    assert written[-1]["note"] == "2024"


def test_hours_are_exact_and_may_use_a_comma(tmp_path: Path) -> None:
    repo = make(tmp_path)
    assert repo.run("log", "0,1", "meeting", "--date", "2026-03-04").returncode == 0
    assert repo.run("log", "0.2", "meeting", "--date", "2026-03-05").returncode == 0
    text = repo.read("contributions/camille/2026-03.yaml")
    assert "  hours: 0.1\n" in text and "  hours: 0.2\n" in text
    assert plain(repo.last("%s")) == "log: camille 0.2 h meeting on 2026-03-05"


def test_the_date_defaults_to_today(tmp_path: Path) -> None:
    repo = make(tmp_path)
    done = repo.run("log", "1", "reflection")
    assert done.returncode == 0, done.stderr
    today = date.today()
    text = repo.read(f"contributions/camille/{today:%Y-%m}.yaml")
    assert f"- date: {today.isoformat()}\n" in text


def test_log_as_another_member(tmp_path: Path) -> None:
    repo = make(tmp_path)
    done = repo.run("log", "3", "coaching", "--date", "2026-04-01", "--as", "sam")
    assert done.returncode == 0, done.stderr
    assert (repo.root / "contributions/sam/2026-04.yaml").is_file()
    assert plain(repo.last("%an|%s")) == "Sam|log: sam 3 h coaching on 2026-04-01"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("deux", "meeting"), "HOURS: `deux` is not a number of hours"),
        (("1e3", "meeting"), "HOURS: `1e3` is not a number of hours"),
        (("2", "lunch"), "KIND: `lunch` is not one of project, support, meeting"),
        (("2", "support"), "--ref: support time needs the role's id"),
        (("2", "project"), "--ref: time on a project needs the project's id"),
        (("2", "meeting", "--ref", "Site MDA"), "--ref: `Site MDA` is not a valid id"),
        (("2", "meeting", "--date", "2026-02-30"), "--date: `2026-02-30` is not a date"),
        (("2", "meeting", "--kind", "support"), "--kind: only with --remove"),
    ],
)
def test_arguments_are_checked(tmp_path: Path, args: tuple[str, ...], expected: str) -> None:
    repo = make(tmp_path)
    done = repo.run("log", *args)
    assert done.returncode == 2
    assert expected in done.stderr
    assert "Traceback" not in done.stderr
    assert repo.count() == 1 and not (repo.root / "contributions").exists()


def test_negative_hours_are_refused(tmp_path: Path) -> None:
    repo = make(tmp_path)
    done = run("log", "--repo", str(repo.root), "--", "-1", "meeting")
    assert done.returncode == 2
    assert "HOURS: `-1` is not more than 0" in done.stderr


@pytest.mark.parametrize("hours", ["-1", "-2.5", "-0,5"])
def test_negative_hours_read_as_an_option_say_what_is_wrong(tmp_path: Path, hours: str) -> None:
    repo = make(tmp_path)
    english = run("log", "--repo", str(repo.root), hours, "meeting", "--lang", "en")
    french = run("log", "--repo", str(repo.root), hours, "meeting", "--lang", "fr")
    assert english.returncode == french.returncode == 2
    assert "a negative number is no value here" in english.stderr
    assert "un nombre négatif n'est pas une valeur possible ici" in french.stderr
    assert repo.count() == 1


def test_an_unknown_project_is_refused(tmp_path: Path) -> None:
    repo = make(tmp_path)
    done = repo.run("log", "2", "project", "--ref", "site-mda", "--date", "2026-03-04")
    assert done.returncode == 1
    assert "unknown project `site-mda`" in done.stderr
    assert "contributions/camille/2026-03.yaml:" in done.stderr
    assert not (repo.root / "contributions").exists()
    assert repo.count() == 1 and repo.status() == "" and repo.leftovers() == []


def test_a_date_before_joining_is_refused_in_french(tmp_path: Path) -> None:
    repo = make(tmp_path)
    done = repo.run("log", "2", "meeting", "--date", "2019-03-04", "--as", "leo", lang="fr")
    assert done.returncode == 1
    assert "Rien n'a été écrit" in plain(done.stderr)
    assert not (repo.root / "contributions").exists()


def test_a_broken_month_file_is_not_edited(tmp_path: Path) -> None:
    broken = "- date: 2026-03-02\n  hours: [1\n"
    repo = make(tmp_path, {**FILES, "contributions/camille/2026-03.yaml": broken})
    done = repo.run("log", "1", "meeting", "--date", "2026-03-04")
    assert done.returncode == 2
    assert "contributions/camille/2026-03.yaml has errors" in done.stderr
    assert repo.read("contributions/camille/2026-03.yaml") == broken


def refused(repo: Repo, args: tuple[str, ...], english: str, french: str) -> None:
    """`log` with these arguments is misuse, said in both languages, and nothing is written."""
    for lang, expected in (("en", english), ("fr", french)):
        done = repo.run("log", *args, lang=lang)
        assert done.returncode == 2, done.stderr
        assert expected in done.stderr, done.stderr
        assert "Traceback" not in done.stderr and "Unexpected" not in done.stderr
    assert repo.count() == 1 and not (repo.root / "contributions").exists()


@pytest.mark.parametrize(
    ("args", "english", "french"),
    [
        (
            ("1", "meeting", "--date", "0001-01-01"),
            "--date: 0001-01-01 is out of range: collectif takes dates from 1900-01-01 to "
            "2999-12-31.",
            "--date\u00a0: 0001-01-01 est hors limites",
        ),
        (("1", "meeting", "--date", "9999-12-31"), "is out of range", "hors limites"),
        (("1", "meeting", "--date", "20261015"), "`20261015` is not a date", "n'est pas une date"),
        (
            ("1", "meeting", "--date", (date.today() + timedelta(days=1)).isoformat()),
            "is after today",
            "est après aujourd'hui",
        ),
    ],
)
def test_a_date_out_of_range_or_to_come_is_misuse(
    tmp_path: Path, args: tuple[str, ...], english: str, french: str
) -> None:
    refused(make(tmp_path), args, english, french)


@pytest.mark.parametrize(
    ("args", "english", "french"),
    [
        (
            ("10000000000000000000000000000", "meeting", "--date", "2026-10-15"),
            "HOURS: `10000000000000000000000000000` is not more than 0 and at most 24",
            "doit être supérieur à 0 et au plus égal à 24",
        ),
        (("0", "meeting"), "HOURS: `0` is not more than 0", "HEURES\u00a0: `0`"),
        (("24.5", "meeting"), "is not more than 0 and at most 24", "au plus égal à 24"),
        (
            ("0.0000000001", "meeting"),
            "HOURS: `0.0000000001` has more than 2 decimals",
            "décimales",
        ),
        (
            ("1", "support", "--ref", "tresorerie\n", "--date", "2026-03-04"),
            "--ref: `tresorerie\n` is not a valid id",
            "n'est pas un identifiant valide",
        ),
        (
            ("1", "meeting", "--note", "x\x85y", "--date", "2026-03-04"),
            "--note: the note holds a control character or a byte that is not UTF-8 text (U+0085)",
            "la note contient un caractère de contrôle",
        ),
        (
            ("1", "meeting", "--note", "\x1b[2Jclear", "--date", "2026-03-04"),
            "(U+001B)",
            "(U+001B)",
        ),
    ],
)
def test_hours_beyond_a_day_and_notes_git_cannot_keep_are_misuse(
    tmp_path: Path, args: tuple[str, ...], english: str, french: str
) -> None:
    refused(make(tmp_path), args, english, french)


def test_a_note_that_is_not_utf8_on_the_command_line_is_misuse(tmp_path: Path) -> None:
    repo = make(tmp_path)
    # Python reads such a byte of the command line as a lone surrogate (PEP 383).
    note = b"x\x85y".decode("utf-8", "surrogateescape")
    done = run("log", "1", "meeting", "--note", note, "--date", "2026-03-04", cwd=repo.root)
    assert done.returncode == 2, done.stderr
    assert "a byte that is not UTF-8 text (U+DC85)" in done.stderr
    assert repo.count() == 1 and not (repo.root / "contributions").exists()


def test_multi_line_notes_and_tabs_are_kept(tmp_path: Path) -> None:
    repo = make(tmp_path)
    done = repo.run(
        "log", "1", "meeting", "--note", "ordre du jour:\n\t1. budget", "--date", "2026-03-04"
    )
    assert done.returncode == 0, done.stderr
    [entry] = yaml_fast.load((repo.root / "contributions/camille/2026-03.yaml").read_bytes())
    assert entry["note"] == "ordre du jour:\n\t1. budget"


def test_the_month_file_of_an_early_date_has_four_digits(tmp_path: Path) -> None:
    repo = make(tmp_path)
    done = repo.run("log", "1", "meeting", "--date", "1999-12-31", "--as", "camille")
    assert done.returncode == 1  # camille joined in 2015: refused, but about the right file
    assert "contributions/camille/1999-12.yaml" in done.stderr


def test_an_entry_that_makes_a_day_longer_than_24_hours_is_refused(tmp_path: Path) -> None:
    long_day = "- {date: 2026-03-04, hours: 20, kind: meeting}\n"
    repo = make(tmp_path, {**FILES, "contributions/camille/2026-03.yaml": long_day})
    done = repo.run("log", "5", "meeting", "--date", "2026-03-04")
    assert done.returncode == 1
    assert "the entries of camille on 2026-03-04 add up to 25" in plain(done.stderr)
    assert repo.count() == 1 and repo.read("contributions/camille/2026-03.yaml") == long_day


def test_a_kind_in_french_is_taken_and_a_misspelt_one_names_the_kind_meant(
    tmp_path: Path,
) -> None:
    repo = make(tmp_path)
    for given in ("réunion", "Meeting", "reunion"):
        done = repo.run("log", "1", given, "--date", "2026-03-04", lang="fr")
        assert done.returncode == 0, done.stderr
    assert repo.read("contributions/camille/2026-03.yaml").count("kind: meeting") == 3
    typo = repo.run("log", "2", "meetng", lang="fr")
    assert typo.returncode == 2
    assert "vouliez-vous dire `meeting`" in typo.stderr, typo.stderr
    unknown = repo.run("log", "2", "zzz")
    assert unknown.returncode == 2 and "did you mean" not in unknown.stderr
    assert "KIND: `zzz` is not one of project, support" in unknown.stderr
    client = repo.run(
        "project", "new", "x", "--title", "X", "--client", "Y", "--client-kind", "big-acount"
    )
    assert client.returncode == 2 and "did you mean `big_account`?" in client.stderr
