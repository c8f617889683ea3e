"""The statistics page of the working unit and a period, and annual themes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.accounts.models import Role
from danvan.core.errors import DomainError
from danvan.core.export import figures_table, tables_response, wants_export
from danvan.core.periods import PERIOD_HELP, Period
from danvan.meetings import forms
from danvan.meetings.services.themes import theme_set
from danvan.meetings.stats import FIGURES, figures
from danvan.meetings.views.common import crumbs, refusals, scope_of, working_unit


@login_required
@refusals
def stats(request: HttpRequest) -> HttpResponseBase:
    unit = working_unit(request)
    code = request.GET.get("ky", "") or str(timezone.localdate().year)
    error = ""
    try:
        period = Period.parse(code)
    except DomainError as exc:
        error, period = exc.message, Period.whole_year(timezone.localdate().year)
    values = figures(unit=unit, period=period)
    rows = [(label, measure, values[key]) for key, (label, measure) in FIGURES.items()]
    if wants_export(request) and not error:
        title = _("Hội nghị, đối thoại, nhiệm vụ — %(u)s — %(p)s") % {"u": unit.name, "p": period.label}
        return tables_response(
            request, title, f"thong-ke-hoi-nghi-{unit.code}-{period.code}", [figures_table("", rows)]
        )
    context = {
        "unit": unit,
        "period": period,
        "code": code,
        "error": error,
        "help": PERIOD_HELP,
        "rows": rows,
        "breadcrumbs": crumbs((_("Thống kê"), None)),
    }
    return render(request, "meetings/stats.html", context)


@login_required
@require_POST
@refusals
def theme(request: HttpRequest) -> HttpResponse:
    unit = working_unit(request, Role.REPORTER)
    form = forms.ThemeForm(request.POST)
    if form.is_valid():
        try:
            theme_set(actor=request.user, scope=scope_of(request), unit=unit, **form.cleaned_data)
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Đã ghi chủ đề năm."))
    else:
        messages.error(request, _("Cần nhập năm, loại và nội dung."))
    return redirect("meetings:index")
