"""Meeting pages: the list, scheduling, the meeting page with attendance, holding, closing,
and the dialogue's questions and answers."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.accounts.models import Role
from danvan.core.errors import DomainError
from danvan.core.export import ListExport, export_response, filters_text, may_export_personal, wants_export
from danvan.core.periods import Period
from danvan.meetings import access, forms
from danvan.meetings.exports import meeting_columns, meeting_row
from danvan.meetings.models import AnswerState, MeetingKind, MeetingStatus
from danvan.meetings.selectors import (
    MeetingFilter,
    dialogue_summary,
    filter_meetings,
    overdue,
    reception_shortfalls,
    task_counts,
    themes_for,
)
from danvan.meetings.services import dialogues, meetings
from danvan.meetings.services.tasks import TaskSpec
from danvan.meetings.views.common import crumbs, may_write, refusals, render_page, scope_of, working_unit

PAGE_SIZE = 25


@login_required
@refusals
def index(request: HttpRequest) -> HttpResponseBase:
    scope, unit = scope_of(request), working_unit(request)
    kind = request.GET.get("loai", "")
    status = request.GET.get("trang_thai", "")
    criteria = MeetingFilter(
        unit=unit,
        kind=kind if kind in MeetingKind.values else "",
        status=status if status in MeetingStatus.values else "",
        q=request.GET.get("q", "").strip()[:200],
    )
    rows = filter_meetings(access.visible_meetings(scope), criteria)
    if wants_export(request):
        return _export_meetings(request, rows, unit, criteria)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    today = timezone.localdate()
    context = {
        "unit": unit,
        "page": page,
        "kinds": MeetingKind.choices,
        "statuses": MeetingStatus.choices,
        "criteria": criteria,
        "can_write": may_write(request),
        "themes": themes_for(unit, today.year),
        "overdue_count": overdue(access.visible_tasks(scope).filter(unit_path__startswith=unit.path)).count(),
        "shortfalls": reception_shortfalls(
            access.visible_schedules(scope).filter(unit_path__startswith=unit.path),
            Period.month(today.year, today.month),
        ),
        "breadcrumbs": crumbs(),
    }
    return render_page(request, "meetings/index.html", "meetings/_meeting_list.html", context)


def _export_meetings(request: HttpRequest, rows: Any, unit: Any, criteria: MeetingFilter) -> HttpResponseBase:
    filters = filters_text(
        [
            (_("Đơn vị"), unit),
            (_("Loại"), dict(MeetingKind.choices).get(criteria.kind, "")),
            (_("Trạng thái"), dict(MeetingStatus.choices).get(criteria.status, "")),
            (_("Tìm kiếm"), criteria.q),
        ]
    )
    export = ListExport(
        _("Hội nghị, đối thoại"),
        "hoi-nghi",
        meeting_columns(),
        rows.select_related("unit", "chair"),
        meeting_row,
        filters,
    )
    return export_response(request, export, allow_personal=may_export_personal(scope_of(request)))


@login_required
@refusals
def create(request: HttpRequest) -> HttpResponse:
    unit = working_unit(request, Role.REPORTER)
    form = forms.MeetingForm(request.POST or None, unit=unit, initial={"kind": request.GET.get("loai", "")})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            meeting = meetings.meeting_schedule(
                actor=request.user,
                scope=scope_of(request),
                unit=unit,
                kind=data["kind"],
                title=data["title"],
                starts_at=data["starts_at"],
                ends_at=data["ends_at"],
                place=data["place"],
                organizers=list(data["organizers"]),
                chair=data["chair"],
                period=data["period"],
                agenda=data["agenda"],
            )
        except DomainError as exc:
            forms.add_domain_errors(form, exc)
        else:
            messages.success(request, _("Đã lên lịch «%(t)s».") % {"t": meeting.title})
            return redirect("meetings:detail", meeting.pk)
    context = {"form": form, "unit": unit, "breadcrumbs": crumbs((_("Lên lịch hội nghị"), None))}
    return render(request, "meetings/create.html", context)


def _detail_context(request: HttpRequest, meeting: Any) -> dict[str, Any]:
    scope = scope_of(request)
    writable = access.inside(scope, [meeting.unit_path], access.WRITE)
    is_open = meeting.is_open and writable
    questions = list(meeting.questions.select_related("commitment_owner", "followup_task", "neighbourhood"))
    return {
        "meeting": meeting,
        "organizers": meeting.organizers.all(),
        "attendees": meeting.attendees.select_related("person", "organization"),
        "tasks": meeting.tasks.select_related("owner", "owner_person").order_by("pk"),
        "task_counts": task_counts(meeting.tasks.all()),
        "questions": questions,
        "summary": dialogue_summary(meeting) if meeting.is_dialogue else None,
        "can_write": writable,
        "attendee_form": forms.AttendeeForm(unit=meeting.unit) if writable else None,
        "hold_form": forms.HoldForm() if writable and meeting.status == MeetingStatus.SCHEDULED else None,
        "can_close": is_open,
        "can_cancel": writable and meeting.status == MeetingStatus.SCHEDULED,
        "question_form": forms.QuestionForm() if writable and meeting.is_dialogue else None,
        "answer_form": forms.AnswerForm(unit=meeting.unit) if writable and meeting.is_dialogue else None,
        "pending": AnswerState.PENDING,
        "today": timezone.localdate(),
        "breadcrumbs": crumbs((meeting.title, None)),
    }


@login_required
@refusals
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = access.access_meeting(scope_of(request), pk)
    return render(request, "meetings/detail.html", _detail_context(request, meeting))


def _back(meeting_pk: int, anchor: str = "") -> HttpResponse:
    return redirect(reverse("meetings:detail", args=[meeting_pk]) + anchor)


def _refused(request: HttpRequest, exc: DomainError) -> None:
    for message in [exc.message, *(m for ms in exc.errors.values() for m in ms if m != exc.message)]:
        messages.error(request, message)


@login_required
@require_POST
@refusals
def add_attendee(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = access.access_meeting(scope_of(request), pk, access.WRITE)
    form = forms.AttendeeForm(request.POST, unit=meeting.unit)
    if form.is_valid():
        data = form.cleaned_data
        try:
            meetings.attendee_add(actor=request.user, meeting=meeting, **data)
        except DomainError as exc:
            _refused(request, exc)
        else:
            messages.success(request, _("Đã thêm đại biểu."))
    else:
        messages.error(request, _("Thông tin đại biểu chưa hợp lệ."))
    return _back(pk, "#dai-bieu")


@login_required
@require_POST
@refusals
def hold(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = access.access_meeting(scope_of(request), pk, access.WRITE)
    form = forms.HoldForm(request.POST)
    if form.is_valid():
        try:
            meetings.meeting_hold(actor=request.user, meeting=meeting, **form.cleaned_data)
        except DomainError as exc:
            _refused(request, exc)
        else:
            messages.success(request, _("Đã ghi nhận hội nghị đã diễn ra."))
    return _back(pk)


@login_required
@require_POST
@refusals
def cancel(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = access.access_meeting(scope_of(request), pk, access.WRITE)
    try:
        meetings.meeting_cancel(actor=request.user, meeting=meeting, reason=request.POST.get("reason", ""))
    except DomainError as exc:
        _refused(request, exc)
    else:
        messages.success(request, _("Đã hủy, hoãn hội nghị."))
    return _back(pk)


def _task_specs(rows: Any) -> list[TaskSpec]:
    return [
        TaskSpec(title=r["title"], owner=r["owner"], deadline=r["deadline"])
        for r in rows.cleaned_data
        if r.get("title") and r.get("owner") and r.get("deadline")
    ]


def _notice(data: dict[str, Any]) -> meetings.NoticeSpec | None:
    if not data.get("issue_notice"):
        return None
    return meetings.NoticeSpec(
        issuer=data["notice_issuer"], issuer_code=data["notice_issuer_code"], number=data["notice_number"]
    )


def _place_close_errors(form: Any, rows: Any, exc: DomainError) -> None:
    """Task errors ("tasks.<i>.<field>") go next to their row among the filled rows."""
    filled = [i for i, r in enumerate(rows.cleaned_data) if r.get("title")]
    for key, messages_ in exc.errors.items():
        parts = key.split(".")
        if parts[0] == "tasks" and len(parts) == 3 and int(parts[1]) < len(filled):
            row = rows.forms[filled[int(parts[1])]]
            for message in messages_:
                row.add_error(parts[2] if parts[2] in row.fields else None, message)
        else:
            for message in messages_:
                form.add_error(key if key in form.fields else None, message)
    form.add_error(None, exc.message)


@login_required
@refusals
def close(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = access.access_meeting(scope_of(request), pk, access.WRITE)
    form = forms.CloseForm(request.POST or None, unit=meeting.unit, initial={"minutes": meeting.minutes})
    rows = forms.TaskRows(request.POST or None, prefix="tasks", form_kwargs={"unit": meeting.unit})
    if request.method == "POST" and form.is_valid() and rows.is_valid():
        data = form.cleaned_data
        try:
            meetings.meeting_close(
                actor=request.user,
                scope=scope_of(request),
                meeting=meeting,
                conclusions=data["conclusions"],
                minutes=data["minutes"],
                other_attendees=data["other_attendees"],
                notice=_notice(data),
                tasks=_task_specs(rows),
            )
        except DomainError as exc:
            _place_close_errors(form, rows, exc)
        else:
            messages.success(request, _("Đã kết thúc hội nghị và giao nhiệm vụ."))
            return redirect("meetings:detail", meeting.pk)
    context = {
        "meeting": meeting,
        "form": form,
        "rows": rows,
        "breadcrumbs": crumbs(
            (meeting.title, reverse("meetings:detail", args=[pk])), (_("Kết thúc hội nghị"), None)
        ),
    }
    return render(request, "meetings/close.html", context)


@login_required
@require_POST
@refusals
def add_question(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = access.access_meeting(scope_of(request), pk, access.WRITE)
    form = forms.QuestionForm(request.POST)
    if form.is_valid():
        try:
            dialogues.question_add(actor=request.user, meeting=meeting, **form.cleaned_data)
        except DomainError as exc:
            _refused(request, exc)
        else:
            messages.success(request, _("Đã ghi nhận ý kiến."))
    else:
        messages.error(request, _("Cần nhập nguồn và nội dung ý kiến."))
    return _back(pk, "#y-kien")


@login_required
@require_POST
@refusals
def answer_question(request: HttpRequest, pk: int, question_id: int) -> HttpResponse:
    scope = scope_of(request)
    meeting = access.access_meeting(scope, pk, access.WRITE)
    question = access.access_question(scope, meeting, question_id)
    form = forms.AnswerForm(request.POST, unit=meeting.unit)
    if form.is_valid():
        try:
            dialogues.question_answer(actor=request.user, question=question, **form.cleaned_data)
        except DomainError as exc:
            _refused(request, exc)
        else:
            messages.success(request, _("Đã ghi câu trả lời."))
    else:
        messages.error(request, _("Chọn trả lời tại chỗ hoặc hẹn trả lời sau."))
    return _back(pk, "#y-kien")
