"""Bulk import of users from Excel: the template, the upload, and the row-numbered errors."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from danvan.accounts.forms import UserImportForm
from danvan.accounts.services import import_columns
from danvan.accounts.services import users_import as import_users
from danvan.accounts.services import users_import_template as import_template
from danvan.accounts.services.imports import MAX_USERS_PER_IMPORT
from danvan.accounts.views.users import admin_scope, users_crumbs
from danvan.core.errors import DomainError
from danvan.core.excel import XLSX_CONTENT_TYPE


@login_required
def users_import(request: HttpRequest) -> HttpResponse:
    scope = admin_scope(request)
    form = UserImportForm(request.POST or None, request.FILES or None)
    problem = None
    if request.method == "POST" and form.is_valid():
        try:
            created = import_users(scope=scope, data=form.cleaned_data["file"].read())
        except DomainError as exc:
            problem = exc
        else:
            messages.success(
                request, _("Đã tạo %(count)d người dùng từ tệp Excel.") % {"count": len(created)}
            )
            return redirect("accounts:users")
    context = {
        "form": form,
        "problem": problem,
        "columns": import_columns().values(),
        "max_rows": MAX_USERS_PER_IMPORT,
        "breadcrumbs": users_crumbs({"label": _("Nhập từ Excel")}),
    }
    return render(request, "accounts/users/import.html", context)


@login_required
def users_import_template(request: HttpRequest) -> HttpResponse:
    admin_scope(request)
    response = HttpResponse(import_template(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = 'attachment; filename="mau-nhap-nguoi-dung.xlsx"'
    return response
