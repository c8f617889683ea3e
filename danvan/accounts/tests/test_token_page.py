"""The «Khóa API» page: create a named token, read-only or read-write, list and revoke it;
a token sees exactly what its user sees, a read-only token never writes."""

import re

import pytest
from django.test import Client

from danvan.accounts.models import ApiToken, User
from danvan.accounts.services import token_create

PAGE = "/tai-khoan/khoa-api/"
NEW_USER = {
    "username": "moi.tao",
    "password": "Mat-khau-ban-dau-2026",
    "full_name": "Người Mới",
    "grants": [{"unit": "31510", "role": "reporter"}],
}


def test_page_creates_lists_and_revokes_tokens(personas, client_for):
    client = client_for(personas.reporter_a)
    assert client_for(None).get(PAGE).status_code == 302
    page = client.get(PAGE)
    assert page.status_code == 200 and "Bạn chưa có khóa API nào." in page.text and "Chỉ đọc" in page.text
    created = client.post(PAGE, {"name": "Máy tổng hợp báo cáo", "scope": "read", "days": 30})
    assert created.status_code == 200 and created["Cache-Control"] == "no-store"
    secret = re.search(r'value="(dv_[^"]+)"', created.text).group(1)
    assert "onclick" not in created.text and "data-select-on-focus" in created.text
    token = ApiToken.objects.get(user=personas.reporter_a)
    assert (token.name, token.scope) == ("Máy tổng hợp báo cáo", ApiToken.Scope.READ)
    listed = client.get(PAGE)
    assert "Máy tổng hợp báo cáo" in listed.text and token.prefix in listed.text and secret not in listed.text
    api = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert api.get("/api/v1/me").status_code == 200
    revoked = client.post(f"{PAGE}{token.pk}/thu-hoi/", follow=True)
    assert "Đã thu hồi khóa «Máy tổng hợp báo cáo»." in revoked.text and "Đã thu hồi" in revoked.text
    assert api.get("/api/v1/me").status_code == 401


def test_bad_input_and_other_users_tokens_change_nothing(personas, client_for, unchanged):
    other, _secret = token_create(user=personas.reporter_b, name="của B")
    client = client_for(personas.reporter_a)
    with unchanged():
        page = client.post(PAGE, {"name": "", "scope": "admin", "days": 0})
        assert client.post(f"{PAGE}{other.pk}/thu-hoi/").status_code == 404
        assert client.get(f"{PAGE}{other.pk}/thu-hoi/").status_code == 405
    assert page.status_code == 200 and "Trường này là bắt buộc." in page.text
    assert "của B" not in client.get(PAGE).text


def test_read_only_token_is_refused_on_every_write(personas, api_for, unchanged):
    client = api_for(personas.unit_admin, scope=ApiToken.Scope.READ)
    assert client.get("/api/v1/users").status_code == 200
    with unchanged():
        for method, path in (("post", "/api/v1/users"), ("patch", "/api/v1/practices/1")):
            refused = getattr(client, method)(path, NEW_USER, content_type="application/json")
            assert refused.status_code == 403, method
            assert refused["Content-Type"] == "application/problem+json"
            assert refused.json()["code"] == "forbidden" and "chỉ được đọc" in refused.json()["detail"]
    assert not User.objects.filter(username="moi.tao").exists()
    writer = api_for(personas.unit_admin)
    assert writer.post("/api/v1/users", NEW_USER, content_type="application/json").status_code == 201


@pytest.mark.parametrize("scope", [ApiToken.Scope.READ, ApiToken.Scope.WRITE])
def test_a_token_sees_no_more_than_its_user(personas, tree, api_for, unchanged, scope):
    reporter = api_for(personas.reporter_a, scope=scope)
    me = reporter.get("/api/v1/me").json()
    assert me["username"] == personas.reporter_a.username
    stats = "/api/v1/practices/stats?unit="
    assert reporter.get(stats + tree.commune_a.code).status_code == 200
    with unchanged():
        assert reporter.get(stats + tree.commune_b.code).status_code == 404  # the sibling commune
        assert reporter.get(stats + tree.province.code).status_code == 404
        assert reporter.get("/api/v1/users").status_code == 403  # not a unit admin, whatever the token
