"""Cross-cutting request guards."""

import json
import re
from collections.abc import Callable
from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

API_PREFIX = "/api/"


class RequestSizeLimitMiddleware:
    """Refuse a request whose declared body is larger than DANVAN_MAX_REQUEST_BYTES, with 413,
    before anything reads it (Django's own limits apply only once the body is parsed, and do not
    count uploaded files). A body sent without Content-Length is read by Django as empty."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = settings.DANVAN_MAX_REQUEST_BYTES
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0  # Django treats an unreadable length as an empty body
        if length > limit:
            return too_large(request, limit)
        return self.get_response(request)


def too_large(request: HttpRequest, limit: int) -> HttpResponse:
    detail = _("Dữ liệu gửi lên quá lớn (tối đa %(size)s).") % {"size": filesizeformat(limit)}
    if request.path.startswith(API_PREFIX):
        body = json.dumps({"status": 413, "code": "payload_too_large", "detail": detail}, ensure_ascii=False)
        response = HttpResponse(body, status=413, content_type="application/problem+json")
    else:
        response = HttpResponse(detail, status=413, content_type="text/plain; charset=utf-8")
    # The unread body must not be taken for the next request on a kept-alive connection.
    response["Connection"] = "close"
    return response


# A JSON string escape of NUL: "\\u0000" preceded by an even number of backslashes (an odd number
# would make the backslash itself the escaped character).
JSON_NUL = re.compile(rb"(?<!\\)(?:\\\\)*\\u0000")


class NulCharacterMiddleware:
    """Refuse an API request carrying a NUL character in its path, query or JSON body with 422.

    No text of this system holds NUL, and PostgreSQL cannot store it in a text column: one such
    character reaching a filter or a save would end as a 500. Django's form fields already refuse
    it on pages; the API's pydantic schemas do not, so the check is made here, once for every
    endpoint. Multipart bodies are left alone: uploaded files legitimately hold NUL bytes."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith(API_PREFIX) and _carries_nul(request):
            detail = _("Dữ liệu gửi lên có ký tự NUL (mã 0), không được chấp nhận.")
            problem = {"status": 422, "code": "invalid_character", "detail": detail}
            body = json.dumps(problem, ensure_ascii=False)
            return HttpResponse(body, status=422, content_type="application/problem+json")
        return self.get_response(request)


def _carries_nul(request: HttpRequest) -> bool:
    if "\x00" in request.path or b"\x00" in unquote_to_bytes(request.META.get("QUERY_STRING", "")):
        return True
    if (request.content_type or "").endswith("json"):
        body = request.body
        return b"\x00" in body or JSON_NUL.search(body) is not None
    return False
