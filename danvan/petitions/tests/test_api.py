"""The API: staff list/create/detail/transitions/answers with access rules and conventions, and
the public submission (rate-limited) and tracking (no personal data)."""

import pytest
from django.test import Client

from danvan.petitions.models import Petition
from danvan.petitions.tests.conftest import CONTENT, PNG

API = "/api/v1/petitions"
PUBLIC = "/api/v1/public/petitions"
pytestmark = pytest.mark.urls("danvan.petitions.tests.urls")


def body(**kw):
    return {
        "kind": "report",
        "channel": "hotline",
        "topic": "ha-tang",
        "unit": "31510",
        "content": CONTENT,
    } | kw


def public_body(**kw):
    return {"kind": "report", "topic": "ha-tang", "unit": "31510", "content": CONTENT} | kw


def test_staff_create_is_idempotent_and_returns_the_private_link_once(personas, api_for):
    api = api_for(personas.reporter_a)
    headers = {"Idempotency-Key": "abc-1"}
    first = api.post(API, body(), content_type="application/json", headers=headers)
    assert first.status_code == 201, first.content
    again = api.post(API, body(), content_type="application/json", headers=headers)
    assert again.status_code == 201 and again.json()["id"] == first.json()["id"]
    assert (
        first.json()["private_url"].startswith("/gui-y-kien/theo-doi/") and again.json()["private_url"] == ""
    )
    assert Petition.objects.count() == 1
    reused = api.post(API, body(content=CONTENT + " thêm"), content_type="application/json", headers=headers)
    assert reused.status_code == 422 and reused.json()["code"] == "idempotency_key_reused"


def test_create_refusals(personas, api_for, unchanged):
    with unchanged():
        outside = api_for(personas.reporter_b).post(API, body(), content_type="application/json")
        empty = api_for(personas.reporter_a).post(API, body(content=""), content_type="application/json")
        wrong_kind = api_for(personas.reporter_a).post(
            API, body(kind="khac"), content_type="application/json"
        )
        anonymous = Client().post(API, body(), content_type="application/json")
    assert outside.status_code == 404
    assert empty.status_code == 422 and "content" in empty.json()["errors"]
    assert wrong_kind.status_code == 422 and anonymous.status_code == 401


def test_list_filters_and_detail_etag(personas, api_for, receive, tree):
    mine = receive()
    receive(kind="recommendation")
    receive(user=personas.reporter_b, unit=tree.commune_b)
    api = api_for(personas.reporter_a)
    listed = api.get(API, {"kind": "report"}).json()
    assert listed["count"] == 1 and listed["items"][0]["tracking_code"] == mine.tracking_code
    assert "citizen" not in str(listed) and api_for(personas.approver).get(API).json()["count"] == 3
    assert api.get(API, {"unit": "31528"}).json()["count"] == 0
    assert api.get(API, {"due": "overdue"}).status_code == 200
    assert api.get(API, {"period": "2026-X"}).status_code == 422
    detail = api.get(f"{API}/{mine.pk}")
    assert detail.status_code == 200 and detail["ETag"] == f'"{mine.pk}-1"'
    assert api_for(personas.reporter_b).get(f"{API}/{mine.pk}").status_code == 404
    assert api.get(f"{API}/999999").status_code == 404


def test_transitions_if_match_answers_with_evidence(personas, api_for, receive, unchanged):
    petition = receive(public_consent=True)
    leader, handler = api_for(personas.approver), api_for(personas.reporter_a)
    with unchanged():
        stale = leader.post(
            f"{API}/{petition.pk}/transitions",
            {"action": "accept"},
            content_type="application/json",
            headers={"If-Match": '"1-99"'},
        )
        forbidden = handler.post(
            f"{API}/{petition.pk}/transitions", {"action": "accept"}, content_type="application/json"
        )
        no_reason = leader.post(
            f"{API}/{petition.pk}/transitions", {"action": "reject"}, content_type="application/json"
        )
    assert stale.status_code == 412 and forbidden.status_code == 403 and no_reason.status_code == 422
    etag = leader.get(f"{API}/{petition.pk}")["ETag"]
    accepted = leader.post(
        f"{API}/{petition.pk}/transitions",
        {"action": "accept"},
        content_type="application/json",
        headers={"If-Match": etag},
    )
    assert accepted.status_code == 200 and accepted.json()["status"] == "accepted"
    assert accepted.json()["resolve_due"] and accepted["ETag"] != etag
    illegal = leader.post(
        f"{API}/{petition.pk}/transitions", {"action": "close"}, content_type="application/json"
    )
    assert illegal.status_code == 409
    uploaded = handler.post(f"{API}/{petition.pk}/files", {"files": [_png()]})
    assert uploaded.status_code == 201, uploaded.content
    fake = handler.post(f"{API}/{petition.pk}/files", {"files": [_fake()]})
    assert fake.status_code == 422 and fake.json()["code"] == "file_type"
    text = "Đã thay bóng đèn chiếu sáng và kiểm tra lại toàn tuyến, kèm ảnh hiện trường."
    no_evidence = handler.post(
        f"{API}/{petition.pk}/answers", {"text": text, "evidence_ids": []}, content_type="application/json"
    )
    assert no_evidence.status_code == 422
    answered = handler.post(
        f"{API}/{petition.pk}/answers",
        {"text": text, "evidence_ids": [uploaded.json()[0]["id"]], "public": True},
        content_type="application/json",
    )
    assert answered.status_code == 201, answered.content
    assert answered.json()["files"][0]["type"] == "photo" and answered.json()["is_public"]
    detail = handler.get(f"{API}/{petition.pk}").json()
    assert detail["status"] == "answered" and detail["on_time"] is True and len(detail["answers"]) == 1
    assert [e["action"] for e in detail["events"]] == ["receive", "accept", "answer"]


def _png():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("anh.png", PNG, content_type="image/png")


def _fake():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("anh.png", b"MZ\x90\x00 not a picture", content_type="image/png")


def test_public_submission_and_tracking_show_no_personal_data(client, tree):
    created = client.post(
        PUBLIC,
        public_body(citizen={"name": "Võ Thị Em", "phone": "0911222333"}),
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    code = created.json()["tracking_code"]
    tracked = client.get(f"{PUBLIC}/{code}")
    assert tracked.status_code == 200 and tracked.json()["status"] == "received"
    text = tracked.content.decode()
    assert "Võ Thị Em" not in text and "0911222333" not in text and "Lê Lợi" not in text
    assert tracked.json()["public_answer"] is None
    missing = client.get(f"{PUBLIC}/YK26-KHONGCO")
    assert missing.status_code == 404 and "mã theo dõi" in missing.json()["detail"]


def test_a_citizens_retry_with_the_same_key_files_one_petition(client, tree, unchanged):
    headers = {"Idempotency-Key": "7f1c6a9e-gui-lan-1"}
    first = client.post(PUBLIC, public_body(), content_type="application/json", headers=headers)
    again = client.post(PUBLIC, public_body(), content_type="application/json", headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.json()["tracking_code"] == first.json()["tracking_code"]
    assert first.json()["private_url"] and again.json()["private_url"] == ""  # the secret is shown once
    assert Petition.objects.count() == 1
    with unchanged():
        other = client.post(
            PUBLIC,
            public_body(content=CONTENT + " Xin sửa sớm."),
            content_type="application/json",
            headers=headers,
        )
    assert other.status_code == 422 and other.json()["code"] == "idempotency_key_reused"


def test_public_submission_bad_input_gives_clear_messages(client, tree, unchanged):
    with unchanged():
        empty = client.post(PUBLIC, public_body(content="  "), content_type="application/json")
        huge = client.post(PUBLIC, public_body(content="x" * 10_500), content_type="application/json")
        province = client.post(PUBLIC, public_body(unit="92"), content_type="application/json")
        unknown = client.post(PUBLIC, public_body(unit="99999"), content_type="application/json")
        anonymous_complaint = client.post(
            PUBLIC, public_body(kind="complaint_first"), content_type="application/json"
        )
    assert empty.status_code == 422 and empty.json()["errors"]["content"]
    assert huge.status_code == 422 and "10.000" in huge.json()["errors"]["content"][0]
    assert province.status_code == 422 and unknown.status_code == 422
    assert anonymous_complaint.status_code == 422 and "citizen_name" in anonymous_complaint.json()["errors"]


def test_a_flood_from_one_address_is_rate_limited(client, tree, settings):
    codes = [
        client.post(PUBLIC, public_body(), content_type="application/json").status_code for _ in range(10)
    ]
    assert codes == [201] * 10
    stored = Petition.objects.count()
    limited = client.post(PUBLIC, public_body(), content_type="application/json")
    assert limited.status_code == 429 and int(limited["Retry-After"]) > 0
    assert limited.json()["code"] == "rate_limited" and Petition.objects.count() == stored
    other = client.post(PUBLIC, public_body(), content_type="application/json", REMOTE_ADDR="10.0.0.2")
    assert other.status_code == 201


def test_script_in_text_is_stored_as_text_and_shown_escaped(client, personas, client_for):
    script = "<script>alert('x')</script> Cống thoát nước bị tắc trước số nhà 12."
    created = client.post(
        PUBLIC, public_body(content=script, title="<b>Cống</b>"), content_type="application/json"
    )
    petition = Petition.objects.get(tracking_code=created.json()["tracking_code"])
    assert petition.content == script
    page = client_for(personas.reporter_a).get(f"/y-kien/{petition.pk}/").content.decode()
    assert "<script>alert" not in page and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "&lt;b&gt;Cống&lt;/b&gt;" in page


def test_the_openapi_document_lists_the_operations(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in (
        API,
        f"{API}/stats",
        f"{API}/{{petition_id}}/transitions",
        PUBLIC,
        f"{PUBLIC}/{{tracking_code}}",
    ):
        assert path in paths
    assert list(paths).index(f"{API}/stats") < list(paths).index(f"{API}/{{petition_id}}")
    assert "security" not in paths[PUBLIC]["post"] or paths[PUBLIC]["post"]["security"] in ([], [{}])


def test_an_organization_filter_beyond_any_id_is_refused_with_422(personas, api_for):
    api = api_for(personas.reporter_a)
    assert api.get(API, {"organization": 2**63}).status_code == 422
    assert api.get(API, {"organization": 0}).status_code == 422
    assert api.get(API, {"organization": 2**63 - 1}).status_code == 200
