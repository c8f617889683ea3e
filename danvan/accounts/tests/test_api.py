"""/api/v1: token, me, users list and create, with problem+json errors."""

import json

import pytest
from django.test import Client

from danvan.accounts.models import ApiToken, Grant, Role, User
from danvan.accounts.tests.factories import UserFactory
from danvan.audit.models import AuditEvent
from danvan.core.models import IdempotencyRecord

STRONG = "Mat-khau-ban-dau-2026"


def post(client: Client, url: str, body: dict, **headers):
    return client.post(url, json.dumps(body), content_type="application/json", **headers)


def new_user(**overrides):
    body = {
        "username": "api.user",
        "password": STRONG,
        "full_name": "Người Tạo Qua API",
        "email": "api@example.vn",
        "grants": [{"unit": "31510", "role": "reporter"}],
    }
    return {**body, **overrides}


def assert_problem(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status and body["code"] == code and body["detail"]
    return body


def test_token_with_good_credentials(personas, password):
    response = post(Client(), "/api/v1/auth/token", {"username": "nhaplieu_a", "password": password})
    assert response.status_code == 200
    token = response.json()["token"]
    assert token.startswith("dv_") and response.json()["expires_at"]
    me = Client(HTTP_AUTHORIZATION=f"Bearer {token}").get("/api/v1/me")
    assert me.json()["username"] == "nhaplieu_a"
    assert ApiToken.objects.get(user=personas.reporter_a).name == "Đăng nhập qua API"
    assert User.objects.get(pk=personas.reporter_a.pk).last_login is not None


def test_token_with_wrong_credentials_is_401_in_vietnamese(personas, unchanged):
    with unchanged():
        wrong = post(Client(), "/api/v1/auth/token", {"username": "nhaplieu_a", "password": "sai"})
        nobody = post(Client(), "/api/v1/auth/token", {"username": "khong_co", "password": "sai"})
        malformed = post(Client(), "/api/v1/auth/token", {"username": ""})
    body = assert_problem(wrong, 401, "invalid_credentials")
    assert body["detail"] == "Tên đăng nhập hoặc mật khẩu không đúng."
    assert assert_problem(nobody, 401, "invalid_credentials")["detail"] == body["detail"]
    assert set(assert_problem(malformed, 422, "validation_error")["errors"]) == {"username", "password"}


def test_me(personas, tree, api_for):
    response = api_for(personas.approver).get("/api/v1/me")
    assert response.json() == {
        "username": "lanhdao_tinh",
        "full_name": personas.approver.full_name,
        "email": "lanhdao_tinh@danvan.test",
        "grants": [{"unit": "92", "unit_name": "Thành phố Cần Thơ", "role": "approver"}],
    }
    assert api_for(personas.admin).get("/api/v1/me").json()["grants"] == [
        {"unit": None, "unit_name": None, "role": "system_admin"}
    ]
    assert_problem(Client().get("/api/v1/me"), 401, "unauthorized")


def test_users_list_is_scoped_paginated_and_filtered(personas, tree, api_for):
    client = api_for(personas.unit_admin)
    body = client.get("/api/v1/users").json()
    assert body["count"] == 4
    assert {u["username"] for u in body["items"]} == {
        "nhaplieu_a",
        "nhaplieu_b",
        "lanhdao_tinh",
        "quantri_tinh",
    }
    page = client.get("/api/v1/users?limit=3&offset=2").json()
    assert page["count"] == 4 and [u["username"] for u in page["items"]] == ["nhaplieu_b", "quantri_tinh"]
    assert [u["username"] for u in client.get("/api/v1/users?unit=31528").json()["items"]] == ["nhaplieu_b"]
    assert client.get("/api/v1/users?unit=01273").json() == {"items": [], "count": 0}
    assert {u["username"] for u in client.get("/api/v1/users?role=reporter").json()["items"]} == {
        "nhaplieu_a",
        "nhaplieu_b",
    }
    UserFactory(username="duc", full_name="Trần Minh Đức").grants.create(
        unit=tree.commune_a, role=Role.VIEWER
    )
    assert [u["username"] for u in client.get("/api/v1/users?q=minh duc").json()["items"]] == ["duc"]
    assert client.get("/api/v1/users?limit=501").status_code == 422


def test_users_list_is_403_for_non_admins(personas, api_for):
    assert_problem(api_for(personas.approver).get("/api/v1/users"), 403, "forbidden")


def test_create_user(personas, tree, api_for):
    response = post(api_for(personas.unit_admin), "/api/v1/users", new_user())
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["username"] == "api.user" and body["is_active"] is True
    assert body["grants"] == [{"unit": "31510", "unit_name": "Phường Sóc Trăng", "role": "reporter"}]
    user = User.objects.get(username="api.user")
    assert user.check_password(STRONG) and body["id"] == user.pk
    assert AuditEvent.objects.get(action="user.create").unit == tree.commune_a


@pytest.mark.parametrize("code", ["99999", "01273", "94"])
def test_unknown_outside_and_legacy_units_are_422_alike(personas, tree, api_for, unchanged, code):
    client = api_for(personas.unit_admin)
    with unchanged():
        response = post(client, "/api/v1/users", new_user(grants=[{"unit": code, "role": "viewer"}]))
    body = assert_problem(response, 422, "unknown_unit")
    assert body["errors"] == {
        "grants": [f"Quyền thứ 1: không có đơn vị mã «{code}» trong phạm vi bạn quản lý."]
    }


@pytest.mark.parametrize(
    ("overrides", "status", "code", "field"),
    [
        ({"username": "NhapLieu_A"}, 409, "username_taken", "username"),
        ({"password": "12345"}, 422, "invalid_user", "password"),
        ({"email": "khong-phai-email"}, 422, "invalid_user", "email"),
        ({"grants": [{"unit": None, "role": "system_admin"}]}, 422, "invalid_user", "grants"),
        ({"grants": [{"unit": "31510", "role": "chief"}]}, 422, "validation_error", "grants.0.role"),
        ({"grants": []}, 422, "validation_error", "grants"),
    ],
)
def test_create_user_refusals(personas, api_for, unchanged, overrides, status, code, field):
    client = api_for(personas.unit_admin)
    with unchanged():
        response = post(client, "/api/v1/users", new_user(**overrides))
    assert field in assert_problem(response, status, code)["errors"]


def test_create_user_is_403_for_non_admins(personas, api_for, unchanged):
    client = api_for(personas.approver)
    with unchanged():
        response = post(client, "/api/v1/users", new_user())
    assert_problem(response, 403, "forbidden")


def test_idempotency_key_makes_a_retry_safe(personas, api_for):
    client = api_for(personas.unit_admin)
    first = post(client, "/api/v1/users", new_user(), HTTP_IDEMPOTENCY_KEY="k-123")
    again = post(client, "/api/v1/users", new_user(), HTTP_IDEMPOTENCY_KEY="k-123")
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()
    assert User.objects.filter(username="api.user").count() == 1
    assert AuditEvent.objects.filter(action="user.create").count() == 1
    assert IdempotencyRecord.objects.get().object_id == str(first.json()["id"])
    # Without the key, the retry is a conflict; with the key and another body, a 422.
    assert_problem(post(client, "/api/v1/users", new_user()), 409, "username_taken")
    other = post(client, "/api/v1/users", new_user(username="khac"), HTTP_IDEMPOTENCY_KEY="k-123")
    assert_problem(other, 422, "idempotency_key_reused")
    assert not User.objects.filter(username="khac").exists()


def test_idempotency_keys_are_per_caller(personas, api_for):
    post(api_for(personas.unit_admin), "/api/v1/users", new_user(), HTTP_IDEMPOTENCY_KEY="k-1")
    second = post(
        api_for(personas.admin), "/api/v1/users", new_user(username="b.user"), HTTP_IDEMPOTENCY_KEY="k-1"
    )
    assert second.status_code == 201 and second.json()["username"] == "b.user"


def test_system_admin_creates_anywhere(personas, tree, api_for):
    body = new_user(grants=[{"unit": "01273", "role": "unit_admin"}, {"unit": "92", "role": "viewer"}])
    response = post(api_for(personas.admin), "/api/v1/users", body)
    assert response.status_code == 201
    assert set(Grant.objects.filter(user__username="api.user").values_list("unit__code", "role")) == {
        ("01273", "unit_admin"),
        ("92", "viewer"),
    }
    assert AuditEvent.objects.get(action="user.create").unit is None  # spans provinces: system admins only


def test_openapi_documents_the_accounts_operations(db):
    paths = Client().get("/api/v1/openapi.json").json()["paths"]
    assert {"/api/v1/auth/token", "/api/v1/me", "/api/v1/users"} <= set(paths)
    create = paths["/api/v1/users"]["post"]
    assert any(p["name"] == "Idempotency-Key" for p in create["parameters"])
    assert {"201", "409", "422"} <= set(create["responses"])
