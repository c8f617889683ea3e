"""Directive pages: the list with the form to record one, and a directive with its tasks' state."""

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
from danvan.core.export import ListExport, export_response, filters_text, wants_export
from danvan.meetings import access, forms
from danvan.meetings.exports import directive_columns, directive_row
from danvan.meetings.models import DirectiveKind
from danvan.meetings.selectors import task_counts, task_list
from danvan.meetings.services.directives import directive_create
from danvan.meetings.services.tasks import TaskSpec, task_create
from danvan.meetings.views.common import crumbs, may_write, refusals, scope_of, working_unit
from danvan.territory.selectors import history_paths
from danvan.territory.tree import subtree_q


@login_required
@refusals
def directive_index(request: HttpRequest) -> HttpResponseBase:
    scope, unit = scope_of(request), working_unit(request)
    form = None
    if may_write(request):
        form = forms.DirectiveForm(
            request.POST or None, unit=unit, initial={"issued_on": timezone.localdate()}
        )
    if request.method == "POST" and form is not None and form.is_valid():
        working_unit(request, Role.REPORTER)
        data = form.cleaned_data
        try:
            directive = directive_create(
                actor=request.user,
                scope=scope,
                issuer=data["issuer"],
                style=data["style"],
                kind=data["kind"],
                type_code=data["type_code"],
                issuer_code=data["issuer_code"],
                number=data["number"],
                term=data["term"],
                issued_on=data["issued_on"],
                title=data["title"],
                partners=list(data["partners"]),
            )
        except DomainError as exc:
            forms.add_domain_errors(form, exc, {"term": "term"})
        else:
            messages.success(request, _("Đã ghi nhận văn bản %(ref)s.") % {"ref": directive.reference})
            return redirect("meetings:directive", directive.pk)
    kind = request.GET.get("loai", "")
    rows = access.visible_directives(scope).filter(subtree_q(history_paths(unit), "unit_path"))
    if kind in DirectiveKind.values:
        rows = rows.filter(kind=kind)
    if wants_export(request):
        filters = filters_text([(_("Đơn vị"), unit), (_("Loại"), dict(DirectiveKind.choices).get(kind, ""))])
        title = _("Văn bản chỉ đạo")
        export = ListExport(
            title,
            "van-ban-chi-dao",
            directive_columns(),
            rows.select_related("issuer"),
            directive_row,
            filters,
        )
        return export_response(request, export)
    page = Paginator(rows.select_related("issuer"), 25).get_page(request.GET.get("page"))
    context = {
        "unit": unit,
        "page": page,
        "form": form,
        "kinds": DirectiveKind.choices,
        "kind": kind,
        "breadcrumbs": crumbs((_("Văn bản chỉ đạo"), None)),
    }
    return render(request, "meetings/directives.html", context)


@login_required
@refusals
def directive_detail(request: HttpRequest, pk: int) -> HttpResponse:
    scope = scope_of(request)
    directive = access.access_directive(scope, pk)
    writable = access.inside(scope, [directive.unit_path], access.WRITE)
    tasks = directive.tasks.all()
    context = {
        "directive": directive,
        "partners": directive.partners.all(),
        "tasks": task_list(tasks),
        "counts": task_counts(tasks),
        "meetings": directive.meetings.order_by("-starts_at"),
        "task_form": forms.DirectiveTaskForm(unit=directive.unit) if writable else None,
        "today": timezone.localdate(),
        "breadcrumbs": crumbs(
            (_("Văn bản chỉ đạo"), reverse("meetings:directives")), (directive.reference, None)
        ),
    }
    return render(request, "meetings/directive.html", context)


@login_required
@require_POST
@refusals
def directive_task(request: HttpRequest, pk: int) -> HttpResponse:
    scope = scope_of(request)
    directive = access.access_directive(scope, pk, access.WRITE)
    form = forms.DirectiveTaskForm(request.POST, unit=directive.unit)
    if form.is_valid():
        data = form.cleaned_data
        spec = TaskSpec(
            title=data["title"], owner=data["owner"], deadline=data["deadline"], directive=directive
        )
        try:
            task_create(actor=request.user, scope=scope, spec=spec, assigner=directive.issuer)
        except DomainError as exc:
            for message in [exc.message, *(m for ms in exc.errors.values() for m in ms)]:
                messages.error(request, message)
        else:
            messages.success(request, _("Đã giao nhiệm vụ thực hiện văn bản."))
    else:
        messages.error(request, _("Cần nhập đủ nhiệm vụ, cơ quan chủ trì và hạn."))
    return redirect("meetings:directive", pk)
