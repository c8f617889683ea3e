"""Every page answers, refusals answer 404 and change nothing, the .ics and the public page."""

import datetime as dt

from django.utils import timezone

from danvan.accounts.scope import scope_for
from danvan.meetings.services import directives, reception, supervision
from danvan.meetings.services.meetings import meeting_close
from danvan.meetings.services.tasks import TaskSpec


def test_pages_answer(client_for, personas, schedule, bodies, tree):
    meeting = schedule()
    scope = scope_for(personas.reporter_a)
    meeting_close(
        actor=personas.reporter_a,
        scope=scope,
        meeting=meeting,
        conclusions="KL",
        tasks=[
            TaskSpec(
                "Việc", bodies.women_a, timezone.localdate() - dt.timedelta(hours=1) + dt.timedelta(days=2)
            )
        ],
    )
    task = meeting.tasks.get()
    directive = directives.directive_create(
        actor=personas.reporter_a,
        scope=scope,
        issuer=bodies.party_a,
        style="party",
        type_code="KH",
        issuer_code="ĐU",
        title="Kế hoạch",
        issued_on=timezone.localdate(),
    )
    found = supervision.supervision_record(
        actor=personas.reporter_a,
        scope=scope,
        kind="critique",
        organization=bodies.front_a,
        subject="Dự thảo",
        supervised_name="UBND phường",
        starts_on=timezone.localdate(),
        ends_on=timezone.localdate(),
    )
    reception.reception_schedule_create(
        actor=personas.reporter_a,
        scope=scope,
        head=bodies.secretary_a,
        head_title="Bí thư",
        organization=bodies.party_a,
        published_time="Thứ Năm",
        place="Trụ sở",
    )
    client = client_for(personas.reporter_a)
    for url in [
        "/hoi-nghi/",
        "/hoi-nghi/moi/",
        f"/hoi-nghi/{meeting.pk}/",
        "/hoi-nghi/lich/",
        "/hoi-nghi/lich/?thang=2019-M04",
        "/hoi-nghi/nhiem-vu/",
        "/hoi-nghi/nhiem-vu/?xem=qua-han-da-giao",
        f"/hoi-nghi/nhiem-vu/{task.pk}/",
        f"/hoi-nghi/viec-duoc-giao/{bodies.women_a.pk}/",
        "/hoi-nghi/chi-dao/",
        f"/hoi-nghi/chi-dao/{directive.pk}/",
        "/hoi-nghi/giam-sat/",
        f"/hoi-nghi/giam-sat/{found.pk}/",
        "/hoi-nghi/tiep-cong-dan/",
        "/hoi-nghi/thong-ke/?ky=2026-H1",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
    ics = client.get("/hoi-nghi/lich.ics")
    assert ics["Content-Type"].startswith("text/calendar") and b"BEGIN:VEVENT" in ics.content
    other = client_for(personas.reporter_b)
    for url in [
        f"/hoi-nghi/{meeting.pk}/",
        f"/hoi-nghi/nhiem-vu/{task.pk}/",
        f"/hoi-nghi/chi-dao/{directive.pk}/",
        f"/hoi-nghi/giam-sat/{found.pk}/",
    ]:
        assert other.get(url).status_code == 404, url


def test_refused_writes_change_nothing(client_for, personas, schedule, unchanged):
    meeting = schedule()
    with unchanged():
        assert client_for(personas.reporter_b).post(f"/hoi-nghi/{meeting.pk}/da-hop/", {}).status_code == 404
        assert client_for(None).post(f"/hoi-nghi/{meeting.pk}/da-hop/", {}).status_code == 302
        assert (
            client_for(personas.other_approver).post(f"/hoi-nghi/{meeting.pk}/ket-thuc/", {}).status_code
            == 404
        )


def test_public_reception_page_needs_no_login(client_for, personas, bodies):
    scope = scope_for(personas.reporter_a)
    schedule = reception.reception_schedule_create(
        actor=personas.reporter_a,
        scope=scope,
        head=bodies.secretary_a,
        head_title="Bí thư Đảng ủy phường",
        organization=bodies.party_a,
        published_time="Thứ Năm",
        place="Trụ sở Đảng ủy",
    )
    reception.reception_session_plan(
        actor=personas.reporter_a,
        schedule=schedule,
        day=timezone.localdate() + dt.timedelta(days=3),
        starts=dt.time(7, 30),
        ends=dt.time(11),
    )
    page = client_for(None).get("/hoi-nghi/lich-tiep-cong-dan/")
    assert page.status_code == 200 and "Trần Văn Bình" in page.content.decode()
    api = client_for(None).get("/api/v1/public/reception-sessions")
    assert api.status_code == 200 and api.json()["count"] == 1
