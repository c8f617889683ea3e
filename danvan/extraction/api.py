"""/api/v1 operations of Nhập văn bản: POST /extraction (JSON text, or a multipart file)."""

import json
from typing import Any

from django.http import HttpRequest
from ninja import Router

from danvan.core.errors import InvalidInput
from danvan.extraction.extracting import extract_file, extract_pasted
from danvan.extraction.reading import upload_bytes
from danvan.extraction.schemas import ExtractionIn, ExtractionOut

router = Router(tags=["Nhập văn bản"])

_REQUEST_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": ExtractionIn.model_json_schema()},
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "properties": {"file": {"type": "string", "format": "binary"}},
                "required": ["file"],
            }
        },
    },
}


def _payload(request: HttpRequest) -> tuple[str | None, bytes | None, str]:
    if request.content_type == "multipart/form-data":
        upload = request.FILES.get("file")
        if upload is None:
            raise InvalidInput(
                "missing_file", "Thiếu tệp (trường “file”).", errors={"file": ["Chọn một tệp."]}
            )
        return None, upload_bytes(upload), upload.name or ""
    try:
        body = ExtractionIn.model_validate(json.loads(request.body or b"{}"))
    except (ValueError, TypeError) as exc:
        raise InvalidInput(
            "invalid_body", 'Thân yêu cầu phải là JSON {"text": "…"} hoặc một tệp (multipart).'
        ) from exc
    return body.text, None, ""


@router.post(
    "/extraction",
    response={200: ExtractionOut},
    openapi_extra={"requestBody": _REQUEST_BODY},
    summary="Trích xuất một văn bản",
    operation_id="extraction_extract",
)
def extract_text(request: HttpRequest) -> Any:
    """Sự kiện, người dự, kỳ, số liệu và nhiệm vụ của một văn bản; không lưu gì."""
    text, data, name = _payload(request)
    _source, result = extract_file(name, data) if data is not None else extract_pasted(text or "")
    return result
