"""The month calendar of meetings and reception sessions, and the unit's .ics export."""

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core.errors import DomainError
from danvan.core.periods import Period, PeriodKind
from danvan.meetings import access
from danvan.meetings.ics import calendar_ics
from danvan.meetings.models import MeetingKind, MeetingStatus, SessionStatus
from danvan.meetings.selectors import month_calendar
from danvan.meetings.views.common import crumbs, refusals, scope_of, working_unit
from danvan.territory.tree import subtree_q

WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]


def _month(code: str) -> Period:
    try:
        period = Period.parse(code) if code else None
    except DomainError:
        period = None
    if period is None or period.kind is not PeriodKind.MONTH:
        today = timezone.localdate()
        return Period.month(today.year, today.month)
    return period


@login_required
@refusals
def month(request: HttpRequest) -> HttpResponse:
    scope, unit = scope_of(request), working_unit(request)
    period = _month(request.GET.get("thang", ""))
    kind = request.GET.get("loai", "")
    meetings = (
        access.visible_meetings(scope)
        .filter(subtree_q([unit.path], "unit_path"))
        .exclude(status=MeetingStatus.CANCELLED)
    )
    if kind in MeetingKind.values:
        meetings = meetings.filter(kind=kind)
    sessions = access.visible_sessions(scope).filter(subtree_q([unit.path], "unit_path"))
    previous, following = (
        period.previous(),
        Period.month(period.year + (period.number == 12), period.number % 12 + 1),
    )
    context = {
        "unit": unit,
        "period": period,
        "previous": previous,
        "following": following,
        "weeks": month_calendar(
            meetings, sessions.exclude(status=SessionStatus.CANCELLED), period.year, period.number
        ),
        "weekdays": [_(d) for d in WEEKDAYS],
        "kinds": MeetingKind.choices,
        "kind": kind,
        "today": timezone.localdate(),
        "breadcrumbs": crumbs((_("Lịch"), None)),
    }
    return render(request, "meetings/calendar.html", context)


@login_required
@refusals
def ics(request: HttpRequest) -> HttpResponse:
    """The unit's meetings from 3 months back on, for a calendar application."""
    scope, unit = scope_of(request), working_unit(request)
    since = timezone.now() - dt.timedelta(days=92)
    rows = (
        access.visible_meetings(scope)
        .filter(subtree_q([unit.path], "unit_path"), starts_at__gte=since)
        .order_by("starts_at")[:2000]
    )
    body = calendar_ics(rows, name=f"Hội nghị — {unit.name}", host=request.get_host().split(":")[0])
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="hoi-nghi-{unit.code}.ics"'
    return response
