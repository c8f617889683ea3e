"""Supervision and social critique pages: the list with the form, one supervision with its
recommendations and the answers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core.errors import DomainError
from danvan.core.export import ListExport, export_response, filters_text, wants_export
from danvan.meetings import access, forms
from danvan.meetings.exports import supervision_columns, supervision_row
from danvan.meetings.models import Acceptance
from danvan.meetings.services import supervision as services
from danvan.meetings.views.common import crumbs, may_write, refusals, scope_of, working_unit
from danvan.territory.selectors import history_paths
from danvan.territory.tree import subtree_q


@login_required
@refusals
def supervision_index(request: HttpRequest) -> HttpResponseBase:
    scope, unit = scope_of(request), working_unit(request)
    form = forms.SupervisionForm(request.POST or None, unit=unit) if may_write(request) else None
    if request.method == "POST" and form is not None and form.is_valid():
        data = form.cleaned_data
        lines = [line.strip() for line in data["recommendations"].splitlines() if line.strip()]
        try:
            found = services.supervision_record(
                actor=request.user,
                scope=scope,
                kind=data["kind"],
                organization=data["organization"],
                subject=data["subject"],
                supervised_body=data["supervised_body"],
                supervised_name=data["supervised_name"],
                team=data["team"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                findings=data["findings"],
                recommendations=[services.RecommendationSpec(line, data["answer_due"]) for line in lines],
            )
        except DomainError as exc:
            forms.add_domain_errors(form, exc)
        else:
            messages.success(request, _("Đã ghi nhận «%(s)s».") % {"s": found.subject})
            return redirect("meetings:supervision", found.pk)
    rows = access.visible_supervisions(scope).filter(subtree_q(history_paths(unit), "unit_path"))
    rows = rows.select_related("organization", "supervised_body")
    if wants_export(request):
        filters = filters_text([(_("Đơn vị"), unit)])
        export = ListExport(
            _("Giám sát, phản biện xã hội"), "giam-sat", supervision_columns(), rows, supervision_row, filters
        )
        return export_response(request, export)
    page = Paginator(rows, 25).get_page(request.GET.get("page"))
    context = {
        "unit": unit,
        "page": page,
        "form": form,
        "breadcrumbs": crumbs((_("Giám sát, phản biện"), None)),
    }
    return render(request, "meetings/supervisions.html", context)


@login_required
@refusals
def supervision_detail(request: HttpRequest, pk: int) -> HttpResponse:
    scope = scope_of(request)
    found = access.access_supervision(scope, pk)
    body = found.supervised_body
    may_answer = access.inside(scope, [found.unit_path, body.unit.path if body else ""], access.WRITE)
    context = {
        "supervision": found,
        "recommendations": found.recommendations.all(),
        "answer_form": forms.RecommendationAnswerForm() if may_answer else None,
        "pending": Acceptance.PENDING,
        "breadcrumbs": crumbs(
            (_("Giám sát, phản biện"), reverse("meetings:supervisions")), (found.subject[:60], None)
        ),
    }
    return render(request, "meetings/supervision.html", context)


@login_required
@require_POST
@refusals
def recommendation_answer(request: HttpRequest, pk: int, recommendation_id: int) -> HttpResponse:
    scope = scope_of(request)
    found = access.access_supervision(scope, pk)
    rec = access.access_recommendation(scope, found, recommendation_id)
    form = forms.RecommendationAnswerForm(request.POST)
    if form.is_valid():
        try:
            services.recommendation_answer(actor=request.user, recommendation=rec, **form.cleaned_data)
        except DomainError as exc:
            for message in [exc.message, *(m for ms in exc.errors.values() for m in ms)]:
                messages.error(request, message)
        else:
            messages.success(request, _("Đã ghi trả lời kiến nghị."))
    else:
        messages.error(request, _("Cần nhập nội dung trả lời, ngày và mức độ tiếp thu."))
    return redirect("meetings:supervision", pk)
