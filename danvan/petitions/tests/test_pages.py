"""Staff pages: intake, list, deadline board, steps, answers, the calendar; every main action works
without JavaScript; refusals change nothing."""

import datetime as dt

import pytest

from danvan.petitions.models import Holiday, Petition, Status
from danvan.petitions.tests.conftest import CONTENT, pdf, png


def test_intake_form_records_an_item_and_shows_the_tracking_code(personas, client_for, tree, topic):
    client = client_for(personas.reporter_a)
    assert client.get("/y-kien/tiep-nhan/").status_code == 200
    response = client.post(
        "/y-kien/tiep-nhan/",
        {
            "channel": "dialogue",
            "kind": "recommendation",
            "topic": topic.pk,
            "unit": tree.commune_a.pk,
            "content": CONTENT,
            "citizen_name": "Đặng Văn Giàu",
            "attachments": [png()],
        },
        follow=True,
    )
    petition = Petition.objects.get()
    assert response.status_code == 200 and petition.tracking_code in response.content.decode()
    assert "/gui-y-kien/theo-doi/" in response.content.decode() and petition.files.count() == 1


def test_intake_form_shows_errors_and_stores_nothing(personas, client_for, tree, topic, unchanged):
    client = client_for(personas.reporter_a)
    with unchanged():
        response = client.post(
            "/y-kien/tiep-nhan/",
            {
                "channel": "hotline",
                "kind": "denunciation",
                "topic": topic.pk,
                "unit": tree.commune_a.pk,
                "content": "",
            },
        )
        fake = client.post(
            "/y-kien/tiep-nhan/",
            {
                "channel": "hotline",
                "kind": "report",
                "topic": topic.pk,
                "unit": tree.commune_a.pk,
                "content": CONTENT,
                "attachments": [_fake()],
            },
        )
        viewer = client_for(personas.anonymous).get("/y-kien/tiep-nhan/")
    assert response.status_code == 200 and "Có thông tin chưa hợp lệ" in response.content.decode()
    assert "không phải ảnh JPEG" in fake.content.decode()
    assert viewer.status_code == 302


def _fake():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("anh.jpg", b"GIF89a not accepted", content_type="image/jpeg")


def test_similar_partial(personas, client_for, receive, tree):
    first = receive()
    response = client_for(personas.reporter_a).get(
        "/y-kien/tiep-nhan/tuong-tu/", {"unit": tree.commune_a.pk, "content": CONTENT}, HTTP_HX_REQUEST="true"
    )
    assert first.tracking_code in response.content.decode()
    assert (
        client_for(personas.reporter_a).get("/y-kien/tiep-nhan/tuong-tu/", {"unit": "x"}).status_code == 200
    )


def test_list_and_deadlines_count_queries_without_n_plus_one(
    personas, client_for, receive, django_assert_max_num_queries, at
):
    at(2026, 3, 2)
    for _ in range(3):
        receive()
    at(2026, 3, 10)
    client = client_for(personas.approver)
    with django_assert_max_num_queries(20):
        page = client.get("/y-kien/")
    assert page.status_code == 200 and "Quá hạn: 3" in page.content.decode()
    for _ in range(5):
        receive()
    with django_assert_max_num_queries(20):
        board = client.get("/y-kien/han-xu-ly/")
    assert board.status_code == 200 and "Quá hạn: 3" in board.content.decode()
    assert (
        client.get("/y-kien/", {"due": "overdue"}, HTTP_HX_REQUEST="true").content.decode().count("/y-kien/")
        >= 3
    )


def test_steps_through_the_page(personas, client_for, receive, orgs, unchanged):
    petition = receive()
    leader = client_for(personas.approver)
    assert "Thụ lý" in leader.get(f"/y-kien/{petition.pk}/").content.decode()
    with unchanged():
        refused = client_for(personas.reporter_a).post(f"/y-kien/{petition.pk}/buoc/accept/", {})
        no_reason = leader.post(f"/y-kien/{petition.pk}/buoc/reject/", {"reason": ""})
        unknown = leader.post(f"/y-kien/{petition.pk}/buoc/xoa/", {})
        other = client_for(personas.reporter_b).get(f"/y-kien/{petition.pk}/")
    assert refused.status_code == 403 and no_reason.status_code == 422 and unknown.status_code == 404
    assert other.status_code == 404
    leader.post(f"/y-kien/{petition.pk}/buoc/accept/", {"complexity": "normal"})
    leader.post(f"/y-kien/{petition.pk}/buoc/assign/", {"handlers": [personas.reporter_a.pk]})
    leader.post(
        f"/y-kien/{petition.pk}/buoc/transfer/",
        {"organization": orgs["ubnd_a"].pk, "reason": "Đúng thẩm quyền"},
    )
    petition.refresh_from_db()
    assert petition.status == Status.ACCEPTED and petition.organization == orgs["ubnd_a"]
    handler = client_for(personas.reporter_a)
    assert handler.get(f"/y-kien/{petition.pk}/tra-loi/").status_code == 200
    response = handler.post(
        f"/y-kien/{petition.pk}/tra-loi/",
        {"text": "Đã sửa đèn, kèm biên bản nghiệm thu và ảnh sau khi sửa.", "attachments": [png(), pdf()]},
    )
    assert response.status_code == 302
    petition.refresh_from_db()
    assert petition.status == Status.ANSWERED
    evidence = petition.answers.get().files.first()
    assert handler.get(f"/y-kien/tep/{evidence.pk}/").status_code == 200
    assert client_for(personas.reporter_b).get(f"/y-kien/tep/{evidence.pk}/").status_code == 404


def test_the_calendar_is_edited_by_system_admins_only(personas, client_for, unchanged):
    page = client_for(personas.approver).get("/y-kien/lich-lam-viec/?nam=2026")
    assert page.status_code == 200 and "Tết Nguyên đán Bính Ngọ" in page.content.decode()
    assert "Thêm vào lịch" not in page.content.decode()
    with unchanged():
        refused = client_for(personas.approver).post(
            "/y-kien/lich-lam-viec/?nam=2027",
            {"date": "2027-11-24", "kind": "holiday", "name": "Ngày Văn hóa"},
        )
    assert refused.status_code == 403
    admin = client_for(personas.admin)
    added = admin.post(
        "/y-kien/lich-lam-viec/?nam=2027",
        {"date": "2027-11-24", "kind": "holiday", "name": "Ngày Văn hóa Việt Nam"},
    )
    assert added.status_code == 302 and Holiday.objects.filter(date=dt.date(2027, 11, 24)).exists()
    bad = admin.post("/y-kien/lich-lam-viec/", {"date": "2027-11-25", "kind": "makeup", "name": "Làm bù"})
    assert bad.status_code == 200 and "thứ Bảy hoặc Chủ nhật" in bad.content.decode()
    day = Holiday.objects.get(date=dt.date(2027, 11, 24))
    assert admin.post(f"/y-kien/lich-lam-viec/{day.pk}/xoa/").status_code == 302
    assert not Holiday.objects.filter(date=dt.date(2027, 11, 24)).exists()


@pytest.mark.parametrize("url", ["/y-kien/thong-ke/", "/y-kien/thong-ke/?unit=92&period=2026-H1"])
def test_staff_stats_page(personas, client_for, url):
    response = client_for(personas.approver).get(url)
    assert response.status_code == 200 and "Chỉ tiêu chính" in response.content.decode()


def test_staff_stats_of_a_unit_outside_the_scope_is_refused(personas, client_for):
    assert client_for(personas.reporter_b).get("/y-kien/thong-ke/?unit=04").status_code == 404


def test_mark_a_similar_item_as_duplicate(personas, client_for, receive, unchanged):
    first, second = receive(), receive()
    handler = client_for(personas.reporter_a)
    page = handler.get(f"/y-kien/{second.pk}/").content.decode()
    assert "Đánh dấu trùng" in page and first.tracking_code in page
    with unchanged():
        assert (
            client_for(personas.reporter_b)
            .post(f"/y-kien/{second.pk}/trung/", {"original": first.pk})
            .status_code
            == 404
        )
    assert handler.post(f"/y-kien/{second.pk}/trung/", {"original": first.pk}).status_code == 302
    second.refresh_from_db()
    assert second.duplicate_of == first and second.events.last().action == "duplicate"


def test_unit_admins_keep_the_routing_rules_of_their_subtree(
    personas, client_for, tree, topic, orgs, unchanged
):
    from danvan.petitions.models import RoutingRule

    with unchanged():
        assert client_for(personas.approver).get("/y-kien/quy-tac-chuyen/").status_code == 403
    admin = client_for(personas.unit_admin)
    assert admin.get("/y-kien/quy-tac-chuyen/").status_code == 200
    saved = admin.post(
        "/y-kien/quy-tac-chuyen/",
        {"unit": tree.commune_a.pk, "topic": topic.pk, "organization": orgs["ubnd_a"].pk},
    )
    assert saved.status_code == 302
    rule = RoutingRule.objects.get()
    assert rule.unit_path == tree.commune_a.path and rule.organization == orgs["ubnd_a"]
    foreign = admin.post(
        "/y-kien/quy-tac-chuyen/", {"unit": tree.commune_c.pk, "organization": orgs["ubnd_a"].pk}
    )
    assert foreign.status_code == 200 and RoutingRule.objects.count() == 1
    assert admin.post(f"/y-kien/quy-tac-chuyen/{rule.pk}/xoa/").status_code == 302
    assert not RoutingRule.objects.exists()


def test_detail_page_queries_do_not_grow_with_history(
    personas, client_for, receive, django_assert_max_num_queries
):
    from danvan.accounts.scope import scope_for
    from danvan.petitions.services import handling

    petition = receive(uploads=[png(), pdf()])
    leader = personas.approver
    for _ in range(3):
        petition = (
            handling.petition_accept(actor=leader, scope=scope_for(leader), petition=petition)
            if petition.status == "received"
            else petition
        )
        handling.petition_answer(
            actor=leader,
            scope=scope_for(leader),
            petition=petition,
            text="Đã xử lý, biên bản và ảnh kèm theo đây.",
            uploads=[png(), pdf()],
        )
        petition = handling.petition_reopen(
            actor=leader, scope=scope_for(leader), petition=petition, reason="Chưa hài lòng"
        )
    client = client_for(leader)
    with django_assert_max_num_queries(20):
        page = client.get(f"/y-kien/{petition.pk}/")
    assert page.status_code == 200 and page.content.decode().count("bien-ban") == 0
