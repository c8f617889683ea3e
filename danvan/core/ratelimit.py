"""Counting requests per key in fixed time windows, in Django's cache.

For password reset, the second sign-in factor and public forms (petitions, the portal):

    if not rate_limit.hit("petition-submit", client_ip(request), limit=10, window=3600):
        return too_many(request, window=3600)

The counters live in the `default` cache. Several web processes must share one cache for the
limits to hold across them (see docs/security.md); the process-local default still limits each
process. Logins are limited by django-axes, in the database.
"""

import hashlib
import json
import time

from axes.helpers import get_client_ip_address
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _


def _cache_key(scope: str, key: str, window: int) -> str:
    bucket = int(time.time() // window)
    digest = hashlib.sha256(f"{scope}\x00{key}".encode()).hexdigest()[:32]
    return f"ratelimit:{scope}:{digest}:{bucket}"


def wait_seconds(scope: str, key: str, *, limit: int, window: int) -> int | None:
    """Without counting: the seconds until the window ends when `limit` events already fell in it."""
    if int(cache.get(_cache_key(scope, key, window), 0)) < limit:
        return None
    return max(int(window - time.time() % window), 1)


def hit(scope: str, key: str, *, limit: int, window: int) -> bool:
    """Count one event for (scope, key); False once more than `limit` fall in the current window."""
    cache_key = _cache_key(scope, key, window)
    if cache.add(cache_key, 1, timeout=window + 60):
        return limit >= 1
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=window + 60)
        count = 1
    return count <= limit


def client_ip(request: HttpRequest) -> str:
    """The client address as django-axes sees it (one definition for lockouts and limits)."""
    return get_client_ip_address(request) or "unknown"


def too_many(request: HttpRequest, *, window: int) -> HttpResponse:
    """429 with Retry-After, in Vietnamese; problem+json under /api/."""
    minutes = max(1, -(-window // 60))
    detail = _("Bạn đã gửi quá nhiều yêu cầu; hãy thử lại sau %(minutes)d phút.") % {"minutes": minutes}
    if request.path.startswith("/api/"):
        body = json.dumps({"status": 429, "code": "rate_limited", "detail": detail}, ensure_ascii=False)
        response = HttpResponse(body, status=429, content_type="application/problem+json")
    else:
        response = HttpResponse(detail, status=429, content_type="text/plain; charset=utf-8")
    response["Retry-After"] = str(window)
    return response
