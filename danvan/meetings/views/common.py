"""What the meetings pages share: refusals as 404/403, the htmx partial switch, breadcrumbs."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied as HttpForbidden
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from danvan.accounts.models import Role
from danvan.accounts.scope import UserScope
from danvan.accounts.selectors import current_unit
from danvan.core.errors import NotFound, PermissionDenied
from danvan.territory.models import Unit


def scope_of(request: HttpRequest) -> UserScope:
    return request.scope  # type: ignore[attr-defined]


def refusals[R: HttpResponseBase](view: Callable[..., R]) -> Callable[..., R]:
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> R:
        try:
            return view(request, *args, **kwargs)
        except NotFound as exc:
            raise Http404(exc.message) from exc
        except PermissionDenied as exc:
            raise HttpForbidden(exc.message) from exc

    return wrapped


def render_page(request: HttpRequest, template: str, partial: str, context: dict[str, Any]) -> HttpResponse:
    return render(request, partial if request.headers.get("HX-Request") else template, context)


def crumbs(*items: tuple[str, str | None]) -> list[dict[str, str | None]]:
    base = [(_("Trang chủ"), reverse("core:home")), (_("Hội nghị, đối thoại"), reverse("meetings:index"))]
    return [{"label": label, "url": url} for label, url in [*base, *items]]


def working_unit(request: HttpRequest, role: str = Role.VIEWER) -> Unit:
    unit = current_unit(request)
    if unit is None or not scope_of(request).covers(unit, role):
        raise NotFound(
            _("Trang này cần quyền %(role)s trên đơn vị đang làm việc.") % {"role": Role(role).label}
        )
    return unit


def may_write(request: HttpRequest) -> bool:
    unit = current_unit(request)
    return unit is not None and scope_of(request).covers(unit, Role.REPORTER)
