"""What the petitions pages share: refusals as 404/403, the htmx partial switch, breadcrumbs."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied as HttpForbidden
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from danvan.accounts.scope import UserScope
from danvan.core.errors import NotFound, PermissionDenied
from danvan.petitions.models import PetitionFile

PAGE_SIZE = 25


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
    chosen = partial if request.headers.get("HX-Request") else template
    return render(request, chosen, context, status=status)


def crumbs(*items: tuple[str, str | None]) -> list[dict[str, str | None]]:
    base = [(_("Trang chủ"), reverse("core:home")), (_("Ý kiến, đơn thư"), reverse("petitions:index"))]
    return [{"label": label, "url": url} for label, url in [*base, *items]]


def send_file(found: PetitionFile) -> FileResponse:
    try:
        handle = found.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404(_("Tệp không còn trên máy chủ.")) from exc
    inline = found.type == PetitionFile.Type.PHOTO
    response = FileResponse(
        handle, content_type=found.content_type, as_attachment=not inline, filename=found.original_name
    )
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    return response
