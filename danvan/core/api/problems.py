"""The one error body of /api/v1 (RFC 9457 problem+json): status, a machine code, a Vietnamese
detail and, for validation, the messages of each field."""

import json
from typing import Any

from django.http import HttpResponse
from ninja import Field, Schema

PROBLEM_TYPE = "application/problem+json"


class ProblemOut(Schema):
    status: int = Field(description="Mã trạng thái HTTP.")
    code: str = Field(description="Mã lỗi cho máy đọc, ví dụ validation_error, not_found, stale_version.")
    detail: str = Field(description="Giải thích bằng tiếng Việt.")
    errors: dict[str, list[str]] | None = Field(
        None, description="Lỗi theo từng trường (khi kiểm tra dữ liệu)."
    )


def problem_response(
    status: int, code: str, detail: str, *, headers: dict[str, str] | None = None, **extra: Any
) -> HttpResponse:
    body = {"status": status, "code": code, "detail": detail, **extra}
    response = HttpResponse(json.dumps(body, ensure_ascii=False), status=status, content_type=PROBLEM_TYPE)
    for name, value in (headers or {}).items():
        response[name] = value
    return response
