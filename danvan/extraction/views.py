"""Pages: upload or paste → review (highlighted text, correct/drop/add items) → confirm; batches."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core.errors import DomainError, NotFound, PermissionDenied
from danvan.core.export import ListExport, export_response, wants_export
from danvan.core.pages import refusals, render_page, scope_of
from danvan.extraction.access import access_batch, access_imported_text, visible_imports
from danvan.extraction.exports import import_columns, import_row
from danvan.extraction.extracting import extract_file, extract_pasted
from danvan.extraction.extractor.event import EVENT_TYPES
from danvan.extraction.forms import NEW_ROWS, QUALIFIERS, BatchForm, ImportForm, reviewed_from_post
from danvan.extraction.highlight import segments
from danvan.extraction.mapping import is_money
from danvan.extraction.models import ImportBatch, Status
from danvan.extraction.plan import basis_of, build_plan
from danvan.extraction.plan.campaign import figure_item
from danvan.extraction.plan.report import figure_indicator
from danvan.extraction.reading import upload_bytes
from danvan.extraction.selectors import draft_links
from danvan.extraction.services import (
    MAX_BATCH_BYTES,
    batch_create,
    check_reviewed,
    imported_text_confirm,
    imported_text_create,
    imported_text_review,
    source_label,
)
from danvan.meetings.models import MeetingKind


def _crumbs(*items: tuple[str, str | None]) -> list[dict[str, str | None]]:
    return [{"label": label, "url": url} for label, url in ((_("Nhập văn bản"), "/nhap-van-ban/"), *items)]


@login_required
@refusals
def index(request: HttpRequest) -> HttpResponseBase:
    form = ImportForm(request.POST or None, request.FILES or None)
    problem = None
    if request.method == "POST" and form.is_valid():
        try:
            upload = form.cleaned_data["file"]
            source, result = (
                extract_file(upload.name, upload_bytes(upload))
                if upload
                else extract_pasted(form.cleaned_data["text"])
            )
            imported = imported_text_create(actor=request.user, source=source, extraction=result)
            return redirect("extraction:review", pk=imported.pk)
        except DomainError as exc:
            problem = exc
    if wants_export(request):
        rows = visible_imports(scope_of(request)).defer("source_text", "reviewed")
        return export_response(
            request, ListExport(_("Văn bản đã nhập"), "van-ban-da-nhap", import_columns(), rows, import_row)
        )
    return _index(request, form, BatchForm(), problem)


def _index(
    request: HttpRequest, form: ImportForm, batch_form: BatchForm, problem: DomainError | None
) -> HttpResponse:
    scope = scope_of(request)
    context = {
        "form": form,
        "batch_form": batch_form,
        "problem": problem,
        "imports": visible_imports(scope).defer("source_text", "extraction", "reviewed")[:30],
        "batches": ImportBatch.objects.filter(created_by=scope.user).defer("payload")[:10],
        "breadcrumbs": _crumbs(),
    }
    status = 422 if problem or form.errors or batch_form.errors else 200
    return render(request, "extraction/index.html", context, status=status)


@login_required
@refusals
@require_POST
def batch_upload(request: HttpRequest) -> HttpResponse:
    batch_form = BatchForm(request.POST, request.FILES)
    problem = None
    if batch_form.is_valid():
        archive = batch_form.cleaned_data["archive"]
        try:
            batch = batch_create(
                actor=request.user, name=archive.name, data=upload_bytes(archive, MAX_BATCH_BYTES)
            )
            return redirect("extraction:batch", pk=batch.pk)
        except DomainError as exc:
            problem = exc
    return _index(request, ImportForm(), batch_form, problem)


@login_required
@refusals
def batch(request: HttpRequest, pk: int) -> HttpResponse:
    found = access_batch(scope_of(request), pk)
    context = {
        "batch": found,
        "texts": found.texts.defer("source_text", "extraction", "reviewed"),
        "breadcrumbs": _crumbs((found.file_name, None)),
    }
    return render_page(request, "extraction/batch.html", "extraction/_batch_progress.html", context)


@login_required
@refusals
def review(request: HttpRequest, pk: int) -> HttpResponse:
    imported = access_imported_text(scope_of(request), pk)
    if request.method != "POST" or imported.status == Status.CONFIRMED:
        return _review(request, imported, None)
    reviewed = None
    try:
        reviewed = reviewed_from_post(request.POST, imported.current, imported.source_text)
        if request.POST.get("action") == "confirm":
            imported_text_confirm(
                actor=request.user, scope=scope_of(request), imported=imported, reviewed=reviewed
            )
        else:
            imported_text_review(actor=request.user, imported=imported, reviewed=reviewed)
        return redirect("extraction:review", pk=imported.pk)
    except (NotFound, PermissionDenied):
        raise
    except DomainError as exc:
        return _review(request, imported, exc, shown=_shown(reviewed, imported))


def _shown(reviewed: dict[str, Any] | None, imported: Any) -> dict[str, Any]:
    """What the page shows after a refusal: the reviewer's unsaved input when it could be read."""
    if reviewed is None:
        return imported.current
    try:
        return check_reviewed(reviewed, len(imported.source_text))
    except DomainError:
        return imported.current


def _plain_number(value: float) -> str:
    number = float(value)
    return str(int(number)) if number.is_integer() else str(number).replace(".", ",")


def _figure_rows(data: dict[str, Any], text: str, plan: Any) -> list[dict[str, Any]]:
    planned = {p.index: p for p in plan.campaign.planned}
    rows = []
    for index, figure in enumerate(data["figures"]):
        found = planned.get(index)
        groups = [g.code for g in found.groups] if found else (figure.get("groups") or [])
        rows.append(
            {
                **figure,
                "quantity_input": _plain_number(figure["quantity"]),
                "dest_indicator": figure_indicator(figure, text),
                "dest_item": figure_item(figure),
                "dest_groups": groups,
                "is_money": is_money(figure),
            }
        )
    return rows


def _review(
    request: HttpRequest, imported: Any, problem: DomainError | None, shown: dict[str, Any] | None = None
) -> HttpResponse:
    data = dict(shown or imported.current)
    confirmed = imported.status == Status.CONFIRMED
    plan = None if confirmed else build_plan(basis_of(data, imported.source_text, source_label(imported)))
    if plan is not None:
        data["figures"] = _figure_rows(data, imported.source_text, plan)
    else:
        data["figures"] = [{**f, "quantity_input": _plain_number(f["quantity"])} for f in data["figures"]]
    context = {
        "imported": imported,
        "data": data,
        "plan": plan,
        "meeting_kinds": MeetingKind.choices,
        "segments": segments(imported.source_text, data),
        "event_types": EVENT_TYPES,
        "qualifiers": QUALIFIERS,
        "new_rows": range(NEW_ROWS),
        "drafts": draft_links(list(imported.drafts.all())),
        "problem": problem,
        "confirmed": confirmed,
        "breadcrumbs": _crumbs((str(imported)[:60], None)),
    }
    return render(request, "extraction/review.html", context, status=422 if problem else 200)
