"""Pages of the documents app: request a document, follow its progress, download it."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from danvan.accounts.scope import UserScope
from danvan.core.errors import DomainError, NotFound
from danvan.core.export import DATETIME, Column, ListExport, export_response, wants_export
from danvan.documents.access import access_document, own_documents
from danvan.documents.forms import DocumentRequestForm, ObjectDocumentForm
from danvan.documents.frame import default_template
from danvan.documents.models import GeneratedDocument
from danvan.documents.official import Style
from danvan.documents.registry import DOCUMENT_TYPES
from danvan.documents.rendering import DOCX_CONTENT_TYPE
from danvan.documents.services import document_request

PAGE_SIZE = 25


def _columns() -> list[Column]:
    return [
        Column(_("Văn bản"), width=60),
        Column(_("Loại"), width=30),
        Column(_("Đơn vị"), width=28),
        Column(_("Định dạng"), width=12),
        Column(_("Yêu cầu lúc"), DATETIME, 18),
        Column(_("Trạng thái"), width=16),
        Column(_("Xong lúc"), DATETIME, 18),
    ]


def _row(d: GeneratedDocument) -> list[Any]:
    kind = DOCUMENT_TYPES.get(d.type)
    label = kind.label if kind else d.type
    return [
        d.title,
        label,
        d.unit.name,
        d.get_format_display(),
        d.created_at,
        d.get_status_display(),
        d.finished_at,
    ]


def _scope(request: HttpRequest) -> UserScope:
    return request.scope  # type: ignore[attr-defined]


def not_found_as_404[R: HttpResponseBase](view: Callable[..., R]) -> Callable[..., R]:
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> R:
        try:
            return view(request, *args, **kwargs)
        except NotFound as exc:
            raise Http404(exc.message) from exc

    return wrapped


def _crumbs() -> list[dict[str, str | None]]:
    return [{"label": _("Trang chủ"), "url": reverse("core:home")}, {"label": _("Văn bản"), "url": None}]


@login_required
@require_http_methods(["GET", "POST"])
def index(request: HttpRequest) -> HttpResponseBase:
    scope = _scope(request)
    if wants_export(request):
        return export_response(
            request, ListExport(_("Văn bản của tôi"), "van-ban", _columns(), own_documents(scope), _row)
        )
    form = DocumentRequestForm(request.POST or None, units=scope.units)
    if request.method == "POST" and form.is_valid():
        try:
            document = document_request(
                actor=request.user,
                scope=scope,
                type_code=form.cleaned_data["type"],
                unit=form.chosen_unit(),
                parameters=form.parameters(),
                output_format=form.cleaned_data["format"],
            )
        except DomainError as exc:
            form.add_error(None, exc.message)
            for field, errors in exc.errors.items():
                for message in errors:
                    form.add_error(field if field in form.fields else None, message)
        else:
            messages.success(request, _("Đã nhận yêu cầu; văn bản đang được tạo."))
            return redirect(f"{reverse('documents:index')}#document-{document.pk}")
    page = Paginator(own_documents(scope), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"form": form, "page": page, "breadcrumbs": _crumbs()}
    return render(request, "documents/index.html", context, status=422 if form.errors else 200)


@login_required
@require_POST
def create(request: HttpRequest) -> HttpResponse:
    """ "Tạo văn bản" from the page of a meeting or a campaign; back to that page when refused."""
    form = ObjectDocumentForm(request.POST)
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}) or not back.startswith(
        "/"
    ):
        back = reverse("documents:index")
    if not form.is_valid():
        messages.error(request, _("Yêu cầu tạo văn bản chưa hợp lệ: %(e)s") % {"e": _form_errors(form)})
        return redirect(back)
    try:
        document = document_request(
            actor=request.user,
            scope=_scope(request),
            type_code=form.cleaned_data["type"],
            unit=None,
            parameters=form.parameters(),
            output_format=form.cleaned_data["format"],
        )
    except DomainError as exc:
        messages.error(request, exc.message)  # an object out of reach: not back to its page
        return redirect(reverse("documents:index") if isinstance(exc, NotFound) else back)
    messages.success(request, _("Đã nhận yêu cầu; văn bản đang được tạo."))
    return redirect(f"{reverse('documents:index')}#document-{document.pk}")


def _form_errors(form: ObjectDocumentForm) -> str:
    return " ".join(str(message) for errors in form.errors.values() for message in errors)


@login_required
@require_GET
@not_found_as_404
def status(request: HttpRequest, pk: int) -> HttpResponse:
    """One row of the list: htmx polls it while the document is being made."""
    document = access_document(_scope(request), pk)
    return render(request, "documents/_row.html", {"document": document})


@login_required
@require_GET
@not_found_as_404
def download(request: HttpRequest, pk: int) -> FileResponse:
    document = access_document(_scope(request), pk)
    if not document.is_ready:
        raise NotFound(_("Văn bản chưa tạo xong."))
    return FileResponse(document.file.open("rb"), as_attachment=True, filename=document.filename)


@login_required
@require_GET
def template(request: HttpRequest, style: str) -> HttpResponse:
    """The default Word template of a style: the starting point of an administrator's own."""
    if style not in {s.value for s in Style}:
        raise Http404()
    response = HttpResponse(default_template(Style(style)), content_type=DOCX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="mau-van-ban-{style}.docx"'
    return response
