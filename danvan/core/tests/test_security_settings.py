"""Production settings and response headers: CSP without inline script, secure cookies, HSTS,
HTTPS redirect behind a proxy, no framing; `check --deploy` clean (see also test_settings.py)."""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.core.management import call_command
from django.test import Client

ROOT = Path(__file__).resolve().parents[3]
PRODUCTION_ENV = {
    "DANVAN_PRODUCTION": "true",
    "DANVAN_SECRET_KEY": "p" * 20 + "-Zq8xR2mW7vN4kT1bY6cJ3hF9sD0gL5eA_uQ",
    "DANVAN_ALLOWED_HOSTS": "danvan.example.vn",
    "DANVAN_SMTP_HOST": "smtp.example.vn",
    "DATABASE_URL": "sqlite:///:memory:",
}
DUMP = """
import json, django
django.setup()
from django.conf import settings as s
names = ["SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY", "SECURE_SSL_REDIRECT",
         "SECURE_PROXY_SSL_HEADER", "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "DEBUG",
         "X_FRAME_OPTIONS", "SECURE_REFERRER_POLICY", "SECURE_CSP", "SESSION_COOKIE_NAME", "MIDDLEWARE"]
print(json.dumps({n: getattr(s, n) for n in names}))
"""


def _production_settings(**extra: str) -> dict:
    env = {**os.environ, **PRODUCTION_ENV, "DJANGO_SETTINGS_MODULE": "config.settings", **extra}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [sys.executable, "-c", DUMP], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_settings_are_hardened():
    s = _production_settings()
    assert s["DEBUG"] is False
    assert s["SESSION_COOKIE_SECURE"] and s["CSRF_COOKIE_SECURE"] and s["SESSION_COOKIE_HTTPONLY"]
    assert s["SESSION_COOKIE_NAME"].startswith("__Host-")
    assert s["SECURE_SSL_REDIRECT"] is True
    assert s["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert s["SECURE_HSTS_SECONDS"] >= 31536000 and s["SECURE_HSTS_INCLUDE_SUBDOMAINS"]
    assert s["X_FRAME_OPTIONS"] == "DENY"
    assert s["SECURE_REFERRER_POLICY"] == "same-origin"
    csp = s["SECURE_CSP"]
    assert csp["script-src"] == ["'self'"] and csp["style-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"] and csp["object-src"] == ["'none'"]
    assert "django.middleware.csp.ContentSecurityPolicyMiddleware" in s["MIDDLEWARE"]
    assert s["MIDDLEWARE"][0] == "danvan.core.middleware.RequestSizeLimitMiddleware"


def test_proxy_header_is_trusted_only_behind_a_proxy():
    assert _production_settings(DANVAN_BEHIND_PROXY="false")["SECURE_PROXY_SSL_HEADER"] is None


def test_check_deploy_is_clean_with_production_values(db, settings):
    """The same check in-process, through call_command with production values overridden."""
    # conftest sets DJANGO_ALLOW_ASYNC_UNSAFE for the browser tests; production never does.
    settings.SILENCED_SYSTEM_CHECKS = ["async.E001"]
    settings.DEBUG = False
    settings.SECRET_KEY = PRODUCTION_ENV["DANVAN_SECRET_KEY"]
    settings.ALLOWED_HOSTS = ["danvan.example.vn"]
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = settings.SECURE_HSTS_PRELOAD = True
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.smtp.EmailBackend"}}
    call_command("check", deploy=True, fail_level="WARNING", verbosity=0)


def test_pages_carry_the_security_headers(db):
    response = Client().get("/tai-khoan/dang-nhap/")
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "style-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp and "form-action 'self'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_https_redirect_and_hsts_behind_the_proxy(db, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_HSTS_SECONDS = 31536000
    plain = Client().get("/tai-khoan/dang-nhap/")
    assert plain.status_code == 301 and plain["Location"].startswith("https://")
    proxied = Client().get("/tai-khoan/dang-nhap/", headers={"x-forwarded-proto": "https"})
    assert proxied.status_code == 200
    assert proxied["Strict-Transport-Security"].startswith("max-age=31536000")
