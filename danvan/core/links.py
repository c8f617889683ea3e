"""Paths of pages, reversed once per URL configuration and script prefix.

`reverse` costs about 40 µs; the shell of every page links to some twenty pages, a province's
dashboard to a thousand records pages and a list to 25 records, so the paths that never change
are remembered, and a record's path is its page's path with the id put in.
"""

from functools import cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse


def page_path(name: str) -> str:
    """`reverse(name)` for a URL name that takes no arguments, remembered."""
    return _reversed(name, get_urlconf() or settings.ROOT_URLCONF, get_script_prefix())


@cache
def _reversed(name: str, urlconf: str, prefix: str) -> str:
    return reverse(name, urlconf=urlconf)


_SENTINEL = 987654321  # an id that stands for "the id here" in a reversed path


def record_path(name: str, pk: int) -> str:
    """`reverse(name, args=[pk])` for a URL whose one argument is an integer id, remembered."""
    head, tail = _record_pattern(name, get_urlconf() or settings.ROOT_URLCONF, get_script_prefix())
    return f"{head}{int(pk)}{tail}"


@cache
def _record_pattern(name: str, urlconf: str, prefix: str) -> tuple[str, str]:
    head, _sentinel, tail = reverse(name, urlconf=urlconf, args=[_SENTINEL]).partition(str(_SENTINEL))
    return head, tail
