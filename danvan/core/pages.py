"""What every domain's pages share: refusals as 404/403, the htmx partial switch, the scope."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied as HttpForbidden
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render

from danvan.accounts.scope import UserScope
from danvan.core.errors import NotFound, PermissionDenied


def scope_of(request: HttpRequest) -> UserScope:
    return request.scope  # type: ignore[attr-defined]


def refusals[R: HttpResponseBase](view: Callable[..., R]) -> Callable[..., R]:
    """Missing and not-yours answer 404; visible but not allowed answers 403."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> R:
        try:
            return view(request, *args, **kwargs)
        except NotFound as exc:
            raise Http404(exc.message) from exc
        except PermissionDenied as exc:
            raise HttpForbidden(exc.message) from exc

    return wrapped


def render_page(
    request: HttpRequest, template: str, partial: str, context: dict[str, Any], status: int = 200
) -> HttpResponse:
    """The full page, or only its partial when htmx asks (HX-Request)."""
    chosen = partial if request.headers.get("HX-Request") else template
    return render(request, chosen, context, status=status)
