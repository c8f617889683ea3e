"""The whole flow through /api/v1, as an integrating system does it: a citizen submits and
follows the code; staff accept, route, extend, answer with evidence; the clock, the overdue list,
escalation and the statistics follow, around Tết."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from danvan.petitions.models import Petition
from danvan.petitions.services.reminders import petition_reminders_run
from danvan.petitions.tests.conftest import PDF

pytestmark = pytest.mark.urls("danvan.petitions.tests.urls")
API = "/api/v1/petitions"


def bearer(username: str, password: str) -> Client:
    response = Client().post(
        "/api/v1/auth/token", {"username": username, "password": password}, content_type="application/json"
    )
    assert response.status_code == 200, response.content
    return Client(HTTP_AUTHORIZATION=f"Bearer {response.json()['token']}")


def test_citizen_submits_staff_handle_and_the_figures_follow(personas, tree, orgs, password, at):
    citizen = Client()
    leader = bearer(personas.approver.username, password)
    handler = bearer(personas.reporter_a.username, password)

    at(2026, 2, 12, 10)  # Thursday before Tết Bính Ngọ
    created = citizen.post(
        "/api/v1/public/petitions",
        {
            "kind": "denunciation",
            "topic": "dat-dai",
            "unit": "31510",
            "content": "Tố cáo việc san lấp đất nông nghiệp trái phép ở khóm 4, kéo dài từ tháng 12.",
            "citizen": {"name": "Người Tố Cáo", "phone": "0901234567"},
            "public_consent": True,
        },
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    code = created.json()["tracking_code"]
    assert (
        citizen.get(f"/api/v1/public/petitions/{code}").json()["due_on"] == "2026-03-02"
    )  # 7 working days over Tết

    pk = Petition.objects.get(tracking_code=code).pk
    at(2026, 2, 23, 9)  # back after Tết: accept, assign, transfer to the ward People's Committee
    for action in (
        {"action": "accept", "complexity": "complex"},
        {"action": "transfer", "organization_id": orgs["ubnd_a"].pk, "reason": "Đúng thẩm quyền giải quyết"},
        {"action": "assign", "handlers": [personas.reporter_a.username]},
    ):
        response = leader.post(f"{API}/{pk}/transitions", action, content_type="application/json")
        assert response.status_code == 200, response.content
    detail = response.json()
    assert detail["resolve_due"] == "2026-03-25" and detail["organization"]["name"] == orgs["ubnd_a"].name
    assert handler.get(f"{API}/{pk}/identity").json()["name"] == "Người Tố Cáo"
    assert leader.get(f"{API}/{pk}/identity").status_code == 403

    # Not answered by 25/3: overdue, then reported to the province three days later.
    at(2026, 3, 26)
    assert [p["tracking_code"] for p in leader.get(API, {"due": "overdue"}).json()["items"]] == [code]
    assert petition_reminders_run(day=dt.date(2026, 3, 28))["escalated"] == 1
    assert leader.get(f"{API}/{pk}").json()["escalation_level"] == 1

    # Extended once (complex), so it is on time again; answered with the decision as evidence.
    extended = leader.post(
        f"{API}/{pk}/transitions",
        {"action": "extend", "reason": "Cần đo đạc lại hiện trạng", "complexity": "complex"},
        content_type="application/json",
    )
    assert extended.json()["resolve_due"] == "2026-04-24" and extended.json()["overdue"] is False
    again = leader.post(
        f"{API}/{pk}/transitions",
        {"action": "extend", "reason": "Lần hai", "complexity": "complex"},
        content_type="application/json",
    )
    assert again.status_code == 409
    at(2026, 4, 20)
    decision = SimpleUploadedFile("ket-luan.pdf", PDF, content_type="application/pdf")
    evidence = handler.post(f"{API}/{pk}/files", {"files": [decision]}).json()
    answered = handler.post(
        f"{API}/{pk}/answers",
        {
            "text": "Kết luận nội dung tố cáo: đúng một phần; đã buộc khôi phục hiện trạng đất nông nghiệp.",
            "evidence_ids": [evidence[0]["id"]],
            "decision_number": "45/KL-UBND",
            "decision_date": "2026-04-20",
            "public": True,
        },
        content_type="application/json",
    )
    assert answered.status_code == 201, answered.content
    tracked = citizen.get(f"/api/v1/public/petitions/{code}").json()
    assert tracked["status"] == "answered" and "khôi phục hiện trạng" in tracked["public_answer"]
    assert "Người Tố Cáo" not in str(tracked)

    stats = leader.get(f"{API}/stats", {"unit": "92", "period": "2026-H1"}).json()["figures"]
    assert (
        stats["received"] == 1 and stats["received_denunciation"] == 1 and stats["received_channel_web"] == 1
    )
    assert stats["resolved"] == 1 and stats["on_time_percent"] == 100.0 and stats["escalated"] == 1
    assert stats["avg_days_to_answer"] == 67.0
