"""ETag on reads, If-Match on writes: the one way /api/v1 prevents lost updates.

An ETag is the quoted, dash-joined identity and version(s) of the object: `"42-3"`. Updates
(PATCH, PUT) require If-Match: 428 when it is missing, 412 when it is not the current ETag. Actions
on an object (POST /…/{id}/submit, /transitions, …) take an optional If-Match, checked the same way.
`*` matches any current version.
"""

from typing import Any

from django.http import HttpResponse
from ninja.params import HeaderEx, P

from danvan.core.errors import DomainError

IF_MATCH_HELP = "ETag nhận được ở lần đọc gần nhất; 412 nếu bản ghi đã bị sửa sau đó."
IfMatch = HeaderEx[str | None, P(alias="If-Match", max_length=100, description=IF_MATCH_HELP)]

ETAG_HEADER = {
    "ETag": {
        "description": "Phiên bản hiện tại của bản ghi; gửi lại trong If-Match khi sửa.",
        "schema": {"type": "string"},
    }
}


def etag_response(*statuses: int) -> dict[str, Any]:
    """`openapi_extra` declaring the ETag header on the given responses (default 200)."""
    return {"responses": {status: {"headers": ETAG_HEADER} for status in statuses or (200,)}}


class PreconditionFailed(DomainError):
    status = 412

    def __init__(self) -> None:
        super().__init__(
            "stale_version", "Bản ghi đã được sửa sau lần đọc của bạn; hãy đọc lại rồi gửi với ETag mới."
        )


class PreconditionRequired(DomainError):
    status = 428

    def __init__(self) -> None:
        super().__init__("precondition_required", "Cần tiêu đề If-Match với ETag lấy từ lần đọc gần nhất.")


def etag(*parts: int) -> str:
    return '"' + "-".join(str(part) for part in parts) + '"'


def version_etag(obj: Any) -> str:
    """The ETag of a row with a `version` column."""
    return etag(obj.pk, obj.version)


def set_etag(response: HttpResponse, tag: str) -> None:
    response["ETag"] = tag


def check_if_match(if_match: str | None, current: str, *, required: bool) -> bool:
    """True when the caller named the current version (its write must then apply to that version
    only); False when no precondition was sent (optional) or `*` was."""
    sent = (if_match or "").strip()
    if not sent:
        if required:
            raise PreconditionRequired()
        return False
    if sent == "*":
        return False
    if current not in (tag.strip().removeprefix("W/") for tag in sent.split(",")):
        raise PreconditionFailed()
    return True


def expected_version(obj: Any, if_match: str | None, *, required: bool) -> int | None:
    """The version the write must find (for services that re-check it under lock), or None."""
    return obj.version if check_if_match(if_match, version_etag(obj), required=required) else None
