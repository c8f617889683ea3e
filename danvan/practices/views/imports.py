"""Importing registrations from Excel: the template, the upload, the row-numbered report."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from danvan.accounts.models import Role
from danvan.core.errors import DomainError
from danvan.core.excel import XLSX_CONTENT_TYPE
from danvan.practices.forms.imports import ImportForm
from danvan.practices.services.imports import IMPORT_COLUMNS, practices_import, practices_import_template
from danvan.practices.views.common import crumbs, refusals, scope_of, working_unit


@login_required
@refusals
def import_page(request: HttpRequest) -> HttpResponse:
    working_unit(request, Role.REPORTER)
    form = ImportForm(request.POST or None, request.FILES or None)
    problem, report = None, None
    if request.method == "POST" and form.is_valid():
        try:
            report = practices_import(
                actor=request.user,
                scope=scope_of(request),
                data=form.cleaned_data["file"].read(),
                keep_valid_only=form.cleaned_data["keep_valid_only"],
            )
        except DomainError as exc:
            problem = exc
    context = {
        "form": form,
        "problem": problem,
        "report": report,
        "columns": IMPORT_COLUMNS.values(),
        "breadcrumbs": crumbs((_("Nhập từ Excel"), None)),
    }
    return render(request, "practices/import.html", context, status=422 if problem else 200)


@login_required
@refusals
def import_template(request: HttpRequest) -> HttpResponse:
    working_unit(request, Role.REPORTER)
    response = HttpResponse(practices_import_template(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = 'attachment; filename="mau-dang-ky-dan-van-kheo.xlsx"'
    return response
