"""Upload or paste → review (correct, drop, add) → confirm → drafts linked back; batches; refusals."""

import io
import zipfile
from typing import Any

import pytest

from danvan.extraction.extractor.units import load_gazetteer
from danvan.extraction.models import DraftRecord, ImportBatch, ImportedText, Status
from danvan.practices.models import Practice

TEXT = (
    "Phường Sóc Trăng đối thoại với Nhân dân\n\n"
    "Sáng 12/9/2025, Đảng ủy phường Sóc Trăng tổ chức hội nghị đối thoại giữa người đứng đầu cấp ủy với "
    "Nhân dân. "
    "Chủ trì có đồng chí Trần Văn An, Bí thư Đảng ủy phường. Hội nghị tiếp nhận 27 ý kiến, khoảng 95% "
    "được giải đáp ngay.\n\n"
    "Phát biểu kết luận, đồng chí Trần Văn An đề nghị UBND phường công khai tiến độ giải quyết kiến nghị; "
    "Ủy ban MTTQ phường giám sát việc thực hiện các cam kết."
)


@pytest.fixture(autouse=True)
def fresh_gazetteer(tree: Any) -> None:
    load_gazetteer(refresh=True)


@pytest.mark.django_db
def test_paste_review_confirm(client_for: Any, personas: Any) -> None:
    client = client_for(personas.reporter_a)
    response = client.post("/nhap-van-ban/", {"text": TEXT})
    imported = ImportedText.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/{imported.pk}/")
    page = client.get(f"/nhap-van-ban/{imported.pk}/").content.decode()
    assert 'class="x-figure"' in page and 'class="x-person"' in page and "27 ý kiến" in page
    assert imported.extraction["event"]["unit"]["code"] == "31510"
    assert not Practice.objects.exists()  # nothing saved to the domain apps before confirmation
    form = {
        "event-type": "đối thoại",
        "event-date": "12/09/2025",
        "event-period": "2025",
        "event-unit": "31510",
        "event-organizer": "Đảng ủy phường Sóc Trăng",
        "person-0-keep": "on",
        "person-0-name": "Trần Văn An",
        "person-0-position": "Bí thư Đảng ủy phường",
        "fig-0-keep": "on",
        "fig-0-quantity": "27",
        "fig-0-unit": "ý kiến",  # the 95% is dropped
        "newfig-0-text": "95%",
        "newfig-0-quantity": "95",
        "newfig-0-unit": "%",
        "newfig-0-qualifier": "khoảng",
        "task-0-keep": "on",
        "task-0-text": "UBND phường công khai tiến độ giải quyết kiến nghị",
        "newtasks": "Ủy ban MTTQ phường giám sát việc thực hiện các cam kết",
        "practices": "Tổ dân phố văn minh | van-hoa-xa-hoi",
        "plan-shown": "1",
        "part-practices": "on",  # the meeting, report and campaign parts are left unticked
        "action": "confirm",
    }
    assert client.post(f"/nhap-van-ban/{imported.pk}/", form).status_code == 302
    imported.refresh_from_db()
    assert imported.status == Status.CONFIRMED and imported.confirmed_by == personas.reporter_a
    assert [(f["quantity"], f["qualifier"]) for f in imported.reviewed["figures"]] == [
        (27, None),
        (95, "khoảng"),
    ]
    assert len(imported.reviewed["tasks"]) == 2
    practice = Practice.objects.get()
    assert (practice.name, practice.unit.code, practice.year) == ("Tổ dân phố văn minh", "31510", 2025)
    created = DraftRecord.objects.get()
    assert (created.target, created.object_id, created.imported_text, created.outcome) == (
        "practices.practice",
        str(practice.pk),
        imported,
        DraftRecord.Outcome.CREATED,
    )
    assert "Nhập từ văn bản" in client.get(f"/dan-van-kheo/{practice.pk}/").content.decode()
    again = client.post(f"/nhap-van-ban/{imported.pk}/", form)
    assert again.status_code == 200 and Practice.objects.count() == 1


@pytest.mark.django_db
def test_confirming_for_a_unit_outside_the_scope_changes_nothing(client_for: Any, personas: Any) -> None:
    client = client_for(personas.reporter_b)
    client.post("/nhap-van-ban/", {"text": TEXT})
    imported = ImportedText.objects.get()
    response = client.post(
        f"/nhap-van-ban/{imported.pk}/",
        {
            "event-unit": "31510",
            "event-date": "12/09/2025",
            "practices": "Mô hình A | kinh-te",
            "action": "confirm",
        },
    )
    assert response.status_code == 404
    imported.refresh_from_db()
    assert (
        imported.status != Status.CONFIRMED
        and not Practice.objects.exists()
        and not DraftRecord.objects.exists()
    )


@pytest.mark.django_db
def test_others_imports_answer_404(client_for: Any, personas: Any) -> None:
    client_for(personas.reporter_a).post("/nhap-van-ban/", {"text": TEXT})
    imported = ImportedText.objects.get()
    other = client_for(personas.reporter_b)
    assert other.get(f"/nhap-van-ban/{imported.pk}/").status_code == 404
    assert other.post(f"/nhap-van-ban/{imported.pk}/", {"action": "confirm"}).status_code == 404
    assert ImportedText.objects.get().status == Status.EXTRACTED
    assert client_for(None).get("/nhap-van-ban/").status_code == 302


@pytest.mark.django_db
def test_bad_upload_shows_a_message_and_saves_nothing(client_for: Any, personas: Any) -> None:
    client = client_for(personas.reporter_a)
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        "/nhap-van-ban/",
        {"file": SimpleUploadedFile("en.txt", b"Plain English words only here, nothing Vietnamese at all.")},
    )
    assert response.status_code == 422 and "tiếng Việt" in response.content.decode()
    assert not ImportedText.objects.exists()


@pytest.mark.django_db
def test_zip_batch_runs_in_the_background_with_progress(
    client_for: Any, personas: Any, django_capture_on_commit_callbacks: Any
) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", TEXT)
        archive.writestr("b/empty.txt", "")
        archive.writestr("readme.png", b"\x89PNG")
    client = client_for(personas.reporter_a)
    from django.core.files.uploadedfile import SimpleUploadedFile

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/nhap-van-ban/nhieu-van-ban/", {"archive": SimpleUploadedFile("lo.zip", buffer.getvalue())}
        )
    batch = ImportBatch.objects.get()
    assert response.status_code == 302
    assert (batch.state, batch.total, batch.processed, batch.failed) == (ImportBatch.State.DONE, 2, 2, 1)
    assert ImportedText.objects.get().batch == batch
    page = client.get(f"/nhap-van-ban/nhieu-van-ban/{batch.pk}/", HTTP_HX_REQUEST="true").content.decode()
    assert "2/2" in page and "rỗng" in page
    assert client_for(personas.reporter_b).get(f"/nhap-van-ban/nhieu-van-ban/{batch.pk}/").status_code == 404
