"""Confirming a review creates drafts in the domain apps, all or nothing, each linked back to the text."""

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from danvan.accounts.scope import scope_for
from danvan.audit.models import AuditEvent
from danvan.campaigns.models import Campaign, Distribution
from danvan.core.periods import Period
from danvan.extraction.extractor.units import load_gazetteer
from danvan.extraction.models import DraftRecord, ImportedText, Status
from danvan.extraction.tests.forms import form_fields
from danvan.meetings.models import Attendee, Meeting, MeetingStatus, Task
from danvan.practices.models import Practice
from danvan.reporting.models import ReportForm, Submission, Value
from danvan.reporting.models import Status as ReportStatus
from danvan.reporting.services.submissions import submission_open

TEXT = (
    "Phường Sóc Trăng đối thoại với Nhân dân\n\n"
    "Sáng 12/9/2025, Đảng ủy phường Sóc Trăng phối hợp Ủy ban MTTQ phường tổ chức hội nghị đối thoại "
    "giữa người đứng đầu cấp ủy với Nhân dân. Chủ trì hội nghị có đồng chí Trần Văn Bình, Bí thư Đảng ủy "
    "phường. Dự có bà Lê Thị Hoa, Chủ tịch Ủy ban MTTQ phường. Hội nghị tiếp nhận 27 ý kiến, khoảng 95% "
    "được giải đáp ngay. Dịp này, phường trao 40 suất quà cho hộ nghèo, tổng trị giá 20 triệu đồng.\n\n"
    "Phát biểu kết luận, đồng chí Trần Văn Bình đề nghị UBND phường công khai tiến độ giải quyết kiến "
    "nghị; Ủy ban MTTQ phường giám sát việc thực hiện các cam kết."
)
DOMAIN = (Meeting, Attendee, Task, Submission, Value, Campaign, Distribution, Practice, DraftRecord)


def snapshot() -> tuple[Any, ...]:
    rows = tuple(list(model.objects.order_by("pk").values()) for model in DOMAIN)
    texts = list(ImportedText.objects.order_by("pk").values("pk", "status", "reviewed", "unit"))
    return (*rows, texts, AuditEvent.objects.count())


@pytest.fixture(autouse=True)
def fresh_gazetteer(tree: Any) -> None:
    load_gazetteer(refresh=True)


@pytest.fixture
def imported(client_for: Any, personas: Any, ward_bodies: Any) -> ImportedText:
    client_for(personas.reporter_a).post("/nhap-van-ban/", {"text": TEXT})
    return ImportedText.objects.get()


def page_form(client: Any, imported: ImportedText, **changes: Any) -> dict[str, Any]:
    page = client.get(f"/nhap-van-ban/{imported.pk}/")
    assert page.status_code == 200
    fields = form_fields(page.content.decode())
    fields.update(
        {
            "part-reporting": "on",
            "report-form": "dv-xa-thang",
            "report-period": "2025-M09",
            "action": "confirm",
        }
    )
    fields.update(changes)
    return {k: v for k, v in fields.items() if v is not None}


@pytest.mark.django_db
def test_the_review_page_shows_per_app_what_confirming_would_create(client_for, personas, imported):
    page = client_for(personas.reporter_a).get(f"/nhap-van-ban/{imported.pk}/").content.decode()
    for part in ("part-meetings", "part-reporting", "part-campaigns", "part-practices"):
        assert f'id="{part}"' in page
    assert "Chủ trì: Trần Văn Bình — Bí thư Đảng ủy phường (đã có hồ sơ)" in page
    assert "Đại biểu: Lê Thị Hoa — Chủ tịch Ủy ban MTTQ phường (đã có hồ sơ)" in page
    assert "S3: 40 suất quà cho hộ nghèo, trị giá 20 triệu đồng" in page
    assert "Chọn mẫu báo cáo của đơn vị." in page or "Kỳ báo cáo" in page
    assert not Meeting.objects.exists() and not Submission.objects.exists() and not Campaign.objects.exists()


@pytest.mark.django_db
def test_confirming_creates_the_drafts_in_each_app_linked_back(client_for, personas, imported, ward_bodies):
    client = client_for(personas.reporter_a)
    response = client.post(f"/nhap-van-ban/{imported.pk}/", page_form(client, imported))
    assert response.status_code == 302, response.content.decode()[:2000]
    imported.refresh_from_db()
    assert imported.status == Status.CONFIRMED and imported.unit.code == "31510"

    meeting = Meeting.objects.get()
    assert (meeting.kind, meeting.status, meeting.starts_at.date()) == (
        "doi_thoai",
        MeetingStatus.SCHEDULED,
        dt.date(2025, 9, 12),
    )
    assert set(meeting.organizers.all()) == {ward_bodies["party"], ward_bodies["front"]}
    assert meeting.chair == ward_bodies["secretary"] and meeting.chair_title == "Bí thư Đảng ủy phường"
    assert [(a.person, a.title) for a in meeting.attendees.all()] == [
        (ward_bodies["secretary"], "Bí thư Đảng ủy phường"),
        (ward_bodies["front_chair"], "Chủ tịch Ủy ban MTTQ phường"),
    ]
    tasks = list(meeting.tasks.order_by("pk"))
    assert [t.title for t in tasks] == [
        "UBND phường công khai tiến độ giải quyết kiến nghị",
        "Ủy ban MTTQ phường giám sát việc thực hiện các cam kết.",
    ]
    assert {(t.owner, t.deadline) for t in tasks} == {(ward_bodies["party"], dt.date(2025, 12, 31))}

    submission = Submission.objects.get()
    assert (submission.form.code, submission.period_code, submission.status) == (
        "dv-xa-thang",
        "2025-M09",
        ReportStatus.DRAFT,
    )
    entered = {v.indicator.code: v for v in submission.values.exclude(override_reason="")}
    assert {code: v.number for code, v in entered.items()} == {
        "dialogue_opinions": Decimal(27),
        "gifts_given": Decimal(40),
        "gifts_value": Decimal(20_000_000),
    }
    assert all(v.override_reason == f"Nhập từ văn bản #{imported.pk}" for v in entered.values())

    distribution = Distribution.objects.get()
    assert (distribution.quantity, distribution.value, distribution.item_kind.code) == (
        40,
        20_000_000,
        "suat_qua",
    )
    assert [g.code for g in distribution.groups.all()] == ["ho_ngheo"]
    assert distribution.campaign.unit == imported.unit

    targets = set(imported.drafts.values_list("target", flat=True))
    assert targets == {
        "meetings.meeting",
        "reporting.submission",
        "campaigns.campaign",
        "campaigns.distribution",
    }
    source = client.get(f"/nhap-van-ban/{imported.pk}/").content.decode()
    assert f'href="/hoi-nghi/{meeting.pk}/"' in source and f'href="/bao-cao/{submission.pk}/"' in source
    meeting_page = client.get(f"/hoi-nghi/{meeting.pk}/")
    shown = meeting_page.content.decode()
    assert "Nhập từ văn bản" in shown and f'href="/nhap-van-ban/{imported.pk}/"' in shown


@pytest.mark.django_db
def test_unticked_parts_create_nothing(client_for, personas, imported):
    client = client_for(personas.reporter_a)
    form = page_form(client, imported, **{"part-meetings": None, "part-reporting": None})
    assert client.post(f"/nhap-van-ban/{imported.pk}/", form).status_code == 302
    assert not Meeting.objects.exists() and not Submission.objects.exists()
    assert Distribution.objects.count() == 1


@pytest.mark.django_db
def test_a_refusal_in_a_later_app_undoes_the_earlier_ones(client_for, personas, imported):
    client = client_for(personas.reporter_a)
    form = page_form(
        client,
        imported,
        practices="Mô hình có lĩnh vực sai | linh-vuc-khong-co",
        **{"part-practices": "on"},
    )
    before = snapshot()
    response = client.post(f"/nhap-van-ban/{imported.pk}/", form)
    assert response.status_code == 422 and "linh-vuc-khong-co" in response.content.decode()
    assert snapshot() == before


@pytest.mark.django_db
def test_a_part_missing_what_it_needs_is_refused_with_the_reason(client_for, personas, imported):
    client = client_for(personas.reporter_a)
    form = page_form(client, imported, **{"meeting-kind": "chuyen_de", "meeting-organizers": None})
    form["event-organizer"] = "Một cơ quan không có trong danh sách"
    before = snapshot()
    response = client.post(f"/nhap-van-ban/{imported.pk}/", form)
    assert response.status_code == 422
    assert "Chọn cơ quan tổ chức trong danh sách của đơn vị." in response.content.decode()
    assert snapshot() == before


@pytest.mark.django_db
def test_a_submitted_report_is_not_written_into(client_for, personas, imported, tree):
    reporter = personas.reporter_a
    submission = submission_open(
        actor=reporter,
        scope=scope_for(reporter),
        form=ReportForm.objects.get(code="dv-xa-thang"),
        unit=tree.commune_a,
        period=Period.parse("2025-M09"),
    )
    Submission.objects.filter(pk=submission.pk).update(status=ReportStatus.SUBMITTED)
    client = client_for(reporter)
    form = page_form(client, imported)
    before = snapshot()
    response = client.post(f"/nhap-van-ban/{imported.pk}/", form)
    assert response.status_code == 422
    assert "đã ở trạng thái «Đã nộp»: không nhập thêm được" in response.content.decode()
    assert snapshot() == before


@pytest.mark.django_db
def test_confirming_for_a_unit_outside_the_scope_answers_404_and_changes_nothing(
    client_for, personas, ward_bodies
):
    client = client_for(personas.reporter_b)
    client.post("/nhap-van-ban/", {"text": TEXT})
    imported = ImportedText.objects.get()
    form = page_form(client, imported)
    assert form["event-unit"] == "31510"
    before = snapshot()
    assert client.post(f"/nhap-van-ban/{imported.pk}/", form).status_code == 404
    assert snapshot() == before


@pytest.mark.django_db
def test_the_text_is_readable_where_its_drafts_are(client_for, personas, imported):
    approver = client_for(personas.approver)
    assert approver.get(f"/nhap-van-ban/{imported.pk}/").status_code == 404
    client = client_for(personas.reporter_a)
    assert client.post(f"/nhap-van-ban/{imported.pk}/", page_form(client, imported)).status_code == 302
    assert approver.get(f"/nhap-van-ban/{imported.pk}/").status_code == 200
    assert client_for(personas.reporter_b).get(f"/nhap-van-ban/{imported.pk}/").status_code == 404
    assert client_for(personas.other_approver).get(f"/nhap-van-ban/{imported.pk}/").status_code == 404
