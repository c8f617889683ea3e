"""The anonymous column of the access matrix, generated from the URL conf and the OpenAPI
document so that a new page or operation cannot be forgotten: every page answers an anonymous
visitor with the login page (302) unless it is listed in PUBLIC_PAGES, and every API operation
answers 401 unless it is listed in PUBLIC_OPERATIONS — and nothing is written either way.
"""

import re
from typing import Any

import pytest
from django.apps import apps
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

# Pages anyone may open (by URL name).
PUBLIC_PAGES = {
    "core:home",
    "core:healthz",
    "accounts:login",
    "accounts:logout",
    "accounts:password_reset",
    "accounts:password_reset_done",
    "accounts:password_reset_confirm",
    "accounts:password_reset_complete",
    "accounts:login_second_factor",
    "territory:index",
    "territory:unit",
    "territory:search",
    "territory:children",
    "practices:showcase",
    "practices:showcase_detail",
    "practices:attachment",
    "meetings:public_reception",
}
PUBLIC_PREFIXES = ("petitions_public:", "portal:")
PUBLIC_OPERATIONS = re.compile(
    r"^(/api/v1/units|/api/v1/public/|/api/v1/auth/token|/api/v1/openapi|/api/v1/docs)"
)
SKIP = re.compile(r"^(quan-tri-he-thong/|static/|media/)")


def _patterns(resolver: URLResolver, prefix: str = "", namespace: str = "") -> list[tuple[str, str]]:
    found = []
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            found += _patterns(entry, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern) and entry.name:
            found.append((prefix + str(entry.pattern), f"{namespace}{entry.name}"))
    return found


def _fill(route: str) -> str:
    route = re.sub(r"<int:[^>]+>", "999999", route)
    route = re.sub(r"<(str|slug|path|uuid):[^>]+>", "khong-co", route)
    route = re.sub(r"<[^>]+>", "khong-co", route)
    return "/" + route.lstrip("^").rstrip("$")


PAGES = [
    (route, name)
    for route, name in _patterns(get_resolver())
    if not route.startswith("api/") and not SKIP.match(route)
]


def _snapshot() -> dict[str, int]:
    return {
        m._meta.label: m._default_manager.count()
        for m in apps.get_models()
        if m._meta.app_label.startswith(
            (
                "accounts",
                "reporting",
                "practices",
                "petitions",
                "meetings",
                "campaigns",
                "membership",
                "documents",
                "portal",
                "extraction",
                "orgs",
                "territory",
            )
        )
    }


@pytest.mark.django_db
@pytest.mark.parametrize(("route", "name"), PAGES, ids=[name for _, name in PAGES])
def test_every_page_is_public_or_asks_anonymous_visitors_to_log_in(route: str, name: str, tree: Any) -> None:
    url = _fill(route)
    before = _snapshot()
    client = Client()
    public = name in PUBLIC_PAGES or name.startswith(PUBLIC_PREFIXES)
    for method, query in (("get", {}), ("post", {}), ("get", {"xuat": "xlsx"})):  # and its Excel export
        response = getattr(client, method)(url, query)
        if public:
            assert response.status_code < 500, (name, method, response.status_code)
        else:
            assert response.status_code in (302, 401, 403, 404, 405), (name, method, response.status_code)
            if response.status_code == 302:
                assert "/dang-nhap/" in response["Location"] or "login" in response["Location"], (
                    name,
                    response["Location"],
                )
            assert response.status_code != 200, (name, method)
    assert _snapshot() == before, name


def _operations() -> list[tuple[str, str]]:
    client = Client()
    spec = client.get("/api/v1/openapi.json").json()
    return [
        (method.upper(), path)
        for path, item in spec["paths"].items()
        for method in item
        if method in ("get", "post", "put", "patch", "delete")
    ]


@pytest.mark.django_db
def test_every_api_operation_is_public_or_needs_a_token(tree: Any) -> None:
    client = Client()
    before = _snapshot()
    for method, path in _operations():
        url = re.sub(r"\{[^}]+\}", "999999", path)
        response = client.generic(method, url, b"{}", content_type="application/json")
        if PUBLIC_OPERATIONS.match(path):
            assert response.status_code < 500, (method, path, response.status_code)
        else:
            assert response.status_code == 401, (method, path, response.status_code)
            assert response["Content-Type"].startswith("application/problem+json"), (method, path)
    assert _snapshot() == before
