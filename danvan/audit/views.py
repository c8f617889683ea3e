from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils.translation import gettext as _

from danvan.audit.access import visible_audit_events
from danvan.audit.exports import event_columns, event_row
from danvan.audit.forms import AuditFilterForm
from danvan.audit.selectors import AuditFilter, filter_events
from danvan.core.export import ListExport, export_response, form_filters, wants_export


@login_required
def index(request: HttpRequest) -> HttpResponseBase:
    scope = request.scope  # type: ignore[attr-defined]
    if not (scope.is_system_admin or scope.paths("unit_admin")):
        raise Http404
    form = AuditFilterForm(request.GET or None)
    criteria = AuditFilter(**form.cleaned_data) if form.is_valid() else AuditFilter()
    events = filter_events(visible_audit_events(scope), criteria)
    if wants_export(request):
        export = ListExport(
            _("Nhật ký thao tác"), "nhat-ky", event_columns(), events, event_row, form_filters(form)
        )
        return export_response(request, export, allow_personal=True)  # the page is for administrators
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    template = "audit/partial.html" if request.headers.get("HX-Request") else "audit/index.html"
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, template, {"form": form, "page": page, "query": query.urlencode()})
