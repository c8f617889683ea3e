"""Sessions expire after inactivity; each request pushes the expiry forward."""

import datetime as dt

from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone


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


def test_activity_extends_the_session(personas, password):
    client = _logged_in(password)
    key = client.session.session_key
    soon = timezone.now() + dt.timedelta(minutes=1)
    Session.objects.filter(session_key=key).update(expire_date=soon)
    assert client.get("/tai-khoan/ho-so/").status_code == 200
    expiry = Session.objects.get(session_key=client.session.session_key).expire_date
    expected = timezone.now() + dt.timedelta(seconds=settings.SESSION_COOKIE_AGE)
    assert abs((expiry - expected).total_seconds()) < 60


def test_session_cookie_ends_with_the_browser(personas, password):
    client = _logged_in(password)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["expires"] == "" and cookie["max-age"] == ""
    assert cookie["httponly"]
