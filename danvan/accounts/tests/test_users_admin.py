"""Creating, editing, granting, setting passwords and deactivating, through the pages."""

import pytest
from django.test import Client

from danvan.accounts.models import ApiToken, Grant, Role, User
from danvan.accounts.services import token_create
from danvan.audit.models import AuditEvent

USERS = "/tai-khoan/nguoi-dung/"
STRONG = "Mat-khau-ban-dau-2026"


def create_data(**overrides):
    data = {
        "username": "nguyenvanc",
        "full_name": "Nguyễn Văn C",
        "email": "vanc@example.vn",
        "password1": STRONG,
        "password2": STRONG,
        "grants-TOTAL_FORMS": "3",
        "grants-INITIAL_FORMS": "0",
        "grants-MIN_NUM_FORMS": "0",
        "grants-MAX_NUM_FORMS": "10",
        "grants-0-unit": "",
        "grants-0-role": "",
        "grants-1-unit": "",
        "grants-1-role": "",
        "grants-2-unit": "",
        "grants-2-role": "",
    }
    data.update(overrides)
    return data


def test_create_page_offers_units_of_the_subtree_only(personas, tree, client_for):
    page = client_for(personas.unit_admin).get(USERS + "them/")
    assert page.status_code == 200
    assert "Phường Phú Lợi (31528)" in page.text and "Thục Phán" not in page.text
    assert "Sóc Trăng (94)" not in page.text  # a legacy unit is not offered
    assert "Quản trị hệ thống" not in page.text


def test_unit_admin_creates_a_user_with_grants(personas, tree, client_for):
    data = create_data(**{"grants-0-unit": tree.commune_a.pk, "grants-0-role": "reporter"})
    data.update({"grants-1-unit": tree.commune_b.pk, "grants-1-role": "viewer"})
    response = client_for(personas.unit_admin).post(USERS + "them/", data)
    user = User.objects.get(username="nguyenvanc")
    assert response.status_code == 302 and response["Location"] == f"{USERS}{user.pk}/"
    assert user.check_password(STRONG) and user.search_folded == "nguyenvanc nguyen van c"
    assert set(user.grants.values_list("unit__code", "role")) == {("31510", "reporter"), ("31528", "viewer")}
    assert user.grants.first().created_by == personas.unit_admin
    event = AuditEvent.objects.get(action="user.create")
    assert (
        event.unit == tree.province
    )  # the highest unit of the grants… here their common province? no: top unit
    assert STRONG not in str(event.changes) and "password" not in event.changes


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"username": "NHAPLIEU_A"}, "Tên đăng nhập này đã có người dùng."),
        ({"password1": "12345678", "password2": "12345678"}, "Mật khẩu quá ngắn"),
        ({"password2": "khac-nhau-2026"}, "Hai lần nhập mật khẩu không khớp."),
        ({"username": "co dau cach"}, "không có dấu cách"),
        ({"grants-0-unit": "", "grants-0-role": ""}, "Cần giao ít nhất một quyền"),
        ({"grants-0-role": "system_admin"}, "Hãy chọn một lựa chọn hợp lệ"),
    ],
)
def test_create_refusals_change_nothing(personas, tree, client_for, unchanged, overrides, message):
    base = {"grants-0-unit": str(tree.commune_a.pk), "grants-0-role": "reporter"}
    client = client_for(personas.unit_admin)
    with unchanged():
        page = client.post(USERS + "them/", create_data(**{**base, **overrides}))
    assert page.status_code == 200
    assert message in page.text


def test_create_refuses_a_unit_outside_the_subtree(personas, tree, client_for, unchanged):
    data = create_data(**{"grants-0-unit": tree.commune_c.pk, "grants-0-role": "viewer"})
    with unchanged():
        page = client_for(personas.unit_admin).post(USERS + "them/", data)
    assert "Hãy chọn một lựa chọn hợp lệ" in page.text


def test_commune_admin_cannot_grant_on_the_province(personas, tree, client_for, commune_admin, unchanged):
    data = create_data(**{"grants-0-unit": tree.province.pk, "grants-0-role": "viewer"})
    with unchanged():
        page = client_for(commune_admin).post(USERS + "them/", data)
    assert page.status_code == 200 and not User.objects.filter(username="nguyenvanc").exists()


def test_system_admin_creates_a_system_admin(personas, client_for):
    data = create_data(**{"grants-0-role": "system_admin"})
    assert client_for(personas.admin).post(USERS + "them/", data).status_code == 302
    grant = Grant.objects.get(user__username="nguyenvanc")
    assert grant.unit is None and grant.role == Role.SYSTEM_ADMIN


@pytest.mark.parametrize("action", ["", "sua/", "mat-khau/", "vo-hieu-hoa/", "quyen/"])
def test_users_outside_the_subtree_answer_404_like_missing_ones(personas, client_for, unchanged, action):
    client = client_for(personas.unit_admin)
    data = {"full_name": "X", "email": "", "is_active": "on", "password1": STRONG, "password2": STRONG}
    with unchanged():
        for target in (personas.other_approver.pk, personas.admin.pk, 999999):
            url = f"{USERS}{target}/{action}"
            response = client.post(url, data) if action else client.get(url)
            assert response.status_code == 404


def test_detail_page(personas, client_for):
    page = client_for(personas.unit_admin).get(f"{USERS}{personas.reporter_a.pk}/")
    assert page.status_code == 200
    assert "Phường Sóc Trăng" in page.text and "Vô hiệu hóa tài khoản" in page.text


def test_edit_user_is_audited(personas, client_for):
    url = f"{USERS}{personas.reporter_a.pk}/sua/"
    data = {"full_name": "Lê Thị Ánh", "email": "anh@example.vn", "is_active": "on"}
    response = client_for(personas.unit_admin).post(url, data)
    assert response.status_code == 302
    user = User.objects.get(pk=personas.reporter_a.pk)
    assert (user.full_name, user.email, user.search_folded) == (
        "Lê Thị Ánh",
        "anh@example.vn",
        "nhaplieu a le thi anh",
    )
    event = AuditEvent.objects.get(action="user.update")
    assert (
        event.changes["full_name"][1] == "Lê Thị Ánh" and event.unit == personas.reporter_a.grants.get().unit
    )


def test_edit_refuses_bad_email_and_self_deactivation(personas, client_for, unchanged):
    client = client_for(personas.unit_admin)
    with unchanged():
        bad = client.post(
            f"{USERS}{personas.reporter_a.pk}/sua/", {"full_name": "A", "email": "khong-phai-email"}
        )
        self_off = client.post(
            f"{USERS}{personas.unit_admin.pk}/sua/", {"full_name": "Quản trị", "email": ""}
        )
    assert "Nhập địa chỉ email" in bad.text
    assert "không thể tự vô hiệu hóa" in self_off.text


def test_grant_add_and_remove(personas, tree, client_for):
    client = client_for(personas.unit_admin)
    url = f"{USERS}{personas.reporter_a.pk}/quyen/"
    assert client.post(url, {"unit": tree.commune_b.pk, "role": "approver"}).status_code == 302
    grant = Grant.objects.get(user=personas.reporter_a, unit=tree.commune_b)
    assert AuditEvent.objects.get(action="grant.add").unit == tree.commune_b
    assert client.post(f"{url}{grant.pk}/go/").status_code == 302
    assert not Grant.objects.filter(pk=grant.pk).exists()
    assert AuditEvent.objects.get(action="grant.remove").unit == tree.commune_b


def test_grant_refusals_change_nothing(personas, tree, client_for, unchanged):
    client = client_for(personas.unit_admin)
    url = f"{USERS}{personas.reporter_a.pk}/quyen/"
    only = personas.reporter_a.grants.get()
    own = personas.unit_admin.grants.get()
    with unchanged():
        outside = client.post(url, {"unit": tree.commune_c.pk, "role": "viewer"})
        duplicate = client.post(url, {"unit": tree.commune_a.pk, "role": "reporter"})
        last = client.post(f"{url}{only.pk}/go/", follow=True)
        mine = client.post(f"{USERS}{personas.unit_admin.pk}/quyen/{own.pk}/go/", follow=True)
        elsewhere = client.post(f"{url}{own.pk}/go/")
    assert "Hãy chọn một lựa chọn hợp lệ" in outside.text
    assert "Quyền này đã có." in duplicate.text
    assert "Không thể gỡ quyền cuối cùng" in last.text
    assert "không thể tự gỡ quyền" in mine.text
    assert elsewhere.status_code == 404  # a grant of another user


def test_set_password_for_a_user(personas, client_for):
    url = f"{USERS}{personas.reporter_a.pk}/mat-khau/"
    new = "Mat-khau-do-quan-tri-dat"
    assert client_for(personas.unit_admin).post(url, {"password1": new, "password2": new}).status_code == 302
    assert User.objects.get(pk=personas.reporter_a.pk).check_password(new)
    event = AuditEvent.objects.get(action="user.set_password")
    assert event.actor == personas.unit_admin and new not in str(event.changes)


def test_set_weak_password_changes_nothing(personas, client_for, unchanged):
    url = f"{USERS}{personas.reporter_a.pk}/mat-khau/"
    with unchanged():
        page = client_for(personas.unit_admin).post(
            url, {"password1": "nhaplieu_a1", "password2": "nhaplieu_a1"}
        )
    assert "Mật khẩu quá giống với Tên đăng nhập." in page.text


def test_deactivate_revokes_tokens_and_blocks_login(personas, client_for, password):
    token_create(user=personas.reporter_a, name="máy trạm")
    response = client_for(personas.unit_admin).post(f"{USERS}{personas.reporter_a.pk}/vo-hieu-hoa/")
    assert response.status_code == 302
    user = User.objects.get(pk=personas.reporter_a.pk)
    assert not user.is_active and User.objects.filter(pk=user.pk).exists()
    assert not ApiToken.objects.filter(user=user, revoked_at__isnull=True).exists()
    event = AuditEvent.objects.get(action="user.deactivate")
    assert event.changes == {"is_active": [True, False], "tokens_revoked": [0, 1]}
    login = Client().post("/tai-khoan/dang-nhap/", {"username": "nhaplieu_a", "password": password})
    assert login.status_code == 200


def test_deactivate_refusals_change_nothing(personas, client_for, unchanged):
    User.objects.filter(pk=personas.reporter_b.pk).update(is_active=False)
    client = client_for(personas.unit_admin)
    with unchanged():
        again = client.post(f"{USERS}{personas.reporter_b.pk}/vo-hieu-hoa/", follow=True)
        self_off = client.post(f"{USERS}{personas.unit_admin.pk}/vo-hieu-hoa/", follow=True)
        get = client.get(f"{USERS}{personas.reporter_a.pk}/vo-hieu-hoa/")
    assert "đã bị vô hiệu hóa" in again.text
    assert "không thể tự vô hiệu hóa" in self_off.text
    assert get.status_code == 405
