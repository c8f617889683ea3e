"""What the portal pages share: refusals, breadcrumbs, links to the other public pages."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied as HttpForbidden
from django.core.paginator import Page, Paginator
from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from danvan.accounts.scope import UserScope
from danvan.core.errors import NotFound, PermissionDenied

PAGE_SIZE = 10
MAX_PAGE = 1000

# Public pages of other domains, linked only when they exist (their apps may not serve them yet).
OPTIONAL_LINKS = (
    ("/gui-y-kien/", _lazy("Gửi ý kiến, kiến nghị và tra cứu kết quả")),
    ("/hoi-nghi/lich-tiep-cong-dan/", _lazy("Lịch tiếp công dân")),
    ("/gui-y-kien/thong-ke/", _lazy("Thống kê công khai: tiếp nhận, giải quyết ý kiến, kiến nghị")),
)


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


def public_links() -> list[dict[str, str]]:
    """The showcase always; the petition and reception pages only where their paths resolve."""
    links = [{"url": reverse("practices:showcase"), "label": _("Mô hình “Dân vận khéo” tiêu biểu")}]
    for path, label in OPTIONAL_LINKS:
        try:
            resolve(path)
        except Resolver404:
            continue
        links.append({"url": path, "label": str(label)})
    return links


def crumbs(*items: tuple[str, str | None]) -> list[dict[str, str | None]]:
    base = [(_("Cổng thông tin"), reverse("portal:index"))]
    return [{"label": label, "url": url} for label, url in [*base, *items]]


def page_number(request: HttpRequest) -> int:
    try:
        return min(max(int(request.GET.get("page", "1")), 1), MAX_PAGE)
    except ValueError:
        return 1


def paginate(items: Any, number: int, size: int = PAGE_SIZE) -> Page:
    return Paginator(items, size).get_page(number)
