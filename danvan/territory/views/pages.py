"""Reading the territory: the index with search, and a unit's page."""

import datetime as dt
from typing import Any
from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danvan.accounts.scope import UserScope
from danvan.core.errors import NotFound
from danvan.core.export import ListExport, export_response, filters_text, form_filters, wants_export
from danvan.core.text import fold
from danvan.territory import selectors
from danvan.territory.access import can_manage_neighbourhoods
from danvan.territory.exports import unit_columns, unit_row
from danvan.territory.forms import NeighbourhoodForm, SearchForm
from danvan.territory.models import LEGACY_END, Level, Unit

CHILD_TITLES: dict[tuple[str, bool], Any] = {  # (level, before the reform?) → the units below
    (str(Level.PROVINCE), False): gettext_lazy("Xã, phường, đặc khu"),
    (str(Level.PROVINCE), True): gettext_lazy("Quận, huyện, thị xã, thành phố"),
    (str(Level.DISTRICT), True): gettext_lazy("Xã, phường, thị trấn"),
}


def is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def scope_of(request: HttpRequest) -> UserScope:
    return request.scope  # type: ignore[attr-defined]


def index(request: HttpRequest) -> HttpResponseBase:
    """Today's provinces, or those before 1/7/2025, and a search box with live results."""
    form = SearchForm(request.GET or None)
    valid = form.is_valid()
    text: str = form.cleaned_data["q"] if valid else ""
    legacy: bool = form.cleaned_data["truoc"] if valid else False
    at = LEGACY_END if legacy else None
    if wants_export(request):
        return _export_index(request, text, at, form_filters(form))
    context: dict[str, Any] = {"form": form, "q": text, "legacy": legacy}
    if fold(text):
        context["hits"], context["total"] = selectors.search_units(text, at)
    else:
        context["provinces"] = list(selectors.provinces(at))
    template = "territory/_results.html" if is_htmx(request) else "territory/index.html"
    context["breadcrumbs"] = [{"label": _("Địa bàn"), "url": reverse("territory:index")}]
    return render(request, template, context)


def _export_index(request: HttpRequest, text: str, at: dt.date | None, filters: str) -> HttpResponseBase:
    """The provinces, or every unit the search matches (the page shows the first 50 of them)."""
    if fold(text):
        rows, columns = selectors.search_ordered(text, at), unit_columns()
    else:
        rows, columns = selectors.provinces(at).select_related("parent"), unit_columns(with_children=True)
    title = _("Đơn vị hành chính") if fold(text) else _("Tỉnh, thành phố")
    return export_response(request, ListExport(title, "dia-ban", columns, rows, unit_row, filters))


def parse_day(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise Http404 from exc


def unit_detail(request: HttpRequest, code: str) -> HttpResponseBase:
    """A unit on a date (?ngay=YYYY-MM-DD, default today); an old code without date redirects."""
    at = parse_day(request.GET.get("ngay"))
    try:
        unit = selectors.unit_by_code(code, at)
    except NotFound as exc:
        latest = selectors.latest_version(code) if at is None else None
        if latest is None:
            raise Http404 from exc
        return redirect(latest.get_absolute_url())
    loc = request.GET.get("loc", "")[:100]
    if wants_export(request):
        return _export_children(request, unit, at, loc)
    if is_htmx(request):
        children = selectors.children(unit, at, loc)
        return render(request, "territory/_children.html", {"unit": unit, "children": children})
    return unit_page(request, unit, at, loc=loc)


def _export_children(request: HttpRequest, unit: Unit, at: dt.date | None, loc: str) -> HttpResponseBase:
    """The units (or neighbourhoods) below a unit, as its page lists them."""
    title = f"{CHILD_TITLES.get((unit.level, unit.is_legacy), _('Đơn vị cấp dưới'))} — {unit.name}"
    rows = selectors.children(unit, at, loc).select_related("parent")
    filters = filters_text([(_("Ngày"), at), (_("Lọc theo tên"), loc)])
    return export_response(
        request, ListExport(title, f"don-vi-{unit.code}", unit_columns(), rows, unit_row, filters)
    )


def unit_page(
    request: HttpRequest,
    unit: Unit,
    at: dt.date | None,
    *,
    form: NeighbourhoodForm | None = None,
    edit_form: NeighbourhoodForm | None = None,
    loc: str = "",
    status: int = 200,
) -> HttpResponse:
    """The full page of a unit; also re-rendered with a form's errors by the write views."""
    context = {
        "unit": unit,
        "at": at,
        "breadcrumbs": breadcrumbs(unit),
        "children": selectors.children(unit, at, loc),
        "loc": loc,
        "child_title": CHILD_TITLES.get((unit.level, unit.is_legacy), _("Đơn vị cấp dưới")),
        "predecessors": selectors.predecessors(unit),
        "successors": selectors.successors(unit),
        "orgs_url": reverse("orgs:index") + "?" + urlencode({"unit": unit.code}),
        "may_work_here": _may_work_here(request, unit),
        **neighbourhood_context(request, unit, form),
        **edit_context(request, unit, edit_form),
    }
    return render(request, "territory/unit.html", context, status=status)


def _may_work_here(request: HttpRequest, unit: Unit) -> bool:
    """A system admin may choose any unit as working unit from its page (other users switch among
    their granted units at the top of every page)."""
    scope = getattr(request, "scope", None)
    return bool(scope and scope.is_system_admin and unit.valid_to is None)


def breadcrumbs(unit: Unit) -> list[dict[str, str]]:
    crumbs = [{"label": _("Địa bàn"), "url": reverse("territory:index")}]
    crumbs += [{"label": u.name, "url": u.get_absolute_url()} for u in selectors.ancestors(unit)]
    return [*crumbs, {"label": unit.name, "url": unit.get_absolute_url()}]


def neighbourhood_context(request: HttpRequest, commune: Unit, form: NeighbourhoodForm | None) -> dict:
    """What the neighbourhood section of a commune's page needs (also its htmx partial)."""
    if commune.level != Level.COMMUNE or commune.valid_to is not None:
        return {"can_manage": False}
    can_manage = can_manage_neighbourhoods(scope_of(request), commune)
    return {
        "can_manage": can_manage,
        "form": (form or NeighbourhoodForm()) if can_manage else None,
        "retired": list(selectors.retired_neighbourhoods(commune)),
    }


def edit_context(request: HttpRequest, unit: Unit, edit_form: NeighbourhoodForm | None) -> dict:
    if unit.level != Level.NEIGHBOURHOOD or unit.valid_to is not None or unit.parent is None:
        return {"can_edit": False}
    if not can_manage_neighbourhoods(scope_of(request), unit.parent):
        return {"can_edit": False}
    initial = {"name": unit.name, "kind": unit.kind}
    return {"can_edit": True, "edit_form": edit_form or NeighbourhoodForm(initial=initial)}
