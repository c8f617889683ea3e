"""Citizen reception pages: schedules and sessions of the unit (with the monthly warning),
planning and recording sessions, and the public list of coming sessions (no login)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core.errors import DomainError
from danvan.core.export import ListExport, export_response, may_export_personal, wants_export
from danvan.core.periods import Period
from danvan.meetings import access, forms
from danvan.meetings.exports import session_columns, session_row
from danvan.meetings.models import SessionStatus
from danvan.meetings.selectors import reception_shortfalls
from danvan.meetings.services import reception as services
from danvan.meetings.views.common import crumbs, may_write, refusals, scope_of, working_unit
from danvan.territory.tree import subtree_q


def _errors(request: HttpRequest, exc: DomainError) -> None:
    for message in [exc.message, *(m for ms in exc.errors.values() for m in ms)]:
        messages.error(request, message)


@login_required
@refusals
def reception_index(request: HttpRequest) -> HttpResponseBase:
    scope, unit = scope_of(request), working_unit(request)
    form = forms.ScheduleForm(request.POST or None, unit=unit) if may_write(request) else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            services.reception_schedule_create(actor=request.user, scope=scope, **form.cleaned_data)
        except DomainError as exc:
            forms.add_domain_errors(form, exc)
        else:
            messages.success(request, _("Đã lập lịch tiếp công dân."))
            return redirect("meetings:reception")
    today = timezone.localdate()
    schedules = access.visible_schedules(scope).filter(subtree_q([unit.path], "unit_path"))
    sessions = access.visible_sessions(scope).filter(subtree_q([unit.path], "unit_path"))
    if wants_export(request):
        rows = sessions.select_related("schedule__head").order_by("-day", "-starts", "pk")
        export = ListExport(
            _("Buổi tiếp công dân — %(u)s") % {"u": unit.name},
            "tiep-cong-dan",
            session_columns(),
            rows,
            session_row,
        )
        return export_response(request, export, allow_personal=may_export_personal(scope))
    context = {
        "unit": unit,
        "form": form,
        "schedules": schedules.select_related("head", "unit"),
        "coming": sessions.filter(day__gte=today)
        .select_related("schedule__head")
        .order_by("day", "starts")[:50],
        "past": sessions.filter(day__lt=today).select_related("schedule__head").order_by("-day")[:50],
        "shortfalls": reception_shortfalls(schedules, Period.month(today.year, today.month)),
        "month": Period.month(today.year, today.month),
        "session_form": forms.SessionForm() if form is not None else None,
        "record_form": forms.SessionRecordForm() if form is not None else None,
        "planned": SessionStatus.PLANNED,
        "today": today,
        "breadcrumbs": crumbs((_("Tiếp công dân"), None)),
    }
    return render(request, "meetings/reception.html", context)


@login_required
@require_POST
@refusals
def session_plan(request: HttpRequest, schedule_id: int) -> HttpResponse:
    schedule = access.access_schedule(scope_of(request), schedule_id, access.WRITE)
    form = forms.SessionForm(request.POST)
    if form.is_valid():
        try:
            services.reception_session_plan(actor=request.user, schedule=schedule, **form.cleaned_data)
        except DomainError as exc:
            _errors(request, exc)
        else:
            messages.success(request, _("Đã thêm buổi tiếp công dân vào lịch."))
    else:
        messages.error(request, _("Cần nhập ngày, giờ bắt đầu và giờ kết thúc."))
    return redirect("meetings:reception")


@login_required
@require_POST
@refusals
def session_record(request: HttpRequest, session_id: int) -> HttpResponse:
    session = access.access_session(scope_of(request), session_id, access.WRITE)
    form = forms.SessionRecordForm(request.POST)
    if form.is_valid():
        try:
            services.reception_session_record(actor=request.user, session=session, **form.cleaned_data)
        except DomainError as exc:
            _errors(request, exc)
        else:
            messages.success(request, _("Đã ghi nhận buổi tiếp công dân."))
    else:
        messages.error(request, _("Cần nhập số lượt công dân."))
    return redirect(reverse("meetings:reception") + "#da-tiep")


def public_reception(request: HttpRequest) -> HttpResponse:
    """Anyone: the coming sessions of heads of party committees, with time and place."""
    sessions = access.public_sessions()
    q = request.GET.get("q", "").strip()[:100]
    if q:
        sessions = sessions.filter(schedule__unit__name__icontains=q)
    context = {"sessions": sessions[:200], "q": q}
    return render(request, "meetings/public_reception.html", context)
