"""Benchmarks of the Dân vận khéo registry at national scale (~300,000 practices).

- `practices.stats_province`: practice_stats(unit=<the province with most communes>, year) against
  a raw COUNT(*) over the same (unit_path range, year) rows.
- `practices.stats_national`: practice_stats(unit=None, year) — the whole country; against a raw
  COUNT(*) of the year.
- `practices.list_page`: the list page filtered by year, field and province, as a province
  approver; against GET /healthz through the same client.

The year is last year (every status represented), or the latest year with data.
"""

from typing import Any

from django.db.models import Count, Max, Q
from django.test import Client
from django.utils import timezone

from bench.fixtures import Fixtures
from bench.foundation import _fetch, _get, _same
from bench.registry import Case, Unavailable, benchmark
from danvan.practices.models import Practice
from danvan.practices.stats import PracticeStats, practice_stats
from danvan.territory.models import Level, Unit
from danvan.territory.selectors import history_paths

PRACTICE = Practice._meta.db_table
_HI = "9" * 32


def _year() -> int:
    last = timezone.localdate().year - 1
    if Practice.objects.filter(year=last).exists():
        return last
    latest = Practice.objects.aggregate(top=Max("year"))["top"]
    if latest is None:
        raise Unavailable("no practices: run `manage.py generate` (or `--only practices`)")
    return int(latest)


def _largest_province() -> Unit:
    province = (
        Unit.objects.valid_on(timezone.localdate())
        .filter(level=Level.PROVINCE)
        .annotate(n=Count("children", filter=Q(children__level=Level.COMMUNE)))
        .order_by("-n", "code")
        .first()
    )
    if province is None:
        raise Unavailable("no province")
    return province


def _range_count(paths: list[str], year: int) -> tuple[str, list[Any]]:
    clause = " OR ".join("(unit_path >= %s AND unit_path <= %s)" for _ in paths)
    params: list[Any] = [value for path in paths for value in (path, path + _HI)]
    return f"SELECT COUNT(*) FROM {PRACTICE} WHERE ({clause}) AND year = %s", [*params, year]  # noqa: S608


@benchmark("practices.stats_province", baseline="raw SQL COUNT, same unit_path ranges and year")
def stats_province(fx: Fixtures) -> Case:
    """practice_stats(unit=<province with most communes>, year=<last year>): every figure of a province."""
    year, province = _year(), _largest_province()
    sql, params = _range_count(history_paths(province), year)

    def subject() -> PracticeStats:
        return practice_stats(unit=province, year=year)

    def baseline() -> int:
        return _fetch(sql, params)[0][0]

    _same(subject().total, baseline(), "practices.stats_province")
    return Case(subject, baseline)


@benchmark("practices.stats_national", baseline="raw SQL COUNT of the year")
def stats_national(fx: Fixtures) -> Case:
    """practice_stats(unit=None, year=<last year>): every figure of the whole country."""
    year = _year()
    sql = f"SELECT COUNT(*) FROM {PRACTICE} WHERE year = %s"  # noqa: S608

    def subject() -> PracticeStats:
        return practice_stats(unit=None, year=year)

    def baseline() -> int:
        return _fetch(sql, [year])[0][0]

    _same(subject().total, baseline(), "practices.stats_national")
    return Case(subject, baseline)


@benchmark("practices.list_page", baseline="GET /healthz, same client")
def list_page(fx: Fixtures) -> Case:
    """GET /dan-van-kheo/?year=<last year>&field=kinh-te&unit=<province>, as its approver (page 1)."""
    client = Client()
    client.force_login(fx.approver, backend="danvan.accounts.backends.AccountBackend")
    query = {"year": _year(), "field": "kinh-te", "unit": fx.province.code}
    _get(client, "/dan-van-kheo/", data=query)
    return Case(lambda: _get(client, "/dan-van-kheo/", data=query), lambda: _get(client, "/healthz"))
