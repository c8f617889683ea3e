"""Cached public pages, invalidated when what they show changes.

Every cache key carries a generation number; publishing, withdrawing or editing a published post
and moderating a comment bump it (after commit), so every cached page is stale at once without
listing keys. What is cached is the page's content rendered without any per-visitor part (no
CSRF token, no user): the shell around it and the comment form are rendered for each request,
so one visitor's token never reaches another.
"""

import hashlib
from collections.abc import Callable
from functools import wraps

from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse

GENERATION_KEY = "portal:generation"
PAGE_SECONDS = 300


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, 1, None)
        value = cache.get(GENERATION_KEY, 1)
    return int(value)


def _bump() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # missing (evicted or never set): any new value makes old keys unreachable
        cache.set(GENERATION_KEY, 2, None)


def invalidate_on_commit() -> None:
    """Bump now and again after commit: a page cached in between, from the old rows, is dropped too."""
    _bump()
    transaction.on_commit(_bump)


def cached_text(name: str, variant: str, build: Callable[[], str], seconds: int = PAGE_SECONDS) -> str:
    """The text `build()` makes, cached under `name` and `variant` for the current generation."""
    digest = hashlib.sha256(variant.encode()).hexdigest()[:32]
    key = f"portal:page:{generation()}:{name}:{digest}"
    text = cache.get(key)
    if text is None:
        text = build()
        cache.set(key, text, seconds)
    return str(text)


def cached_response[**P](
    name: str, seconds: int = PAGE_SECONDS
) -> Callable[[Callable[P, HttpResponse]], Callable[P, HttpResponse]]:
    """Cache a whole response that holds nothing per visitor (the feed, the sitemap), by path only."""

    def decorate(view: Callable[P, HttpResponse]) -> Callable[P, HttpResponse]:
        @wraps(view)
        def wrapped(*args: P.args, **kwargs: P.kwargs) -> HttpResponse:
            request = args[0]
            assert isinstance(request, HttpRequest)
            digest = hashlib.sha256(request.path.encode()).hexdigest()[:32]
            key = f"portal:response:{generation()}:{name}:{digest}"
            stored = cache.get(key)
            if stored is not None:
                content, content_type = stored
                return HttpResponse(content, content_type=content_type)
            response = view(*args, **kwargs)
            if response.status_code == 200 and not response.streaming:
                if hasattr(response, "render"):
                    response.render()
                cache.set(key, (response.content, response["Content-Type"]), seconds)
            return response

        return wrapped

    return decorate
