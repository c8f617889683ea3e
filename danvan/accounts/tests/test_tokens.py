"""API tokens: created with the secret shown once, stored hashed, listed and revoked on the profile."""

import datetime as dt
import re

import pytest
from django.test import Client
from django.utils import timezone

from danvan.accounts.auth import hash_token
from danvan.accounts.models import ApiToken
from danvan.accounts.services import token_create, token_revoke
from danvan.audit.models import AuditEvent
from danvan.core.errors import DomainError

PROFILE = "/tai-khoan/ho-so/"


def test_token_create_returns_the_secret_once_and_stores_its_hash(personas):
    token, secret = token_create(user=personas.reporter_a, name="Máy tổng hợp", scope="read", days=30)
    assert re.fullmatch(r"dv_[A-Za-z0-9_-]{43}", secret)
    assert token.key_hash == hash_token(secret) and token.prefix == secret[:12]
    assert secret not in str(ApiToken.objects.filter(pk=token.pk).values().get())
    assert abs((token.expires_at - timezone.now() - dt.timedelta(days=30)).total_seconds()) < 5
    event = AuditEvent.objects.get(action="token.create")
    assert secret not in str(event.changes) and event.unit == personas.reporter_a.grants.get().unit


@pytest.mark.parametrize(("name", "scope", "days"), [("", "read", 30), ("x", "admin", 30), ("x", "read", 0)])
def test_token_create_refuses_bad_input(personas, unchanged, name, scope, days):
    with unchanged(), pytest.raises(DomainError):
        token_create(user=personas.reporter_a, name=name, scope=scope, days=days)


def test_profile_creates_lists_and_revokes_tokens(personas, client_for):
    client = client_for(personas.reporter_a)
    created = client.post(PROFILE + "khoa-api/", {"name": "Máy trạm", "scope": "read", "days": 30})
    assert created.status_code == 200 and created["Cache-Control"] == "no-store"
    secret = re.search(r'value="(dv_[^"]+)"', created.text).group(1)
    assert "chỉ hiển thị một lần" in created.text
    token = ApiToken.objects.get(user=personas.reporter_a)
    listed = client.get(PROFILE)
    assert "Máy trạm" in listed.text and token.prefix in listed.text and secret not in listed.text
    api = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert api.get("/api/v1/me").status_code == 200
    revoked = client.post(f"{PROFILE}khoa-api/{token.pk}/thu-hoi/", follow=True)
    assert "Đã thu hồi khóa «Máy trạm»." in revoked.text
    assert ApiToken.objects.get(pk=token.pk).revoked_at is not None
    assert api.get("/api/v1/me").status_code == 401


def test_profile_token_form_errors_change_nothing(personas, client_for, unchanged):
    with unchanged():
        page = client_for(personas.reporter_a).post(
            PROFILE + "khoa-api/", {"name": "", "scope": "read", "days": 999}
        )
    assert page.status_code == 200 and "Trường này là bắt buộc." in page.text


def test_nobody_revokes_another_users_token(personas, client_for, unchanged):
    token, _secret = token_create(user=personas.reporter_b, name="của B")
    with unchanged():
        response = client_for(personas.reporter_a).post(f"{PROFILE}khoa-api/{token.pk}/thu-hoi/")
        unit_admin = client_for(personas.unit_admin).post(f"{PROFILE}khoa-api/{token.pk}/thu-hoi/")
    assert response.status_code == 404 and unit_admin.status_code == 404


def test_revoking_twice_is_refused(personas, unchanged):
    token, _secret = token_create(user=personas.reporter_a, name="một lần")
    token_revoke(actor=personas.reporter_a, token=token)
    with unchanged(), pytest.raises(DomainError):
        token_revoke(actor=personas.reporter_a, token=token)


def test_read_tokens_cannot_write_and_expired_tokens_are_refused(personas, tree):
    _token, read_secret = token_create(user=personas.unit_admin, name="đọc", scope="read")
    body = {"username": "x.y", "password": "Mat-khau-ban-dau-2026", "full_name": "X Y", "grants": []}
    client = Client(HTTP_AUTHORIZATION=f"Bearer {read_secret}")
    refused = client.post("/api/v1/users", body, content_type="application/json")
    assert refused.status_code == 403 and "chỉ được đọc" in refused.json()["detail"]
    assert client.get("/api/v1/me").status_code == 200
    expired, secret = token_create(user=personas.unit_admin, name="cũ", days=1)
    ApiToken.objects.filter(pk=expired.pk).update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    assert Client(HTTP_AUTHORIZATION=f"Bearer {secret}").get("/api/v1/me").status_code == 401
