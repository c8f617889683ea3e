from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core import selectors
from danvan.core.errors import Conflict
from danvan.core.pages import refusals, render_page, scope_of
from danvan.core.services import task_rerun as task_rerun_service
from danvan.core.task_retry import max_attempts


def home(request: HttpRequest) -> HttpResponse:
    """The landing page: the user's current unit and what lies below it (cheap, indexed reads)."""
    if not request.user.is_authenticated:
        return redirect("portal:index")  # citizens land on the public portal; staff log in from it
    context = selectors.home_summary(request)
    return render(request, "core/home.html", context)


def healthz(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def _system_admin_only(request: HttpRequest) -> None:
    if not scope_of(request).is_system_admin:
        raise Http404


@login_required
def task_failures(request: HttpRequest) -> HttpResponse:
    """Background tasks that failed, wait for another try, or stalled: for system admins only."""
    _system_admin_only(request)
    page = Paginator(selectors.failed_tasks(), 50).get_page(request.GET.get("page"))
    rows = [selectors.task_failure(row) for row in page]
    context = {"page": page, "rows": rows, "max_attempts": max_attempts()}
    return render_page(request, "core/task_failures.html", "core/task_failures_partial.html", context)


@login_required
@require_POST
@refusals
def task_rerun(request: HttpRequest, task_id: str) -> HttpResponse:
    _system_admin_only(request)
    try:
        task_rerun_service(actor=request.user, task_id=str(task_id))
        messages.success(request, _("Đã đưa tác vụ vào hàng đợi để chạy lại."))
    except Conflict as exc:
        messages.error(request, exc.message)
    return redirect("core:task_failures")
