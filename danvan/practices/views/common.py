"""What the registry pages share: breadcrumbs, the working unit; refusals and partials come from core."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from danvan.accounts.models import Role
from danvan.accounts.selectors import current_unit
from danvan.core.errors import NotFound
from danvan.core.pages import refusals as refusals
from danvan.core.pages import render_page as render_page
from danvan.core.pages import scope_of as scope_of
from danvan.territory.models import Unit

PAGE_SIZE = 25


def crumbs(*items: tuple[str, str | None]) -> list[dict[str, str | None]]:
    base = [(_("Trang chủ"), reverse("core:home")), (_("Dân vận khéo"), reverse("practices:index"))]
    return [{"label": label, "url": url} for label, url in [*base, *items]]


def query_without_page(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def working_unit(request: HttpRequest, role: str) -> Unit:
    """The current unit if the user holds `role` on it; else 404 (nothing to do here)."""
    unit = current_unit(request)
    if unit is None or not scope_of(request).covers(unit, role):
        raise NotFound(
            _("Trang này cần quyền %(role)s trên đơn vị đang làm việc.") % {"role": Role(role).label}
        )
    return unit


def may_on_current(request: HttpRequest, role: str) -> bool:
    unit = current_unit(request)
    return unit is not None and scope_of(request).covers(unit, role)
