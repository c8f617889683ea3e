"""What the orgs pages share: 404 on refusal, the htmx partial switch, breadcrumbs, query params."""

import datetime as dt
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from danvan.core.errors import NotFound
from danvan.orgs import access
from danvan.territory.models import Unit

PAGE_SIZE = 50


def refusal_is_404[R: HttpResponseBase](view: Callable[..., R]) -> Callable[..., R]:
    """Missing and not-yours both answer 404."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> R:
        try:
            return view(request, *args, **kwargs)
        except NotFound as exc:
            raise Http404(exc.message) from exc

    return wrapped


def render_page(request: HttpRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    """The full page, or only its results partial when htmx asks (HX-Request)."""
    if request.headers.get("HX-Request"):
        template = template.replace(".html", "_partial.html")
    return render(request, template, context)


def breadcrumbs_for(*items: tuple[str, str | None]) -> list[dict[str, str | None]]:
    base = [(_("Trang chủ"), reverse("core:home"))]
    return [{"label": label, "url": url} for label, url in [*base, *items]]


def query_without_page(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def unit_from_query(request: HttpRequest, action: access.Action = "view") -> Unit | None:
    code = request.GET.get("unit", "").strip()
    return access.access_unit(request.scope, code, action) if code else None  # type: ignore[attr-defined]


def day_param(request: HttpRequest) -> dt.date | None:
    """?ngay=YYYY-MM-DD, the date a page is read at (the territory pages use the same name)."""
    try:
        return dt.date.fromisoformat(request.GET.get("ngay", ""))
    except ValueError:
        return None
