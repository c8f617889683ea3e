"""The detail page and its actions: lifecycle steps, progress with evidence, files, commendation,
publication, replication; and every refusal leaves the registry as it was."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from danvan.accounts.models import Role
from danvan.accounts.tests.factories import user_with_grant
from danvan.practices.models import Attachment, Commendation, Practice, ProgressUpdate, Status
from danvan.practices.tests.conftest import PDF, PNG, move


def url(practice, action=""):
    return f"/dan-van-kheo/{practice.pk}/{action}"


def test_detail_shows_content_history_and_only_allowed_actions(register, personas, client_for):
    practice = register(content={"budget": 15_000_000, "goals": "Khóm sạch, đẹp"})
    page = client_for(personas.reporter_a).get(url(practice))
    assert page.status_code == 200
    assert "15 triệu đồng" in page.text and "Khóm sạch, đẹp" in page.text
    assert "Nội dung đăng ký" in page.text and "Đã đăng ký" in page.text
    choices = dict(page.context["transition_form"].fields["to"].choices)
    assert set(choices) == {"in_progress", "paused", "stopped"}
    assert page.context["commend_form"] is None and page.context["publish_form"] is None
    assert page.context["adopt_form"] is None and page.context["can_edit"] is True


def test_transition_with_reason_goes_into_the_history(register, personas, client_for):
    practice = register()
    client = client_for(personas.reporter_a)
    assert client.post(url(practice, "chuyen-trang-thai/"), {"to": "in_progress"}).status_code == 302
    assert (
        client.post(
            url(practice, "chuyen-trang-thai/"), {"to": "paused", "reason": "Chờ kinh phí"}
        ).status_code
        == 302
    )
    page = client.get(url(practice))
    assert "Chờ kinh phí" in page.text and "Đang thực hiện → Tạm dừng" in page.text


def test_missing_reason_shows_next_to_the_field_and_changes_nothing(
    register, personas, client_for, unchanged
):
    practice = register()
    with unchanged():
        page = client_for(personas.reporter_a).post(
            url(practice, "chuyen-trang-thai/"), {"to": "stopped", "reason": " "}
        )
    assert page.status_code == 200
    assert page.context["transition_form"].errors["reason"] == ["Bắt buộc."]


def test_reporter_cannot_take_an_approver_step(register, personas, client_for, unchanged):
    practice = move(register(), personas.reporter_a, Status.IN_PROGRESS)
    with unchanged():
        page = client_for(personas.reporter_a).post(url(practice, "chuyen-trang-thai/"), {"to": "evaluated"})
    assert page.context["transition_form"].errors["to"]


def test_progress_update_with_evidence_files_checked_by_content(register, personas, client_for, media):
    practice = move(register(), personas.reporter_a, Status.IN_PROGRESS)
    client = client_for(personas.reporter_a)
    assert client.get(url(practice, "tien-do/")).status_code == 200
    data = {
        "on_date": "2026-06-30",
        "summary": "Sơ kết 6 tháng: 120 hộ tham gia",
        "beneficiaries": "480",
        "money_raised": "15 triệu",
        "workdays": "300",
        "evidence": [SimpleUploadedFile("anh.png", PNG), SimpleUploadedFile("bao-cao.pdf", PDF)],
    }
    assert client.post(url(practice, "tien-do/"), data).status_code == 302
    update = ProgressUpdate.objects.get()
    assert update.money_raised == 15_000_000 and update.beneficiaries == 480
    assert sorted(a.type for a in update.attachments.all()) == ["document", "photo"]
    page = client.get(url(practice))
    assert "anh.png" in page.text and "480 người hưởng lợi" in page.text


def test_a_renamed_executable_is_refused_and_nothing_is_kept(
    register, personas, client_for, media, unchanged
):
    practice = move(register(), personas.reporter_a, Status.IN_PROGRESS)
    data = {
        "on_date": "2026-06-30",
        "summary": "Có tệp giả",
        "evidence": [
            SimpleUploadedFile("anh.png", PNG),
            SimpleUploadedFile("anh2.jpg", b"MZ\x90\x00 not an image"),
        ],
    }
    with unchanged():
        page = client_for(personas.reporter_a).post(url(practice, "tien-do/"), data)
    assert page.status_code == 200 and page.context["form"].errors["evidence"]
    assert not list(media.rglob("*.png"))


def test_attachment_is_streamed_to_readers_only(register, personas, client_for, media):
    practice = move(register(), personas.reporter_a, Status.IN_PROGRESS)
    client_for(personas.reporter_a).post(
        url(practice, "tien-do/"),
        {"on_date": "2026-06-30", "summary": "Ảnh", "evidence": [SimpleUploadedFile("bao-cao.pdf", PDF)]},
    )
    attachment = Attachment.objects.get()
    response = client_for(personas.reporter_a).get(f"/dan-van-kheo/tep/{attachment.pk}/")
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf" and "attachment" in response["Content-Disposition"]
    assert client_for(personas.reporter_b).get(f"/dan-van-kheo/tep/{attachment.pk}/").status_code == 404
    assert client_for(None).get(f"/dan-van-kheo/tep/{attachment.pk}/").status_code == 404


def test_approver_commends_and_publishes(register, recognize, personas, client_for):
    practice = recognize(register())
    client = client_for(personas.approver)
    page = client.get(url(practice))
    assert page.context["commend_form"] is not None and page.context["publish_form"] is not None
    data = {
        "form": "bang_khen",
        "issuer": "Ban Thường vụ Thành ủy Cần Thơ",
        "decision_number": "125-QĐ/TU",
        "decision_date": "2026-10-15",
        "recipients": "Ban công tác Mặt trận khu vực 3",
    }
    assert client.post(url(practice, "khen-thuong/"), data).status_code == 302
    assert client.post(url(practice, "cong-khai/"), {"public": "on"}).status_code == 302
    practice.refresh_from_db()
    assert practice.status == Status.COMMENDED and practice.is_public
    page = client.get(url(practice))
    assert "Số 125-QĐ/TU ngày 15/10/2026" in page.text and "Đang công khai" in page.text


def test_commendation_errors_show_in_the_form(register, recognize, personas, client_for, unchanged):
    practice = recognize(register())
    with unchanged():
        page = client_for(personas.approver).post(
            url(practice, "khen-thuong/"), {"form": "bang_khen", "issuer": ""}
        )
    assert page.status_code == 200 and page.context["commend_form"].errors["issuer"]


def test_reporter_of_the_unit_may_not_commend_or_publish(
    register, recognize, personas, client_for, unchanged
):
    practice = recognize(register())
    client = client_for(personas.reporter_a)
    with unchanged():
        assert client.post(url(practice, "khen-thuong/"), {"form": "bang_khen"}).status_code == 403
        assert client.post(url(practice, "cong-khai/"), {"public": "on"}).status_code == 403


def test_adopt_to_my_unit_and_the_replication_graph(register, recognize, personas, client_for, tree):
    source = recognize(register("Tuyến đường nở hoa"))
    client = client_for(personas.reporter_b)
    page = client.get(url(source))
    assert page.context["adopt_form"] is not None and "Nhân rộng về đơn vị tôi" in page.text
    response = client.post(url(source, "nhan-rong/"), {"name": ""})
    adopted = Practice.objects.get(source=source)
    assert response.status_code == 302 and response["Location"] == url(adopted, "sua/")
    assert adopted.unit == tree.commune_b and adopted.name == "Tuyến đường nở hoa"
    page = client_for(personas.approver).get(url(source))
    assert [a.pk for a in page.context["adoptions"]] == [adopted.pk]
    assert "<svg" in page.text and "Phường Phú Lợi · 2026" in page.text
    again = client.post(url(source, "nhan-rong/"), follow=True)
    assert "đã đăng ký nhân rộng" in again.text and Practice.objects.filter(source=source).count() == 1


def test_graph_of_an_adoption_shows_its_source(register, recognize, personas, client_for, tree):
    source = recognize(register("Tuyến đường nở hoa"))
    client_for(personas.reporter_b).post(url(source, "nhan-rong/"))
    adopted = Practice.objects.get(source=source)
    graph = client_for(personas.reporter_b).get(url(adopted)).context["graph"]
    assert [n.practice.pk for n in graph.nodes] == [source.pk, adopted.pk]
    assert [n.current for n in graph.nodes] == [False, True]


ACTIONS = [
    ("get", ""),
    ("get", "sua/"),
    ("get", "tien-do/"),
    ("post", "tien-do/"),
    ("post", "chuyen-trang-thai/"),
    ("post", "khen-thuong/"),
    ("post", "cong-khai/"),
    ("post", "nhan-rong/"),
]


@pytest.mark.parametrize(("method", "action"), ACTIONS)
def test_reporter_of_commune_b_gets_404_on_commune_a_draft(
    register, personas, client_for, unchanged, method, action
):
    practice = move(register(), personas.reporter_a, Status.IN_PROGRESS)
    client = client_for(personas.reporter_b)
    data = {
        "to": "paused",
        "reason": "x",
        "summary": "x",
        "on_date": "2026-06-30",
        "public": "on",
        "form": "giay_khen",
    }
    with unchanged():
        response = getattr(client, method)(url(practice, action), data)
    assert response.status_code == 404


def test_viewer_of_the_unit_reads_but_cannot_act(register, personas, client_for, tree, unchanged):
    viewer = user_with_grant("xem_a", Role.VIEWER, tree.commune_a)
    practice = register()
    client = client_for(viewer)
    page = client.get(url(practice))
    assert (
        page.status_code == 200 and page.context["transition_form"] is None and not page.context["can_edit"]
    )
    with unchanged():
        assert client.get(url(practice, "sua/")).status_code == 403
        assert client.post(url(practice, "chuyen-trang-thai/"), {"to": "in_progress"}).status_code == 200


def test_commendation_count_is_unchanged_by_refusals(register, recognize, personas, client_for):
    practice = recognize(register())
    client_for(personas.other_approver).post(url(practice, "khen-thuong/"), {"form": "bang_khen"})
    assert Commendation.objects.count() == 0
