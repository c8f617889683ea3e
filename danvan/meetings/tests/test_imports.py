"""A meeting recorded from an imported text: scheduled, attendees matched by name, tasks; refusals."""

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from danvan.accounts.scope import scope_for
from danvan.core.errors import InvalidInput, NotFound
from danvan.meetings.models import Meeting, MeetingStatus, Task
from danvan.meetings.services.imports import AttendeeDraft, MeetingDraft, meeting_import
from danvan.meetings.services.reminders import due_reminders
from danvan.meetings.services.tasks import TaskSpec

VN = ZoneInfo("Asia/Ho_Chi_Minh")
DAY = dt.date(2025, 9, 12)


def draft(tree: Any, bodies: Any, **changes: Any) -> MeetingDraft:
    fields: dict[str, Any] = {
        "unit": tree.commune_a,
        "kind": "so_ket",
        "title": "Sơ kết công tác dân vận 6 tháng đầu năm 2025",
        "starts_at": dt.datetime.combine(DAY, dt.time(8), tzinfo=VN),
        "organizers": [bodies.party_a],
        "period": "2025-H1",
        "attendees": [
            AttendeeDraft("Trần Văn Bình", "Bí thư Đảng ủy phường", chair=True),
            AttendeeDraft("Nguyễn Văn Khách", "Trưởng khu phố 3"),
        ],
        "tasks": [TaskSpec("Nhân rộng mô hình tự quản", bodies.front_a, dt.date(2025, 12, 31))],
        "note": "Nhập từ văn bản #1",
    }
    return MeetingDraft(**{**fields, **changes})


@pytest.mark.django_db
def test_an_imported_meeting_is_scheduled_with_its_people_and_tasks(tree, personas, bodies):
    meeting = meeting_import(
        actor=personas.reporter_a, scope=scope_for(personas.reporter_a), draft=draft(tree, bodies)
    )
    assert (meeting.status, meeting.kind, meeting.period) == (MeetingStatus.SCHEDULED, "so_ket", "2025-H1")
    assert meeting.chair == bodies.secretary_a and meeting.chair_title == "Bí thư Đảng ủy phường"
    assert [(a.person, a.name, a.title) for a in meeting.attendees.all()] == [
        (bodies.secretary_a, "", "Bí thư Đảng ủy phường"),
        (None, "Nguyễn Văn Khách", "Trưởng khu phố 3"),
    ]
    task = meeting.tasks.get()
    assert (task.owner, task.assigner, task.deadline) == (
        bodies.front_a,
        bodies.party_a,
        dt.date(2025, 12, 31),
    )


@pytest.mark.django_db
def test_a_name_two_people_of_the_unit_share_stays_a_name(tree, personas, bodies):
    from danvan.meetings.tests.conftest import make_person

    make_person(tree.commune_a, "Trần Văn Bình")
    meeting = meeting_import(
        actor=personas.reporter_a, scope=scope_for(personas.reporter_a), draft=draft(tree, bodies)
    )
    first = meeting.attendees.first()
    assert first is not None and (first.person, first.name) == (None, "Trần Văn Bình")
    assert meeting.chair is None


@pytest.mark.django_db
def test_importing_outside_ones_reach_answers_404_and_changes_nothing(tree, personas, bodies, unchanged):
    with unchanged(), pytest.raises(NotFound):
        meeting_import(
            actor=personas.reporter_b, scope=scope_for(personas.reporter_b), draft=draft(tree, bodies)
        )


@pytest.mark.django_db
def test_a_task_due_before_the_meeting_refuses_the_whole_import(tree, personas, bodies, unchanged):
    late = [TaskSpec("Việc đã quá hạn", bodies.front_a, DAY - dt.timedelta(days=1))]
    with unchanged(), pytest.raises(InvalidInput) as refused:
        meeting_import(
            actor=personas.reporter_a,
            scope=scope_for(personas.reporter_a),
            draft=draft(tree, bodies, tasks=late),
        )
    assert "tasks.0.deadline" in refused.value.errors


@pytest.mark.django_db
def test_tasks_of_a_meeting_not_yet_recorded_as_held_are_not_reminded(tree, personas, bodies):
    meeting = meeting_import(
        actor=personas.reporter_a, scope=scope_for(personas.reporter_a), draft=draft(tree, bodies)
    )
    today = dt.date(2026, 2, 1)  # long past the task's deadline
    assert due_reminders(today) == []
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.HELD)
    assert [r.task for r in due_reminders(today)] == list(Task.objects.all())
