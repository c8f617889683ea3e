"""Requesting, generating and downloading documents through the API and the pages; who may see them."""

import io

import pytest
from django.utils import timezone
from docx import Document

from danvan.accounts.scope import scope_for
from danvan.documents.models import GeneratedDocument, Status
from danvan.documents.services import document_generate, document_request
from danvan.practices.models import PracticeField
from danvan.practices.models import Status as PracticeStatus
from danvan.practices.services.lifecycle import practice_transition
from danvan.practices.services.registration import practice_register

API = "/api/v1/documents"
REPORT = {"type": "report", "unit": "92", "form": "so-ket", "period": "2021-H1"}


def texts(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    return "\n".join(parts)


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def request_report(client, captured, **extra):
    with captured(execute=True):
        response = client.post(API, {**REPORT, **extra}, content_type="application/json")
    return response


def test_report_through_the_api(personas, api_for, media, report_source, django_capture_on_commit_callbacks):
    client = api_for(personas.approver)
    created = request_report(client, django_capture_on_commit_callbacks)
    assert created.status_code == 202, created.content
    pk = created.json()["id"]
    assert created.json()["status"] == "queued"
    status = client.get(f"{API}/{pk}").json()
    assert status["status"] == "done" and status["progress"] == 100 and status["error"] == ""
    assert status["unit"] == "92" and status["parameters"]["period"] == "2021-H1"
    unit, form_code, period = report_source[0]
    assert unit.code == "92" and form_code == "so-ket" and period.code == "2021-H1"
    file = client.get(status["file_url"])
    assert file.status_code == 200 and "attachment" in file["Content-Disposition"]
    content = texts(body(file))
    assert "BÁO CÁO" in content and "Sơ kết công tác dân vận 6 tháng đầu năm 2021" in content
    assert "98.765" in content and "112,2" in content and "THÀNH ỦY CẦN THƠ" in content


def test_idempotency_key_queues_once(
    personas, api_for, media, report_source, django_capture_on_commit_callbacks
):
    client = api_for(personas.approver)
    headers = {"Idempotency-Key": "bao-cao-1"}
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(API, REPORT, content_type="application/json", headers=headers)
        again = client.post(API, REPORT, content_type="application/json", headers=headers)
    assert first.json()["id"] == again.json()["id"] and GeneratedDocument.objects.count() == 1
    other = client.post(API, {**REPORT, "period": "2021"}, content_type="application/json", headers=headers)
    assert other.status_code == 422 and other.json()["code"] == "idempotency_key_reused"


@pytest.mark.parametrize(
    ("payload", "status", "code", "field"),
    [
        ({**REPORT, "type": "khong-co"}, 422, "unknown_document_type", "type"),
        ({**REPORT, "period": "2021-H3"}, 422, "invalid_document_parameters", "period"),
        ({k: v for k, v in REPORT.items() if k != "form"}, 422, "invalid_document_parameters", "form"),
        ({**REPORT, "colour": "red"}, 422, "invalid_document_parameters", "colour"),
        ({**REPORT, "format": "odt"}, 422, None, None),
        ({**REPORT, "unit": "04"}, 404, "not_found", None),  # Cao Bằng: outside the approver's reach
        ({**REPORT, "unit": "99999"}, 404, "not_found", None),
    ],
)
def test_bad_input_is_a_vietnamese_problem(personas, api_for, unchanged, payload, status, code, field):
    client = api_for(personas.approver)
    with unchanged():
        response = client.post(API, payload, content_type="application/json")
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["detail"] and (code is None or problem["code"] == code)
    if field:
        assert field in problem["errors"] and problem["errors"][field][0]


def test_pdf_is_refused_when_libreoffice_is_missing(personas, api_for, unchanged, monkeypatch):
    monkeypatch.setattr("danvan.documents.services.pdf_available", lambda: False)
    with unchanged():
        response = api_for(personas.approver).post(
            API, {**REPORT, "format": "pdf"}, content_type="application/json"
        )
    assert response.status_code == 422 and "LibreOffice" in response.json()["detail"]


def test_a_missing_report_source_fails_the_document_in_vietnamese(
    personas, api_for, media, no_report_source, django_capture_on_commit_callbacks
):
    client = api_for(personas.approver)
    pk = request_report(client, django_capture_on_commit_callbacks).json()["id"]
    status = client.get(f"{API}/{pk}").json()
    assert status["status"] == "failed" and "Chưa có nguồn số liệu" in status["error"]
    assert status["file_url"] is None
    assert client.get(f"{API}/{pk}/file").status_code == 409


def _queued(personas, tree):
    document = document_request(
        actor=personas.reporter_a,
        scope=scope_for(personas.reporter_a),
        type_code="report",
        unit=tree.commune_a,
        parameters={"form": "so-ket", "period": "2021-H1"},
    )
    return document


def test_who_may_read_and_download(personas, tree, api_for, client_for, media, report_source, unchanged):
    document = _queued(personas, tree)
    document_generate(document_id=document.pk)
    assert document_generate(document_id=document.pk) is None  # a retried task does nothing
    for allowed in (personas.reporter_a, personas.approver, personas.admin):
        assert api_for(allowed).get(f"{API}/{document.pk}/file").status_code == 200
        assert client_for(allowed).get(f"/van-ban/{document.pk}/tai-ve/").status_code == 200
    with unchanged():
        for refused in (personas.reporter_b, personas.other_approver):
            assert api_for(refused).get(f"{API}/{document.pk}").status_code == 404
            assert api_for(refused).get(f"{API}/{document.pk}/file").status_code == 404
            assert client_for(refused).get(f"/van-ban/{document.pk}/tai-ve/").status_code == 404
            assert client_for(refused).get(f"/van-ban/{document.pk}/trang-thai/").status_code == 404
        assert client_for(None).get(f"{API}/{document.pk}").status_code == 401
        assert client_for(None).get(f"/van-ban/{document.pk}/tai-ve/").status_code == 302
        assert api_for(personas.approver).get(f"{API}/999999").status_code == 404


def test_commune_document_is_issued_by_its_party_committee(personas, tree, media, report_source):
    document = _queued(personas, tree)
    document_generate(document_id=document.pk)
    document.refresh_from_db()
    with document.file.open("rb") as handle:
        content = texts(handle.read())
    assert "ĐẢNG ỦY PHƯỜNG SÓC TRĂNG" in content and "ĐẢNG BỘ THÀNH PHỐ CẦN THƠ" in content
    assert "-BC/ĐU" in content and "Sóc Trăng, ngày" in content
    assert document.filename.endswith(".docx") and document.finished_at is not None


def test_recognised_models_list(personas, tree, api_for, media, django_capture_on_commit_callbacks):
    field, _ = PracticeField.objects.get_or_create(
        code="kinh-te", province=None, year=None, defaults={"name": "Kinh tế"}
    )
    year = timezone.localdate().year
    names = ["Tuyến đường hoa nông thôn mới", "Ống heo tiết kiệm giúp hộ nghèo"]
    for name in names:
        practice = practice_register(
            actor=personas.reporter_a,
            scope=scope_for(personas.reporter_a),
            unit=tree.commune_a,
            field=field,
            year=year,
            name=name,
        )
        for step in (PracticeStatus.IN_PROGRESS, PracticeStatus.EVALUATED, PracticeStatus.RECOGNIZED):
            practice = practice_transition(
                actor=personas.approver,
                scope=scope_for(personas.approver),
                practice=practice,
                to=step,
                reason="",
            )
    practice_register(
        actor=personas.reporter_a,
        scope=scope_for(personas.reporter_a),
        unit=tree.commune_a,
        field=field,
        year=year,
        name="Chưa công nhận",
    )
    client = api_for(personas.approver)
    payload = {
        "type": "recognised_models",
        "unit": "92",
        "year": year,
        "style": "state",
        "signer_name": "Lê Văn Ba",
    }
    with django_capture_on_commit_callbacks(execute=True):
        pk = client.post(API, payload, content_type="application/json").json()["id"]
    content = texts(body(client.get(f"{API}/{pk}/file")))
    assert "DANH SÁCH" in content and f"được công nhận năm {year}" in content
    assert all(name in content for name in names) and "Chưa công nhận" not in content
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in content and "Lê Văn Ba" in content
    assert "Tổng số: 2 mô hình, điển hình (2 mô hình, 0 điển hình)." in content


def test_page_requests_a_document_and_polls_its_row(
    personas, tree, client_for, media, report_source, django_capture_on_commit_callbacks
):
    client = client_for(personas.approver)
    page = client.get("/van-ban/")
    assert page.status_code == 200 and "<script" not in page.content.decode().split("<main")[1]
    form = {
        "type": "report",
        "unit": str(tree.province.pk),
        "format": "docx",
        "period": "2021-H1",
        "form": "so-ket",
    }
    with django_capture_on_commit_callbacks(execute=False):  # the task has not run yet: the row polls
        response = client.post("/van-ban/", form)
    assert response.status_code == 302
    document = GeneratedDocument.objects.get()
    row = client.get(f"/van-ban/{document.pk}/trang-thai/", headers={"HX-Request": "true"}).content.decode()
    assert 'hx-trigger="every 2s"' in row and "<progress" in row and "style=" not in row
    document_generate(document_id=document.pk)
    row = client.get(f"/van-ban/{document.pk}/trang-thai/").content.decode()
    assert "hx-get" not in row and f"/van-ban/{document.pk}/tai-ve/" in row
    listing = client.get("/van-ban/").content.decode()
    assert "Báo cáo định kỳ — Thành phố Cần Thơ" in listing or "Báo cáo" in listing


def test_page_shows_errors_of_the_type(personas, tree, client_for, unchanged):
    client = client_for(personas.approver)
    with unchanged():
        response = client.post(
            "/van-ban/",
            {"type": "report", "unit": str(tree.province.pk), "format": "docx", "period": "2021-X"},
        )
    assert response.status_code == 422
    assert "Bắt buộc phải có." in response.content.decode() or "không đúng dạng" in response.content.decode()


def test_default_templates_download(personas, client_for):
    client = client_for(personas.reporter_a)
    response = client.get("/van-ban/mau/party.docx")
    assert response.status_code == 200 and "{{ co_quan_ban_hanh }}" in texts(response.content)
    assert client.get("/van-ban/mau/other.docx").status_code == 404


def test_status_codes_enum():
    assert {s.value for s in Status} == {"queued", "running", "done", "failed"}
