"""/api/v1/documents: request a document, follow its progress, fetch the file.

    POST /api/v1/documents {"type": "report", "unit": "04", "form": "so-ket", "period": "2021-H1",
                            "format": "docx", ...the type's own parameters}  → 202 {"id", "status"}
    POST /api/v1/documents {"type": "meeting_minutes", "meeting": 12, "variant": "conclusions"}
    POST /api/v1/documents {"type": "dialogue_questions", "meeting": 12}
    POST /api/v1/documents {"type": "campaign_summary", "campaign": 3}
    GET  /api/v1/documents/{id}        → status and progress
    GET  /api/v1/documents/{id}/file   → the file (409 while not ready)

Only the requester and the approvers (or above) of the document's unit see it; others get 404.
"""

import datetime as dt
import json
from typing import Any, Literal

from django.http import FileResponse, HttpRequest
from django.urls import reverse
from ninja import Router, Schema
from ninja import Status as HttpStatus
from pydantic import ConfigDict, Field, create_model

from danvan.accounts.scope import UserScope
from danvan.core.api.idempotency import IdempotencyKey, create_once
from danvan.core.api.problems import ProblemOut
from danvan.core.errors import Conflict
from danvan.documents.access import access_document
from danvan.documents.models import GeneratedDocument
from danvan.documents.registry import DOCUMENT_TYPES, DocumentType
from danvan.documents.services import document_request
from danvan.territory.selectors import unit_by_code

router = Router(tags=["Văn bản"])


class DocumentIn(Schema):
    """The type's own parameters go beside these fields: the request body matches one of the
    schemas of `oneOf`, one per document type (see the registry)."""

    model_config = ConfigDict(extra="allow")

    type: str = Field(min_length=1, max_length=40, description="report | recognised_models | …")
    unit: str | None = Field(
        None,
        min_length=1,
        max_length=16,
        description="mã đơn vị hành chính; bỏ trống với văn bản về một đối tượng (hội nghị, cuộc vận động)",
    )
    format: Literal["docx", "pdf"] = "docx"


def _type_schema(kind: DocumentType) -> dict[str, Any]:
    """The JSON schema of one type's request body: type, unit, format and the type's own parameters."""
    fields: dict[str, Any] = {
        "type": (Literal[kind.code], Field(description=kind.label)),
        "unit": (str | None, Field(None, max_length=16)) if kind.target else (str, Field(max_length=16)),
        "format": (Literal["docx", "pdf"], "docx"),
    }
    model = create_model(f"Document_{kind.code}", __base__=kind.parameters, **fields)
    schema = model.model_json_schema()
    schema["title"] = f"{kind.code}: {kind.label}"
    return schema


def _request_body() -> dict[str, Any]:
    """The body of POST /documents in the OpenAPI document: one schema per registered type."""
    schemas = [_type_schema(kind) for kind in DOCUMENT_TYPES.values()]
    body = {"oneOf": schemas, "discriminator": {"propertyName": "type"}}
    return {"requestBody": {"content": {"application/json": {"schema": body}}}}


class DocumentCreatedOut(Schema):
    id: int
    status: str


class DocumentOut(Schema):
    id: int
    type: str
    unit: str
    unit_name: str
    format: str
    title: str
    status: str = Field(description="queued | running | done | failed")
    progress: int = Field(description="0–100")
    error: str
    parameters: dict[str, Any]
    created_at: dt.datetime
    finished_at: dt.datetime | None
    file_url: str | None


def _scope(request: HttpRequest) -> UserScope:
    return request.scope  # type: ignore[attr-defined]


def _type_parameters(request: HttpRequest) -> dict[str, Any]:
    """The body's fields other than type, unit and format: the parameters of the document type."""
    raw = json.loads(request.body or b"{}")
    return {k: v for k, v in raw.items() if k not in DocumentIn.model_fields} if isinstance(raw, dict) else {}


def _out(document: GeneratedDocument) -> dict[str, Any]:
    return {
        "id": document.pk,
        "type": document.type,
        "unit": document.unit.code,
        "unit_name": document.unit.name,
        "format": document.format,
        "title": document.title,
        "status": document.status,
        "progress": document.progress,
        "error": document.error,
        "parameters": document.parameters,
        "created_at": document.created_at,
        "finished_at": document.finished_at,
        "file_url": reverse("api-v1:document_file", args=[document.pk]) if document.is_ready else None,
    }


@router.post(
    "/documents",
    response={202: DocumentCreatedOut},
    summary="Yêu cầu tạo văn bản",
    operation_id="documents_request",
    openapi_extra=_request_body(),
)
def request_document(
    request: HttpRequest, payload: DocumentIn, idempotency_key: IdempotencyKey = None
) -> Any:
    """Văn bản được tạo ở chế độ nền; theo dõi tiến độ bằng GET /documents/{id}.
    Gửi kèm Idempotency-Key để gửi lại an toàn: yêu cầu lặp lại trả về văn bản đã yêu cầu."""
    parameters = _type_parameters(request)
    scope = _scope(request)

    def create() -> GeneratedDocument:
        return document_request(
            actor=request.user,
            scope=scope,
            type_code=payload.type,
            unit=unit_by_code(payload.unit.strip()) if payload.unit else None,
            parameters=parameters,
            output_format=payload.format,
        )

    done = create_once(request, operation="documents_request", key=idempotency_key, create=create)
    document = access_document(scope, done.pk)
    return HttpStatus(202, {"id": document.pk, "status": document.status})


@router.get(
    "/documents/{document_id}",
    response={200: DocumentOut},
    summary="Trạng thái, tiến độ của văn bản",
    operation_id="documents_get",
)
def get_document(request: HttpRequest, document_id: int) -> Any:
    return _out(access_document(_scope(request), document_id))


@router.get(
    "/documents/{document_id}/file",
    response={200: None, 409: ProblemOut},
    summary="Tệp văn bản",
    url_name="document_file",
    operation_id="documents_file",
)
def document_file(request: HttpRequest, document_id: int) -> Any:
    """409 khi văn bản chưa tạo xong hoặc không tạo được."""
    document = access_document(_scope(request), document_id)
    if not document.is_ready:
        raise Conflict(
            "document_not_ready", "Văn bản chưa tạo xong (hoặc không tạo được); chưa có tệp để tải."
        )
    return FileResponse(document.file.open("rb"), as_attachment=True, filename=document.filename)
