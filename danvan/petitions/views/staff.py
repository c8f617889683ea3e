"""Staff pages: the list with filters and export, intake with similar items, the deadline board,
statistics."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from danvan.accounts.models import Role
from danvan.accounts.selectors import current_unit
from danvan.core.errors import DomainError, NotFound
from danvan.core.export import (
    INTEGER,
    Column,
    ListExport,
    SheetTable,
    export_query,
    export_response,
    figures_table,
    form_filters,
    tables_response,
    wants_export,
)
from danvan.core.periods import Period
from danvan.petitions import stats as petition_stats
from danvan.petitions import timing
from danvan.petitions.access import visible_petitions
from danvan.petitions.exports import list_columns, petition_row
from danvan.petitions.forms import FilterForm, StaffIntakeForm, StatsForm, add_domain_errors
from danvan.petitions.links import private_path
from danvan.petitions.selectors import PetitionFilter, deadline_board, filter_petitions, similar_petitions
from danvan.petitions.services.intake import petition_receive
from danvan.petitions.views.common import PAGE_SIZE, crumbs, refusals, render_page, scope_of
from danvan.territory.models import Level, Unit
from danvan.territory.selectors import unit_by_code


def _filtered(request: HttpRequest) -> tuple[FilterForm, QuerySet[Any]]:
    form = FilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    text = {k: str(data.get(k) or "") for k in ("q", "kind", "channel", "topic", "status", "due")}
    criteria = PetitionFilter(
        q=text["q"],
        kind=text["kind"],
        channel=text["channel"],
        topic=text["topic"],
        status=text["status"],
        due=text["due"],
    )
    return form, filter_petitions(visible_petitions(scope_of(request)), criteria)


@login_required
def index(request: HttpRequest) -> HttpResponseBase:
    form, rows = _filtered(request)
    if wants_export(request):  # without any sender's name or contacts
        title = _("Ý kiến, kiến nghị, khiếu nại, tố cáo")
        export = ListExport(title, "y-kien-don-thu", list_columns(), rows, petition_row, form_filters(form))
        return export_response(request, export)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "today": timing.today(),
        "board": deadline_board(visible_petitions(scope_of(request))),
        "breadcrumbs": crumbs(),
    }
    return render_page(request, "petitions/index.html", "petitions/_list.html", context)


@login_required
def export(request: HttpRequest) -> HttpResponse:
    """The former address of the export: the list's own URL answers it now."""
    return redirect(f"{reverse('petitions:index')}?{export_query(request.GET)}")


def intake_units(request: HttpRequest) -> QuerySet[Unit]:
    """Units the user may record items for: the current unit and its communes, neighbourhoods."""
    unit = current_unit(request)
    if unit is None or not scope_of(request).covers(unit, Role.REPORTER):
        return Unit.objects.none()
    low, high = unit.subtree_bounds()
    return (
        Unit.objects.valid_on(timing.today())
        .filter(path__gte=low, path__lte=high, level__in=(unit.level, Level.COMMUNE, Level.NEIGHBOURHOOD))
        .order_by("path")
    )


@login_required
@refusals
def new(request: HttpRequest) -> HttpResponse:
    units = intake_units(request)
    if not units:
        raise NotFound(_("Ghi nhận vụ việc cần quyền nhập liệu trên đơn vị đang làm việc."))
    initial = {"unit": units[0].pk} if len(units) == 1 else {}
    form = StaffIntakeForm(request.POST or None, request.FILES or None, units=units, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            petition, secret = petition_receive(
                actor=request.user,
                scope=scope_of(request),
                intake=form.intake(),
                channel=form.cleaned_data["channel"],
                uploads=form.cleaned_data["attachments"],
            )
        except DomainError as exc:
            add_domain_errors(form, exc)
        else:
            link = request.build_absolute_uri(private_path(petition.tracking_code, secret))
            messages.success(
                request,
                format_html(
                    _("Đã ghi nhận, mã theo dõi <strong>{}</strong>. Đường dẫn riêng cho người gửi: {}"),
                    petition.tracking_code,
                    link,
                ),
            )
            return redirect("petitions:detail", petition.pk)
    context = {"form": form, "breadcrumbs": crumbs((_("Ghi nhận vụ việc"), None))}
    return render(request, "petitions/new.html", context)


@login_required
def similar(request: HttpRequest) -> HttpResponse:
    """htmx: items of the same commune with similar text, while the form is being filled in."""
    unit = (
        Unit.objects.filter(pk=request.GET.get("unit") or 0).first()
        if (request.GET.get("unit") or "").isdigit()
        else None
    )
    found = []
    if unit is not None:
        found = similar_petitions(
            visible_petitions(scope_of(request)), unit=unit, text=request.GET.get("content", "")[:5000]
        )
    return render(request, "petitions/_similar.html", {"similar": found})


@login_required
def deadlines(request: HttpRequest) -> HttpResponse:
    visible = visible_petitions(scope_of(request))
    day = timing.today()
    lists = {
        key: filter_petitions(visible, PetitionFilter(due=key)).order_by("due_on", "pk")[:100]
        for key in ("overdue", "today", "week")
    }
    context = {
        "board": deadline_board(visible),
        "lists": lists,
        "today": day,
        "breadcrumbs": crumbs((_("Thời hạn xử lý"), None)),
    }
    return render(request, "petitions/deadlines.html", context)


def _stats_target(request: HttpRequest, form: StatsForm) -> tuple[Unit | None, Period]:
    data = form.cleaned_data if form.is_valid() else {}
    period = Period.parse(data.get("period") or str(timing.today().year))
    unit = unit_by_code(data["unit"]) if data.get("unit") else current_unit(request)
    if unit is not None and not scope_of(request).covers(unit, Role.VIEWER, history=True):
        raise NotFound()
    return unit, period


@login_required
@refusals
def stats(request: HttpRequest) -> HttpResponseBase:
    form = StatsForm(request.GET or None)
    try:
        unit, period = _stats_target(request, form)
    except NotFound:
        raise
    except DomainError as exc:  # a period written wrong
        form.add_error(None, exc.message)
        unit, period = None, Period.parse(str(timing.today().year))
    context: dict[str, Any] = {
        "form": form,
        "unit": unit,
        "period": period,
        "breadcrumbs": crumbs((_("Thống kê"), None)),
    }
    if unit is not None:
        context |= stats_context(unit, period)
        if wants_export(request) and not form.errors:
            return _stats_export(request, unit, period, context)
    return render(request, "petitions/stats.html", context)


def _stats_export(
    request: HttpRequest, unit: Unit, period: Period, context: dict[str, Any]
) -> HttpResponseBase:
    figures = figures_table(
        _("Chỉ tiêu chính"), [(f["label"], f["measure"], f["value"]) for f in context["figures"]]
    )
    topics = SheetTable(
        _("Theo lĩnh vực"),
        [
            Column(_("Lĩnh vực"), width=40),
            *(Column(h, INTEGER, 14) for h in (_("Tiếp nhận"), _("Đã giải quyết"), _("Đúng hạn"))),
        ],
        [[t["topic__name"], t["received"], t["resolved"], t["on_time"]] for t in context["topics"]],
    )
    title = _("Ý kiến, đơn thư — %(u)s — %(p)s") % {"u": unit.name, "p": period.label}
    return tables_response(request, title, f"thong-ke-y-kien-{unit.code}-{period.code}", [figures, topics])


def stats_context(unit: Unit, period: Period) -> dict[str, Any]:
    values = petition_stats.figures(unit=unit, period=period)
    rows = [
        {"key": key, "label": label, "measure": measure, "value": values[key]}
        for key, (label, measure) in petition_stats.FIGURES.items()
    ]
    return {
        "figures": rows,
        "values": values,
        "topics": petition_stats.by_topic(unit=unit, period=period),
    }
