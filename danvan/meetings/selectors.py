"""Reads spanning relations: meeting filters, the month calendar, overdue lists, a directive's
task state, a dialogue's answers, reception shortfalls, the themes of a year."""

import calendar
import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet, Value
from django.db.models.functions import Concat
from django.utils import timezone

from danvan.core.periods import Period
from danvan.core.search import Folded
from danvan.core.text import fold
from danvan.meetings.models import (
    AnnualTheme,
    AnswerState,
    Meeting,
    ReceptionSchedule,
    ReceptionSession,
    SessionStatus,
    Task,
    TaskStatus,
)
from danvan.meetings.models.tasks import OPEN_STATUSES
from danvan.territory.models import Unit
from danvan.territory.selectors import history_paths
from danvan.territory.tree import subtree_q


@dataclass(frozen=True)
class MeetingFilter:
    unit: Unit | None = None
    kind: str = ""
    status: str = ""
    period: Period | None = None
    q: str = ""


def filter_meetings(rows: QuerySet[Meeting], criteria: MeetingFilter) -> QuerySet[Meeting]:
    if criteria.unit is not None:
        rows = rows.filter(subtree_q(history_paths(criteria.unit), "unit_path"))
    if criteria.kind:
        rows = rows.filter(kind=criteria.kind)
    if criteria.status:
        rows = rows.filter(status=criteria.status)
    if criteria.period is not None:
        rows = rows.filter(
            starts_at__date__gte=criteria.period.start, starts_at__date__lte=criteria.period.end
        )
    if fold(criteria.q):
        rows = rows.annotate(q_text=Folded(Concat("title", Value(" "), "place"))).filter(
            q_text__contains=fold(criteria.q)
        )
    return rows.select_related("unit").order_by("-starts_at", "-pk")


@dataclass
class Day:
    day: dt.date
    in_month: bool
    meetings: list[Meeting] = field(default_factory=list)
    sessions: list[ReceptionSession] = field(default_factory=list)


def month_calendar(
    meetings: QuerySet[Meeting], sessions: QuerySet[ReceptionSession], year: int, month: int
) -> list[list[Day]]:
    """Weeks (Monday first) of the month with the meetings and reception sessions of each day."""
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    days = {d: Day(d, d.month == month) for week in weeks for d in week}
    first, last = weeks[0][0], weeks[-1][-1]
    tz = timezone.get_current_timezone()
    start = dt.datetime.combine(first, dt.time.min, tzinfo=tz)
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
    for meeting in meetings.filter(starts_at__gte=start, starts_at__lt=end).order_by("starts_at"):
        days[timezone.localtime(meeting.starts_at).date()].meetings.append(meeting)
    for session in sessions.filter(day__gte=first, day__lte=last).select_related("schedule__head"):
        days[session.day].sessions.append(session)
    return [[days[d] for d in week] for week in weeks]


def overdue(rows: QuerySet[Task], today: dt.date | None = None) -> QuerySet[Task]:
    return rows.filter(status__in=OPEN_STATUSES, deadline__lt=today or timezone.localdate())


def task_list(rows: QuerySet[Task]) -> QuerySet[Task]:
    return rows.select_related("owner__unit", "owner_person", "assigner", "meeting", "directive").order_by(
        "deadline", "pk"
    )


@dataclass(frozen=True)
class TaskCounts:
    total: int
    open: int
    done: int
    cancelled: int
    overdue: int

    @property
    def done_percent(self) -> float | None:
        live = self.total - self.cancelled
        return round(100 * self.done / live, 1) if live else None


def task_counts(rows: QuerySet[Task], today: dt.date | None = None) -> TaskCounts:
    today = today or timezone.localdate()
    open_q = Q(status__in=OPEN_STATUSES)
    found = rows.aggregate(
        total=Count("pk"),
        open=Count("pk", filter=open_q),
        done=Count("pk", filter=Q(status=TaskStatus.DONE)),
        cancelled=Count("pk", filter=Q(status=TaskStatus.CANCELLED)),
        overdue=Count("pk", filter=open_q & Q(deadline__lt=today)),
    )
    return TaskCounts(**found)


@dataclass(frozen=True)
class DialogueSummary:
    raised: int
    on_the_spot: int
    promised: int
    resolved: int
    pending: int

    @property
    def on_the_spot_percent(self) -> float | None:
        return round(100 * self.on_the_spot / self.raised, 1) if self.raised else None


def dialogue_summary(meeting: Meeting) -> DialogueSummary:
    found = meeting.questions.aggregate(
        raised=Count("pk"),
        on_the_spot=Count("pk", filter=Q(state=AnswerState.ON_THE_SPOT)),
        promised=Count("pk", filter=Q(state=AnswerState.PROMISED)),
        resolved=Count("pk", filter=Q(state=AnswerState.RESOLVED)),
        pending=Count("pk", filter=Q(state=AnswerState.PENDING)),
    )
    return DialogueSummary(**found)


@dataclass(frozen=True)
class Shortfall:
    schedule: ReceptionSchedule
    counted: int

    @property
    def missing(self) -> int:
        return self.schedule.min_days_per_month - self.counted


def reception_shortfalls(schedules: QuerySet[ReceptionSchedule], month: Period) -> list[Shortfall]:
    """Active schedules whose sessions held or planned in the month are fewer than required."""
    in_month = Q(sessions__day__gte=month.start, sessions__day__lte=month.end) & ~Q(
        sessions__status=SessionStatus.CANCELLED
    )
    rows = (
        schedules.filter(is_active=True)
        .annotate(counted=Count("sessions", filter=in_month))
        .select_related("head", "unit")
        .order_by("unit_path", "pk")
    )
    return [Shortfall(s, s.counted) for s in rows if s.counted < s.min_days_per_month]


def themes_for(unit: Unit, year: int) -> QuerySet[AnnualTheme]:
    """Themes of the year set by the unit or any unit above it."""
    ids = [*unit.ancestor_ids(), unit.pk]
    return (
        AnnualTheme.objects.filter(unit_id__in=ids, year=year)
        .select_related("unit")
        .order_by("unit__depth", "kind")
    )
