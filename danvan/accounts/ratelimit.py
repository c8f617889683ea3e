"""Rate limits of /api/v1: per token, and per address for calls without a token (public operations).

Fixed windows counted in Django's cache: one `add` and one `incr` per request, no database.
Over the limit the API answers 429 problem+json with Retry-After (seconds to the window's end).
With several server processes use a shared cache (database or Redis) so that they count together.
"""

import hashlib
import json
import math
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

API_PREFIX = "/api/v1/"
WINDOW_SECONDS = 60


def token_limit() -> int:
    return int(getattr(settings, "DANVAN_API_RATE_PER_MINUTE", 600))


def address_limit() -> int:
    return int(getattr(settings, "DANVAN_API_PUBLIC_RATE_PER_MINUTE", 600))


def hit(key: str, limit: int, window: int = WINDOW_SECONDS) -> int | None:
    """Count one request under `key`; the seconds to wait if it goes over `limit`, else None."""
    now = time.time()
    start_key, count_key = f"ratelimit:{key}:start", f"ratelimit:{key}:count"
    if cache.add(start_key, now, window):
        cache.set(count_key, 0, window)
    try:
        count = cache.incr(count_key)
    except ValueError:  # the window ended between the two calls: start a new one
        cache.set(start_key, now, window)
        cache.set(count_key, 1, window)
        count = 1
    if count <= limit:
        return None
    started = float(cache.get(start_key, now))
    return max(1, math.ceil(started + window - now))


def _bearer(request: HttpRequest) -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _space, credentials = header.partition(" ")
    if scheme.lower() == "bearer" and credentials.strip():
        return credentials.strip()
    return None


def _key(request: HttpRequest) -> tuple[str, int]:
    token = _bearer(request)
    if token is not None:
        return "token:" + hashlib.sha256(token.encode()).hexdigest()[:32], token_limit()
    address = str(request.META.get("REMOTE_ADDR") or "unknown")
    return "address:" + hashlib.sha256(address.encode()).hexdigest()[:32], address_limit()


def too_many_requests(retry_after: int) -> HttpResponse:
    body = {
        "status": 429,
        "code": "rate_limited",
        "detail": _("Quá nhiều yêu cầu: hãy thử lại sau %(seconds)d giây.") % {"seconds": retry_after},
    }
    response = HttpResponse(
        json.dumps(body, ensure_ascii=False), status=429, content_type="application/problem+json"
    )
    response["Retry-After"] = str(retry_after)
    return response


class ApiRateLimitMiddleware:
    """Per-token (or, without a token, per-address) request limits on /api/v1/."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith(API_PREFIX):
            key, limit = _key(request)
            retry_after = hit(key, limit)
            if retry_after is not None:
                return too_many_requests(retry_after)
        return self.get_response(request)
