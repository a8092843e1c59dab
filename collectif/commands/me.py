"""`collectif me`: where I stand today, and what to do next."""

from __future__ import annotations

import json
import sys
from datetime import date
from decimal import Decimal

from rich.console import Console
from rich.text import Text

from collectif import i18n
from collectif.checks import runner
from collectif.checks.base import Context
from collectif.checks.periods import said
from collectif.commands.options import WriteOptions, require_format
from collectif.engine.evaluate import examine, open_store
from collectif.engine.standing import Standing, standing
from collectif.engine.write import identify
from collectif.errors import EXIT_OK
from collectif.model.message import N_, Hours, Message, msg
from collectif.report.safe import shown
from collectif.store import place
from collectif.store.source import language_of, locate

FORMATS = ("text", "json")


def _next_steps(state: Standing) -> list[Message]:
    steps = []
    owed, prospected = state.owed, state.prospected
    if owed.remaining > 0 and not owed.newcomer:
        steps.append(
            msg(
                "log {hours} more of collective time by {end} (`collectif log HOURS KIND`)",
                hours=Hours(owed.remaining.quantize(Decimal("0.1"))),
                end=owed.end,
            )
        )
    missing = prospected.required - prospected.done
    if missing > 0 and not prospected.newcomer:
        steps.append(
            msg(
                "log {count} prospecting action(s) by {end} (`collectif log HOURS prospecting`)",
                count=missing,
                end=prospected.end,
            )
        )
    for holding in state.roles:
        if holding.months > state.max_tenure:
            steps.append(
                msg(
                    "hand {role} over: you have held it {months} months (`collectif role train "
                    "{role}` for a successor, then `collectif role leave {role}`)",
                    role=holding.role,
                    months=holding.months,
                )
            )
    if state.charter and state.signed != state.charter:
        steps.append(
            msg("sign the charter's version {version} (`collectif sign`)", version=state.charter)
        )
    return steps


def _print(state: Standing, lang: i18n.Lang) -> None:
    console = Console(highlight=False, soft_wrap=True)

    def say(message: Message, style: str = "") -> None:
        console.print(Text(shown(message, lang), style=style))

    say(
        msg("{name} ({member}), on {day}", name=state.name, member=state.member, day=state.day),
        "bold",
    )
    if state.roles:
        say(msg("Roles:"), "bold")
        tenure = N_("  {title} ({role}) since {since}: {months} months (the limit is {limit})")
        for holding in state.roles:
            say(msg(tenure, **holding._asdict(), limit=state.max_tenure))
    for holding in state.trainings:
        say(msg("  training for {title} since {since}", **holding._asdict()))
    owed = state.owed
    if owed.newcomer:
        said_owed = msg(
            "Collective time in {period}: {logged} logged, nothing asked yet (you joined in "
            "this period)",
            period=said(owed.period),
            logged=Hours(owed.logged),
        )
    else:
        said_owed = msg(
            "Collective time in {period}: {logged} logged of {required} asked",
            period=said(owed.period),
            logged=Hours(owed.logged),
            required=Hours(owed.required.quantize(Decimal("0.1"))),
        )
    say(said_owed, "bold")
    prospected = state.prospected
    say(
        msg(
            "Prospecting in {period}: {done} of {required}",
            period=said(prospected.period),
            done=prospected.done,
            required=prospected.required,
        ),
        "bold",
    )
    if state.findings:
        say(msg("What the checks say about you:"), "bold")
        for finding in state.findings:
            console.print(Text(f"  [{finding.check}] " + shown(finding.message, lang)))
    steps = _next_steps(state)
    if steps:
        say(msg("Next:"), "bold")
        for step in steps:
            say(msg("  - {step}", step=i18n.render(step, lang)))
    else:
        say(msg("Nothing is asked of you right now."), "green")


def _json(state: Standing) -> str:
    document = {
        "member": state.member,
        "date": state.day.isoformat(),
        "roles": [
            {"role": h.role, "since": h.since.isoformat(), "months": h.months} for h in state.roles
        ],
        "trainings": [{"role": h.role, "since": h.since.isoformat()} for h in state.trainings],
        "minimum": {
            "period": state.owed.period,
            "required": str(state.owed.required.quantize(Decimal("0.01"))),
            "logged": str(state.owed.logged),
            "newcomer": state.owed.newcomer,
        },
        "prospecting": {
            "period": state.prospected.period,
            "required": state.prospected.required,
            "done": state.prospected.done,
            "newcomer": state.prospected.newcomer,
        },
        "findings": [
            {
                "check": f.check,
                "file": f.file,
                "line": f.line,
                "message": i18n.render(f.message, "en"),
            }
            for f in state.findings
        ],
        "next": [i18n.render(step, "en") for step in _next_steps(state)],
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


def me(options: WriteOptions, output: str) -> int:
    """Print where I stand today, from the files as they are."""
    output = require_format(output, FORMATS)
    where = locate(options.repo)
    language = i18n.resolve(options.lang, language_of(where.folder))
    source = where.worktree()
    store = open_store(where.repository, no_cache=False)
    today = date.today()
    collective, run = examine(source, Context(as_of=today), runner.select(), store)
    if store is not None:
        store.save()
    member = identify(
        collective,
        where.repository.config("user.email") if where.repository else None,
        options.as_member,
    )
    findings = place.place(run.findings, source)
    state = standing(collective, member, today, findings)
    if output == "json":
        sys.stdout.write(_json(state) + "\n")
    else:
        _print(state, language)
    return EXIT_OK
