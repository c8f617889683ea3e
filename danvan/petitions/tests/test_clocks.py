"""Deadline arithmetic on the seeded calendar: weekends, Tết, substitute and make-up days, office
hours, the rule version in force on the filing date (1/7/2026), extensions and escalation."""

import datetime as dt
from types import SimpleNamespace

import pytest

from danvan.petitions import clocks, seeds

D = dt.date
CAL = clocks.calendar_from([(D.fromisoformat(day), kind) for day, kind, _name in seeds.HOLIDAYS])


def rule(clock: str, effective_from: D) -> SimpleNamespace:
    """A seeded rule version as a plain object (the arithmetic needs no database)."""
    for name, start, _title, _basis, values in seeds.CLOCK_RULES:
        if name == clock and start == effective_from:
            defaults = {
                "filing_limit_days": None,
                "ack_working_hours": None,
                "accept_day_kind": "calendar",
                "resolve_day_kind": "calendar",
                "extension_days": 0,
                "extensions_complex": 0,
                "extensions_especially": 0,
                "escalate_after_days": 3,
            }
            return SimpleNamespace(effective_from=start, **(defaults | values))
    raise LookupError(clock)


COMPLAINT_V1 = rule("complaint_first", D(2012, 7, 1))
COMPLAINT_V2 = rule("complaint_first", seeds.SWITCH)
SECOND_V1 = rule("complaint_second", D(2012, 7, 1))
DENUNCIATION = rule("denunciation", D(2019, 1, 1))
FEEDBACK = rule("feedback", D(2012, 7, 1))


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (D(2026, 2, 13), True),  # Friday before Tết Bính Ngọ
        (D(2026, 2, 14), False),  # Saturday
        (D(2026, 2, 16), False),  # Tết
        (D(2026, 2, 20), False),  # Tết, last day
        (D(2026, 2, 23), True),  # back to work
        (D(2025, 4, 26), True),  # Saturday worked to make up for Friday 2/5/2025
        (D(2025, 5, 2), False),  # the bridge day off
        (D(2026, 4, 27), False),  # substitute for Giỗ Tổ on Sunday 26/4/2026
        (D(2027, 2, 10), False),  # substitute for the Tết days on the weekend (2027)
        (D(2026, 9, 2), False),
        (D(2026, 9, 3), True),
    ],
)
def test_working_days_follow_the_calendar(day: D, working: bool) -> None:
    assert CAL.is_working(day) is working


def test_working_days_are_counted_from_the_next_day_and_skip_weekends_and_tet() -> None:
    assert CAL.add_working_days(D(2026, 1, 5), 1) == D(2026, 1, 6)  # Monday → Tuesday
    assert CAL.add_working_days(D(2026, 1, 9), 1) == D(2026, 1, 12)  # Friday → Monday
    assert CAL.add_working_days(D(2026, 1, 10), 1) == D(2026, 1, 12)  # received on Saturday
    assert CAL.add_working_days(D(2026, 2, 12), 3) == D(2026, 2, 24)  # 13/2, then after Tết 23, 24
    assert CAL.add_working_days(D(2025, 1, 24), 1) == D(2025, 2, 3)  # before Tết Ất Tỵ
    assert CAL.add_working_days(D(2025, 4, 25), 1) == D(2025, 4, 26)  # the make-up Saturday
    assert CAL.add_working_days(D(2026, 4, 24), 1) == D(2026, 4, 28)  # Giỗ Tổ substitute Monday


def test_calendar_days_end_on_the_next_working_day_when_the_last_day_is_off() -> None:
    assert CAL.add_days(D(2026, 6, 1), 10, clocks.CALENDAR) == D(2026, 6, 11)
    assert CAL.add_days(D(2026, 6, 3), 10, clocks.CALENDAR) == D(2026, 6, 15)  # 13/6 Saturday → Monday
    assert CAL.add_days(D(2026, 2, 6), 10, clocks.CALENDAR) == D(2026, 2, 23)  # 16/2 Tết → after Tết
    assert CAL.add_days(D(2026, 8, 23), 10, clocks.CALENDAR) == D(2026, 9, 3)  # 2/9 → 3/9


def test_office_hours_for_the_acknowledgement() -> None:
    start = dt.datetime(2026, 3, 2, 8, 0)  # Monday morning
    assert CAL.add_working_hours(start, 8) == dt.datetime(2026, 3, 2, 17, 0)
    assert CAL.add_working_hours(dt.datetime(2026, 3, 2, 15, 0), 8) == dt.datetime(2026, 3, 3, 15, 0)
    assert CAL.add_working_hours(dt.datetime(2026, 3, 2, 12, 30), 1) == dt.datetime(2026, 3, 2, 14, 0)
    assert CAL.add_working_hours(dt.datetime(2026, 3, 6, 20, 0), 2) == dt.datetime(2026, 3, 9, 10, 0)
    # Friday afternoon before Tết: the rest of Friday, then the first day after Tết.
    assert CAL.add_working_hours(dt.datetime(2026, 2, 13, 15, 0), 8) == dt.datetime(2026, 2, 23, 15, 0)


def test_the_rule_in_force_on_the_filing_date_applies() -> None:
    versions = [COMPLAINT_V1, COMPLAINT_V2]
    assert clocks.rule_in_force(versions, D(2026, 6, 30)) is COMPLAINT_V1
    assert clocks.rule_in_force(versions, D(2026, 7, 1)) is COMPLAINT_V2
    assert clocks.rule_in_force(versions, D(2011, 1, 1)) is None


def test_acceptance_across_the_1_7_2026_switch() -> None:
    # Filed Tuesday 30/6/2026: 10 days → Friday 10/7. Filed Wednesday 1/7: 10 working days → 15/7.
    assert clocks.accept_due(COMPLAINT_V1, D(2026, 6, 30), CAL) == D(2026, 7, 10)
    assert clocks.accept_due(COMPLAINT_V2, D(2026, 7, 1), CAL) == D(2026, 7, 15)
    # Denunciation: 7 working days in both versions.
    assert clocks.accept_due(DENUNCIATION, D(2026, 2, 12), CAL) == D(2026, 3, 2)


def test_complaint_decision_limits_by_complexity_and_remoteness() -> None:
    accepted = D(2026, 3, 2)
    assert clocks.resolve_due(COMPLAINT_V1, accepted, CAL) == D(2026, 4, 1)
    assert clocks.resolve_due(COMPLAINT_V1, accepted, CAL, complexity="complex") == D(2026, 4, 16)
    assert clocks.resolve_due(COMPLAINT_V1, accepted, CAL, remote=True) == D(2026, 4, 16)
    assert clocks.resolve_due(COMPLAINT_V1, accepted, CAL, complexity="complex", remote=True) == D(2026, 5, 4)
    # 45 days from 16/3/2026 = 30/4 (holiday), 1/5 (holiday), then the weekend → Monday 4/5.
    assert clocks.resolve_due(COMPLAINT_V1, D(2026, 3, 16), CAL, complexity="complex") == D(2026, 5, 4)
    assert clocks.resolve_due(SECOND_V1, accepted, CAL) == D(2026, 4, 16)
    assert clocks.resolve_due(SECOND_V1, accepted, CAL, complexity="complex", remote=True) == D(2026, 5, 11)


def test_complaints_must_be_filed_within_90_days() -> None:
    assert clocks.filing_deadline(COMPLAINT_V1, D(2026, 1, 5), CAL) == D(2026, 4, 6)
    assert clocks.filing_deadline(FEEDBACK, D(2026, 1, 5), CAL) is None


def test_denunciation_extensions_once_or_twice_by_30_days() -> None:
    due = clocks.resolve_due(DENUNCIATION, D(2026, 1, 5), CAL)
    assert due == D(2026, 2, 4)
    assert clocks.extensions_allowed(DENUNCIATION, "normal") == 0
    assert clocks.extensions_allowed(DENUNCIATION, "complex") == 1
    assert clocks.extensions_allowed(DENUNCIATION, "especially") == 2
    once = clocks.extended_due(DENUNCIATION, due, CAL)
    assert once == D(2026, 3, 6)
    assert clocks.extended_due(DENUNCIATION, once, CAL) == D(2026, 4, 6)  # 5/4 Sunday → Monday


def test_feedback_answer_in_three_working_days_around_tet() -> None:
    assert clocks.resolve_due(FEEDBACK, D(2026, 2, 12), CAL) == D(2026, 2, 24)
    assert clocks.ack_due(FEEDBACK, dt.datetime(2026, 2, 13, 15, 0), CAL) == dt.datetime(2026, 2, 23, 15, 0)
    assert clocks.ack_due(COMPLAINT_V1, dt.datetime(2026, 2, 13, 15, 0), CAL) is None


def test_escalation_levels_and_the_week() -> None:
    due = D(2026, 3, 10)
    assert clocks.escalation_level(COMPLAINT_V1, due, D(2026, 3, 10)) == 0
    assert clocks.escalation_level(COMPLAINT_V1, due, D(2026, 3, 12)) == 0
    assert clocks.escalation_level(COMPLAINT_V1, due, D(2026, 3, 13)) == 1
    assert clocks.escalation_level(COMPLAINT_V1, due, D(2026, 3, 16)) == 2
    assert clocks.week_end(D(2026, 3, 11)) == D(2026, 3, 15)
    assert CAL.working_days_between(D(2026, 2, 12), D(2026, 2, 24)) == 3
