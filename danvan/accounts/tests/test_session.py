"""Sessions expire after inactivity; activity pushes the expiry forward, writing the session at
most once per DANVAN_SESSION_REFRESH_SECONDS."""

import datetime as dt
import time

from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from danvan.accounts.middleware import SESSION_TOUCHED_KEY


def _logged_in(password: str) -> Client:
    client = Client()
    assert (
        client.post("/tai-khoan/dang-nhap/", {"username": "nhaplieu_a", "password": password}).status_code
        == 302
    )
    return client


def test_expired_session_is_logged_out(personas, password):
    client = _logged_in(password)
    key = client.session.session_key
    Session.objects.filter(session_key=key).update(expire_date=timezone.now() - dt.timedelta(seconds=1))
    response = client.get("/tai-khoan/ho-so/")
    assert response.status_code == 302 and response["Location"].startswith("/tai-khoan/dang-nhap/")


def _last_touched_long_ago(client: Client) -> None:
    session = client.session
    session[SESSION_TOUCHED_KEY] = int(time.time()) - settings.DANVAN_SESSION_REFRESH_SECONDS - 1
    session.save()


def test_activity_extends_the_session(personas, password):
    client = _logged_in(password)
    _last_touched_long_ago(client)
    key = client.session.session_key
    soon = timezone.now() + dt.timedelta(minutes=1)
    Session.objects.filter(session_key=key).update(expire_date=soon)
    assert client.get("/tai-khoan/ho-so/").status_code == 200
    expiry = Session.objects.get(session_key=client.session.session_key).expire_date
    expected = timezone.now() + dt.timedelta(seconds=settings.SESSION_COOKIE_AGE)
    assert abs((expiry - expected).total_seconds()) < 60


def test_requests_within_the_interval_do_not_write_the_session(personas, password):
    client = _logged_in(password)
    key = client.session.session_key
    soon = timezone.now() + dt.timedelta(minutes=30)
    Session.objects.filter(session_key=key).update(expire_date=soon)
    for _ in range(3):
        assert client.get("/tai-khoan/ho-so/").status_code == 200
    assert Session.objects.get(session_key=key).expire_date == soon  # no write since the login


def test_session_cookie_ends_with_the_browser(personas, password):
    client = _logged_in(password)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["expires"] == "" and cookie["max-age"] == ""
    assert cookie["httponly"]
