"""Repeated failed logins lock the username from that address (django-axes), on pages and in the API."""

import json

from axes.models import AccessAttempt
from django.test import Client

LOGIN = "/tai-khoan/dang-nhap/"
TOKEN = "/api/v1/auth/token"


def _fail(client: Client, times: int, username: str = "nhaplieu_a") -> list[int]:
    return [
        client.post(LOGIN, {"username": username, "password": "sai-mat-khau"}).status_code
        for _ in range(times)
    ]


def test_sixth_attempt_with_the_right_password_is_refused(personas, password):
    client = Client()
    assert _fail(client, 4) == [200] * 4
    locked = client.post(LOGIN, {"username": "nhaplieu_a", "password": "sai-mat-khau"})
    assert locked.status_code == 429
    assert "Tạm khóa đăng nhập" in locked.text and "thử lại sau 15 phút" in locked.text
    sixth = client.post(LOGIN, {"username": "nhaplieu_a", "password": password})
    assert sixth.status_code == 429
    assert "_auth_user_id" not in client.session
    # Another user from the same address is not locked (lockout is per username and address).
    other = Client().post(LOGIN, {"username": "nhaplieu_b", "password": password})
    assert other.status_code == 302


def test_success_resets_the_failure_counter(personas, password):
    client = Client()
    _fail(client, 4)
    assert client.post(LOGIN, {"username": "nhaplieu_a", "password": password}).status_code == 302
    assert not AccessAttempt.objects.filter(username="nhaplieu_a").exists()
    client.post("/tai-khoan/dang-xuat/")
    assert _fail(client, 4) == [200] * 4  # counting starts again: four more failures do not lock
    assert client.post(LOGIN, {"username": "nhaplieu_a", "password": password}).status_code == 302


def _token(client: Client, password: str, username: str = "nhaplieu_a"):
    body = json.dumps({"username": username, "password": password})
    return client.post(TOKEN, body, content_type="application/json")


def test_api_brute_force_is_locked_out_too(personas, password, unchanged):
    client = Client()
    statuses = [_token(client, "sai-mat-khau").status_code for _ in range(5)]
    assert statuses == [401, 401, 401, 401, 429]
    with unchanged():
        refused = _token(client, password)
    assert refused.status_code == 429
    assert refused["Content-Type"] == "application/problem+json"
    assert refused["Retry-After"] == "900"
    assert refused.json()["code"] == "login_locked"
    assert "thử lại sau 15 phút" in refused.json()["detail"]


def test_api_success_resets_the_counter(personas, password):
    client = Client()
    for _ in range(4):
        _token(client, "sai-mat-khau")
    assert _token(client, password).status_code == 200
    assert not AccessAttempt.objects.filter(username="nhaplieu_a").exists()


def test_page_and_api_failures_count_together(personas, password):
    client = Client()
    _fail(client, 3)
    assert [_token(client, "sai").status_code for _ in range(2)] == [401, 429]
    assert client.post(LOGIN, {"username": "nhaplieu_a", "password": password}).status_code == 429
