"""The "done when" flow through /api/v1 with bearer tokens: a giao ban is scheduled, held and
closed with conclusions and three tasks for three organizations; one is done, one progresses,
one goes overdue and shows in the overdue lists and the reminders; a dialogue's question not
answered on the spot becomes a tracked task; the statistics follow."""

import datetime as dt

from django.core import mail
from django.utils import timezone

from danvan.meetings.models import Task
from danvan.meetings.services.reminders import task_reminders_send

API = "/api/v1"


def test_giao_ban_to_tasks_overdue_and_dialogue_followup(
    personas, tree, bodies, api_for, unchanged, django_capture_on_commit_callbacks
):
    reporter = api_for(personas.reporter_a)
    approver = api_for(personas.approver)
    today = timezone.localdate()
    starts = timezone.now() - dt.timedelta(days=20)
    personas.reporter_a.email = "nhaplieu_a@example.vn"
    personas.reporter_a.save()

    created = reporter.post(
        f"{API}/meetings",
        {
            "unit": "31510",
            "kind": "giao_ban",
            "title": "Giao ban công tác dân vận tháng",
            "starts_at": starts.isoformat(),
            "place": "Hội trường Đảng ủy",
            "organizer_ids": [bodies.party_a.pk],
            "chair_id": bodies.secretary_a.pk,
        },
        content_type="application/json",
        headers={"Idempotency-Key": "gb-1"},
    )
    assert created.status_code == 201, created.content
    meeting = created.json()
    assert meeting["status"] == "scheduled" and meeting["chair_title"].startswith("Bí thư Đảng ủy")
    again = reporter.post(
        f"{API}/meetings",
        {
            "unit": "31510",
            "kind": "giao_ban",
            "title": "Giao ban công tác dân vận tháng",
            "starts_at": starts.isoformat(),
            "place": "Hội trường Đảng ủy",
            "organizer_ids": [bodies.party_a.pk],
            "chair_id": bodies.secretary_a.pk,
        },
        content_type="application/json",
        headers={"Idempotency-Key": "gb-1"},
    )
    assert again.status_code == 201 and again.json()["id"] == meeting["id"]
    url = f"{API}/meetings/{meeting['id']}"

    added = reporter.post(
        f"{url}/attendees", {"person_id": bodies.chair_front_a.pk}, content_type="application/json"
    )
    assert added.status_code == 200 and "Chủ tịch Ủy ban MTTQ" in added.json()["attendees"][0]["title"]
    held = reporter.post(f"{url}/hold", {"other_attendees": 25}, content_type="application/json")
    assert held.status_code == 200 and held.json()["status"] == "held"

    # A deadline before the meeting refuses the whole closing.
    early = (starts - dt.timedelta(days=3)).date().isoformat()
    late = (today + dt.timedelta(days=30)).isoformat()
    bad = {
        "conclusions": "Thống nhất các nhiệm vụ trọng tâm tháng tới.",
        "tasks": [
            {"title": "Tuyên truyền", "owner_id": bodies.women_a.pk, "deadline": late},
            {"title": "Vận động", "owner_id": bodies.farmers_a.pk, "deadline": early},
        ],
    }
    with unchanged():
        refused = reporter.post(f"{url}/close", bad, content_type="application/json")
    assert refused.status_code == 422
    assert "không được trước ngày họp" in refused.json()["errors"]["tasks.1.deadline"][0]

    overdue_day = (today - dt.timedelta(days=2)).isoformat()
    closed = reporter.post(
        f"{url}/close",
        {
            "conclusions": "Thống nhất các nhiệm vụ trọng tâm tháng tới.",
            "minutes": "Biên bản hội nghị.",
            "notice": {"issuer_id": bodies.party_a.pk, "issuer_code": "ĐU"},
            "tasks": [
                {"title": "Sơ kết mô hình Dân vận khéo", "owner_id": bodies.women_a.pk, "deadline": late},
                {"title": "Vận động hội viên tham gia", "owner_id": bodies.farmers_a.pk, "deadline": late},
                {
                    "title": "Ra quân làm sạch môi trường",
                    "owner_id": bodies.youth_a.pk,
                    "deadline": overdue_day,
                },
            ],
        },
        content_type="application/json",
        headers={"If-Match": held["ETag"]},
    )
    assert closed.status_code == 200, closed.content
    body = closed.json()
    assert body["status"] == "closed" and body["conclusion_notice"]["reference"] == "01-TB/ĐU"
    done, progressing, late_task = (t["id"] for t in body["tasks"])

    finished = reporter.post(
        f"{API}/tasks/{done}/progress",
        {"progress": 100, "note": "Đã sơ kết."},
        content_type="application/json",
    )
    assert finished.status_code == 201 and finished.json()["task"]["status"] == "done"
    moving = reporter.post(
        f"{API}/tasks/{progressing}/progress",
        {"progress": 40, "note": "Đã họp chi hội."},
        content_type="application/json",
    )
    assert moving.json()["task"]["status"] == "in_progress" and moving.json()["task"]["progress"] == 40

    # The overdue task shows for its owner, for the assigner, and in the province's list.
    owner_list = reporter.get(f"{API}/tasks", {"owner": bodies.youth_a.pk, "overdue": "true"}).json()
    assert [t["id"] for t in owner_list["items"]] == [late_task] and owner_list["items"][0]["overdue"]
    assigner_list = reporter.get(f"{API}/tasks", {"assigner": bodies.party_a.pk, "overdue": "true"}).json()
    assert [t["id"] for t in assigner_list["items"]] == [late_task]
    assert approver.get(f"{API}/tasks", {"unit": "92", "overdue": "true"}).json()["count"] == 1
    assert api_for(personas.reporter_b).get(f"{API}/tasks/{late_task}").status_code == 404

    # Reminders: the overdue one (and only it) is reminded, once a day.
    with django_capture_on_commit_callbacks(execute=True):
        assert task_reminders_send(today=today) == 1
    assert len(mail.outbox) == 1 and "quá hạn" in mail.outbox[0].subject
    assert task_reminders_send(today=today) == 0

    # A dialogue: one question answered on the spot, one promised → a tracked task.
    dialogue = reporter.post(
        f"{API}/meetings",
        {
            "unit": "31510",
            "kind": "doi_thoai",
            "title": "Đối thoại với Nhân dân",
            "starts_at": (timezone.now() - dt.timedelta(hours=2)).isoformat(),
            "organizer_ids": [bodies.party_a.pk, bodies.front_a.pk],
        },
        content_type="application/json",
    ).json()
    qurl = f"{API}/meetings/{dialogue['id']}/questions"
    first = reporter.post(
        qurl, {"source": "front", "content": "Đường hẻm ngập nước"}, content_type="application/json"
    ).json()
    second = reporter.post(
        qurl, {"source": "on_the_day", "content": "Cấp giấy chứng nhận chậm"}, content_type="application/json"
    ).json()
    spot = reporter.post(
        f"{qurl}/{first['id']}/answer",
        {"state": "on_the_spot", "answer": "Đã có kế hoạch nạo vét."},
        content_type="application/json",
    )
    assert spot.json()["state"] == "on_the_spot"
    promised = reporter.post(
        f"{qurl}/{second['id']}/answer",
        {"state": "promised", "commitment_owner_id": bodies.party_a.pk, "commitment_deadline": late},
        content_type="application/json",
    ).json()
    assert promised["state"] == "promised" and promised["followup_task_id"]
    assert Task.objects.get(pk=promised["followup_task_id"]).owner == bodies.party_a

    # The tasks' deadlines span the turn of a year when the test runs in December.
    period = f"{today.year - 1}-{today.year + 1}"
    figures = approver.get(f"{API}/meetings/stats", {"unit": "92", "period": period}).json()["figures"]
    assert figures["dialogues_held"] == 0  # the dialogue is scheduled, not yet recorded as held
    assert figures["tasks_done"] >= 1 and figures["tasks_overdue"] == 1
