"""Per-address rate limit of the public submission (form and API), counted in Django's cache.

A fixed window: at most LIMIT submissions (valid or not) per address per WINDOW seconds. With
several server processes the cache must be shared (database or Redis cache) for the limit to
hold across them; the local-memory default limits per process.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

LIMIT: int = getattr(settings, "DANVAN_PETITION_PUBLIC_LIMIT", 10)
WINDOW: int = getattr(settings, "DANVAN_PETITION_PUBLIC_WINDOW", 3600)


def client_address(request: HttpRequest) -> str:
    """REMOTE_ADDR: the reverse proxy in front must set it to the client's address."""
    return str(request.META.get("REMOTE_ADDR", "") or "unknown")


def hit(address: str, *, limit: int = LIMIT, window: int = WINDOW) -> int | None:
    """Count one attempt; None when allowed, else the seconds to wait (Retry-After)."""
    now = int(time.time())
    slot = now // window
    key = f"petitions:public:{address}:{slot}"
    cache.add(key, 0, timeout=window + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window + 5)
        count = 1
    if count > limit:
        return max((slot + 1) * window - now, 1)
    return None
