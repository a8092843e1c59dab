"""What the money and time checks share: owed days, the revenue window, numbers shown."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from collectif.checks.periods import period_of
from collectif.checks.shares import cents, hours_shown, owed_days, percent, signed_in_window
from collectif.model.collective import Collective
from collectif.model.files import CollectiveFile, Member, Pause, Project
from collectif.model.rules import validate

MARCH = period_of(date(2026, 3, 1), "month")


def someone(joined: str = "2020-01-01", left: str | None = None, *pauses: Pause) -> Member:
    return validate(
        Member,
        {
            "name": "M",
            "email": "m@example.org",
            "joined": joined,
            "left": left,
            "pauses": list(pauses),
        },
    )


def pause(start: str, to: str | None = None) -> Pause:
    return validate(Pause, {"from": start, "to": to})


def test_owed_days_of_a_whole_month() -> None:
    assert owed_days(someone(), MARCH) == 31


def test_left_is_the_first_day_without_membership() -> None:
    assert owed_days(someone(left="2026-03-02"), MARCH) == 1
    assert owed_days(someone(left="2026-03-01"), MARCH) == 0


def test_joined_on_the_last_day() -> None:
    assert owed_days(someone("2026-03-31"), MARCH) == 1


def test_pauses_count_once_and_only_within_the_membership() -> None:
    member = someone(
        "2026-03-05",
        "2026-03-28",
        pause("2026-02-01", "2026-03-10"),
        pause("2026-03-08", "2026-03-12"),
        pause("2026-03-25"),
    )
    # member 5..27 (23 days), paused 5..12 and 25..27 (11 days)
    assert owed_days(member, MARCH) == 12


def test_a_pause_that_ends_before_it_starts_covers_nothing() -> None:
    assert owed_days(someone("2020-01-01", None, pause("2026-03-20", "2026-03-10")), MARCH) == 31


def test_cents_round_half_up() -> None:
    assert cents(Decimal("9.785")) == Decimal("9.79")
    assert cents(Decimal("0.125")) == Decimal("0.13")
    assert cents(Decimal("0.1") + Decimal("0.2")) == Decimal("0.30")


def test_percent_stays_on_its_side_of_the_limit() -> None:
    assert percent(Decimal("0.18"), Decimal("0.3")) == 18
    assert percent(Decimal("0.298"), Decimal("0.3")) == Decimal("29.8")
    assert percent(Decimal(1) / 3, Decimal("0.3333")) == Decimal("33.333")
    assert percent(Decimal("0.805"), Decimal("0.8")) == 81
    assert str(percent(Decimal("0.425"))) == "42.5"


def test_hours_shown_stay_above_what_was_given() -> None:
    assert hours_shown(Decimal(4) * 21 / 31, Decimal("1.5")) == Decimal("2.7")
    assert hours_shown(Decimal("2.64"), Decimal("2.6")) == Decimal("2.64")


def test_the_revenue_window() -> None:
    def project(signed: str | None, status: str = "done") -> Project:
        return validate(
            Project,
            {"title": "P", "client": "C", "client_kind": "ess", "status": status, "signed": signed},
        )

    collective = Collective(
        config=CollectiveFile(name="Test"),
        projects={
            "first-day": project("2025-04-01"),
            "before": project("2025-03-31"),
            "as-of": project("2026-03-31"),
            "after": project("2026-04-01"),
            "cancelled": project("2026-01-01", "cancelled"),
            "unsigned": project(None),
        },
    )
    assert list(signed_in_window(collective, date(2026, 3, 31), 12)) == ["as-of", "first-day"]
