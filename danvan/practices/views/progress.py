"""Progress updates with evidence files, and the download of those files."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from danvan.core.errors import DomainError
from danvan.practices.access import UPDATE, access_attachment, access_practice
from danvan.practices.forms import add_domain_errors
from danvan.practices.forms.results import ProgressForm
from danvan.practices.models import Attachment
from danvan.practices.services.results import progress_add
from danvan.practices.views.common import crumbs, refusals, scope_of


@login_required
@refusals
def progress(request: HttpRequest, pk: int) -> HttpResponse:
    practice = access_practice(scope_of(request), pk, UPDATE)
    form = ProgressForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            progress_add(
                actor=request.user,
                practice=practice,
                on_date=data["on_date"],
                summary=data["summary"],
                beneficiaries=data["beneficiaries"],
                money_raised=data["money_raised"],
                workdays=data["workdays"],
                uploads=data["evidence"],
            )
        except DomainError as exc:
            add_domain_errors(form, exc, {"file": "evidence", "files": "evidence"})
        else:
            messages.success(request, _("Đã cập nhật tiến độ."))
            return redirect(reverse("practices:detail", args=[practice.pk]) + "#tien-do")
    context = {
        "form": form,
        "practice": practice,
        "breadcrumbs": crumbs(
            (practice.name, reverse("practices:detail", args=[practice.pk])), (_("Cập nhật tiến độ"), None)
        ),
    }
    return render(request, "practices/progress.html", context)


@refusals
def attachment(request: HttpRequest, pk: int) -> HttpResponseBase:
    """The file, streamed, to those who may read the practice (photos of published ones to all)."""
    found = access_attachment(scope_of(request), pk)
    try:
        handle = found.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404(_("Tệp không còn trên máy chủ.")) from exc
    inline = found.type == Attachment.Type.PHOTO
    response = FileResponse(
        handle, content_type=found.content_type, as_attachment=not inline, filename=found.original_name
    )
    response["Cache-Control"] = "private, max-age=3600"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    return response
