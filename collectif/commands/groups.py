"""The command groups (`member`, `role`, `project`, `hook`): one package each."""

from __future__ import annotations

import importlib
from typing import NamedTuple

import typer


class Group(NamedTuple):
    name: str
    module: str
    help: str

    def load(self) -> typer.Typer:
        app: typer.Typer = importlib.import_module(self.module).app
        return app


GROUPS = (
    Group(
        "member",
        "collectif.commands.member",
        "Add a member, change their details, record a departure or a pause.",
    ),
    Group(
        "role",
        "collectif.commands.role",
        "Create a role, join it, leave it, train for it or retire it.",
    ),
    Group(
        "project",
        "collectif.commands.project",
        "A project through its life: new, join, line, start, sign, pay, leave, close, cancel.",
    ),
    Group(
        "meeting",
        "collectif.commands.meeting",
        "Record a meeting, and say who should facilitate the next plenary.",
    ),
    Group(
        "contact",
        "collectif.commands.contact",
        "Share a client or prospect, record an exchange, or forget one who opted out.",
    ),
    Group("hook", "collectif.commands.hook", "Install collectif as a git pre-commit hook."),
)
