"""Registration (all the ward form's fields, money typed in words), similar models, editing."""

import datetime as dt

from danvan.accounts.models import Role
from danvan.accounts.tests.factories import user_with_grant
from danvan.practices.models import Practice, Status
from danvan.practices.tests.conftest import make_org, make_person, move

REGISTER = "/dan-van-kheo/dang-ky/"


def form_data(economy, tree, **overrides):
    data = {
        "year": 2026,
        "unit": tree.commune_a.pk,
        "organization": "",
        "kind": "mo_hinh",
        "subject": "",
        "person": "",
        "name": "Tổ tự quản đường hoa khóm 3",
        "field": economy.pk,
        "problem": "Rác thải ứ đọng",
        "goals": "Khóm sạch, đẹp",
        "success_criteria": "100% hộ phân loại rác",
        "activities": "Ra quân mỗi tháng",
        "place": "Khóm 3",
        "target_people": "Hộ dân trong khóm",
        "lead_forces": "Ban công tác Mặt trận",
        "partner_forces": "Chi hội Phụ nữ",
        "budget": "4 tỷ",
        "workdays": "120",
        "contributions": "Cây xanh",
        "start_date": "2026-03-01",
        "milestones": "Tháng 6: sơ kết",
        "evaluation_date": "15/11/2026",
        "outputs": "Ảnh trước, sau",
        "sustainability": "Giao tổ tự quản duy trì",
    }
    return data | overrides


def test_register_page_shows_the_ward_form(personas, client_for, economy):
    page = client_for(personas.reporter_a).get(REGISTER)
    assert page.status_code == 200
    for label in (
        "Vấn đề đặt ra và lý do xây dựng",
        "Tiêu chí đánh giá thành công",
        "Lực lượng phối hợp",
        "Kinh phí (đồng)",
        "Ngày công",
        "Các mốc thực hiện",
        "Kết quả, sản phẩm kiểm chứng được",
        "Khả năng duy trì, nhân rộng",
        "Cá nhân điển hình",
    ):
        assert label in page.text
    assert 'hx-get="/dan-van-kheo/dang-ky/tuong-tu/"' in page.text
    assert page.context["breadcrumbs"][-1]["label"] == "Đăng ký mô hình, điển hình"


def test_register_saves_every_field_and_reads_money_in_words(personas, client_for, economy, tree):
    response = client_for(personas.reporter_a).post(REGISTER, form_data(economy, tree))
    practice = Practice.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/dan-van-kheo/{practice.pk}/"
    assert practice.budget == 4_000_000_000 and practice.workdays == 120
    assert practice.evaluation_date == dt.date(2026, 11, 15) and practice.start_date == dt.date(2026, 3, 1)
    assert (
        practice.partner_forces == "Chi hội Phụ nữ" and practice.sustainability == "Giao tổ tự quản duy trì"
    )
    assert practice.created_by == personas.reporter_a and practice.status == Status.REGISTERED


def test_money_that_cannot_be_read_is_explained_next_to_the_field(
    personas, client_for, economy, tree, unchanged
):
    with unchanged():
        page = client_for(personas.reporter_a).post(
            REGISTER, form_data(economy, tree, budget="khoảng bốn tỷ")
        )
    assert page.status_code == 200
    assert "Không hiểu số tiền «khoảng bốn tỷ»" in page.text
    assert page.context["form"].errors["budget"]
    assert 'aria-invalid="true"' in page.text


def test_service_rules_show_next_to_their_fields(personas, client_for, economy, tree, unchanged):
    data = form_data(
        economy,
        tree,
        kind="dien_hinh",
        subject="ca_nhan",
        start_date="2026-05-01",
        evaluation_date="2026-01-01",
    )
    with unchanged():
        page = client_for(personas.reporter_a).post(REGISTER, data)
    errors = page.context["form"].errors
    assert "Điển hình cá nhân cần chọn cá nhân." in errors["person"]
    assert "Ngày đánh giá không được trước ngày bắt đầu." in errors["evaluation_date"]


def test_exemplar_of_an_organization_and_of_a_person(personas, client_for, economy, tree):
    front = make_org(tree.commune_a, "Ủy ban MTTQ Việt Nam phường Sóc Trăng")
    person = make_person(tree.commune_a, "Nguyễn Thị Lan")
    client = client_for(personas.reporter_a)
    page = client.get(REGISTER)
    assert "Ủy ban MTTQ Việt Nam phường Sóc Trăng" in page.text and "Nguyễn Thị Lan" in page.text
    client.post(
        REGISTER,
        form_data(
            economy,
            tree,
            name="Tập thể tiêu biểu",
            kind="dien_hinh",
            subject="tap_the",
            organization=front.pk,
        ),
    )
    client.post(
        REGISTER,
        form_data(
            economy, tree, name="Cá nhân tiêu biểu", kind="dien_hinh", subject="ca_nhan", person=person.pk
        ),
    )
    collective, individual = Practice.objects.order_by("pk")
    assert collective.organization == front and collective.body_type == "org:mttq"
    assert individual.person == person and individual.subject == "ca_nhan"


def test_organization_of_another_commune_cannot_be_chosen(personas, client_for, economy, tree, unchanged):
    other = make_org(tree.commune_b, "Ủy ban MTTQ Việt Nam phường Phú Lợi")
    with unchanged():
        page = client_for(personas.reporter_a).post(REGISTER, form_data(economy, tree, organization=other.pk))
    assert page.context["form"].errors["organization"]


def test_viewers_and_anonymous_cannot_register(tree, client_for, economy, unchanged, personas):
    viewer = user_with_grant("xem_a", Role.VIEWER, tree.commune_a)
    with unchanged():
        assert client_for(viewer).get(REGISTER).status_code == 404
        assert client_for(viewer).post(REGISTER, form_data(economy, tree)).status_code == 404
        assert client_for(None).post(REGISTER, form_data(economy, tree)).status_code == 302


def test_reporter_cannot_register_for_a_sibling_commune(personas, client_for, economy, tree, unchanged):
    with unchanged():
        page = client_for(personas.reporter_a).post(
            REGISTER, form_data(economy, tree, unit=tree.commune_b.pk)
        )
    assert page.status_code == 200 and page.context["form"].errors["unit"]


def test_similar_recognised_models_show_while_typing(register, recognize, personas, client_for, tree):
    recognize(register("Tuyến đường hoa tự quản", user=personas.reporter_b, unit=tree.commune_b))
    register("Đường hoa bản nháp", user=personas.reporter_b, unit=tree.commune_b)
    response = client_for(personas.reporter_a).get(
        REGISTER + "tuong-tu/", {"name": "duong hoa khom 3"}, headers={"HX-Request": "true"}
    )
    assert "Tuyến đường hoa tự quản" in response.text and "bản nháp" not in response.text
    assert "<html" not in response.text
    assert (
        "Chưa thấy"
        in client_for(personas.reporter_a).get(REGISTER + "tuong-tu/", {"name": "quỹ khuyến học"}).text
    )


def test_similar_models_without_javascript(register, recognize, personas, client_for, tree):
    recognize(register("Tuyến đường hoa tự quản", user=personas.reporter_b, unit=tree.commune_b))
    page = client_for(personas.reporter_a).get(REGISTER, {"name": "Đường hoa khóm 3"})
    assert [p.name for p in page.context["similar"]] == ["Tuyến đường hoa tự quản"]


def test_edit_saves_and_bumps_the_version(register, personas, client_for, economy, tree):
    practice = register()
    client = client_for(personas.reporter_a)
    page = client.get(f"/dan-van-kheo/{practice.pk}/sua/")
    assert page.status_code == 200 and 'name="version"' in page.text
    data = form_data(economy, tree, goals="Khóm xanh", version=1)
    assert client.post(f"/dan-van-kheo/{practice.pk}/sua/", data).status_code == 302
    practice.refresh_from_db()
    assert practice.goals == "Khóm xanh" and practice.version == 2 and practice.budget == 4_000_000_000


def test_stale_edit_is_a_conflict_and_saves_nothing(register, personas, client_for, economy, tree, unchanged):
    practice = register()
    client = client_for(personas.reporter_a)
    client.post(f"/dan-van-kheo/{practice.pk}/sua/", form_data(economy, tree, goals="Lần một", version=1))
    with unchanged():
        page = client.post(
            f"/dan-van-kheo/{practice.pk}/sua/", form_data(economy, tree, goals="Lần hai", version=1)
        )
    assert page.status_code == 200 and "Bản ghi đã được người khác sửa" in page.text
    assert page.context["conflict"] is True


def test_evaluated_practice_is_not_editable(register, personas, client_for, economy, tree, unchanged):
    practice = move(register(), personas.approver, Status.IN_PROGRESS, Status.EVALUATED)
    client = client_for(personas.reporter_a)
    assert "không sửa nội dung đăng ký được nữa" in client.get(f"/dan-van-kheo/{practice.pk}/sua/").text
    with unchanged():
        page = client.post(
            f"/dan-van-kheo/{practice.pk}/sua/", form_data(economy, tree, version=practice.version)
        )
    assert "không sửa nội dung đăng ký được nữa" in page.text


def test_reporter_of_commune_b_gets_404_on_commune_a_edit(
    register, personas, client_for, economy, tree, unchanged
):
    practice = register()
    client = client_for(personas.reporter_b)
    with unchanged():
        assert client.get(f"/dan-van-kheo/{practice.pk}/sua/").status_code == 404
        assert (
            client.post(f"/dan-van-kheo/{practice.pk}/sua/", form_data(economy, tree, version=1)).status_code
            == 404
        )
        assert client.get("/dan-van-kheo/999999/sua/").status_code == 404
