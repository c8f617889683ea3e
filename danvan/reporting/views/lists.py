"""The reporting landing page (what is due, the reports in the user's subtree), the rollup and
completeness pages with drill-down, and the indicator list."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.accounts.models import Role
from danvan.core.errors import NotFound
from danvan.core.export import ListExport, export_response, filters_text, tables_response, wants_export
from danvan.core.pages import refusals, render_page, scope_of
from danvan.core.periods import Period, PeriodKind
from danvan.reporting.exports import (
    catalogue_tables,
    completeness_columns,
    completeness_row,
    figure_row,
    rollup_columns,
    submission_columns,
    submission_row,
)
from danvan.reporting.models import Indicator, ReportForm, Status
from danvan.reporting.selectors.completeness import completeness
from danvan.reporting.selectors.rollups import rollup
from danvan.reporting.selectors.submissions import (
    SubmissionFilter,
    active_forms,
    due_reports,
    filter_submissions,
    visible_submissions,
)
from danvan.reporting.views.common import crumbs, form_param, period_param, unit_param
from danvan.reporting.views.submission_rows import submission_rows_html
from danvan.territory.models import Unit


@login_required
@refusals
def index(request: HttpRequest) -> HttpResponseBase:
    scope = scope_of(request)
    period, period_error = period_param(
        request, Period.of_kind_containing(PeriodKind.YEAR, timezone.localdate())
    )
    forms = active_forms()  # the filter's choices and what is due
    code = request.GET.get("form", "")
    criteria = SubmissionFilter(
        form=next((f for f in forms if f.code == code), None) or _form_of_code(code),
        period=period if request.GET.get("period") else None,
        status=request.GET.get("status", "") if request.GET.get("status", "") in Status.values else "",
    )
    rows = filter_submissions(visible_submissions(scope), criteria).order_by("-period_end", "unit__sort_key")
    if wants_export(request):
        filters = filters_text(
            [
                (_("Mẫu báo cáo"), criteria.form),
                (_("Kỳ"), criteria.period),
                (_("Trạng thái"), _status(criteria.status)),
            ]
        )
        rows = rows.select_related("form", "unit")
        title = _("Báo cáo định kỳ")
        return export_response(
            request, ListExport(title, "bao-cao", submission_columns(), rows, submission_row, filters)
        )
    # the columns the table prints: the JSON of narratives, forms and units stays in the database
    listed = rows.only("period_code", "status", "submitted_at", "due_date", "form__name", "unit__name")
    page = Paginator(listed, 25).get_page(request.GET.get("page"))
    context = {
        "due": due_reports(scope, forms=forms),
        "page": page,
        "rows": submission_rows_html(page),  # the table's rows, built in Python (submission_rows.py)
        "forms": forms,
        "statuses": Status.choices,
        "chosen": request.GET,
        "period_error": period_error,
        "breadcrumbs": crumbs(),
    }
    return render_page(request, "reporting/index.html", "reporting/_submissions.html", context)


def _form_of_code(code: str) -> ReportForm | None:
    """A form no longer in use still names its old reports in the filter."""
    return ReportForm.objects.filter(code=code).first() if code else None


def _status(code: str) -> str:
    return str(dict(Status.choices).get(code, "")) if code else ""


def _visible(request: HttpRequest, unit: Unit | None) -> Unit | None:
    scope = scope_of(request)
    if unit is None and not scope.is_system_admin:
        raise NotFound(_("Chọn một đơn vị trong phạm vi của bạn."))
    if unit is not None and not scope.covers(unit, Role.VIEWER, history=True):
        raise NotFound()
    return unit


def _nation_or_unit(request: HttpRequest) -> Unit | None:
    if request.GET.get("unit") == "" and scope_of(request).is_system_admin:
        return None
    unit = unit_param(request)
    if unit is None and scope_of(request).is_system_admin:
        return None
    return _visible(request, unit)


def _ancestors(unit: Unit | None) -> list[Unit]:
    if unit is None:
        return []
    ids = unit.ancestor_ids()
    found = {u.pk: u for u in Unit.objects.filter(pk__in=ids)}
    return [found[i] for i in ids if i in found]


@login_required
@refusals
def rollups(request: HttpRequest) -> HttpResponseBase:
    """An indicator for a unit and period, and each child with a link one level down."""
    unit = _nation_or_unit(request)
    today = timezone.localdate()
    period, period_error = period_param(request, Period.of_kind_containing(PeriodKind.QUARTER, today))
    code = request.GET.get("indicator", "meetings_held")
    indicator = Indicator.objects.select_related("numerator", "denominator").filter(code=code).first()
    if indicator is None:
        raise NotFound(_("Không có chỉ tiêu mã «%(code)s».") % {"code": code})
    result = rollup(indicator=indicator, period=period, unit=unit, by_children=True)
    if wants_export(request):
        title = f"{indicator.name} — {result.unit.name} — {period.label}"
        rows = [*result.children, result.unit]  # the children, then the unit's own total
        export = ListExport(
            title, f"tong-hop-{indicator.code}-{period.code}", rollup_columns(indicator), rows, figure_row
        )
        return export_response(request, export)
    context: dict[str, Any] = {
        "result": result,
        "indicator": indicator,
        "period": period,
        "period_error": period_error,
        "unit": unit,
        "ancestors": _ancestors(unit),
        "indicators": Indicator.objects.exclude(aggregation="none").order_by("name"),
        "is_admin": scope_of(request).is_system_admin,
        "breadcrumbs": crumbs((_("Số liệu tổng hợp"), None)),
    }
    return render_page(request, "reporting/rollups.html", "reporting/_rollup_table.html", context)


@login_required
@refusals
def completeness_page(request: HttpRequest) -> HttpResponseBase:
    unit = _nation_or_unit(request)
    form = form_param(request)
    today = timezone.localdate()
    default = Period.of_kind_containing(form.period_kind, today) if form.periodicity != "multi_year" else None
    period, period_error = period_param(request, default or Period.whole_year(today.year))
    report = completeness(form=form, period=period, unit=unit, by_children=True)
    if wants_export(request):
        title = f"{form.name} — {period.label} — {report.unit.name}"
        rows = [*report.children, report.unit]  # the children, then the unit's own total
        export = ListExport(
            title, f"tien-do-{form.code}-{period.code}", completeness_columns(), rows, completeness_row
        )
        return export_response(request, export)
    context = {
        "report": report,
        "form": form,
        "forms": ReportForm.objects.filter(is_active=True),
        "period": period,
        "period_error": period_error,
        "unit": unit,
        "ancestors": _ancestors(unit),
        "breadcrumbs": crumbs((_("Tiến độ nộp báo cáo"), None)),
    }
    return render_page(request, "reporting/completeness.html", "reporting/_completeness_table.html", context)


@login_required
def indicators(request: HttpRequest) -> HttpResponseBase:
    rows = Indicator.objects.select_related("numerator", "denominator").order_by("code")
    forms = ReportForm.objects.prefetch_related("items__indicator")
    if wants_export(request):
        tables = catalogue_tables(list(forms), list(rows))
        return tables_response(request, _("Chỉ tiêu và mẫu báo cáo"), "chi-tieu-mau-bao-cao", tables)
    return render(
        request,
        "reporting/indicators.html",
        {"indicators": rows, "forms": forms, "breadcrumbs": crumbs((_("Chỉ tiêu và mẫu báo cáo"), None))},
    )
