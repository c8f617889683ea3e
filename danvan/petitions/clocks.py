"""Deadline arithmetic: pure functions of dates, a rule and a working calendar (no database).

- Working days are Monday–Friday, minus holidays and substitute days off, plus weekend days
  worked to make up for a bridge day (`WorkCalendar`).
- "N working days from D": D itself is not counted; the deadline is the N-th working day after D.
- "N days from D" (calendar days): D + N; when that day is not a working day the limit ends on
  the next working day (Bộ luật Dân sự 2015, Điều 148).
- "N working hours from T": counted inside office hours (08:00–12:00, 13:00–17:00).
- The rule in force on the filing date applies for the whole life of the item.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

CALENDAR, WORKING = "calendar", "working"
NORMAL, COMPLEX, ESPECIALLY = "normal", "complex", "especially"
OFFICE_HOURS = ((dt.time(8, 0), dt.time(12, 0)), (dt.time(13, 0), dt.time(17, 0)))


@dataclass(frozen=True)
class WorkCalendar:
    days_off: frozenset[dt.date] = field(default_factory=frozenset)  # weekday holidays, substitutes
    days_worked: frozenset[dt.date] = field(default_factory=frozenset)  # weekend make-up days

    def is_working(self, day: dt.date) -> bool:
        if day in self.days_worked:
            return True
        return day.weekday() < 5 and day not in self.days_off

    def next_working(self, day: dt.date) -> dt.date:
        """`day` if it is a working day, else the first working day after it."""
        while not self.is_working(day):
            day += dt.timedelta(days=1)
        return day

    def add_working_days(self, start: dt.date, count: int) -> dt.date:
        day = start
        while count > 0:
            day += dt.timedelta(days=1)
            if self.is_working(day):
                count -= 1
        return day

    def add_days(self, start: dt.date, count: int, kind: str) -> dt.date:
        if kind == WORKING:
            return self.add_working_days(start, count)
        return self.next_working(start + dt.timedelta(days=count))

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after `start` up to and including `end` (0 when end <= start)."""
        count, day = 0, start
        while day < end:
            day += dt.timedelta(days=1)
            count += self.is_working(day)
        return count

    def add_working_hours(self, start: dt.datetime, hours: int) -> dt.datetime:
        """The moment `hours` office hours after `start` (naive or aware, kept as given)."""
        remaining = dt.timedelta(hours=hours)
        moment = start
        while True:
            for opens, closes in OFFICE_HOURS if self.is_working(moment.date()) else ():
                begin = max(
                    moment, moment.replace(hour=opens.hour, minute=opens.minute, second=0, microsecond=0)
                )
                end = moment.replace(hour=closes.hour, minute=closes.minute, second=0, microsecond=0)
                if begin >= end:
                    continue
                if begin + remaining <= end:
                    return begin + remaining
                remaining -= end - begin
                moment = end
            moment = (moment + dt.timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)


class Rule(Protocol):
    """What the arithmetic needs of a ClockRule (a model row or a plain object in tests)."""

    effective_from: dt.date
    filing_limit_days: int | None
    ack_working_hours: int | None
    accept_days: int
    accept_day_kind: str
    resolve_days: int
    resolve_days_complex: int
    resolve_days_remote: int
    resolve_days_remote_complex: int
    resolve_day_kind: str
    extension_days: int
    extensions_complex: int
    extensions_especially: int
    escalate_after_days: int


def rule_in_force[R: Rule](rules: Iterable[R], filed_on: dt.date) -> R | None:
    """The version with the latest effective date on or before the filing date."""
    candidates = [r for r in rules if r.effective_from <= filed_on]
    return max(candidates, key=lambda r: r.effective_from, default=None)


def filing_deadline(rule: Rule, known_on: dt.date, cal: WorkCalendar) -> dt.date | None:
    """The last day to file (complaints: 90 days from knowing the decision or act)."""
    if rule.filing_limit_days is None:
        return None
    return cal.add_days(known_on, rule.filing_limit_days, CALENDAR)


def accept_due(rule: Rule, received_on: dt.date, cal: WorkCalendar) -> dt.date:
    return cal.add_days(received_on, rule.accept_days, rule.accept_day_kind)


def ack_due(rule: Rule, received_at: dt.datetime, cal: WorkCalendar) -> dt.datetime | None:
    if not rule.ack_working_hours:
        return None
    return cal.add_working_hours(received_at, rule.ack_working_hours)


def resolve_days(rule: Rule, *, complexity: str, remote: bool) -> int:
    complex_ = complexity in (COMPLEX, ESPECIALLY)
    if remote:
        return rule.resolve_days_remote_complex if complex_ else rule.resolve_days_remote
    return rule.resolve_days_complex if complex_ else rule.resolve_days


def resolve_due(
    rule: Rule, accepted_on: dt.date, cal: WorkCalendar, *, complexity: str = NORMAL, remote: bool = False
) -> dt.date:
    days = resolve_days(rule, complexity=complexity, remote=remote)
    return cal.add_days(accepted_on, days, rule.resolve_day_kind)


def extensions_allowed(rule: Rule, complexity: str) -> int:
    """How many extensions a rule allows an item of this complexity (tố cáo: 1 or 2)."""
    return {COMPLEX: rule.extensions_complex, ESPECIALLY: rule.extensions_especially}.get(complexity, 0)


def extended_due(rule: Rule, due: dt.date, cal: WorkCalendar) -> dt.date:
    return cal.add_days(due, rule.extension_days, rule.resolve_day_kind)


def days_overdue(due: dt.date, today: dt.date) -> int:
    return max((today - due).days, 0)


def escalation_level(rule: Rule, due: dt.date, today: dt.date) -> int:
    """Levels of escalation an item has earned: one per `escalate_after_days` days overdue."""
    step = max(rule.escalate_after_days, 1)
    return days_overdue(due, today) // step


def week_end(today: dt.date) -> dt.date:
    """Sunday of the week of `today` ("due this week")."""
    return today + dt.timedelta(days=6 - today.weekday())


def calendar_from(rows: Sequence[tuple[dt.date, str]]) -> WorkCalendar:
    """A calendar from (date, kind) rows, kinds as in Holiday.Kind."""
    return WorkCalendar(
        days_off=frozenset(d for d, kind in rows if kind in ("holiday", "substitute")),
        days_worked=frozenset(d for d, kind in rows if kind == "makeup"),
    )
