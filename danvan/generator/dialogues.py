"""A commune's dialogues with the people and its heads' citizen reception (Quy định 11-QĐi/TW).

Dialogues: one or two a year between March and November, organized by the party committee with
the Ủy ban MTTQ, chaired by the Bí thư with the Chủ tịch UBND and the Chủ tịch MTTQ; 8 to 20
questions collected beforehand by the MTTQ, sent by people or raised on the day, from the
neighbourhoods, about the petitions' topics. About 80% are answered on the spot; the others are
promised to the UBND by a deadline and followed as a task (resolved when the task is done).

Reception: a schedule for each Bí thư since taking office (the commune began on 1/7/2025), two
days a month (the 10th and the 25th, moved off weekends); sessions before today were held (about
8% called off), with a few citizens each and one case per citizen; the current month's are planned.
"""

import datetime as dt

from danvan.generator.hosts import Held, Host, MeetingSpec, on_weekday
from danvan.generator.meeting_texts import (
    ANSWER_ON_THE_SPOT,
    ANSWER_PROMISED,
    DIALOGUE_THEMES,
    RECEPTION_FOLLOWUPS,
)
from danvan.generator.names import person_name
from danvan.generator.petitions import SUBJECTS
from danvan.generator.writer import db_date, db_time
from danvan.meetings.models import (
    AnswerState,
    MeetingKind,
    MeetingStatus,
    Question,
    QuestionSource,
    ReceptionCase,
    ReceptionSchedule,
    ReceptionSession,
    SessionStatus,
    TaskStatus,
)

ON_THE_SPOT = 0.8
SOURCES = [(QuestionSource.FRONT, 40), (QuestionSource.PEOPLE, 20), (QuestionSource.ON_THE_DAY, 40)]
RECEPTION_DAYS = (10, 25)
RECEPTION_CANCELLED = 0.08
MEAN_CITIZENS = 4.5
TOPICS = sorted(SUBJECTS)
PUBLISHED_TIME = "Ngày 10 và ngày 25 hằng tháng (trùng ngày nghỉ thì tiếp vào ngày làm việc liền kề)"


def generate_for(host: Host) -> None:
    for year in range(host.ctx.window_start.year, host.ctx.today.year + 1):
        for _ in range(1 if host.rng.random() < 0.7 else 2):
            _dialogue(host, year)
    _reception(host)


def _dialogue(host: Host, year: int) -> None:
    rng = host.rng
    day = on_weekday(dt.date(year, rng.randint(3, 11), rng.randint(1, 28)))
    if not host.ctx.window_start <= day <= host.ctx.today + dt.timedelta(days=30):
        return
    theme = rng.choice(DIALOGUE_THEMES)
    held = host.meeting(
        MeetingSpec(
            kind=MeetingKind.DIALOGUE,
            title=f"Đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân về {theme}",
            day=day,
            hour=rng.choice((8, 14)),
            organizers=("party", "mttq"),
            chair="party",
            attendees=("ubnd", "mttq"),
            agenda=f"Người đứng đầu cấp ủy, chính quyền nghe và trả lời ý kiến của Nhân dân về {theme}.",
            conclusions="Các ý kiến chưa trả lời tại chỗ được giao cơ quan chuyên môn giải quyết và trả lời.",
            others=rng.randint(60, 250),
        )
    )
    if held.status in (MeetingStatus.HELD, MeetingStatus.CLOSED):
        for _ in range(rng.randint(8, 20)):
            _question(host, held)


def _question(host: Host, held: Held) -> None:
    rng, ctx = host.rng, host.ctx
    places = ctx.neighbourhoods.get(host.unit.pk, [])
    place = rng.choice(places) if places else None
    source = rng.choices([s for s, _ in SOURCES], weights=[w for _, w in SOURCES])[0]
    subject = rng.choice(SUBJECTS[rng.choice(TOPICS)])
    where = place.name if place else host.unit.name
    if source == QuestionSource.FRONT:
        asked_by = f"Ban công tác Mặt trận {where[:1].lower()}{where[1:]}"
    else:
        asked_by = f"{person_name(rng, ctx.region(host.unit)).full_name}, {where}"
    promised = held.closed and rng.random() >= ON_THE_SPOT
    task = None
    deadline = held.day + dt.timedelta(days=rng.choice((30, 45, 60, 90)))
    if promised:
        task = host.task(
            held,
            role="ubnd",
            title=f"Trả lời, giải quyết kiến nghị về {subject} ({where})",
            deadline=deadline,
        )
    state = AnswerState.PENDING
    if held.closed:
        state = AnswerState.PROMISED if promised else AnswerState.ON_THE_SPOT
    if task is not None and task[1] == TaskStatus.DONE:
        state = AnswerState.RESOLVED
    ubnd, chair = host.orgs.get("ubnd"), host.head("party", held.day)
    ctx.writer.raw_table(Question).add_values(
        id=ctx.writer.next_id(Question),
        meeting_id=held.pk,
        source=source,
        asked_by=asked_by[:200],
        neighbourhood_id=place.pk if place else None,
        topic=subject[:200],
        content=f"Đề nghị xem xét, giải quyết việc {subject} tại {where}.",
        state=state,
        answer=(ANSWER_PROMISED if promised else ANSWER_ON_THE_SPOT) if held.closed else "",
        answered_by=(chair.title if chair else "Lãnh đạo Đảng ủy") if held.closed else "",
        commitment_owner_id=ubnd if task is not None else None,
        commitment_deadline=db_date(deadline) if task is not None else None,
        followup_task_id=task[0] if task is not None else None,
    )


def _reception(host: Host) -> None:
    ctx = host.ctx
    party = host.orgs.get("party")
    for post in host.heads.get("party", []):
        if party is None or post.start is None:
            continue
        start = max(post.start, ctx.window_start)
        end = min(post.end or ctx.today, ctx.today)
        if start > end:
            continue
        schedule = ctx.writer.next_id(ReceptionSchedule)
        ctx.writer.raw_table(ReceptionSchedule).add_values(
            id=schedule,
            head_id=post.person_id,
            head_title=post.title,
            organization_id=party,
            unit_id=host.unit.pk,
            unit_path=host.unit.path,
            published_time=PUBLISHED_TIME,
            place=f"Trụ sở Đảng ủy, HĐND, UBND {host.unit.name}",
            min_days_per_month=len(RECEPTION_DAYS),
            is_active=post.end is None,
        )
        _sessions(host, schedule, start, post.end)


def _sessions(host: Host, schedule: int, start: dt.date, end: dt.date | None) -> None:
    """Two a month from `start` to the end of the post, or of the current month."""
    today = host.ctx.today
    last = end or dt.date(today.year + today.month // 12, today.month % 12 + 1, 1) - dt.timedelta(days=1)
    year, month = start.year, start.month
    while dt.date(year, month, 1) <= last:
        for number in RECEPTION_DAYS:
            day = on_weekday(dt.date(year, month, number))
            if start <= day <= last:
                _session(host, schedule, day)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _session(host: Host, schedule: int, day: dt.date) -> None:
    ctx, rng = host.ctx, host.rng
    status = SessionStatus.PLANNED if day > ctx.today else SessionStatus.HELD
    if status == SessionStatus.HELD and rng.random() < RECEPTION_CANCELLED:
        status = SessionStatus.CANCELLED
    citizens = min(int(rng.expovariate(1 / MEAN_CITIZENS)), 30) if status == SessionStatus.HELD else 0
    session = ctx.writer.next_id(ReceptionSession)
    ctx.writer.raw_table(ReceptionSession).add_values(
        id=session,
        schedule_id=schedule,
        unit_path=host.unit.path,
        day=db_date(day),
        starts=db_time(dt.time(7, 30)),
        ends=db_time(dt.time(11, 30)),
        place=f"Trụ sở Đảng ủy {host.unit.name}",
        status=status,
        citizens=citizens,
        summary=f"Tiếp {citizens} lượt công dân."
        if status == SessionStatus.HELD
        else ("Hoãn do người đứng đầu đi công tác." if status == SessionStatus.CANCELLED else ""),
    )
    region = ctx.region(host.unit)
    for _ in range(citizens):
        ctx.writer.raw_table(ReceptionCase).add_values(
            id=ctx.writer.next_id(ReceptionCase),
            session_id=session,
            visitor=person_name(rng, region).full_name,
            subject=rng.choice(SUBJECTS[rng.choice(TOPICS)]).capitalize(),
            followup=rng.choice(RECEPTION_FOLLOWUPS),
        )
