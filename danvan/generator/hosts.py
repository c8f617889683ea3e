"""A province or commune holding generated meetings: its organizations and their heads on a day,
the numbering of its documents, and the rows of a meeting, its tasks and their course.

Rows go through the writer's raw tables by field name (COPY on PostgreSQL). A post that did not
exist yet on the meeting's day (the commune began on 1/7/2025; the history before it is held on
today's communes, as the practices and reporting modules do) is recorded as the organization
attending, without a person.
"""

import datetime as dt
import random
from dataclasses import dataclass, field

from django.utils import timezone

from danvan.generator.plan import Context, Post
from danvan.generator.writer import db_date, db_datetime
from danvan.meetings.models import (
    Attendee,
    Directive,
    DirectiveKind,
    DirectiveStyle,
    Meeting,
    MeetingStatus,
    Task,
    TaskStatus,
    TaskUpdate,
)
from danvan.territory.models import Level, Unit

CANCELLED = 0.02  # meetings called off
HELD_NOT_CLOSED = 0.5  # of those held in the last ten days: conclusions not written yet
ABSENT = 0.05
# Course of a task whose deadline has passed: done on time, done late, cancelled; the rest is
# still open (overdue), more often when the deadline is recent.
DONE_ON_TIME, DONE_LATE, TASK_CANCELLED = 0.70, 0.15, 0.03
STILL_OPEN_RECENT, STILL_OPEN_OLD = 0.12, 0.03
PARTY_TERMS = [
    (dt.date(2015, 10, 1), "2015-2020"),
    (dt.date(2020, 10, 1), "2020-2025"),
    (dt.date(2025, 10, 1), "2025-2030"),
]


@dataclass(frozen=True)
class MeetingSpec:
    kind: str
    title: str
    day: dt.date
    hour: int
    organizers: tuple[str, ...]  # roles of the unit's organizations; the first assigns the tasks
    chair: str  # role whose head chairs
    attendees: tuple[str, ...]  # roles whose heads attend
    period: str = ""
    agenda: str = ""
    conclusions: str = ""
    others: int = 0  # other attendees (people, staff) counted, not named
    hours: int = 3


@dataclass(frozen=True)
class Held:
    """A meeting written: its id, status and day, and who may own its tasks."""

    pk: int
    status: str
    day: dt.date
    spec: MeetingSpec

    @property
    def closed(self) -> bool:
        return self.status == MeetingStatus.CLOSED


def party_term(day: dt.date) -> str:
    """The party-committee term a document of that day is numbered in (restarts at each congress)."""
    return next((term for start, term in reversed(PARTY_TERMS) if day >= start), PARTY_TERMS[0][1])


def on_weekday(day: dt.date) -> dt.date:
    """Saturday moves back to Friday, Sunday on to Monday."""
    shift = {5: -1, 6: 1}.get(day.weekday(), 0)
    return day + dt.timedelta(days=shift)


def heads_by_role(posts: list[Post]) -> dict[str, list[Post]]:
    """The head of each organization over time: the posts of its first title (in the order the orgs
    module registered them: the holder replaced, then the one who replaced them)."""
    heads: dict[str, list[Post]] = {}
    for post in posts:
        first = heads.get(post.role)
        if first is None:
            heads[post.role] = [post]
        elif first[0].title == post.title:
            first.append(post)
    return heads


@dataclass
class Host:
    ctx: Context
    unit: Unit
    rng: random.Random
    orgs: dict[str, int] = field(init=False)
    heads: dict[str, list[Post]] = field(init=False)
    numbers: dict[tuple[str, str], int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.orgs = self.ctx.organizations.get(self.unit.pk, {})
        self.heads = heads_by_role(self.ctx.posts.get(self.unit.pk, []))
        self.tz = timezone.get_current_timezone()
        self.issuer_code = "ĐU" if self.unit.level == Level.COMMUNE else "TU"

    def head(self, role: str, day: dt.date) -> Post | None:
        return next((post for post in self.heads.get(role, []) if post.held_on(day)), None)

    def at(self, day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=self.tz)

    def status(self, day: dt.date) -> str:
        if day > self.ctx.today:
            return MeetingStatus.SCHEDULED
        if self.rng.random() < CANCELLED:
            return MeetingStatus.CANCELLED
        if (self.ctx.today - day).days < 10 and self.rng.random() < HELD_NOT_CLOSED:
            return MeetingStatus.HELD
        return MeetingStatus.CLOSED

    def meeting(self, spec: MeetingSpec, *, notice: bool = False) -> Held:
        """The meeting row, its organizers and attendees; with `notice`, a closed meeting's
        numbered Thông báo kết luận."""
        writer, day = self.ctx.writer, spec.day
        pk, status = writer.next_id(Meeting), self.status(day)
        starts = self.at(day, spec.hour)
        chair = self.head(spec.chair, day)
        closed = status == MeetingStatus.CLOSED
        notice_id = None
        if closed and notice:
            title = f"Thông báo kết luận hội nghị {spec.title[:1].lower()}{spec.title[1:]}"
            notice_id = self.directive(kind=DirectiveKind.CONCLUSION, type_code="TB", day=day, title=title)
        writer.raw_table(Meeting).add_values(
            id=pk,
            kind=spec.kind,
            title=spec.title,
            unit_id=self.unit.pk,
            unit_path=self.unit.path,
            period=spec.period,
            starts_at=db_datetime(starts),
            ends_at=db_datetime(starts + dt.timedelta(hours=spec.hours)),
            place=f"Hội trường {self.unit.name}",
            chair_id=chair.person_id if chair else None,
            chair_title=chair.title if chair else "",
            agenda=spec.agenda,
            other_attendees=spec.others if status in (MeetingStatus.HELD, MeetingStatus.CLOSED) else 0,
            status=status,
            conclusions=spec.conclusions if closed else "",
            minutes=f"Biên bản {spec.title[:1].lower()}{spec.title[1:]}." if closed else "",
            conclusion_notice_id=notice_id,
            closed_at=db_datetime(starts + dt.timedelta(hours=spec.hours)) if closed else None,
        )
        through = writer.raw_table(Meeting.organizers.through)
        for role in dict.fromkeys(spec.organizers):
            if role in self.orgs:
                through.add((writer.next_id(Meeting.organizers.through), pk, self.orgs[role]))
        self._attendees(pk, spec, status)
        return Held(pk, status, day, spec)

    def _attendees(self, meeting_id: int, spec: MeetingSpec, status: str) -> None:
        table = self.ctx.writer.raw_table(Attendee)
        for order, role in enumerate(dict.fromkeys((spec.chair, *spec.attendees))):
            if role not in self.orgs:
                continue
            head = self.head(role, spec.day)
            table.add_values(
                id=self.ctx.writer.next_id(Attendee),
                meeting_id=meeting_id,
                person_id=head.person_id if head else None,
                title=head.title if head else "Đại diện",
                organization_id=self.orgs[role],
                present=status == MeetingStatus.SCHEDULED or self.rng.random() >= ABSENT,
                order=order,
            )

    def directive(
        self, *, kind: str, type_code: str, day: dt.date, title: str, summary: str = ""
    ) -> int | None:
        """A party-style document of the unit's party committee, numbered in its term."""
        issuer = self.orgs.get("party")
        if issuer is None:
            return None
        series = party_term(day)
        number = self.numbers.get((type_code, series), 0) + 1
        self.numbers[(type_code, series)] = number
        pk = self.ctx.writer.next_id(Directive)
        self.ctx.writer.raw_table(Directive).add_values(
            id=pk,
            style=DirectiveStyle.PARTY,
            kind=kind,
            number=number,
            type_code=type_code,
            issuer_code=self.issuer_code,
            issuer_id=issuer,
            unit_id=self.unit.pk,
            unit_path=self.unit.path,
            series=series,
            issued_on=db_date(day),
            title=title,
            summary=summary,
        )
        return pk

    def task(
        self,
        held: Held,
        *,
        role: str,
        title: str,
        deadline: dt.date,
        description: str = "",
        directive: int | None = None,
    ) -> tuple[int, str] | None:
        """A task of the meeting for the organization of `role`, with its course to today:
        (id, status)."""
        owner = self.orgs.get(role)
        assigner = self.orgs.get(held.spec.organizers[0])
        if owner is None:
            return None
        person = self.head(role, held.day)
        status, progress, done_on = self._course(held.day, deadline)
        pk = self.ctx.writer.next_id(Task)
        self.ctx.writer.raw_table(Task).add_values(
            id=pk,
            title=title[:500],
            description=description,
            meeting_id=held.pk,
            directive_id=directive,
            owner_id=owner,
            owner_person_id=person.person_id if person else None,
            unit_path=self.unit.path,
            assigner_id=assigner,
            assigner_path=self.unit.path,
            deadline=db_date(deadline),
            status=status,
            progress=progress,
            done_on=db_date(done_on) if done_on else None,
        )
        if status in (TaskStatus.DONE, TaskStatus.IN_PROGRESS):
            self._update(pk, held.day, deadline, progress, done_on)
        return pk, status

    def _course(self, day: dt.date, deadline: dt.date) -> tuple[str, int, dt.date | None]:
        """(status, progress, done on) of a task set on `day`, as seen today."""
        rng, today = self.rng, self.ctx.today
        draw = rng.random()
        if deadline >= today:
            if draw < 0.1 and day < today:
                return TaskStatus.DONE, 100, day + dt.timedelta(days=rng.randint(0, (today - day).days))
            if draw < 0.6 and day < today:
                return TaskStatus.IN_PROGRESS, rng.randint(1, 9) * 10, None
            return TaskStatus.OPEN, 0, None
        still_open = STILL_OPEN_RECENT if (today - deadline).days <= 90 else STILL_OPEN_OLD
        if draw < TASK_CANCELLED:
            return TaskStatus.CANCELLED, 0, None
        if draw < TASK_CANCELLED + still_open:
            return (
                (TaskStatus.IN_PROGRESS, rng.randint(2, 9) * 10, None)
                if rng.random() < 0.7
                else (TaskStatus.OPEN, 0, None)
            )
        if draw < TASK_CANCELLED + still_open + DONE_LATE:
            return TaskStatus.DONE, 100, min(deadline + dt.timedelta(days=rng.randint(1, 30)), today)
        early = rng.randint(0, max(0, min(20, (deadline - day).days)))
        return TaskStatus.DONE, 100, deadline - dt.timedelta(days=early)

    def _update(
        self, task_id: int, day: dt.date, deadline: dt.date, progress: int, done_on: dt.date | None
    ) -> None:
        last = done_on or min(self.ctx.today, deadline)
        on_date = done_on or day + dt.timedelta(days=self.rng.randint(0, max((last - day).days, 0)))
        self.ctx.writer.raw_table(TaskUpdate).add_values(
            id=self.ctx.writer.next_id(TaskUpdate),
            task_id=task_id,
            on_date=db_date(on_date),
            progress=progress,
            note="Đã hoàn thành, có báo cáo kết quả." if done_on else "Đang triển khai theo kế hoạch.",
        )
