"""A French collective's first week by commands alone, as the field notes tell it: init, six
members (one who joined two years before the collective began recording its time with
collectif, one last month), three roles created by command, three projects through
their life, time, a pause, a departure, a new charter version signed by each member in turn.
Every commit the commands make brings no error of its own (`check --rev` against its parent),
and no English sentence of the catalog appears in the French output."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

from collectif.i18n.catalog import extract
from tests.helpers import git, run

TODAY = date.today()
LAST_MONTH = (TODAY.replace(day=1) - timedelta(days=1)).replace(day=4)
SOON = (TODAY + timedelta(days=45)).isoformat()
LATER = (TODAY + timedelta(days=120)).isoformat()


class Story:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.said: list[str] = []

    def do(self, *args: str, who: str = "sophie") -> None:
        done = run(*args, "--as", who, "--repo", str(self.root), env={"COLLECTIF_LANG": "fr"})
        assert done.returncode == 0, (args, done.stdout, done.stderr)
        self.said += [done.stdout, done.stderr]
        self.no_new_error()

    def errors(self, rev: str) -> set[tuple[str, str, str]]:
        done = run("check", "--rev", rev, "--repo", str(self.root), "--format", "json")
        found = json.loads(done.stdout)["findings"]
        return {(f["check"], f["subject"], f["message"]) for f in found if f["severity"] == "error"}

    def no_new_error(self) -> None:
        assert self.errors("HEAD") <= self.errors("HEAD~1")


def _english_sentences() -> list[str]:
    """The catalog's English ids that are whole sentences without placeholders."""
    ids = [msgid for msgid in extract() if isinstance(msgid, str)]  # plural pairs are tuples
    return [
        msgid
        for msgid in ids
        if "{" not in msgid and len(msgid.split()) >= 4 and re.search(r"[a-z]\.$", msgid)
    ]


def test_a_french_collectives_first_week(tmp_path: Path) -> None:
    identity = {
        "GIT_AUTHOR_NAME": "Sophie Lemaire",
        "GIT_AUTHOR_EMAIL": "sophie@lebocal.fr",
        "GIT_COMMITTER_NAME": "Sophie Lemaire",
        "GIT_COMMITTER_EMAIL": "sophie@lebocal.fr",
    }
    init = run("init", "bocal", "--lang", "fr", "--name", "Le Bocal", cwd=tmp_path, env=identity)
    assert init.returncode == 0, init.stderr
    root = tmp_path / "bocal"
    git(root, "config", "user.name", "Sophie Lemaire")
    git(root, "config", "user.email", "sophie@lebocal.fr")
    story = Story(root)
    story.said.append(init.stdout)
    for member, name, joined in (
        ("lucas", "Lucas Roy", "2024-03-15"),  # before `records_from`: owes nothing before
        ("amina", "Amina Diallo", LAST_MONTH.isoformat()),
        ("hugo", "Hugo Lefebvre", TODAY.isoformat()),
        ("chloe", "Chloé Martin", TODAY.isoformat()),
        ("thomas", "Thomas Petit", TODAY.isoformat()),
    ):
        story.do("member", "add", member, "--name", name, "--email", f"{member}@lebocal.fr",
                 "--date", joined)  # fmt: skip
    story.do("member", "set", "lucas", "--skills", "comptabilite,web", who="lucas")
    story.do("member", "set", "thomas", "--skills", "comptabilite", who="thomas")
    story.do("role", "new", "tresorerie", "--title", "Trésorerie", "--kind", "support",
             "--holders", "lucas,thomas", "--skills", "comptabilite")  # fmt: skip
    story.do("role", "new", "communication", "--title", "Communication", "--kind", "support",
             "--holders", "amina,sophie")  # fmt: skip
    story.do("role", "new", "facilitation", "--title", "Facilitation", "--kind", "facilitation",
             "--holders", "hugo,chloe")  # fmt: skip
    story.do("role", "train", "tresorerie", who="hugo")
    for project, client, kind in (
        ("refonte-identite", "Decathlon", "big_account"),
        ("site-asso", "Les Amis du Parc", "ess"),
        ("formation-canva", "Mairie de Roubaix", "public"),
    ):
        story.do("project", "new", project, "--title", project, "--client", client,
                 "--client-kind", kind)  # fmt: skip
        story.do("project", "join", project, who="lucas")
        story.do("project", "line", project, "--member", "sophie", "--what", "direction",
                 "--days", "3", "--rate", "450")  # fmt: skip
        story.do("project", "line", project, "--member", "lucas", "--what", "intégration",
                 "--amount", "2000")  # fmt: skip
        story.do("project", "start", project, "--end", SOON)
        story.do("project", "sign", project, "--date", TODAY.isoformat())
    story.do("project", "pay", "refonte-identite")
    story.do("project", "close", "refonte-identite")
    story.do("project", "cancel", "formation-canva")
    for member in ("lucas", "amina"):
        story.do("log", "4", "support", "--ref", "tresorerie" if member == "lucas" else
                 "communication", "--date", LAST_MONTH.isoformat(), who=member)  # fmt: skip
    story.do("log", "2", "meeting", "--note", "première plénière")
    story.do("log", "1.5", "prospecting", who="amina")
    story.do("log", "--remove", TODAY.isoformat(), "--kind", "prospecting", who="amina")
    story.do("member", "pause", "amina", "--from", SOON, "--to", LATER, "--reason",
             "congé maladie")  # fmt: skip
    story.do("role", "train", "communication", who="chloe")
    story.do("role", "join", "tresorerie", who="hugo")
    story.do("member", "leave", "thomas", "--date", LATER, who="thomas")
    text = (root / "collectif.yaml").read_text(encoding="utf-8")
    version = f"{TODAY:%Y-%m}"
    text = text.replace(f'version: "{version}"', 'version: "2099-01"')
    text = text.replace("adopted: null", f"adopted: {TODAY.isoformat()}")
    (root / "collectif.yaml").write_text(text, encoding="utf-8")
    git(root, "commit", "-qam", "charte 2099-01, adoptée en plénière")
    story.no_new_error()  # a new version alone: earlier signatures count during the grace
    for member in ("sophie", "lucas", "amina", "hugo", "chloe", "thomas"):
        story.do("sign", who=member)
    for command in (("me", "--as", "sophie"), ("members",), ("roles",), ("history",), ("check",)):
        done = run(*command, "--repo", str(root), env={"COLLECTIF_LANG": "fr"})
        assert done.returncode in (0, 1), (command, done.stderr)
        story.said += [done.stdout, done.stderr]
    french = "\n".join(story.said)
    assert "Enregistré" in french and "Recorded" not in french
    leaks = [sentence for sentence in _english_sentences() if sentence in french]
    assert leaks == []
