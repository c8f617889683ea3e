"""The registry list: filters, Vietnamese order, pages, htmx partial, and its Excel export."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from danvan.accounts.models import Role
from danvan.core.excel import XLSX_CONTENT_TYPE
from danvan.practices.access import visible_practices
from danvan.practices.exports import practices_workbook
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

MAX_EXPORT_ROWS = 20_000


@login_required
def index(request: HttpRequest) -> HttpResponse:
    form = PracticeFilterForm(request.GET or None)
    practices = filter_practices(visible_practices(scope_of(request)), form.criteria())
    page = Paginator(practices, PAGE_SIZE).get_page(request.GET.get("page"))
    query = query_without_page(request)
    context = {
        "form": form,
        "filtered": any(v for k, v in request.GET.items() if k not in ("q", "page")),
        "page": page,
        "query": query,
        "export_url": f"{reverse('practices:export')}?{query}",
        "can_register": may_on_current(request, Role.REPORTER),
        "can_evaluate": may_on_current(request, Role.APPROVER),
        "breadcrumbs": crumbs((_("Danh sách"), None)),
    }
    return render_page(request, "practices/index.html", "practices/_list.html", context)


@login_required
def export(request: HttpRequest) -> HttpResponse:
    form = PracticeFilterForm(request.GET or None)
    practices = filter_practices(visible_practices(scope_of(request)), form.criteria())
    count = practices.count()
    if count > MAX_EXPORT_ROWS:
        messages.error(
            request,
            _("Danh sách có %(n)s dòng, quá %(max)s dòng xuất một lần; hãy lọc bớt (theo năm, đơn vị…).")
            % {"n": f"{count:,}".replace(",", "."), "max": f"{MAX_EXPORT_ROWS:,}".replace(",", ".")},
        )
        return redirect(f"{reverse('practices:index')}?{query_without_page(request)}")
    response = HttpResponse(
        practices_workbook(practices.iterator(chunk_size=1000)), content_type=XLSX_CONTENT_TYPE
    )
    response["Content-Disposition"] = 'attachment; filename="mo-hinh-dan-van-kheo.xlsx"'
    return response
