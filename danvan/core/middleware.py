"""Cross-cutting request guards."""

import json
from collections.abc import Callable

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
