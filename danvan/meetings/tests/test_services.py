"""Rules of the services: bad input refused with clear messages and nothing saved, numbering,
roll-up, reception minimums, supervision answers, statistics."""

import datetime as dt

import pytest
from django.utils import timezone

from danvan.accounts.scope import scope_for
from danvan.core.errors import Conflict, InvalidInput, NotFound
from danvan.core.periods import Period
from danvan.meetings.models import AnswerState, DirectiveStyle, MeetingStatus, ReceptionSchedule, TaskStatus
from danvan.meetings.selectors import reception_shortfalls
from danvan.meetings.services import dialogues, directives, meetings, reception, supervision, tasks
from danvan.meetings.stats import FIGURES, figures


def close(personas, meeting, specs, **kw):
    return meetings.meeting_close(
        actor=personas.reporter_a,
        scope=scope_for(personas.reporter_a),
        meeting=meeting,
        conclusions=kw.pop("conclusions", "Kết luận."),
        tasks=specs,
        **kw,
    )


def test_end_before_start_refused(schedule, unchanged):
    with unchanged(), pytest.raises(InvalidInput) as refused:
        schedule(ends_at=timezone.now() - dt.timedelta(days=2))
    assert refused.value.errors["ends_at"] == ["Giờ kết thúc phải sau giờ bắt đầu."]


def test_dialogue_needs_the_front_and_other_units_are_not_yours(schedule, bodies, personas, tree, unchanged):
    with unchanged(), pytest.raises(InvalidInput) as refused:
        schedule(kind="doi_thoai", organizers=[bodies.party_a])
    assert "MTTQ" in refused.value.errors["organizers"][0]
    with unchanged(), pytest.raises(NotFound):
        schedule(user=personas.reporter_b)


def test_owner_outside_reach_and_deadline_before_meeting_save_nothing(schedule, bodies, personas, unchanged):
    meeting = schedule()
    day = timezone.localdate()
    specs = [
        tasks.TaskSpec("Việc 1", bodies.women_a, day + dt.timedelta(days=5)),
        tasks.TaskSpec("Việc 2", bodies.party_b, day + dt.timedelta(days=5)),
        tasks.TaskSpec("Việc 3", bodies.youth_a, day - dt.timedelta(days=9)),
    ]
    with unchanged(), pytest.raises(InvalidInput) as refused:
        close(personas, meeting, specs, notice=meetings.NoticeSpec(bodies.party_a, "ĐU"))
    errors = refused.value.errors
    assert "nằm ngoài phạm vi" in errors["tasks.1.owner"][0]
    assert "không được trước ngày họp" in errors["tasks.2.deadline"][0]
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.SCHEDULED


def test_future_meeting_cannot_close(schedule, personas):
    meeting = schedule(starts_at=timezone.now() + dt.timedelta(days=3))
    with pytest.raises(Conflict):
        close(personas, meeting, [])


def test_directive_numbering_party_per_term_state_per_year(personas, bodies, unchanged):
    scope = scope_for(personas.approver)
    kw = dict(
        actor=personas.approver, scope=scope, issuer=bodies.province_party, type_code="KH", issuer_code="TU"
    )
    first = directives.directive_create(
        style=DirectiveStyle.PARTY, title="Kế hoạch A", issued_on=dt.date(2021, 11, 11), number=71, **kw
    )
    assert first.reference == "71-KH/TU" and first.series == "2020-2025"
    nxt = directives.directive_create(
        style=DirectiveStyle.PARTY, title="Kế hoạch B", issued_on=dt.date(2022, 1, 5), **kw
    )
    assert nxt.number == 72
    with unchanged(), pytest.raises(InvalidInput) as refused:
        directives.directive_create(
            style=DirectiveStyle.PARTY, title="Trùng", issued_on=dt.date(2023, 2, 1), number=71, **kw
        )
    assert refused.value.code == "duplicate_number" and "Số kế tiếp còn trống: 73" in refused.value.message
    # The next term and state-style documents restart at 1.
    assert (
        directives.directive_create(
            style=DirectiveStyle.PARTY, title="C", issued_on=dt.date(2026, 1, 5), **kw
        ).number
        == 1
    )
    state = dict(kw, type_code="QĐ", issuer_code="UBND")
    a = directives.directive_create(
        style=DirectiveStyle.STATE, title="QĐ 1", issued_on=dt.date(2024, 3, 1), number=12, **state
    )
    b = directives.directive_create(
        style=DirectiveStyle.STATE, title="QĐ 2", issued_on=dt.date(2025, 1, 2), **state
    )
    assert a.reference == "12/QĐ-UBND" and b.number == 1


def test_children_roll_up_weighted_and_question_followup(schedule, bodies, personas):
    meeting = schedule(kind="doi_thoai", title="Đối thoại")
    scope = scope_for(personas.reporter_a)
    day = timezone.localdate() + dt.timedelta(days=20)
    parent = tasks.task_create(
        actor=personas.reporter_a,
        scope=scope,
        spec=tasks.TaskSpec("Chỉnh trang đô thị", bodies.front_a, day),
        assigner=bodies.party_a,
    )
    one = tasks.task_create(
        actor=personas.reporter_a,
        scope=scope,
        spec=tasks.TaskSpec("A", bodies.women_a, day, weight=3),
        assigner=bodies.party_a,
        parent=parent,
    )
    two = tasks.task_create(
        actor=personas.reporter_a,
        scope=scope,
        spec=tasks.TaskSpec("B", bodies.youth_a, day, weight=1),
        assigner=bodies.party_a,
        parent=parent,
    )
    tasks.task_progress(actor=personas.reporter_a, task=one, progress=100, note="Xong")
    parent.refresh_from_db()
    assert parent.progress == 75 and parent.status == TaskStatus.IN_PROGRESS
    with pytest.raises(InvalidInput):
        tasks.task_progress(actor=personas.reporter_a, task=parent, progress=10, note="Không được")
    tasks.task_progress(actor=personas.reporter_a, task=two, progress=100, note="Xong")
    parent.refresh_from_db()
    assert parent.status == TaskStatus.DONE and parent.progress == 100

    question = dialogues.question_add(
        actor=personas.reporter_a, meeting=meeting, source="on_the_day", content="Đèn đường hỏng"
    )
    task = dialogues.question_to_followup(
        actor=personas.reporter_a, question=question, owner=bodies.party_a, deadline=day
    )
    question.refresh_from_db()
    assert question.state == AnswerState.PROMISED and question.followup_task == task
    tasks.task_progress(actor=personas.reporter_a, task=task, progress=100, note="Đã sửa")
    question.refresh_from_db()
    assert question.state == AnswerState.RESOLVED


def test_reception_minimum_and_warning(personas, bodies, tree, unchanged):
    scope = scope_for(personas.reporter_a)
    with unchanged(), pytest.raises(InvalidInput):
        reception.reception_schedule_create(
            actor=personas.reporter_a,
            scope=scope,
            head=bodies.secretary_a,
            head_title="Bí thư",
            organization=bodies.party_a,
            published_time="Thứ Năm",
            place="Trụ sở",
            min_days_per_month=1,
        )
    schedule = reception.reception_schedule_create(
        actor=personas.reporter_a,
        scope=scope,
        head=bodies.secretary_a,
        head_title="Bí thư",
        organization=bodies.party_a,
        published_time="Thứ Năm tuần 2 và 4",
        place="Trụ sở",
    )
    assert schedule.min_days_per_month == 2
    today = timezone.localdate()
    month = Period.month(today.year, today.month)
    session = reception.reception_session_plan(
        actor=personas.reporter_a, schedule=schedule, day=month.start, starts=dt.time(8), ends=dt.time(11)
    )
    shortfalls = reception_shortfalls(ReceptionSchedule.objects.all(), month)
    assert [(s.counted, s.missing) for s in shortfalls] == [(1, 1)]
    with unchanged(), pytest.raises(InvalidInput) as refused:
        reception.reception_session_plan(
            actor=personas.reporter_a,
            schedule=schedule,
            day=month.start + dt.timedelta(days=1),
            starts=dt.time(11),
            ends=dt.time(8),
        )
    assert refused.value.errors["ends"] == ["Giờ kết thúc phải sau giờ bắt đầu."]
    reception.reception_session_record(
        actor=personas.reporter_a,
        session=session,
        citizens=4,
        summary="4 lượt",
        cases=[reception.CaseSpec("Nguyễn Văn A", "Đất đai")],
    )
    values = figures(unit=tree.province, period=month)
    assert values["reception_sessions_held"] == 1 and values["reception_sessions_required"] == 2


def test_supervision_recommendations_and_figures(personas, bodies, tree):
    scope = scope_for(personas.reporter_a)
    today = timezone.localdate()
    with pytest.raises(InvalidInput) as refused:
        supervision.supervision_record(
            actor=personas.reporter_a,
            scope=scope,
            kind="supervision",
            organization=bodies.front_a,
            subject="X",
            supervised_body=bodies.party_a,
            starts_on=today,
            ends_on=today - dt.timedelta(days=1),
        )
    assert "ends_on" in refused.value.errors
    found = supervision.supervision_record(
        actor=personas.reporter_a,
        scope=scope,
        kind="supervision",
        organization=bodies.front_a,
        subject="Giám sát thực hiện chính sách hộ nghèo",
        supervised_body=bodies.party_a,
        starts_on=today,
        ends_on=today,
        recommendations=[
            supervision.RecommendationSpec("Rà soát danh sách"),
            supervision.RecommendationSpec("Công khai kết quả"),
        ],
    )
    first = found.recommendations.first()
    supervision.recommendation_answer(
        actor=personas.reporter_a,
        recommendation=first,
        answer="Đã rà soát",
        answered_on=today,
        acceptance="accepted",
    )
    values = figures(unit=tree.province, period=Period.whole_year(today.year))
    assert set(values) == set(FIGURES)
    assert (
        values["supervisions_held"],
        values["recommendations_made"],
        values["recommendations_answered"],
        values["recommendations_accepted"],
    ) == (1, 2, 1, 1)


def test_stats_count_dialogue_answers(schedule, personas, tree, bodies):
    meeting = schedule(kind="doi_thoai", title="Đối thoại")
    meetings.meeting_hold(actor=personas.reporter_a, meeting=meeting)
    for text, state in (("A", "on_the_spot"), ("B", "on_the_spot"), ("C", "promised")):
        q = dialogues.question_add(actor=personas.reporter_a, meeting=meeting, source="front", content=text)
        dialogues.question_answer(
            actor=personas.reporter_a,
            question=q,
            state=state,
            answer="Trả lời",
            commitment_owner=bodies.party_a,
            commitment_deadline=timezone.localdate() + dt.timedelta(days=9),
        )
    values = figures(unit=tree.province, period=Period.whole_year(timezone.localdate().year))
    assert values["dialogues_held"] == 1 and values["opinions_raised"] == 3
    assert (
        values["opinions_answered_on_the_spot"] == 2
        and values["opinions_answered_on_the_spot_percent"] == 66.7
    )


def test_reminder_command_runs_the_task(schedule, bodies, personas):
    from io import StringIO

    from django.core.management import call_command

    meeting = schedule(starts_at=timezone.now() - dt.timedelta(days=5))
    close(
        personas,
        meeting,
        [tasks.TaskSpec("Việc quá hạn", bodies.women_a, timezone.localdate() - dt.timedelta(days=1))],
    )
    out = StringIO()
    call_command("send_task_reminders", "--now", stdout=out)
    assert "Đã nhắc 1 nhiệm vụ" in out.getvalue()
    call_command(
        "send_task_reminders", stdout=out
    )  # enqueued (immediate backend in tests): nothing left today
    assert meeting.tasks.get().last_reminded_on == timezone.localdate()


def test_evidence_is_checked_by_content_and_stored_under_our_name(
    personas, bodies, unchanged, settings, tmp_path
):
    """The shared upload check (core/uploads.py) on task evidence: a page named .pdf is refused,
    a PDF named like a path is stored under a random name inside the evidence folder."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    scope = scope_for(personas.reporter_a)
    day = timezone.localdate() + dt.timedelta(days=10)
    task = tasks.task_create(
        actor=personas.reporter_a,
        scope=scope,
        spec=tasks.TaskSpec("Sửa đèn", bodies.women_a, day),
        assigner=bodies.party_a,
    )
    page = SimpleUploadedFile("bien-ban.pdf", b"<html><script>alert(1)</script></html>", "application/pdf")
    with unchanged(), pytest.raises(InvalidInput) as refused:
        tasks.task_progress(actor=personas.reporter_a, task=task, progress=50, note="Đã làm", evidence=page)
    assert "Định dạng tệp không được chấp nhận" in refused.value.errors["evidence"][0]
    pdf = SimpleUploadedFile("../../etc/passwd", b"%PDF-1.4\n%\xe2\xe3\n1 0 obj<<>>endobj\n", "text/html")
    update = tasks.task_progress(
        actor=personas.reporter_a, task=task, progress=50, note="Đã làm", evidence=pdf
    )
    name = update.evidence.name
    assert name.startswith("meetings/evidence/") and name.endswith(".pdf") and "passwd" not in name
    assert (tmp_path / name).resolve().is_relative_to(tmp_path)
