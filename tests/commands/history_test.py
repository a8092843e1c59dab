"""`collectif history`: what each commit did, in words, from the files before and after."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from tests.commands.recording import FILES, Repo, make, plain
from tests.helpers import collective, git, git_repo, member, run

SITE = """\
title: Site
client: Maison des Associations
client_kind: ess
lead: camille
status: active
start: 2026-02-01
end: 2026-06-30
team:
  - {member: camille}
lines:
  - {member: camille, amount: 1000}
"""


def _history(repo: Repo, *args: str) -> list[dict[str, Any]]:
    done = repo.run("history", *args, "--format", "json")
    assert done.returncode == 0, done.stderr
    result: list[dict[str, Any]] = json.loads(done.stdout)
    return result


def _summaries(repo: Repo, *args: str) -> list[tuple[str, str]]:
    return [(item["subject"], plain(item["summary"])) for item in _history(repo, *args)]


def _commit_by_hand(repo: Repo, path: str, text: str, message: str) -> None:
    target = repo.root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    repo.git("add", str(target))
    repo.git("commit", "-q", "-m", message)


def _story(repo: Repo) -> None:
    steps = [
        ("role", "train", "tresorerie", "--since", "2026-02-01", "--as", "leo"),
        ("role", "join", "tresorerie", "--since", "2026-03-01", "--as", "leo"),
        ("log", "2.5", "support", "--ref", "tresorerie", "--date", "2026-03-04"),
        ("member", "pause", "leo", "--from", "2026-07-01", "--to", "2026-07-31", "--reason", "vac"),
        ("project", "new", "site", "--title", "Site", "--client", "MDA", "--client-kind", "ess"),
        ("project", "join", "site", "--as", "sam"),
        ("project", "start", "site", "--date", "2026-06-01", "--end", "2026-09-30"),
        ("project", "close", "site", "--date", "2026-09-30"),
        ("role", "leave", "tresorerie", "--date", "2026-10-01", "--as", "sam"),
        ("member", "leave", "leo", "--date", "2026-11-01"),
    ]  # fmt: skip
    for step in steps:
        done = repo.run(*step)
        assert done.returncode == 0, (step, done.stderr)


def test_every_command_is_told_in_words(tmp_path: Path) -> None:
    repo = make(tmp_path)
    _story(repo)
    assert _summaries(repo) == [
        ("member:leo", "leo left the collective on 2026-11-01"),
        ("role:tresorerie", "leo left the role tresorerie (last day 2026-10-31)"),
        ("role:tresorerie", "sam left the role tresorerie (last day 2026-09-30)"),
        ("project:site", "the project site was closed"),
        (
            "project:site",
            "the project site started on 2026-06-01; "
            "the project site changed: end (— → 2026-09-30)",
        ),
        ("project:site", "sam joined the project site"),
        ("project:site", "new project site: Site, for MDA"),
        ("member:leo", "leo paused from 2026-07-01 to 2026-07-31 (vac)"),
        ("member:camille", "camille logged 2.5 h of support (tresorerie) on 2026-03-04"),
        (
            "role:tresorerie",
            "leo joined the role tresorerie on 2026-03-01; "
            "leo ended training for tresorerie (last day 2026-02-28)",
        ),
        ("role:tresorerie", "leo started training for tresorerie on 2026-02-01"),
        ("collective", "the collective Atelier Test was created"),
        ("member:camille", "camille joined the collective on 2015-01-10"),
        ("member:leo", "leo joined the collective on 2020-01-10"),
        ("member:sam", "sam joined the collective on 2019-05-01"),
        ("role:tresorerie", "new role tresorerie: Trésorerie"),
    ]
    first = _history(repo)[0]
    assert first["author"] == "Camille"
    assert first["sha"] == repo.head()
    assert first["date"].startswith(repo.last("%aI")[:10])
    assert set(first) == {"sha", "date", "author", "subject", "summary"}


def test_one_subject(tmp_path: Path) -> None:
    repo = make(tmp_path)
    _story(repo)
    assert _summaries(repo, "member:leo") == [
        ("member:leo", "leo left the collective on 2026-11-01"),
        ("member:leo", "leo paused from 2026-07-01 to 2026-07-31 (vac)"),
        ("member:leo", "leo joined the collective on 2020-01-10"),
    ]
    assert [s for _, s in _summaries(repo, "member:camille")][:1] == [
        "camille logged 2.5 h of support (tresorerie) on 2026-03-04"
    ]
    assert len(_summaries(repo, "project:site")) == 4
    assert _summaries(repo, "collective") == [
        ("collective", "the collective Atelier Test was created")
    ]


def test_text_output_in_french(tmp_path: Path) -> None:
    repo = make(tmp_path)
    _story(repo)
    done = repo.run("history", "role:tresorerie", lang="fr")
    assert done.returncode == 0, done.stderr
    text = plain(done.stdout)
    assert "leo a quitté le rôle tresorerie (dernier jour : 2026-10-31)" in text
    assert "Camille" in text and repo.head()[:10] in text
    assert "rôle tresorerie  leo a quitté" in text  # the subject, said in French


def test_hand_made_changes(tmp_path: Path) -> None:
    repo = make(tmp_path, {**FILES, "projects/site.yaml": SITE})
    paid = SITE + "payouts:\n  - {member: camille, amount: 950}\n"
    _commit_by_hand(repo, "projects/site.yaml", paid, "paid")
    config = (
        repo.read("collectif.yaml").replace('"2026-01"', '"2026-02"') + "  truck_factor_min: 2\n"
    )
    _commit_by_hand(repo, "collectif.yaml", config, "charter")
    role = repo.read("roles/tresorerie.yaml").replace("active: true", "active: false")
    _commit_by_hand(repo, "roles/tresorerie.yaml", role, "retire")
    comment = repo.read("members/sam.yaml") + "# a comment\n"
    _commit_by_hand(repo, "members/sam.yaml", comment, "comment")
    _commit_by_hand(repo, "members/sam.yaml", "name: [\n", "broken")
    month = "".join(f"- {{date: 2026-04-0{day}, hours: 1, kind: meeting}}\n" for day in range(1, 6))
    _commit_by_hand(repo, "contributions/sam/2026-04.yaml", month, "april")
    assert _summaries(repo)[:6] == [
        ("member:sam", "sam logged 5 entries in 2026-04, 5 h in all"),
        ("member:sam", "members/sam.yaml changed"),
        ("member:sam", "members/sam.yaml: only comments or layout changed"),
        ("role:tresorerie", "the role tresorerie was retired"),
        (
            "collective",
            "new charter version 2026-02; the charter changed: truck_factor_min (3 → 2)",
        ),
        ("project:site", "payouts recorded in site for camille"),
    ]


def test_a_subfolder_collective(tmp_path: Path) -> None:
    repo = make(tmp_path, sub="atelier")
    (repo.top / "README.md").write_text("hi\n")
    repo.git("add", "README.md")
    repo.git("commit", "-q", "-m", "readme")
    assert repo.run("log", "1", "meeting", "--date", "2026-03-04").returncode == 0
    assert _summaries(repo, "member:camille") == [
        ("member:camille", "camille logged 1 h of meeting on 2026-03-04"),
        ("member:camille", "camille joined the collective on 2015-01-10"),
    ]
    assert len(_history(repo)) == 6


def test_no_history_yet(tmp_path: Path) -> None:
    root = collective(tmp_path / "repo", FILES)
    git(root, "init", "-q", "-b", "main")
    repo = Repo(root, root)
    assert _history(repo) == []
    done = repo.run("history", "member:leo")
    assert done.returncode == 0 and "No history yet for member:leo." in done.stdout


def test_a_subject_must_be_one(tmp_path: Path) -> None:
    top = collective(tmp_path / "repo", FILES)
    git_repo(top)
    repo = Repo(top, top)
    for wrong in ("leo", "member:", "team:leo", "member:Leo"):
        done = repo.run("history", wrong)
        assert done.returncode == 2, wrong
        assert (
            "is not a subject: write member:ID, role:ID, project:ID, meeting:ID or" in done.stderr
        )


def test_placeholders_of_empty_folders_are_not_history(tmp_path: Path) -> None:
    root = collective(tmp_path, {"members/ana.yaml": member("Ana")})
    (root / "roles").mkdir()
    (root / "roles/.gitkeep").write_text("")
    git_repo(root)
    done = run("history", "--repo", str(root), "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert "ana" in done.stdout and ".gitkeep" not in done.stdout


def test_hostile_titles_names_and_file_names_are_shown_not_obeyed(tmp_path: Path) -> None:
    repo = make(tmp_path)
    title = r'"Tr\e[2J\e]0;pwned\a\r\n::add-mask::secret\N\L\u202e"'
    (repo.root / "roles/evil.yaml").write_text(f"title: {title}\nkind: support\n")
    (repo.root / "members/bad\x1b[2Jname.yaml").write_text(member("Bad"))
    repo.git("add", "-A")
    author = "Eve\x1b[2J\x1b]0;x\x07\r::error::x"
    repo.git("-c", f"user.name={author}", "commit", "-q", "-m", "evil")
    for output in ("text", "json"):
        done = repo.run("history", "--format", output)
        assert done.returncode == 0, done.stderr
        assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e]", done.stdout)
        assert not any(line.startswith("::") for line in done.stdout.splitlines())
    text = repo.run("history").stdout
    assert "Eve\\x1b[2J\\x1b]0;x\\x07" in text
    assert "new role evil: Tr\\x1b[2J\\x1b]0;pwned\\x07\\r\\n::add-mask::secret\\x85\\u2028" in text
    assert "bad\\x1b[2Jname" in text
    # JSON is for scripts: its strings read back as they were.
    titles = [item["summary"] for item in _history(repo) if item["subject"] == "role:evil"]
    assert titles == [
        "new role evil: Tr\x1b[2J\x1b]0;pwned\x07\r\n::add-mask::secret\x85\u2028\u202e"
    ]


def test_a_shallow_clone_says_its_history_is_cut(tmp_path: Path) -> None:
    source = collective(tmp_path / "source", {"members/leo.yaml": member("Leo")})
    git_repo(source)
    (source / "members/leo.yaml").write_text(member("Leo") + "skills: [web]\n")
    git(source, "commit", "-qam", "skills")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{source}", str(clone))
    done = run("history", "--repo", str(clone), "--lang", "en")
    assert done.returncode == 0
    assert "shallow" in done.stderr and "--unshallow" in done.stderr


def test_changed_keys_are_told_with_their_old_and_new_values(tmp_path: Path) -> None:
    """`truck_factor_min (3 → 2)`: each changed key with its values, the key in
    the reader's language; a long value or a list of records is only named."""
    repo = make(tmp_path, {**FILES, "projects/site.yaml": SITE})
    config = repo.read("collectif.yaml") + "  truck_factor_min: 2\n"
    _commit_by_hand(repo, "collectif.yaml", config, "charter")
    skills = repo.read("members/sam.yaml") + "skills: [graphisme, formation]\n"
    _commit_by_hand(repo, "members/sam.yaml", skills, "skills")
    english = plain(repo.run("history", "--lang", "en").stdout)
    assert "the charter changed: truck_factor_min (3 → 2)" in english
    assert "sam's details changed: skills (— → graphisme, formation)" in english
    french = plain(repo.run("history", lang="fr").stdout)
    assert "(3 → 2)" in french and "truck_factor_min (3" not in french


def test_an_entry_corrected_by_someone_else_is_told_as_a_change(tmp_path: Path) -> None:
    """Field note: a member corrects another's 3 h into 3.5 h; history says the entry changed,
    under the name of who committed it, not that its member logged one and took one off."""
    repo = make(tmp_path)
    logged = repo.run("log", "3", "support", "--ref", "tresorerie", "--date", "2026-09-18",
                      "--as", "sam")  # fmt: skip
    assert logged.returncode == 0, logged.stderr
    path = "contributions/sam/2026-09.yaml"
    _commit_by_hand(repo, path, repo.read(path).replace("hours: 3", "hours: 3.5"), "fix")
    assert _summaries(repo)[0] == (
        "member:sam",
        "the entry of sam on 2026-09-18 (support) changed: 3 h → 3.5 h",
    )
    french = plain(repo.run("history", "member:sam", lang="fr").stdout)
    assert "la saisie de sam du 2026-09-18 (support) a changé : 3 h → 3,5 h" in french
    assert "a retiré" not in french
