"""The optional second factor (TOTP, RFC 6238) and recovery codes; rate limits on password reset;
password strength rules."""

import json
import time

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client

from danvan.accounts import totp
from danvan.accounts.models import RecoveryCode, TotpDevice, User
from danvan.accounts.services.rules import password_problems
from danvan.accounts.services.second_factor import MAX_FAILURES, totp_confirm, totp_start
from danvan.audit.models import AuditEvent

LOGIN = "/tai-khoan/dang-nhap/"
SECOND = "/tai-khoan/dang-nhap/ma-xac-thuc/"
SETUP = "/tai-khoan/ho-so/xac-thuc-hai-buoc/"


@pytest.fixture(autouse=True)
def _fresh_counters():
    cache.clear()  # rate-limit counters live in the cache
    yield
    cache.clear()


# RFC 6238, appendix B: (time, SHA1, SHA256, SHA512), 8 digits.
RFC_VECTORS = [
    (59, "94287082", "46119246", "90693936"),
    (1111111109, "07081804", "68084774", "25091201"),
    (1111111111, "14050471", "67062674", "99943326"),
    (1234567890, "89005924", "91819424", "93441116"),
    (2000000000, "69279037", "90698825", "38618901"),
    (20000000000, "65353130", "77737706", "47863826"),
]
RFC_KEYS = {
    "SHA1": b"12345678901234567890",
    "SHA256": b"12345678901234567890123456789012",
    "SHA512": b"1234567890123456789012345678901234567890123456789012345678901234",
}


@pytest.mark.parametrize(("at", "sha1", "sha256", "sha512"), RFC_VECTORS)
def test_rfc6238_test_vectors(at, sha1, sha256, sha512):
    step = totp.time_step(at)
    for algorithm, expected in (("SHA1", sha1), ("SHA256", sha256), ("SHA512", sha512)):
        assert totp.hotp(RFC_KEYS[algorithm], step, digits=8, algorithm=algorithm) == expected


def test_verify_allows_one_step_of_drift_and_refuses_replays():
    secret = totp.generate_secret()
    now = 1_750_000_000.0
    code = totp.totp(secret, at=now)
    step = totp.verify(secret, code, at=now)
    assert step == totp.time_step(now)
    assert totp.verify(secret, code, at=now + 30) == step  # the phone is 30 s behind
    assert totp.verify(secret, code, at=now + 90) is None
    assert totp.verify(secret, code, at=now, after_step=step) is None  # used once already
    assert totp.verify(secret, "12 34 5x", at=now) is None
    assert totp.verify(secret, "", at=now) is None


def test_provisioning_uri_and_recovery_codes():
    uri = totp.provisioning_uri("JBSWY3DPEHPK3PXP", account="lanhdao_tinh")
    assert uri.startswith("otpauth://totp/DanVan%3Alanhdao_tinh?secret=JBSWY3DPEHPK3PXP&issuer=DanVan")
    codes = totp.generate_recovery_codes()
    assert len(set(codes)) == 10 and all(len(c) == 19 for c in codes)
    assert totp.hash_recovery_code(codes[0].upper()) == totp.hash_recovery_code(codes[0].replace("-", ""))


def enrol(user: User) -> tuple[str, list[str]]:
    device = totp_start(user=user)
    codes = totp_confirm(user=user, code=totp.totp(device.secret, at=time.time() - 30))
    return device.secret, codes


def test_enrolment_page(personas, client_for):
    client = client_for(personas.approver)
    page = client.get(SETUP)
    secret = TotpDevice.objects.get(user=personas.approver).secret
    assert page.status_code == 200 and secret in page.text
    assert "otpauth://totp/DanVan%3Alanhdao_tinh?secret=" + secret in page.text
    assert page["Cache-Control"].startswith("max-age=0")
    assert client.get(SETUP).text.count(secret) >= 1  # a reload keeps the secret being typed in
    wrong = client.post(SETUP, {"code": "000000"})
    assert "Mã không đúng" in wrong.text
    assert TotpDevice.objects.get(user=personas.approver).confirmed_at is None
    done = client.post(SETUP, {"code": totp.totp(secret)})
    assert "Đã bật xác thực hai bước" in done.text and done["Cache-Control"].startswith("max-age=0")
    assert done.text.count("<li><code>") == 10  # the recovery codes, shown this once
    stored = list(RecoveryCode.objects.filter(user=personas.approver).values_list("code_hash", flat=True))
    assert len(stored) == 10
    assert all(len(h) == 64 and h not in done.text for h in stored)  # only hashes are stored
    assert AuditEvent.objects.filter(action="user.totp_enable", object_id=str(personas.approver.pk)).exists()
    assert "đang bật" in client.get(SETUP).text


def _password_step(client: Client, user: User, password: str, next_url: str = "") -> None:
    data = {"username": user.username, "password": password}
    if next_url:
        data["next"] = next_url
    response = client.post(LOGIN, data)
    assert response.status_code == 302 and response["Location"] == SECOND
    assert "_auth_user_id" not in client.session  # not signed in yet


def test_login_asks_for_the_code_and_refuses_a_replay(personas, password):
    user = personas.approver
    secret, _codes = enrol(user)
    client = Client()
    _password_step(client, user, password, next_url="/tai-khoan/ho-so/")
    assert client.get("/tai-khoan/ho-so/").status_code == 302  # still anonymous
    wrong = client.post(SECOND, {"code": "123456"})
    assert wrong.status_code == 200 and "_auth_user_id" not in client.session
    code = totp.totp(secret)
    ok = client.post(SECOND, {"code": code})
    assert ok.status_code == 302 and ok["Location"] == "/tai-khoan/ho-so/"
    assert client.session["_auth_user_id"] == str(user.pk)
    # Someone who saw the code cannot use it again.
    other = Client()
    _password_step(other, user, password)
    assert other.post(SECOND, {"code": code}).status_code == 200
    assert "_auth_user_id" not in other.session


def test_recovery_code_works_once(personas, password):
    user = personas.admin
    _secret, codes = enrol(user)
    client = Client()
    _password_step(client, user, password)
    assert client.post(SECOND, {"code": codes[0].upper()}).status_code == 302
    again = Client()
    _password_step(again, user, password)
    assert again.post(SECOND, {"code": codes[0]}).status_code == 200
    assert RecoveryCode.objects.filter(user=user, used_at__isnull=True).count() == 9


def test_wrong_codes_are_rate_limited(personas, password):
    user = personas.approver
    secret, _codes = enrol(user)
    client = Client()
    _password_step(client, user, password)
    for _ in range(MAX_FAILURES):
        client.post(SECOND, {"code": "000000"})
    assert client.post(SECOND, {"code": totp.totp(secret)}).status_code == 200
    assert "_auth_user_id" not in client.session


def test_the_pending_login_expires(personas, password):
    user = personas.approver
    secret, _codes = enrol(user)
    client = Client()
    _password_step(client, user, password)
    session = client.session
    session["danvan_second_factor"]["at"] -= 301  # five minutes passed
    session.save()
    response = client.post(SECOND, {"code": totp.totp(secret)})
    assert response.status_code == 302 and response["Location"] == LOGIN
    assert "_auth_user_id" not in client.session


def test_second_step_without_password_step_goes_back_to_login(db):
    response = Client().post(SECOND, {"code": "123456"})
    assert response.status_code == 302 and response["Location"] == LOGIN


def test_users_without_the_factor_sign_in_as_before(personas, password):
    client = Client()
    response = client.post(LOGIN, {"username": "nhaplieu_a", "password": password})
    assert response.status_code == 302 and response["Location"] == "/"


def test_api_token_requires_the_code(personas, password):
    user = personas.approver
    secret, _codes = enrol(user)
    body = {"username": user.username, "password": password}

    def token(**extra: str):
        data = json.dumps({**body, **extra})
        return Client().post("/api/v1/auth/token", data, content_type="application/json")

    refused = token()
    assert refused.status_code == 401 and refused.json()["code"] == "otp_required"
    assert token(otp="000000").status_code == 401
    assert token(otp=totp.totp(secret)).status_code == 200


def test_disabling_requires_the_password(personas, client_for, password):
    user = personas.approver
    enrol(user)
    client = client_for(user)
    client.post(SETUP + "tat/", {"password": "sai-mat-khau"})
    assert TotpDevice.objects.filter(user=user).exists()
    client.post(SETUP + "tat/", {"password": password})
    assert not TotpDevice.objects.filter(user=user).exists()
    assert not RecoveryCode.objects.filter(user=user).exists()


RESET = "/tai-khoan/quen-mat-khau/"


def test_password_reset_is_rate_limited_per_address(personas):
    client = Client()
    statuses = [client.post(RESET, {"email": f"x{i}@danvan.test"}).status_code for i in range(6)]
    assert statuses == [302] * 5 + [429]
    refused = client.post(RESET, {"email": "nhaplieu_a@danvan.test"})
    assert refused.status_code == 429 and "quá nhiều lần" in refused.text
    assert refused["Retry-After"] == "3600"
    assert mail.outbox == []


def test_password_reset_mails_one_address_at_most_three_times_an_hour(personas):
    for index in range(5):
        response = Client(REMOTE_ADDR=f"10.0.0.{index}").post(RESET, {"email": "nhaplieu_a@danvan.test"})
        assert response.status_code == 302  # the answer does not change
    assert len(mail.outbox) == 3


@pytest.mark.parametrize(
    ("candidate", "message"),
    [
        ("Ab1-xyz", "Mật khẩu quá ngắn: cần ít nhất 10 ký tự."),
        ("1234567890123", "Mật khẩu này hoàn toàn là số."),
        ("password1234", "Mật khẩu này quá phổ biến."),
        ("nhaplieu_a2026", "Mật khẩu quá giống"),
    ],
)
def test_weak_passwords_are_refused_in_vietnamese(personas, candidate, message):
    problems = password_problems(candidate, personas.reporter_a)
    assert any(p.startswith(message) for p in problems), problems


def test_a_strong_password_passes(personas):
    assert password_problems("Tổ-dân-phố-số-7 vững mạnh", personas.reporter_a) == []


@pytest.fixture
def required_for_leaders(settings):
    settings.DANVAN_TOTP_REQUIRED_ROLES = ["system_admin", "approver"]


def test_a_required_factor_leads_every_page_to_its_setup(personas, client_for, required_for_leaders):
    client = client_for(personas.approver)
    for path in ("/", "/bao-cao/", "/tai-khoan/ho-so/"):
        response = client.get(path)
        assert response.status_code == 302 and response["Location"] == SETUP
    setup = client.get(SETUP, follow=True)
    assert setup.status_code == 200 and "bắt buộc dùng xác thực hai bước" in setup.content.decode()
    enrol(personas.approver)
    assert client.get("/bao-cao/").status_code == 200
    # a reporter's role is not listed: nothing changes for them
    assert client_for(personas.reporter_a).get("/bao-cao/").status_code == 200


def test_a_required_factor_cannot_be_turned_off(personas, client_for, password, required_for_leaders):
    enrol(personas.admin)
    client_for(personas.admin).post(SETUP + "tat/", {"password": password})
    assert TotpDevice.objects.filter(user=personas.admin, confirmed_at__isnull=False).exists()


def test_the_api_refuses_leaders_without_the_factor(personas, password, required_for_leaders):
    from danvan.accounts.services.tokens import token_create

    user = personas.approver
    body = json.dumps({"username": user.username, "password": password})
    refused = Client().post("/api/v1/auth/token", body, content_type="application/json")
    assert refused.status_code == 403 and "xác thực hai bước" in refused.json()["detail"]
    _token, secret = token_create(user=user, name="cũ", scope="write")  # made before the rule
    older = Client(HTTP_AUTHORIZATION=f"Bearer {secret}").get("/api/v1/practices")
    assert older.status_code == 403
    secret_totp, _codes = enrol(user)
    body = json.dumps({"username": user.username, "password": password, "otp": totp.totp(secret_totp)})
    assert Client().post("/api/v1/auth/token", body, content_type="application/json").status_code == 200
    assert Client(HTTP_AUTHORIZATION=f"Bearer {secret}").get("/api/v1/practices").status_code == 200


def test_required_roles_are_checked_at_start():
    import os
    import subprocess
    import sys

    env = {
        **os.environ,
        "DANVAN_TOTP_REQUIRED_ROLES": "approver,sep",
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0 and "DANVAN_TOTP_REQUIRED_ROLES" in result.stderr
