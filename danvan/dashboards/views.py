"""The dashboard page: KPI cards, 12-month trends, models by kind, child units with drill-down
and a ranking; every figure links to the rollup page that shows where it comes from."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.accounts.models import Role
from danvan.accounts.selectors import current_unit
from danvan.core.errors import NotFound
from danvan.core.pages import refusals, render_page, scope_of
from danvan.core.periods import Period, PeriodKind
from danvan.dashboards.selectors import KPIS, TREND, dashboard
from danvan.reporting.models import Indicator
from danvan.reporting.views.common import period_param
from danvan.territory.models import Unit


def _unit(request: HttpRequest) -> Unit | None:
    scope = scope_of(request)
    code = request.GET.get("unit")
    if code == "" and scope.is_system_admin:
        return None
    if code:
        unit = Unit.objects.valid_on(timezone.localdate()).filter(code=code).first()
    else:
        unit = current_unit(request)
        if unit is None and scope.is_system_admin:
            return None
    if unit is None or not scope.covers(unit, Role.VIEWER, history=True):
        raise NotFound(_("Không có đơn vị này trong phạm vi của bạn."))
    return unit


@login_required
@refusals
def index(request: HttpRequest) -> HttpResponse:
    unit = _unit(request)
    today = timezone.localdate()
    period, period_error = period_param(request, Period.whole_year(today.year))
    score = request.GET.get("xep-hang", "dialogue_answered_rate")
    board = dashboard(unit=unit, period=period, score=score)
    ancestors = []
    if unit is not None:
        found = {u.pk: u for u in Unit.objects.filter(pk__in=unit.ancestor_ids())}
        ancestors = [found[i] for i in unit.ancestor_ids() if i in found]
    rollups = reverse("reporting:rollups")
    context = {
        "board": board,
        "unit": unit,
        "period": period,
        "period_error": period_error,
        "ancestors": ancestors,
        "kpi_codes": [c for c, _label in KPIS],
        "trend_codes": TREND,
        "trend_labels": {i.code: i.name for i in Indicator.objects.filter(code__in=TREND)},
        "rankable": Indicator.objects.exclude(aggregation="none").order_by("name"),
        "rollups_url": rollups,
        "is_admin": scope_of(request).is_system_admin,
        "year": PeriodKind.YEAR,
    }
    return render_page(request, "dashboards/index.html", "dashboards/_board.html", context)
