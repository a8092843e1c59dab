"""typer's usage errors, said in the reader's language."""

from __future__ import annotations

import pytest

from tests.helpers import run


@pytest.mark.parametrize(
    ("args", "french"),
    [
        (("chek",), "il n'y a pas de commande `chek` : vouliez-vous dire check ou schema ?"),
        (("check", "--foo"), "il n'y a pas d'option --foo : vouliez-vous dire --format ?"),
        (("member", "add", "x"), "il manque l'option --name : elle est obligatoire ici"),
        (("check", "--only"), "l'option --only attend une valeur"),
        (("members", "extra"), "argument(s) en trop : extra"),
    ],
)
def test_usage_errors_in_french(args: tuple[str, ...], french: str) -> None:
    done = run(*args, env={"COLLECTIF_LANG": "fr"})
    assert done.returncode == 2
    said = done.stderr.replace("\u00a0", " ").replace("\u202f", " ")
    assert said.startswith("Erreur d'utilisation : " + french), said
    assert "Traceback" not in said
