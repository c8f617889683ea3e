"""Task pages: the list with the overdue views (as owner, as assigner), a task with its
progress and evidence, and the "việc được giao" page of an organization."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core.errors import DomainError, NotFound
from danvan.core.export import ListExport, export_response, filters_text, wants_export
from danvan.meetings import access, forms
from danvan.meetings.exports import task_columns, task_row
from danvan.meetings.models import TaskStatus, TaskUpdate
from danvan.meetings.selectors import overdue, task_counts, task_list
from danvan.meetings.services import tasks as services
from danvan.meetings.views.common import crumbs, refusals, scope_of, working_unit
from danvan.orgs.models import Organization
from danvan.territory.tree import subtree_q

VIEWS = {
    "": _("Tất cả"),
    "qua-han-chu-tri": _("Quá hạn — đơn vị chủ trì"),
    "qua-han-da-giao": _("Quá hạn — đơn vị đã giao"),
    "dang-thuc-hien": _("Đang thực hiện"),
}


@login_required
@refusals
def task_index(request: HttpRequest) -> HttpResponseBase:
    scope, unit = scope_of(request), working_unit(request)
    view = request.GET.get("xem", "")
    rows = access.visible_tasks(scope)
    mine = subtree_q([unit.path], "unit_path")
    assigned = subtree_q([unit.path], "assigner_path")
    if view == "qua-han-chu-tri":
        rows = overdue(rows.filter(mine))
    elif view == "qua-han-da-giao":
        rows = overdue(rows.filter(assigned))
    elif view == "dang-thuc-hien":
        rows = rows.filter(mine | assigned, status__in=(TaskStatus.OPEN, TaskStatus.IN_PROGRESS))
    else:
        rows = rows.filter(mine | assigned)
    if wants_export(request):
        filters = filters_text([(_("Đơn vị"), unit), (_("Xem"), VIEWS.get(view, ""))])
        export = ListExport(_("Nhiệm vụ"), "nhiem-vu", task_columns(), task_list(rows), task_row, filters)
        return export_response(request, export)
    page = Paginator(task_list(rows), 50).get_page(request.GET.get("page"))
    context = {
        "unit": unit,
        "page": page,
        "view": view,
        "views": VIEWS,
        "today": timezone.localdate(),
        "counts": task_counts(access.visible_tasks(scope).filter(mine | assigned)),
        "breadcrumbs": crumbs((_("Nhiệm vụ"), None)),
    }
    return render(request, "meetings/tasks.html", context)


@login_required
@refusals
def task_detail(request: HttpRequest, pk: int) -> HttpResponse:
    scope = scope_of(request)
    task = access.access_task(scope, pk)
    can_update = access.can_update_task(scope, task) and task.status in (
        TaskStatus.OPEN,
        TaskStatus.IN_PROGRESS,
    )
    has_children = task.children.exists()
    form = (
        forms.ProgressForm(request.POST or None, request.FILES or None)
        if can_update and not has_children
        else None
    )
    if request.method == "POST" and form is not None and form.is_valid():
        data = form.cleaned_data
        try:
            services.task_progress(
                actor=request.user,
                task=task,
                progress=data["progress"],
                note=data["note"],
                on_date=data["on_date"],
                evidence=data["evidence"],
                evidence_link=data["evidence_link"] or "",
            )
        except DomainError as exc:
            forms.add_domain_errors(form, exc)
        else:
            messages.success(request, _("Đã cập nhật tiến độ."))
            return redirect("meetings:task", task.pk)
    manage = access.can_manage_task(scope, task) and task.status in (TaskStatus.OPEN, TaskStatus.IN_PROGRESS)
    context = {
        "task": task,
        "form": form,
        "updates": task.updates.select_related("author"),
        "children": task_list(task.children.all()),
        "today": timezone.localdate(),
        "child_form": forms.DirectiveTaskForm(unit=task.owner.unit) if manage else None,
        "can_cancel": manage,
        "breadcrumbs": crumbs((_("Nhiệm vụ"), reverse("meetings:tasks")), (task.title[:60], None)),
    }
    return render(request, "meetings/task.html", context)


@login_required
@require_POST
@refusals
def task_child(request: HttpRequest, pk: int) -> HttpResponse:
    scope = scope_of(request)
    task = access.access_task(scope, pk, access.MANAGE)
    form = forms.DirectiveTaskForm(request.POST, unit=task.owner.unit)
    if form.is_valid() and task.assigner is not None:
        data = form.cleaned_data
        spec = services.TaskSpec(title=data["title"], owner=data["owner"], deadline=data["deadline"])
        try:
            services.task_create(
                actor=request.user, scope=scope, spec=spec, assigner=task.assigner, parent=task
            )
        except DomainError as exc:
            for message in [exc.message, *(m for ms in exc.errors.values() for m in ms)]:
                messages.error(request, message)
        else:
            messages.success(request, _("Đã thêm nhiệm vụ con."))
    else:
        messages.error(request, _("Cần nhập đủ nhiệm vụ, cơ quan chủ trì và hạn."))
    return redirect("meetings:task", pk)


@login_required
@require_POST
@refusals
def task_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    task = access.access_task(scope_of(request), pk, access.MANAGE)
    try:
        services.task_cancel(actor=request.user, task=task, reason=request.POST.get("reason", ""))
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã hủy nhiệm vụ."))
    return redirect("meetings:task", pk)


@login_required
@refusals
def evidence(request: HttpRequest, pk: int) -> HttpResponseBase:
    update = get_object_or_404(TaskUpdate.objects.select_related("task"), pk=pk)
    access.access_task(scope_of(request), update.task_id)
    if not update.evidence:
        raise Http404
    response = FileResponse(update.evidence.open("rb"), as_attachment=True)
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@login_required
@refusals
def assigned(request: HttpRequest, organization_id: int) -> HttpResponseBase:
    """Việc được giao: every task an organization owns, overdue first, and what it assigned."""
    scope = scope_of(request)
    organization = Organization.objects.select_related("unit").filter(pk=organization_id).first()
    if organization is None or not scope.covers(organization.unit, history=True):
        raise NotFound()
    today = timezone.localdate()
    rows = access.visible_tasks(scope)
    owned = task_list(rows.filter(owner=organization))
    for table, title, chosen in (
        ("chu-tri", _("Việc được giao"), owned),
        ("da-giao", _("Việc đã giao"), task_list(rows.filter(assigner=organization))),
    ):
        if wants_export(request, table):
            filters = filters_text([(_("Tổ chức"), organization.name)])
            export = ListExport(
                f"{title} — {organization.name}",
                f"{table}-{organization.pk}",
                task_columns(),
                chosen,
                task_row,
                filters,
            )
            return export_response(request, export)
    context = {
        "organization": organization,
        "overdue": overdue(owned, today),
        "current": owned.filter(status__in=(TaskStatus.OPEN, TaskStatus.IN_PROGRESS)).exclude(
            Q(deadline__lt=today)
        ),
        "finished": owned.filter(status__in=(TaskStatus.DONE, TaskStatus.CANCELLED)),
        "given": task_list(rows.filter(assigner=organization)),
        "counts": task_counts(rows.filter(owner=organization)),
        "today": today,
        "breadcrumbs": crumbs((_("Nhiệm vụ"), reverse("meetings:tasks")), (organization.name, None)),
    }
    return render(request, "meetings/assigned.html", context)
