"""The registry list: filters, Vietnamese order, pages, htmx partial, and its Excel export."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from danvan.accounts.models import Role
from danvan.core.export import ListExport, export_query, export_response, form_filters, wants_export
from danvan.practices.access import visible_practices
from danvan.practices.exports import list_columns, practice_row
from danvan.practices.forms.filters import PracticeFilterForm
from danvan.practices.selectors import filter_practices
from danvan.practices.views.common import (
    PAGE_SIZE,
    crumbs,
    may_on_current,
    query_without_page,
    render_page,
    scope_of,
)


@login_required
def index(request: HttpRequest) -> HttpResponseBase:
    form = PracticeFilterForm(request.GET or None)
    practices = filter_practices(visible_practices(scope_of(request)), form.criteria())
    if wants_export(request):
        title = _("Mô hình, điển hình “Dân vận khéo”")
        return export_response(
            request,
            ListExport(
                title, "mo-hinh-dan-van-kheo", list_columns(), practices, practice_row, form_filters(form)
            ),
        )
    page = Paginator(practices, PAGE_SIZE).get_page(request.GET.get("page"))
    query = query_without_page(request)
    context = {
        "form": form,
        "filtered": any(v for k, v in request.GET.items() if k not in ("q", "page")),
        "page": page,
        "query": query,
        "can_register": may_on_current(request, Role.REPORTER),
        "can_evaluate": may_on_current(request, Role.APPROVER),
        "breadcrumbs": crumbs((_("Danh sách"), None)),
    }
    return render_page(request, "practices/index.html", "practices/_list.html", context)


@login_required
def export(request: HttpRequest) -> HttpResponse:
    """The former address of the export: the list's own URL answers it now."""
    return redirect(f"{reverse('practices:index')}?{export_query(request.GET)}")
