"""Statistics of a unit's subtree for a year, as tables on the page and in Excel."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.accounts.models import Role
from danvan.accounts.selectors import current_unit
from danvan.core.errors import NotFound
from danvan.core.export import export_query, tables_response, wants_export
from danvan.practices.exports import stats_sheet_tables
from danvan.practices.forms.filters import StatsForm
from danvan.practices.reports import bodies_sentence, stats_figures, stats_tables
from danvan.practices.stats import practice_stats
from danvan.practices.views.common import crumbs, refusals, scope_of
from danvan.territory.models import Unit


def _unit_and_year(request: HttpRequest, form: StatsForm) -> tuple[Unit | None, int]:
    """The unit asked for (default: the current unit) if the user may see it; 404 otherwise."""
    this_year = timezone.localdate().year
    if not form.is_valid():
        return None, this_year
    unit = form.cleaned_data["unit"] or current_unit(request)
    if unit is not None and not scope_of(request).covers(unit, Role.VIEWER, history=True):
        raise NotFound()
    return unit, form.cleaned_data["year"] or this_year


def _title(unit: Unit, year: int) -> str:
    return _("Dân vận khéo năm %(year)s — %(unit)s") % {"year": year, "unit": unit.name}


@login_required
@refusals
def stats(request: HttpRequest) -> HttpResponseBase:
    form = StatsForm(request.GET)
    unit, year = _unit_and_year(request, form)
    context: dict[str, Any] = {
        "form": form,
        "unit": unit,
        "year": year,
        "breadcrumbs": crumbs((_("Thống kê"), None)),
    }
    if unit is not None:
        figures = practice_stats(unit=unit, year=year)
        if wants_export(request):
            tables = stats_sheet_tables(stats_figures(figures), stats_tables(figures))
            return tables_response(
                request, _title(unit, year), f"thong-ke-dan-van-kheo-{unit.code}-{year}", tables
            )
        context |= {
            "title": _title(unit, year),
            "stats": figures,
            "figures": stats_figures(figures),
            "tables": stats_tables(figures),
            "bodies": bodies_sentence(figures),
        }
    return render(request, "practices/stats.html", context)


@login_required
def stats_export(request: HttpRequest) -> HttpResponse:
    """The former address of the export: the statistics page's own URL answers it now."""
    return redirect(f"{reverse('practices:stats')}?{export_query(request.GET)}")
