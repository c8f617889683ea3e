"""Excel download and upload of a submission, and compiling the narrative from the units below."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danvan.core.errors import DomainError
from danvan.core.pages import refusals, scope_of
from danvan.core.text import fold
from danvan.reporting.selectors.submissions import access_submission
from danvan.reporting.services.compilation import child_submissions, narrative_compile
from danvan.reporting.services.offline import submission_import, submission_workbook
from danvan.reporting.views.common import crumbs

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Tệp Excel (.xlsx) đã điền"))


@login_required
@refusals
def excel(request: HttpRequest, pk: int) -> HttpResponse:
    submission = access_submission(scope_of(request), pk)
    name = slugify(fold(f"{submission.form.code}-{submission.unit.name}-{submission.period_code}"))
    response = HttpResponse(submission_workbook(submission), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response


@login_required
@refusals
def excel_upload(request: HttpRequest, pk: int) -> HttpResponse:
    scope = scope_of(request)
    submission = access_submission(scope, pk)
    form = UploadForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            changed = submission_import(
                actor=request.user, scope=scope, submission=submission, data=form.cleaned_data["file"].read()
            )
        except DomainError as exc:
            form.add_error("file", exc.message)
            errors = exc.errors.get("rows", [])
        else:
            messages.success(request, _("Đã nhập %(n)s số liệu từ tệp Excel.") % {"n": changed})
            return redirect("reporting:detail", pk=pk)
    context = {
        "submission": submission,
        "form": form,
        "row_errors": errors,
        "breadcrumbs": crumbs((submission.unit.name, None), (_("Nhập từ Excel"), None)),
    }
    return render(request, "reporting/excel_upload.html", context, status=422 if form.errors else 200)


@login_required
@refusals
def compile_narrative(request: HttpRequest, pk: int) -> HttpResponse:
    scope = scope_of(request)
    submission = access_submission(scope, pk)
    children = list(child_submissions(submission))
    sections = submission.form.sections
    if request.method == "POST":
        chosen = {
            s["code"]: [int(i) for i in request.POST.getlist(f"s_{s['code']}") if i.isdigit()]
            for s in sections
        }
        try:
            narrative_compile(actor=request.user, scope=scope, submission=submission, chosen=chosen)
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Đã tổng hợp phần lời văn; có thể chỉnh sửa tiếp trên báo cáo."))
            return redirect("reporting:detail", pk=pk)
    table = [
        {
            "code": s["code"],
            "title": s["title"],
            "children": [(c, c.narrative.get(s["code"], "")) for c in children],
        }
        for s in sections
    ]
    context = {
        "submission": submission,
        "table": table,
        "children": children,
        "breadcrumbs": crumbs((submission.unit.name, None), (_("Tổng hợp lời văn"), None)),
    }
    return render(request, "reporting/compile.html", context)
