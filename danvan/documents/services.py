"""Writes of the documents app: requesting a document, and generating it in the background task.

A request is validated at once (type, unit within the requester's reach, parameters, format), saved
as `queued`, and the task is enqueued when the transaction commits. The task claims the row
(queued → running) so that a retried task never generates twice, reports its progress on the row,
and ends in `done` with the file or `failed` with a Vietnamese message.
"""

import logging
from typing import Any

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from danvan.accounts.models import Role
from danvan.accounts.scope import UserScope
from danvan.audit.services import audit_record
from danvan.core.errors import DomainError, InvalidInput, NotFound
from danvan.core.text import fold
from danvan.documents.models import DocumentTemplate, Format, GeneratedDocument, Status
from danvan.documents.official import OfficialDocument
from danvan.documents.pdf import docx_to_pdf, pdf_available
from danvan.documents.registry import DOCUMENT_TYPES, BuildRequest, DocumentType, document_type
from danvan.documents.rendering import render_docx
from danvan.territory.models import Unit

logger = logging.getLogger(__name__)
GENERIC_FAILURE = "Có lỗi khi tạo văn bản. Hãy thử lại; nếu vẫn lỗi, báo quản trị hệ thống."


def _previous(actor: Any, key: str, request_hash: str) -> GeneratedDocument | None:
    found = GeneratedDocument.objects.filter(requested_by=actor, idempotency_key=key).first()
    if found is not None and found.request_hash != request_hash:
        raise InvalidInput(
            "idempotency_key_reused",
            "Khóa Idempotency-Key này đã được dùng cho một yêu cầu khác; hãy dùng khóa mới.",
        )
    return found


def document_request(
    *,
    actor: Any,
    scope: UserScope,
    type_code: str,
    unit: Unit | None,
    parameters: dict[str, Any],
    output_format: str = Format.DOCX,
    idempotency_key: str = "",
    request_hash: str = "",
) -> tuple[GeneratedDocument, bool]:
    """Queue a document; returns (document, created). The same Idempotency-Key returns the first one.

    `unit` may be None for a type about one object (a meeting, a campaign): the object's unit is used.
    """
    kind = document_type(type_code)
    if output_format not in Format.values:
        raise InvalidInput(
            "invalid_format", "Định dạng phải là docx hoặc pdf.", errors={"format": ["Chọn docx hoặc pdf."]}
        )
    values = kind.validate(parameters)
    unit = _document_unit(kind, scope, unit, values)
    if output_format == Format.PDF and not pdf_available():
        raise InvalidInput(
            "pdf_unavailable", "Máy chủ chưa cài LibreOffice nên chưa xuất được PDF; hãy chọn Word."
        )
    if idempotency_key:
        previous = _previous(actor, idempotency_key, request_hash)
        if previous is not None:
            return previous, False
    try:
        with transaction.atomic():
            document = GeneratedDocument.objects.create(
                type=kind.code,
                parameters=values,
                format=output_format,
                unit=unit,
                unit_path=unit.path,
                requested_by=actor,
                title=f"{kind.label} — {unit.name}",
                idempotency_key=idempotency_key,
                request_hash=request_hash if idempotency_key else "",
            )
            audit_record(actor=actor, action="document.request", obj=document, unit=unit, changes=values)
            transaction.on_commit(lambda: _enqueue(document.pk))
    except IntegrityError:
        previous = _previous(actor, idempotency_key, request_hash) if idempotency_key else None
        if previous is None:
            raise
        return previous, False
    return document, True


def _document_unit(kind: DocumentType, scope: UserScope, unit: Unit | None, values: dict[str, Any]) -> Unit:
    """The unit asked for, or the unit of the object the document is about; 404 when out of reach."""
    if kind.target is not None:
        found = kind.target(scope, values)  # the object's access helper: 404 when not visible
        if unit is not None and unit.pk != found.pk:
            raise InvalidInput(
                "unit_mismatch",
                f"Đối tượng của văn bản thuộc {found.name}, không thuộc {unit.name}; "
                "bỏ trống đơn vị hoặc sửa lại.",
                errors={"unit": [f"Đơn vị của đối tượng là {found.name} (mã {found.code})."]},
            )
        unit = found
    if unit is None:
        raise InvalidInput(
            "unit_required", "Chọn đơn vị của văn bản.", errors={"unit": ["Bắt buộc với loại văn bản này."]}
        )
    if not scope.covers(unit, Role.VIEWER, history=True):
        raise NotFound("Không có đơn vị này trong phạm vi của bạn.")
    return unit


def _enqueue(document_id: int) -> None:
    from danvan.documents.tasks import generate_document

    generate_document.enqueue(document_id)


def _set_progress(document_id: int, percent: int) -> None:
    GeneratedDocument.objects.filter(pk=document_id, status=Status.RUNNING).update(progress=min(percent, 99))


def custom_template(type_code: str) -> bytes | None:
    found = DocumentTemplate.objects.filter(type=type_code).first()
    if found is None or not found.file:
        return None
    with found.file.open("rb") as handle:
        return handle.read()


def _render(document: GeneratedDocument, official: OfficialDocument) -> bytes:
    template = custom_template(document.type)
    try:
        return render_docx(official, template)
    except Exception as exc:
        if template is None:
            raise
        raise DomainError(
            "template_broken",
            f"Mẫu văn bản do quản trị tải lên không dùng được: {exc}. Hãy sửa hoặc xóa mẫu.",
        ) from exc


def file_name(official: OfficialDocument, document: GeneratedDocument) -> str:
    words = slugify(fold(f"{official.kind_label} {official.title}"))[:80].strip("-") or "van-ban"
    return f"{words}.{document.format}"


def _finish(document: GeneratedDocument, **values: Any) -> None:
    values["finished_at"] = timezone.now()
    for key, value in values.items():
        setattr(document, key, value)
    document.save(update_fields=[*values, "file"] if "filename" in values else list(values))


def document_generate(*, document_id: int) -> GeneratedDocument | None:
    """Run by the task: build, render, convert, store. None when another run already claimed it."""
    claimed = GeneratedDocument.objects.filter(pk=document_id, status=Status.QUEUED).update(
        status=Status.RUNNING, started_at=timezone.now(), progress=5
    )
    if not claimed:
        return None
    document = GeneratedDocument.objects.select_related("unit", "requested_by").get(pk=document_id)
    try:
        official = _build(document)
        data = _render(document, official)
        _set_progress(document.pk, 70)
        if document.format == Format.PDF:
            data = docx_to_pdf(data)
            _set_progress(document.pk, 95)
        name = file_name(official, document)
        document.file.save(name, ContentFile(data), save=False)
        _finish(document, status=Status.DONE, progress=100, filename=name, title=_title(official))
    except DomainError as exc:
        _finish(document, status=Status.FAILED, error=exc.message)
    except Exception:
        logger.exception("document %s failed", document_id)
        _finish(document, status=Status.FAILED, error=GENERIC_FAILURE)
    return document


def _build(document: GeneratedDocument) -> OfficialDocument:
    kind = DOCUMENT_TYPES.get(document.type)
    if kind is None:
        raise DomainError("unknown_document_type", f"Loại văn bản «{document.type}» không còn được hỗ trợ.")
    request = BuildRequest(
        unit=document.unit,
        parameters=document.parameters,
        requested_by=document.requested_by,
        report_progress=lambda percent: _set_progress(document.pk, percent),
    )
    return kind.builder(request)


def _title(official: OfficialDocument) -> str:
    label = official.kind_label.capitalize()
    return f"{label} {official.title[0].lower()}{official.title[1:]}"[:300] if official.title else label
