import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int, env_list

ROOT = Path(__file__).resolve().parents[3]


def test_env_helpers_fail_loudly(monkeypatch):
    monkeypatch.setenv("X_BOOL", "maybe")
    with pytest.raises(ImproperlyConfigured):
        env_bool("X_BOOL", False)
    monkeypatch.setenv("X_INT", "ten")
    with pytest.raises(ImproperlyConfigured):
        env_int("X_INT", 1)
    monkeypatch.setenv("X_INT", "3")
    with pytest.raises(ImproperlyConfigured):
        env_int("X_INT", 1, minimum=5)
    monkeypatch.setenv("X_LIST", "a, b,,c")
    assert env_list("X_LIST", []) == ["a", "b", "c"]
    monkeypatch.setenv("X_BOOL", "Yes")
    assert env_bool("X_BOOL", False) is True


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "DATABASE_URL": "sqlite:///:memory:", **env}
    full_env.pop("DJANGO_SETTINGS_MODULE", None)
    full_env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by conftest for browser tests only
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_check_deploy():
    secret = "k" * 20 + "-7Hq93mZx!rT0pLw2vYbN8cF1sD5gJ4eK6uA"
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DANVAN_PRODUCTION="true",
        DANVAN_SECRET_KEY=secret,
        DANVAN_ALLOWED_HOSTS="danvan.example.vn",
        DANVAN_SMTP_HOST="smtp.example.vn",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_the_development_secret_key():
    result = _manage("check", DANVAN_PRODUCTION="true", DANVAN_ALLOWED_HOSTS="danvan.example.vn")
    assert result.returncode != 0
    assert "DANVAN_SECRET_KEY" in result.stderr


def test_bad_database_url_is_refused():
    result = _manage("check", DATABASE_URL="mysql://root@localhost/x")
    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr


def test_postgresql_options_of_the_address_are_kept():
    """The address's own options (TLS…) stay beside the one the prepared reads need."""
    result = _manage(
        "shell",
        "-c",
        "from django.conf import settings; print(sorted(settings.DATABASES['default']['OPTIONS'].items()))",
        DATABASE_URL="postgres://danvan@db.example.vn:5432/danvan?sslmode=require",
    )
    assert result.returncode == 0, result.stderr
    assert "[('prepare_threshold', 5), ('sslmode', 'require')]" in result.stdout.splitlines()


def test_api_validation_messages_are_vietnamese():
    from config.api import vietnamese_message

    assert vietnamese_message({"type": "missing"}) == "Bắt buộc phải có."
    assert (
        vietnamese_message({"type": "string_too_long", "ctx": {"max_length": 150}})
        == "Quá dài (tối đa 150 ký tự)."
    )
    assert vietnamese_message({"type": "something_new"}) == "Giá trị không hợp lệ."
