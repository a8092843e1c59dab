"""Results built directly from findings, for the report tests: statuses, both languages, accents."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from collectif.i18n import Lang
from collectif.model.finding import Placed, Severity, Status
from collectif.model.message import Message, Money, msg
from collectif.report.result import Result

AS_OF = date(2026, 11, 1)
BASE = "rev:" + "b" * 40
HEAD = "rev:" + "a" * 40
CHECKS = ["schema", "references", "irreplaceable", "cotraitance", "minimum"]


def finding(
    check: str = "references",
    subject: str = "role:tresorerie",
    file: str = "roles/tresorerie.yaml",
    message: Message | None = None,
    line: int = 5,
    column: int = 1,
    period: str | None = None,
    severity: Severity = Severity.ERROR,
    status: Status | None = None,
) -> Placed:
    return Placed(
        check=check,
        subject=subject,
        file=file,
        message=message or msg("unknown member `{ref}`: there is no members/{ref}.yaml", ref="zoe"),
        period=period,
        severity=severity,
        line=line,
        column=column,
        status=status,
    )


def result(
    findings: list[Placed],
    lang: Lang = "en",
    base: str | None = None,
    checks: list[str] | None = None,
) -> Result:
    return Result(
        as_of=AS_OF,
        source=HEAD if base is not None else "worktree",
        checks=checks or CHECKS,
        findings=sorted(findings, key=Placed.sort_key),
        lang=lang,
        base=base,
    )


def paid_more(member: str = "Léo", amount: str = "270") -> Message:
    return msg(
        "{member} received {amount} more", member=member, amount=Money(Decimal(amount), "EUR")
    )


def review(lang: Lang = "en") -> Result:
    """A change with a new error and a new warning, old ones left as they were, one fix."""
    return result(
        [
            finding(
                "cotraitance",
                "project:trésorerie-2026",
                "projects/trésorerie-2026.yaml",
                paid_more(),
                line=21,
                column=7,
                period="2026-Q3",
                status=Status.NEW,
            ),
            finding(
                "irreplaceable",
                "role:accueil",
                "roles/accueil.yaml",
                msg("the skill {skill} is listed by fewer than two members", skill="café"),
                line=3,
                severity=Severity.WARNING,
                status=Status.NEW,
            ),
            finding(status=Status.EXISTING),
            finding(
                "minimum",
                "member:léo",
                "members/léo.yaml",
                msg("{member} gave {hours} hours", member="Léo", hours=Decimal("3.5")),
                line=1,
                period="2026-10",
                severity=Severity.WARNING,
                status=Status.EXISTING,
            ),
            finding(
                subject="role:accueil",
                file="roles/accueil.yaml",
                message=msg("unknown member `{ref}`: there is no members/{ref}.yaml", ref="yan"),
                line=8,
                status=Status.FIXED,
            ),
        ],
        lang=lang,
        base=BASE,
    )


def many(count: int, status: Status | None = None, message_chars: int = 60) -> list[Placed]:
    """`count` distinct findings, one error in three, with messages of about `message_chars`."""
    text = ("Trésorerie € " * (message_chars // 13 + 1))[:message_chars]
    return [
        finding(
            subject=f"member:m{i}",
            file=f"members/m{i}.yaml",
            message=msg("{text} #{i}", text=text, i=i),
            line=i % 50 + 1,
            severity=Severity.ERROR if i % 3 == 0 else Severity.WARNING,
            status=status,
        )
        for i in range(count)
    ]
