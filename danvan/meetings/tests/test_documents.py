"""Minutes, conclusion notices and a dialogue's questions and answers as documents: requested on the
meeting's page or through the API, built in the background, read back from the .docx."""

import datetime as dt
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone
from docx import Document

from danvan.accounts.scope import scope_for
from danvan.core.formatting import format_date
from danvan.documents.models import GeneratedDocument, Status
from danvan.documents.registry import BuildRequest
from danvan.documents.rendering import render_docx
from danvan.meetings.documents import build_dialogue, build_minutes
from danvan.meetings.services import dialogues, meetings
from danvan.meetings.services.meetings import NoticeSpec
from danvan.meetings.services.tasks import TaskSpec

API = "/api/v1/documents"
TITLE = "Hội nghị sơ kết công tác dân vận 6 tháng đầu năm"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def closed(schedule, personas, bodies):
    meeting = schedule(
        "so_ket",
        TITLE,
        place="Hội trường Đảng ủy phường",
        chair=bodies.secretary_a,
        agenda="Đánh giá kết quả công tác dân vận 6 tháng đầu năm.\nBàn nhiệm vụ 6 tháng cuối năm.",
        report_heard="báo cáo sơ kết của Ban Xây dựng Đảng",
    )
    meetings.attendee_add(actor=personas.reporter_a, meeting=meeting, person=bodies.chair_front_a)
    meetings.attendee_add(actor=personas.reporter_a, meeting=meeting, name="Nguyễn Thị Mai", present=False)
    deadline = timezone.localdate() + dt.timedelta(days=30)
    return meetings.meeting_close(
        actor=personas.reporter_a,
        scope=scope_for(personas.reporter_a),
        meeting=meeting,
        conclusions="Hoàn thành 100% chỉ tiêu đề ra.\nTiếp tục nhân rộng mô hình “Dân vận khéo”.",
        minutes="Có 9 ý kiến phát biểu.",
        tasks=[TaskSpec("Tổng hợp mô hình Dân vận khéo 6 tháng", bodies.front_a, deadline)],
        notice=NoticeSpec(issuer=bodies.party_a, issuer_code="ĐU", number=15),
        other_attendees=45,
    )


@pytest.fixture
def dialogue(schedule, personas, bodies, tree):
    meeting = schedule("doi_thoai", "Hội nghị đối thoại giữa Bí thư Đảng ủy phường với Nhân dân")
    actor = personas.reporter_a
    asked = [
        ("front", "Xin sửa đường hẻm 12 bị ngập khi mưa.", "Ông Lê Văn Tư"),
        ("on_the_day", "Đề nghị lắp đèn chiếu sáng khu phố 3.", "Bà Trần Thị Năm"),
        ("people", '=HYPERLINK("x") hỏi về thủ tục cấp sổ đỏ.', ""),
    ]
    questions = [
        dialogues.question_add(actor=actor, meeting=meeting, source=s, content=c, asked_by=who)
        for s, c, who in asked
    ]
    deadline = timezone.localdate() + dt.timedelta(days=60)
    dialogues.question_answer(
        actor=actor,
        question=questions[0],
        state="promised",
        answer="Phường đưa vào kế hoạch nâng cấp quý III.",
        answered_by="Chủ tịch UBND phường",
        commitment_owner=bodies.front_a,
        commitment_deadline=deadline,
    )
    dialogues.question_answer(
        actor=actor,
        question=questions[1],
        state="on_the_spot",
        answer="Đã giao Ban điều hành khu phố lắp trong tháng.",
    )
    return meeting


def _generate(client, captured, payload):
    with captured(execute=True):
        response = client.post(API, payload, content_type="application/json")
    assert response.status_code == 202, response.content
    return GeneratedDocument.objects.get(pk=response.json()["id"])


def _read(document):
    with document.file.open("rb") as handle:
        docx = Document(io.BytesIO(handle.read()))
    cells = [cell.text for table in docx.tables for row in table.rows for cell in row.cells]
    return docx, "\n".join([p.text for p in docx.paragraphs] + cells)


def _rows(table):
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_minutes_read_back(closed, personas, api_for, media, django_capture_on_commit_callbacks):
    document = _generate(
        api_for(personas.approver),
        django_capture_on_commit_callbacks,
        {"type": "meeting_minutes", "meeting": closed.pk},
    )
    assert document.status == Status.DONE and document.unit == closed.unit
    docx, text = _read(document)
    assert "ĐẢNG ỦY PHƯỜNG SÓC TRĂNG" in text and "ĐẢNG CỘNG SẢN VIỆT NAM" in text and "-BB/ĐU" in text
    assert "BIÊN BẢN" in text and TITLE in text and "Địa điểm: Hội trường Đảng ủy phường." in text
    assert "Chủ trì: Đồng chí Trần Văn Bình, Bí thư Đảng ủy" in text
    assert "Có 1 đại biểu có tên trong danh sách dự họp và 45 đại biểu khác." in text
    assert "Hội nghị nghe báo cáo sơ kết của Ban Xây dựng Đảng." in text and "Có 9 ý kiến phát biểu." in text
    assert "Hoàn thành 100% chỉ tiêu đề ra." in text and "CHỦ TRÌ HỘI NGHỊ" in text
    attendees, tasks = (_rows(t) for t in docx.tables[1:3])
    assert attendees[0] == ["TT", "Họ và tên", "Chức vụ", "Cơ quan, đơn vị", "Dự họp"]
    assert (
        attendees[1][:3] == ["1", "Lê Thị Hoa", "Chủ tịch Ủy ban MTTQ, Ủy ban MTTQ Việt Nam phường Sóc Trăng"]
        and attendees[2][-1] == "Vắng"
    )
    deadline = format_date(timezone.localdate() + dt.timedelta(days=30))
    assert tasks[1] == [
        "1",
        "Tổng hợp mô hình Dân vận khéo 6 tháng",
        "Ủy ban MTTQ Việt Nam phường Sóc Trăng",
        "",
        deadline,
    ]


def test_conclusion_notice_takes_the_notice_number(
    closed, personas, api_for, media, django_capture_on_commit_callbacks
):
    payload = {"type": "meeting_minutes", "meeting": closed.pk, "variant": "conclusions"}
    document = _generate(api_for(personas.reporter_a), django_capture_on_commit_callbacks, payload)
    _docx, text = _read(document)
    assert "THÔNG BÁO" in text and "Số 15-TB/ĐU" in text
    assert (
        "Kết luận của đồng chí Trần Văn Bình, Bí thư Đảng ủy, Đảng ủy phường Sóc Trăng tại hội nghị sơ kết"
        in text
    )
    assert "Đảng ủy phường Sóc Trăng tổ chức hội nghị sơ kết" in text
    assert "Tiếp tục nhân rộng mô hình “Dân vận khéo”." in text and "PHÂN CÔNG THỰC HIỆN" in text


def test_dialogue_questions_read_back(dialogue, personas, api_for, media, django_capture_on_commit_callbacks):
    payload = {"type": "dialogue_questions", "meeting": dialogue.pk, "style": "state"}
    document = _generate(api_for(personas.reporter_a), django_capture_on_commit_callbacks, payload)
    docx, text = _read(document)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Tổng số 3 ý kiến, kiến nghị (1 do Mặt trận tổng hợp trước, 1 do người dân gửi trước" in text
    assert "Đã trả lời tại chỗ 1 ý kiến (33,3%); hẹn trả lời, giải quyết sau 1 ý kiến" in text
    rows = _rows(docx.tables[1])
    assert rows[0] == [
        "TT",
        "Người nêu",
        "Nội dung ý kiến, kiến nghị",
        "Trả lời",
        "Cam kết, thời hạn",
        "Kết quả",
    ]
    deadline = format_date(timezone.localdate() + dt.timedelta(days=60))
    assert rows[1] == [
        "1",
        "Ông Lê Văn Tư",
        "Xin sửa đường hẻm 12 bị ngập khi mưa.",
        "Phường đưa vào kế hoạch nâng cấp quý III. (Chủ tịch UBND phường)",
        f"Ủy ban MTTQ Việt Nam phường Sóc Trăng; hạn {deadline}",
        "Hẹn trả lời, giải quyết sau",
    ]
    assert rows[3][1] == "Người dân gửi trước" and rows[3][3] == "Chưa trả lời."


def test_refusals_change_nothing(closed, dialogue, schedule, personas, api_for, unchanged, tree):
    pending = schedule("giao_ban", "Giao ban tháng tới", starts_at=timezone.now() + dt.timedelta(days=3))
    cases = [
        (personas.reporter_b, {"type": "meeting_minutes", "meeting": closed.pk}, 404, "not_found"),
        (personas.other_approver, {"type": "dialogue_questions", "meeting": dialogue.pk}, 404, "not_found"),
        (personas.reporter_a, {"type": "meeting_minutes", "meeting": 999999}, 404, "not_found"),
        (personas.reporter_a, {"type": "meeting_minutes", "meeting": pending.pk}, 422, "meeting_not_held"),
        (personas.reporter_a, {"type": "dialogue_questions", "meeting": closed.pk}, 422, "not_a_dialogue"),
        (
            personas.reporter_a,
            {"type": "meeting_minutes", "meeting": closed.pk, "unit": "31528"},
            422,
            "unit_mismatch",
        ),
        (
            personas.reporter_a,
            {"type": "meeting_minutes", "meeting": "a"},
            422,
            "invalid_document_parameters",
        ),
        (personas.reporter_a, {"type": "meeting_minutes", "meeting": closed.pk, "variant": "x"}, 422, None),
    ]
    for user, payload, status, code in cases:
        with unchanged():
            response = api_for(user).post(API, payload, content_type="application/json")
        assert response.status_code == status, (payload, response.content)
        if code:
            assert response.json()["code"] == code
        assert GeneratedDocument.objects.count() == 0


def test_the_meeting_page_offers_the_documents(
    closed, dialogue, personas, client_for, media, django_capture_on_commit_callbacks
):
    client = client_for(personas.reporter_a)
    page = client.get(f"/hoi-nghi/{closed.pk}/")
    assert "Biên bản, thông báo kết luận hội nghị" in page.text and "Thông báo kết luận" in page.text
    assert "Ý kiến, kiến nghị và trả lời tại buổi đối thoại" not in page.text
    assert "Ý kiến, kiến nghị và trả lời tại buổi đối thoại" in client.get(f"/hoi-nghi/{dialogue.pk}/").text
    form = {"type": "meeting_minutes", "meeting": closed.pk, "variant": "conclusions", "format": "docx"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/van-ban/tao/", {**form, "next": f"/hoi-nghi/{closed.pk}/"})
    document = GeneratedDocument.objects.get()
    assert response["Location"].endswith(f"#document-{document.pk}") and document.status == Status.DONE
    assert document.parameters == {"meeting": closed.pk, "variant": "conclusions"}


@pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftoppm")), reason="LibreOffice/poppler absent"
)
def test_minutes_render_to_pdf_and_a_page_image(closed, dialogue, personas):
    """Leaves var/documents/bien-ban-trang-1.png and doi-thoai-trang-1.png for a person to look at."""
    from danvan.documents.pdf import docx_to_pdf

    folder = Path(settings.BASE_DIR) / "var" / "documents"
    folder.mkdir(parents=True, exist_ok=True)
    for name, builder, meeting in (
        ("bien-ban", build_minutes, closed),
        ("doi-thoai", build_dialogue, dialogue),
    ):
        request = BuildRequest(
            unit=meeting.unit, parameters={"meeting": meeting.pk}, requested_by=personas.reporter_a
        )
        pdf = docx_to_pdf(render_docx(builder(request)))
        assert pdf.startswith(b"%PDF")
        (folder / f"{name}.pdf").write_bytes(pdf)
        command = ["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile"]
        subprocess.run(
            [*command, str(folder / f"{name}.pdf"), str(folder / f"{name}-trang-1")], check=True, timeout=60
        )
        assert (folder / f"{name}-trang-1.png").stat().st_size > 10_000
