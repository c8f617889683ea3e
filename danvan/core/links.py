"""Paths of pages without arguments, reversed once per URL configuration and script prefix.

`reverse` costs about 40 µs; the shell of every page links to some twenty pages and a province's
dashboard to a thousand records pages, so the paths that never change are remembered.
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
