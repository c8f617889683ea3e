"""Benchmarks of the foundation: the unit tree, search, the public units API, scopes, orgs.

Database reads are compared with the raw SQL doing the same (and checked to give the same
answer); HTTP requests with a tiny response (`/healthz`) through the same client and middleware.
"""

from collections.abc import Sequence
from typing import Any

from django.db import connection
from django.test import Client
from django.utils import timezone

from bench.fixtures import Fixtures
from bench.registry import Case, Unavailable, benchmark
from danvan.accounts.models import Grant
from danvan.accounts.scope import scope_for
from danvan.accounts.services.tokens import token_create
from danvan.core.text import fold
from danvan.orgs.access import visible_organizations
from danvan.orgs.models import Organization
from danvan.territory import selectors
from danvan.territory.models import MAX_DEPTH, PATH_SEGMENT, Unit

UNIT = Unit._meta.db_table
ORGANIZATION = Organization._meta.db_table
GRANT = Grant._meta.db_table
_HI = "9" * (PATH_SEGMENT * MAX_DEPTH)


def _ranges(column: str, paths: Sequence[str]) -> tuple[str, list[str]]:
    clause = " OR ".join(f"({column} >= %s AND {column} <= %s)" for _ in paths) or "1 = 0"
    return f"({clause})", [value for path in paths for value in (path, path + _HI)]


def _fetch(sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _same(subject: Any, baseline: Any, name: str) -> None:
    if subject != baseline:
        raise AssertionError(f"{name}: subject gives {subject!r}, baseline {baseline!r}")


def _get(client: Client, path: str, **extra: Any) -> Any:
    response = client.get(path, **extra)
    if response.status_code != 200:
        raise Unavailable(f"GET {path} answered {response.status_code}")
    return response


@benchmark("territory.subtree_count", baseline="raw SQL COUNT, same path ranges")
def subtree_count(fx: Fixtures) -> Case:
    """Units in a province's subtree and its former units', through the approver's scope filter."""
    scope = scope_for(fx.approver)
    where, params = _ranges("path", scope.read_paths())
    sql = f"SELECT COUNT(*) FROM {UNIT} WHERE {where}"  # noqa: S608 - table name and placeholders only

    def subject() -> int:
        return Unit.objects.filter(scope.unit_q()).count()

    def baseline() -> int:
        return _fetch(sql, params)[0][0]

    _same(subject(), baseline(), "territory.subtree_count")
    return Case(subject, baseline)


@benchmark("territory.descendants", baseline="raw SQL SELECT *, same range and order")
def descendants(fx: Fixtures) -> Case:
    """All units below a commune valid today (its neighbourhoods), as model instances."""
    today = timezone.localdate()
    lo, hi = fx.commune.subtree_bounds()
    sql = (
        f"SELECT * FROM {UNIT} WHERE path > %s AND path <= %s"  # noqa: S608
        " AND (valid_from IS NULL OR valid_from <= %s) AND (valid_to IS NULL OR valid_to >= %s)"
        " ORDER BY sort_key"
    )

    def subject() -> list[Unit]:
        return list(selectors.descendants(fx.commune, at=today))

    def baseline() -> list[tuple[Any, ...]]:
        return _fetch(sql, [lo, hi, today, today])

    _same(len(subject()), len(baseline()), "territory.descendants")
    return Case(subject, baseline)


@benchmark("territory.search", baseline="raw SQL LIKE on name_folded: count + first 50")
def search(fx: Fixtures) -> Case:
    """Accent-insensitive search of every unit valid today (own and former names), count + page."""
    folded = fold(fx.search_text)
    today = timezone.localdate()
    where = (
        "(name_folded LIKE %s OR name_folded LIKE %s)"
        " AND (valid_from IS NULL OR valid_from <= %s) AND (valid_to IS NULL OR valid_to >= %s)"
    )
    params = [folded + "%", "% " + folded + "%", today, today]
    count_sql = f"SELECT COUNT(*) FROM {UNIT} WHERE {where}"  # noqa: S608
    page_sql = f"SELECT * FROM {UNIT} WHERE {where} ORDER BY depth, sort_key, id LIMIT 50"  # noqa: S608

    def subject() -> int:
        return len(selectors.search_units(fx.search_text, limit=50)[0])

    def baseline() -> int:
        _fetch(count_sql, params)
        return len(_fetch(page_sql, params))

    return Case(subject, baseline)


@benchmark("api.units_list", baseline="GET /healthz, same client")
def units_list(fx: Fixtures) -> Case:
    """GET /api/v1/units?level=commune&parent=<province> (the first page, public)."""
    client = Client()
    query = {"level": "commune", "parent": fx.province.code}
    _get(client, "/api/v1/units", data=query)
    return Case(lambda: _get(client, "/api/v1/units", data=query), lambda: _get(client, "/healthz"))


@benchmark("api.me", baseline="GET /healthz, same client")
def api_me(fx: Fixtures) -> Case:
    """GET /api/v1/me with a bearer token of the province approver."""
    client = Client()
    _token, secret = token_create(user=fx.approver, name="bench")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    _get(client, "/api/v1/me", **headers)
    return Case(lambda: _get(client, "/api/v1/me", **headers), lambda: _get(client, "/healthz"))


@benchmark("core.home_page", baseline="GET /healthz, same client")
def home_page(fx: Fixtures) -> Case:
    """GET / for a logged-in province approver: counts of the province's subtree."""
    client = Client()
    client.force_login(fx.approver, backend="danvan.accounts.backends.AccountBackend")
    _get(client, "/")
    return Case(lambda: _get(client, "/"), lambda: _get(client, "/healthz"))


@benchmark("accounts.scope_for", baseline="raw SQL of the grants query alone")
def scope(fx: Fixtures) -> Case:
    """scope_for(user) and its read paths (grants, then former units) for the user with most grants."""
    sql = (
        f"SELECT g.unit_id, u.path, g.organization_id, g.role FROM {GRANT} g"  # noqa: S608
        f" LEFT JOIN {UNIT} u ON u.id = g.unit_id WHERE g.user_id = %s"
    )

    def subject() -> list[str]:
        return scope_for(fx.viewer).read_paths()

    def baseline() -> list[tuple[Any, ...]]:
        return _fetch(sql, [fx.viewer.pk])

    return Case(subject, baseline)


@benchmark("orgs.visible_count", baseline="raw SQL COUNT with the join, same path ranges")
def visible_count(fx: Fixtures) -> Case:
    """Current organizations a province approver may see (visible_organizations(scope).count())."""
    scope = scope_for(fx.approver)
    where, params = _ranges("u.path", scope.read_paths())
    sql = (
        f"SELECT COUNT(*) FROM {ORGANIZATION} o JOIN {UNIT} u ON u.id = o.unit_id"  # noqa: S608
        f" WHERE {where} AND o.valid_to IS NULL"
    )

    def subject() -> int:
        return visible_organizations(scope).filter(valid_to__isnull=True).count()

    def baseline() -> int:
        return _fetch(sql, params)[0][0]

    _same(subject(), baseline(), "orgs.visible_count")
    return Case(subject, baseline)
