"""`collectif project new|join|close`: one commit each, by the member."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.commands.recording import FILES, make, plain
from tests.helpers import loaded

SITE = """\
title: Site de la Maison des Associations
client: Maison des Associations
client_kind: ess                # ess | big_account | public | other
brought_by: [camille]
lead: camille
status: active
start: 2026-02-01
signed: 2026-01-20              # revenue counts from here
team:
  - {member: camille, role: cheffe de projet}
lines:
  - {member: camille, what: direction artistique, days: 8, rate: 450}
"""


def test_new_proposes_a_project_led_by_me(tmp_path: Path) -> None:
    repo = make(tmp_path)
    done = repo.run(
        "project", "new", "site-mda", "--title", "Site web", "--client", "Maison des Associations",
        "--client-kind", "ess", "--as", "leo",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert repo.read("projects/site-mda.yaml") == (
        "title: Site web\n"
        "client: Maison des Associations\n"
        "client_kind: ess\n"
        "brought_by: [leo]\n"
        "lead: leo\n"
        "status: proposed\n"
        "team:\n"
        "  - {member: leo}\n"
    )
    assert repo.last("%s|%an") == (
        "project: new site-mda for Maison des Associations, led by leo|Leo"
    )
    assert repo.changed() == ["projects/site-mda.yaml"]


def test_new_with_another_lead(tmp_path: Path) -> None:
    repo = make(tmp_path)
    done = repo.run(
        "project", "new", "formation", "--title", "Formation: les bases", "--client", "CAE",
        "--client-kind", "public", "--lead", "sam",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    project = loaded(repo.root).projects["formation"]
    assert (project.title, project.brought_by, project.lead) == (
        "Formation: les bases",
        ["camille"],
        "sam",
    )
    assert [place.member for place in project.team] == ["sam"]


def test_new_with_an_unknown_lead_is_refused(tmp_path: Path) -> None:
    repo = make(tmp_path)
    done = repo.run(
        "project", "new", "x", "--title", "X", "--client", "C", "--client-kind", "ess",
        "--lead", "zoe",
    )  # fmt: skip
    assert done.returncode == 1
    assert "unknown member `zoe`" in done.stderr
    assert not (repo.root / "projects").exists() and repo.count() == 1


def test_new_checks_its_arguments(tmp_path: Path) -> None:
    repo = make(tmp_path, {**FILES, "projects/site.yaml": SITE})
    base = ["--title", "T", "--client", "C", "--client-kind", "ess"]
    cases = [
        (["site", *base], "projects/site.yaml already"),
        (["x", *base[:5], "asso"], "--client-kind: `asso` is not one of ess, big_account, public"),
        (["x", "--title", "", *base[2:]], "--title: this cannot be empty"),
        (["X_1", *base], "ID: `X_1` is not a valid id"),
    ]
    for args, expected in cases:
        done = repo.run("project", "new", *args)
        assert done.returncode == 2, args
        assert expected in done.stderr, (args, done.stderr)
    french = repo.run(
        "project", "new", "x", "--title", "T", "--client", "C", "--client-kind", "asso", lang="fr"
    )
    expected = (
        "--client-kind : `asso` n'est pas l'un de ces choix : ess, big_account, public ou other"
    )
    assert expected in plain(french.stderr)


def test_join_adds_me_to_the_team(tmp_path: Path) -> None:
    repo = make(tmp_path, {**FILES, "projects/site.yaml": SITE})
    done = repo.run("project", "join", "site", "--role", "développement", "--as", "leo")
    assert done.returncode == 0, done.stderr
    assert repo.read("projects/site.yaml") == SITE.replace(
        "  - {member: camille, role: cheffe de projet}\n",
        "  - {member: camille, role: cheffe de projet}\n  - {member: leo, role: développement}\n",
    )
    assert repo.last("%s|%an") == "project: leo joins site|Leo"
    again = repo.run("project", "join", "site", "--as", "leo")
    assert again.returncode == 2 and "already in the team of site" in again.stderr


def test_join_an_unknown_project(tmp_path: Path) -> None:
    repo = make(tmp_path)
    done = repo.run("project", "join", "site", "--as", "leo")
    assert done.returncode == 2
    assert "There is no project `site` (no projects/site.yaml)." in done.stderr


def test_join_a_closed_project(tmp_path: Path) -> None:
    repo = make(
        tmp_path, {**FILES, "projects/site.yaml": SITE.replace("status: active", "status: done")}
    )
    done = repo.run("project", "join", "site", "--as", "leo")
    assert done.returncode == 2 and "The project site is done" in done.stderr


def test_join_a_project_that_ended_before_i_joined_is_refused(tmp_path: Path) -> None:
    old = SITE.replace("start: 2026-02-01", "start: 2018-01-01\nend: 2018-06-30")
    repo = make(tmp_path, {**FILES, "projects/site.yaml": old})
    done = repo.run("project", "join", "site", "--as", "leo")
    assert done.returncode == 1
    assert "[references]" in done.stderr and "leo only joined on 2020-01-10" in done.stderr


def test_close_sets_done_and_the_end(tmp_path: Path) -> None:
    repo = make(tmp_path, {**FILES, "projects/site.yaml": SITE})
    done = repo.run("project", "close", "site", "--date", "2026-06-30")
    assert done.returncode == 0, done.stderr
    assert repo.read("projects/site.yaml") == SITE.replace(
        "status: active", "status: done"
    ).replace("start: 2026-02-01\n", "start: 2026-02-01\nend: 2026-06-30\n")
    assert repo.last("%s") == "project: site is done"
    again = repo.run("project", "close", "site")
    assert again.returncode == 2 and "already done" in again.stderr


def test_close_keeps_an_end_already_set(tmp_path: Path) -> None:
    ended = SITE.replace("start: 2026-02-01", "start: 2026-02-01\nend: 2026-05-31")
    repo = make(tmp_path, {**FILES, "projects/site.yaml": ended})
    done = repo.run("project", "close", "site")
    assert done.returncode == 0, done.stderr
    assert repo.read("projects/site.yaml") == ended.replace("status: active", "status: done")


def test_close_today_by_default(tmp_path: Path) -> None:
    repo = make(tmp_path, {**FILES, "projects/site.yaml": SITE})
    assert repo.run("project", "close", "site").returncode == 0
    assert f"end: {date.today().isoformat()}\n" in repo.read("projects/site.yaml")


def test_a_proposal_is_cancelled_or_started_not_closed(tmp_path: Path) -> None:
    proposed = SITE.replace("status: active", "status: proposed")
    repo = make(tmp_path, {**FILES, "projects/site.yaml": proposed})
    before = repo.head()
    done = repo.run("project", "close", "site")
    assert done.returncode == 2
    assert "never started" in done.stderr and "collectif project cancel site" in done.stderr
    assert repo.head() == before and repo.read("projects/site.yaml") == proposed
