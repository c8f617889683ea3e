import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from danvan.accounts.scope import scope_for
from danvan.accounts.services.second_factor import totp_setup_missing
from danvan.core.links import page_path


class ScopeMiddleware:
    """Attach `request.scope`, the user's visible subtrees, computed at most once per request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.scope = SimpleLazyObject(lambda: scope_for(request.user))  # type: ignore[attr-defined]
        return self.get_response(request)


class SecondFactorRequiredMiddleware:
    """Holders of a role listed in DANVAN_TOTP_REQUIRED_ROLES reach only the second-factor setup
    page (and logout) until they turn it on. The API refuses their tokens (accounts/auth.py)."""

    OPEN = ("accounts:second_factor", "accounts:logout")

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            request.user.is_authenticated
            and not request.path.startswith(("/api/", "/static/"))
            and request.path not in {page_path(name) for name in self.OPEN}
            and totp_setup_missing(request.scope)  # type: ignore[attr-defined]
        ):
            messages.warning(
                request, _("Vai trò của bạn bắt buộc dùng xác thực hai bước: hãy bật trước khi làm việc.")
            )
            return redirect("accounts:second_factor")
        return self.get_response(request)


SESSION_TOUCHED_KEY = "danvan_touched"


class SessionActivityMiddleware:
    """Keep the session's idle expiry sliding (SESSION_COOKIE_AGE after the last activity) without
    writing the session row on every request: the session is saved, and its expiry pushed back,
    at most once every DANVAN_SESSION_REFRESH_SECONDS. An idle session therefore ends between
    SESSION_COOKIE_AGE minus that interval and SESSION_COOKIE_AGE after the last request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is None or session.is_empty():
            return response
        now = int(time.time())
        if now - int(session.get(SESSION_TOUCHED_KEY, 0)) >= settings.DANVAN_SESSION_REFRESH_SECONDS:
            session[SESSION_TOUCHED_KEY] = now  # modified: SessionMiddleware saves it with a new expiry
        return response
