from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from danvan.accounts.scope import scope_for
from danvan.accounts.services.second_factor import totp_setup_missing


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
            and request.path not in {reverse(name) for name in self.OPEN}
            and totp_setup_missing(request.scope)  # type: ignore[attr-defined]
        ):
            messages.warning(
                request, _("Vai trò của bạn bắt buộc dùng xác thực hai bước: hãy bật trước khi làm việc.")
            )
            return redirect("accounts:second_factor")
        return self.get_response(request)
