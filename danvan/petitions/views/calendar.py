"""The working calendar (holidays, substitute days off, make-up working days) that every deadline
is computed on, and the clock rules in force — maintained by system administrators."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models.functions import ExtractYear
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core.errors import DomainError, NotFound, PermissionDenied
from danvan.petitions.forms import HolidayForm, add_domain_errors
from danvan.petitions.models import ClockRule, Holiday
from danvan.petitions.services.calendar import holiday_add, holiday_remove
from danvan.petitions.views.common import crumbs, refusals, scope_of


def _admin_only(request: HttpRequest) -> None:
    if not scope_of(request).is_system_admin:
        raise PermissionDenied(_("Chỉ quản trị hệ thống được sửa lịch ngày nghỉ."))


def _year(request: HttpRequest) -> int:
    raw = request.GET.get("nam") or request.POST.get("nam") or ""
    year = int(raw) if raw.isdigit() else timezone.localdate().year
    if not 2000 <= year <= 2100:
        raise NotFound()
    return year


@login_required
@refusals
def calendar(request: HttpRequest) -> HttpResponse:
    year = _year(request)
    form = HolidayForm(request.POST or None, initial={"date": dt.date(year, 1, 1)})
    if request.method == "POST":
        _admin_only(request)
        if form.is_valid():
            data = form.cleaned_data
            try:
                holiday_add(actor=request.user, day=data["date"], kind=data["kind"], name=data["name"])
            except DomainError as exc:
                add_domain_errors(form, exc)
            else:
                messages.success(request, _("Đã thêm ngày %(d)s.") % {"d": f"{data['date']:%d/%m/%Y}"})
                return redirect(f"{request.path}?nam={data['date'].year}")
    years = sorted(set(Holiday.objects.annotate(y=ExtractYear("date")).values_list("y", flat=True)) | {year})
    context = {
        "year": year,
        "years": years,
        "days": Holiday.objects.filter(date__year=year),
        "rules": ClockRule.objects.select_related("province").order_by(
            "clock", "province_id", "effective_from"
        ),
        "form": form if scope_of(request).is_system_admin else None,
        "breadcrumbs": crumbs((_("Lịch ngày nghỉ và quy định thời hạn"), None)),
    }
    return render(request, "petitions/calendar.html", context)


@require_POST
@login_required
@refusals
def calendar_remove(request: HttpRequest, pk: int) -> HttpResponse:
    _admin_only(request)
    found = Holiday.objects.filter(pk=pk).first()
    if found is None:
        raise NotFound()
    holiday_remove(actor=request.user, holiday=found)
    messages.success(request, _("Đã xóa ngày %(d)s.") % {"d": f"{found.date:%d/%m/%Y}"})
    return redirect(f"{reverse('petitions:calendar')}?nam={found.date.year}")
