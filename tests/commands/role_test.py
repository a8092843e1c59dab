"""`collectif role join|leave|train`: one commit each, by the member, the file kept as written."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.commands.recording import FILES, ROLE, Repo, make, plain
from tests.helpers import collective, findings, git, member


def test_join_adds_me_as_holder_and_keeps_every_comment(tmp_path: Path) -> None:
    repo = make(tmp_path)
    before = repo.count()
    done = repo.run("role", "join", "tresorerie", "--since", "2026-03-01", "--as", "leo")
    assert done.returncode == 0, done.stderr
    assert "role: leo joins tresorerie" in done.stdout
    assert repo.read("roles/tresorerie.yaml") == ROLE.replace(
        "  - {member: sam, since: 2025-01-01}   # since the AG\n",
        "  - {member: sam, since: 2025-01-01}   # since the AG\n"
        "  - {member: leo, since: 2026-03-01}\n",
    )
    assert repo.count() == before + 1
    assert repo.changed() == ["roles/tresorerie.yaml"]
    assert repo.last("%s") == "role: leo joins tresorerie"
    # --as leaves a trace: the author is leo, the committer the person at the keyboard
    assert repo.last("%an <%ae>|%cn <%ce>") == "Leo <leo@example.org>|Camille <camille@example.org>"
    assert repo.status() == ""
    assert repo.leftovers() == []


def test_i_am_the_member_with_gits_email(tmp_path: Path) -> None:
    repo = make(tmp_path)
    repo.git("config", "user.email", "LEO@example.org")
    done = repo.run("role", "join", "tresorerie", "--since", "2026-03-01")
    assert done.returncode == 0, done.stderr
    assert repo.last("%s|%ae") == "role: leo joins tresorerie|leo@example.org"


def test_without_a_known_email_it_says_how_to_fix_it(tmp_path: Path) -> None:
    repo = make(tmp_path)
    repo.git("config", "user.email", "nobody@example.org")
    done = repo.run("role", "join", "tresorerie")
    assert done.returncode == 2
    assert "No member has the email nobody@example.org" in done.stderr
    assert "--as" in done.stderr and "git config user.email" in done.stderr
    repo.git("config", "--unset", "user.email")
    done = repo.run("role", "join", "tresorerie")
    assert done.returncode == 2
    assert "user.email is not set" in done.stderr
    french = repo.run("role", "join", "tresorerie", lang="fr")
    assert "Qui êtes-vous ?" in plain(french.stderr)
    assert "Traceback" not in done.stderr + french.stderr


def test_as_must_name_a_member(tmp_path: Path) -> None:
    repo = make(tmp_path)
    done = repo.run("role", "join", "tresorerie", "--as", "zoe")
    assert done.returncode == 2
    assert "There is no member `zoe`" in done.stderr
    done = repo.run("role", "join", "tresorerie", "--as", "Zoé")
    assert done.returncode == 2 and "not a valid id" in done.stderr


def test_join_before_joining_the_collective_is_refused(tmp_path: Path) -> None:
    repo = make(tmp_path)
    before = (repo.head(), repo.read("roles/tresorerie.yaml"))
    done = repo.run("role", "join", "tresorerie", "--since", "2019-01-01", "--as", "leo")
    assert done.returncode == 1
    assert "Nothing was written" in done.stderr
    assert "roles/tresorerie.yaml:" in done.stderr and "[references]" in done.stderr
    assert "leo only joined on 2020-01-10" in done.stderr
    assert (repo.head(), repo.read("roles/tresorerie.yaml")) == before
    assert repo.status() == "" and repo.leftovers() == []


def test_a_refusal_speaks_the_members_language(tmp_path: Path) -> None:
    repo = make(tmp_path)
    done = repo.run("role", "join", "tresorerie", "--since", "2019-01-01", "--as", "leo", lang="fr")
    assert done.returncode == 1
    assert "Rien n'a été écrit : ce changement apporterait 1 nouvelle erreur." in plain(done.stderr)


def test_an_error_already_there_does_not_block(tmp_path: Path) -> None:
    files = dict(FILES)
    files["roles/com.yaml"] = (
        "title: Com\nkind: support\nholders:\n  - {member: ghost, since: 2025-01-01}\n"
    )
    repo = make(tmp_path, files)
    done = repo.run("role", "join", "tresorerie", "--since", "2026-03-01", "--as", "leo")
    assert done.returncode == 0, done.stderr


def test_join_twice_is_a_clear_error(tmp_path: Path) -> None:
    repo = make(tmp_path)
    done = repo.run("role", "join", "tresorerie", "--as", "sam")
    assert done.returncode == 2
    assert "You already hold Trésorerie, since 2025-01-01." in done.stderr


def test_unknown_role_and_bad_dates_are_clear_errors(tmp_path: Path) -> None:
    repo = make(tmp_path)
    done = repo.run("role", "join", "compta", "--as", "leo")
    assert done.returncode == 2 and "There is no role `compta`" in done.stderr
    done = repo.run("role", "join", "tresorerie", "--since", "2026-13-01", "--as", "leo")
    assert done.returncode == 2 and "--since: `2026-13-01` is not a date" in done.stderr
    assert repo.count() == 1


def test_leave_sets_until_to_the_day_before(tmp_path: Path) -> None:
    repo = make(tmp_path)
    done = repo.run("role", "leave", "tresorerie", "--date", "2026-07-01", "--as", "camille")
    assert done.returncode == 0, done.stderr
    assert repo.read("roles/tresorerie.yaml") == ROLE.replace(
        "{member: camille, since: 2025-01-01, until: null}",
        "{member: camille, since: 2025-01-01, until: 2026-06-30}",
    )
    assert repo.last("%s|%an") == "role: camille leaves tresorerie|Camille"


def test_leave_adds_until_where_there_was_none(tmp_path: Path) -> None:
    repo = make(tmp_path)
    done = repo.run("role", "leave", "tresorerie", "--date", "2026-07-01", "--as", "sam")
    assert done.returncode == 0, done.stderr
    text = repo.read("roles/tresorerie.yaml")
    assert "  - {member: sam, since: 2025-01-01, until: 2026-06-30}   # since the AG\n" in text
    assert text == ROLE.replace(
        "since: 2025-01-01}   #", "since: 2025-01-01, until: 2026-06-30}   #"
    )


def test_leave_a_role_i_do_not_hold(tmp_path: Path) -> None:
    repo = make(tmp_path)
    done = repo.run("role", "leave", "tresorerie", "--as", "leo")
    assert done.returncode == 2
    assert "You do not hold Trésorerie nor train for it" in done.stderr


def test_the_last_but_one_holder_cannot_leave(tmp_path: Path) -> None:
    repo = make(
        tmp_path,
        {**FILES, "roles/tresorerie.yaml": ROLE.replace("min_holders: 1", "min_holders: 2")},
    )
    before = repo.head()
    done = repo.run("role", "leave", "tresorerie", "--as", "sam")
    assert done.returncode == 1
    assert "[irreplaceable]" in done.stderr and "roles/tresorerie.yaml" in done.stderr
    assert repo.head() == before and repo.status() == ""


def test_joining_a_role_short_of_holders_is_welcome_even_if_still_short(tmp_path: Path) -> None:
    # the role already lacks holders: one more is progress, not a new problem to refuse
    role = ROLE.replace("min_holders: 1", "min_holders: 4")
    repo = make(tmp_path, {**FILES, "roles/tresorerie.yaml": role})
    done = repo.run("role", "join", "tresorerie", "--since", "2026-03-01", "--as", "leo")
    assert done.returncode == 0, done.stderr
    assert repo.last("%s") == "role: leo joins tresorerie"
    [still] = findings(repo.root, "2026-11-01", only="irreplaceable")
    assert still.details == {"holders": ["camille", "sam", "leo"], "min_holders": 4, "trainees": []}


def test_train_then_join_ends_the_training(tmp_path: Path) -> None:
    repo = make(tmp_path)
    done = repo.run("role", "train", "tresorerie", "--since", "2026-02-01", "--as", "leo")
    assert done.returncode == 0, done.stderr
    assert repo.last("%s") == "role: leo trains for tresorerie"
    trained = repo.read("roles/tresorerie.yaml")
    assert trained == ROLE.replace(
        "# people in training come here\n",
        "trainees:\n  - {member: leo, since: 2026-02-01}\n# people in training come here\n",
    )
    again = repo.run("role", "train", "tresorerie", "--as", "leo")
    assert again.returncode == 2 and "You already train for Trésorerie" in again.stderr
    done = repo.run("role", "join", "tresorerie", "--since", "2026-05-01", "--as", "leo")
    assert done.returncode == 0, done.stderr
    text = repo.read("roles/tresorerie.yaml")
    assert "  - {member: leo, since: 2026-02-01, until: 2026-04-30}\n" in text
    assert "  - {member: leo, since: 2026-05-01}\n" in text


def test_train_for_a_role_i_hold(tmp_path: Path) -> None:
    repo = make(tmp_path)
    done = repo.run("role", "train", "tresorerie", "--as", "camille")
    assert done.returncode == 2 and "no need to train" in done.stderr


def test_leave_a_training(tmp_path: Path) -> None:
    repo = make(tmp_path)
    assert (
        repo.run("role", "train", "tresorerie", "--since", "2026-02-01", "--as", "leo").returncode
        == 0
    )
    done = repo.run("role", "leave", "tresorerie", "--date", "2026-03-01", "--as", "leo")
    assert done.returncode == 0, done.stderr
    assert repo.last("%s") == "role: leo ends training for tresorerie"
    assert "{member: leo, since: 2026-02-01, until: 2026-02-28}" in repo.read(
        "roles/tresorerie.yaml"
    )


def test_a_retired_role_cannot_be_joined(tmp_path: Path) -> None:
    repo = make(
        tmp_path, {**FILES, "roles/tresorerie.yaml": ROLE.replace("active: true", "active: false")}
    )
    done = repo.run("role", "join", "tresorerie", "--as", "leo")
    assert done.returncode == 2 and "retired" in done.stderr


# The user's own work is never swept up ------------------------------------------------------


def _dirty(repo: Repo) -> dict[str, str]:
    """Staged and unstaged changes of the user in other files, and an untracked file."""
    repo.write("members/sam.yaml", repo.read("members/sam.yaml") + "skills: [compta]\n")
    repo.git("add", "members/sam.yaml")
    repo.write("members/sam.yaml", repo.read("members/sam.yaml") + "# still thinking\n")
    repo.write("members/camille.yaml", repo.read("members/camille.yaml") + "# draft\n")
    repo.write("notes.txt", "ideas\n")
    return {
        "staged": repo.git("diff", "--cached"),
        "unstaged": repo.git("diff"),
        "sam": repo.read("members/sam.yaml"),
        "camille": repo.read("members/camille.yaml"),
    }


def test_other_staged_and_unstaged_changes_stay_as_they_were(tmp_path: Path) -> None:
    repo = make(tmp_path)
    dirty = _dirty(repo)
    done = repo.run("role", "join", "tresorerie", "--since", "2026-03-01", "--as", "leo")
    assert done.returncode == 0, done.stderr
    assert repo.changed() == ["roles/tresorerie.yaml"]
    assert repo.git("diff", "--cached") == dirty["staged"]
    assert repo.git("diff") == dirty["unstaged"]
    assert repo.read("members/sam.yaml") == dirty["sam"]
    assert repo.read("members/camille.yaml") == dirty["camille"]
    assert "roles/tresorerie.yaml" not in repo.status()
    assert "?? notes.txt" in repo.status()


@pytest.mark.parametrize("stage", [False, True])
def test_a_file_with_uncommitted_edits_is_not_touched(tmp_path: Path, stage: bool) -> None:
    repo = make(tmp_path)
    edited = repo.read("roles/tresorerie.yaml") + "# my own edit\n"
    repo.write("roles/tresorerie.yaml", edited)
    if stage:
        repo.git("add", "roles/tresorerie.yaml")
    done = repo.run("role", "join", "tresorerie", "--since", "2026-03-01", "--as", "leo")
    assert done.returncode == 2
    assert "roles/tresorerie.yaml has changes that are not committed" in done.stderr
    assert repo.read("roles/tresorerie.yaml") == edited
    assert repo.count() == 1


def test_a_collective_in_a_subfolder(tmp_path: Path) -> None:
    repo = make(tmp_path, sub="atelier")
    (repo.top / "README.md").write_text("hello\n")
    done = repo.run("role", "join", "tresorerie", "--since", "2026-03-01", "--as", "leo")
    assert done.returncode == 0, done.stderr
    assert repo.changed() == ["atelier/roles/tresorerie.yaml"]
    assert "{member: leo, since: 2026-03-01}" in repo.read("roles/tresorerie.yaml")
    assert repo.status() == "?? README.md\n"
    refused = repo.run("role", "join", "tresorerie", "--since", "2019-01-01", "--as", "camille")
    assert refused.returncode == 2  # camille already holds it
    repo.write("roles/tresorerie.yaml", repo.read("roles/tresorerie.yaml") + "# mine\n")
    dirty = repo.run("role", "leave", "tresorerie", "--as", "camille")
    assert dirty.returncode == 2 and "atelier/roles/tresorerie.yaml" in dirty.stderr


def test_a_repository_without_commits(tmp_path: Path) -> None:
    """The first commit has no parent; files never committed are the user's, not ours."""
    root = tmp_path / "repo"
    collective(root, FILES)
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.email", "leo@example.org")
    repo = Repo(root, root)
    refused = repo.run("role", "join", "tresorerie", "--since", "2026-03-01")
    assert refused.returncode == 2 and "not committed" in refused.stderr
    # A change on top of nothing would be a commit that holds one file and no collective.
    refused = repo.run("log", "2", "meeting", "--date", "2026-03-04")
    assert refused.returncode == 2 and "not committed yet" in refused.stderr
    assert "HEAD" not in repo.git("for-each-ref")
    assert "contributions" not in repo.status()


def test_outside_git_it_says_so(tmp_path: Path) -> None:
    root = collective(tmp_path / "plain", FILES)
    repo = Repo(root, root)
    done = repo.run("role", "join", "tresorerie", "--as", "leo")
    assert done.returncode == 2
    assert "not in a git repository" in done.stderr


def test_a_member_file_written_by_hand_is_kept(tmp_path: Path) -> None:
    text = member("Leo", joined="2020-01-10")
    repo = make(tmp_path, {**FILES, "members/leo.yaml": text})
    assert repo.run("role", "join", "tresorerie", "--as", "leo").returncode == 0
    assert repo.read("members/leo.yaml") == text


def test_leaving_on_the_day_one_joined_takes_the_holding_back(tmp_path: Path) -> None:
    """A holding left on its first day never took effect: it is removed, rather than given an
    end the day before its start (a `references` error)."""
    repo = make(tmp_path)
    assert repo.run("role", "join", "tresorerie", "--as", "leo").returncode == 0
    joined = repo.read("roles/tresorerie.yaml")
    assert "member: leo" in joined
    done = repo.run("role", "leave", "tresorerie", "--as", "leo")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "member: leo" not in repo.read("roles/tresorerie.yaml")
    assert repo.read("roles/tresorerie.yaml") == ROLE
    assert findings(repo.root, "2026-11-01", only="references") == []
