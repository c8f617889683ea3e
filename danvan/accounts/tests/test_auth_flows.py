"""Login, logout, password change and password reset by e-mail, in Vietnamese."""

import re

from django.core import mail
from django.test import Client

from danvan.accounts.models import User
from danvan.audit.models import AuditEvent

LOGIN = "/tai-khoan/dang-nhap/"


def test_login_page_is_vietnamese_and_links_to_reset(db):
    page = Client().get(LOGIN)
    assert page.status_code == 200
    assert 'for="id_username">Tên đăng nhập' in page.text
    assert "Quên mật khẩu?" in page.text


def test_failed_login_shows_clear_message(personas, unchanged):
    client = Client()
    with unchanged():
        page = client.post(LOGIN, {"username": "nhaplieu_a", "password": "sai-mat-khau"})
    assert page.status_code == 200
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in page.text
    assert 'role="alert"' in page.text
    assert "_auth_user_id" not in client.session


def test_inactive_user_cannot_log_in(personas, password):
    User.objects.filter(pk=personas.reporter_a.pk).update(is_active=False)
    client = Client()
    page = client.post(LOGIN, {"username": "nhaplieu_a", "password": password})
    assert page.status_code == 200 and "_auth_user_id" not in client.session


def test_login_then_logout_by_post_only(personas, password):
    client = Client()
    response = client.post(LOGIN, {"username": "nhaplieu_a", "password": password})
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.get("/tai-khoan/ho-so/").status_code == 200
    assert client.get("/tai-khoan/dang-xuat/").status_code == 405
    assert client.get("/tai-khoan/ho-so/").status_code == 200
    assert client.post("/tai-khoan/dang-xuat/").status_code == 302
    assert client.get("/tai-khoan/ho-so/")["Location"].startswith(LOGIN)


def test_password_change_wrong_old_password_changes_nothing(personas, client_for, unchanged):
    client = client_for(personas.reporter_a)
    data = {
        "old_password": "khong-dung",
        "new_password1": "Mat-khau-moi-2027",
        "new_password2": "Mat-khau-moi-2027",
    }
    with unchanged():
        page = client.post("/tai-khoan/doi-mat-khau/", data)
    assert page.status_code == 200
    assert "Mật khẩu cũ không chính xác" in page.text


def test_password_change_refuses_weak_password_in_vietnamese(personas, client_for, password, unchanged):
    client = client_for(personas.reporter_a)
    data = {"old_password": password, "new_password1": "12345", "new_password2": "12345"}
    with unchanged():
        page = client.post("/tai-khoan/doi-mat-khau/", data)
    assert "Mật khẩu quá ngắn: cần ít nhất 10 ký tự." in page.text
    assert "Mật khẩu này hoàn toàn là số." in page.text


def test_password_change_is_audited_and_keeps_the_session(personas, client_for, password):
    client = client_for(personas.reporter_a)
    data = {
        "old_password": password,
        "new_password1": "Mat-khau-moi-2027",
        "new_password2": "Mat-khau-moi-2027",
    }
    response = client.post("/tai-khoan/doi-mat-khau/", data)
    assert response.status_code == 302 and response["Location"] == "/tai-khoan/ho-so/"
    assert client.get("/tai-khoan/ho-so/").status_code == 200  # still logged in
    user = User.objects.get(pk=personas.reporter_a.pk)
    assert user.check_password("Mat-khau-moi-2027")
    event = AuditEvent.objects.get(action="user.set_password")
    assert event.object_id == str(user.pk) and event.unit == personas.reporter_a.grants.get().unit
    assert event.changes == {}


def _request_reset(email: str) -> Client:
    client = Client()
    response = client.post("/tai-khoan/quen-mat-khau/", {"email": email})
    assert response.status_code == 302 and response["Location"] == "/tai-khoan/quen-mat-khau/da-gui/"
    return client


def test_password_reset_by_email(personas):
    client = _request_reset("nhaplieu_a@danvan.test")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nhaplieu_a@danvan.test"]
    assert message.subject == "DanVan: đặt lại mật khẩu tài khoản nhaplieu_a"
    assert "Kính gửi" in message.body and "hết hạn sau 3 ngày" in message.body
    link = re.search(r"http://testserver(/tai-khoan/dat-lai-mat-khau/\S+/)", message.body)
    assert link
    form_page = client.get(link.group(1), follow=True)
    assert "Đặt mật khẩu mới" in form_page.text
    set_url = form_page.redirect_chain[-1][0]
    done = client.post(set_url, {"new_password1": "Mat-khau-moi-2027", "new_password2": "Mat-khau-moi-2027"})
    assert done.status_code == 302 and done["Location"] == "/tai-khoan/dat-lai-mat-khau/xong/"
    assert User.objects.get(pk=personas.reporter_a.pk).check_password("Mat-khau-moi-2027")
    assert AuditEvent.objects.filter(action="user.set_password", actor=personas.reporter_a).count() == 1
    # The link is used up.
    assert "Liên kết không còn dùng được" in Client().get(link.group(1), follow=True).text


def test_password_reset_for_unknown_email_looks_the_same_and_sends_nothing(personas, unchanged):
    with unchanged():
        _request_reset("khong-co@danvan.test")
    assert mail.outbox == []


def test_password_reset_with_a_forged_link_changes_nothing(personas, unchanged):
    with unchanged():
        page = Client().get("/tai-khoan/dat-lai-mat-khau/MQ/sai-token/")
    assert "Liên kết không còn dùng được" in page.text
