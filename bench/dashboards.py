"""Benchmarks of the dashboards (the landing figures that must stay cheap at 8 a.m.).

- `dashboards.national`: dashboard(nation, last year) with its child table, against the raw
  SELECTs of the cells it reads (the KPI and trend rollup cells of the nation, the KPI cells of
  every province, the completeness cell of the last full month) — the floor the issue compares
  with (target ≤ 2×).
- `dashboards.page_national`: GET /tong-quan/?unit=&period=<last year> as a system admin,
  against GET /healthz through the same client.
"""

from typing import Any

from django.test import Client
from django.utils import timezone

from bench.fixtures import Fixtures
from bench.foundation import _fetch, _get
from bench.registry import Case, Unavailable, benchmark
from bench.reporting import _admin
from danvan.core.periods import Period
from danvan.dashboards.selectors import KPIS, MONTHLY_FORM, TREND, _last_full_month, _trend_months, dashboard
from danvan.reporting.models import CompletenessCell, Indicator, ReportForm, RollupCell
from danvan.reporting.selectors.rollups import _terms
from danvan.territory.models import Level, Unit

CELLS = RollupCell._meta.db_table
COMPLETENESS = CompletenessCell._meta.db_table


def _year() -> Period:
    year = timezone.localdate().year - 1
    if not RollupCell.objects.filter(period_code=str(year)).exists():
        raise Unavailable("no rollups for last year: run `manage.py generate`")
    return Period.whole_year(year)


def _floor(period: Period) -> list[tuple[str, list[Any]]]:
    codes = [c for c, _ in KPIS]
    terms = sorted({t.pk for i in Indicator.objects.filter(code__in=codes) for t in _terms(i)})
    months = [m.code for m in _trend_months(period)]
    provinces = list(
        Unit.objects.valid_on(timezone.localdate())
        .filter(parent__isnull=True, level=Level.PROVINCE)
        .values_list("pk", flat=True)
    )
    trend = list(Indicator.objects.filter(code__in=TREND).values_list("pk", flat=True))

    def select(indicators: list[int], periods: list[str], nodes: list[int]) -> tuple[str, list[Any]]:
        marks = lambda n: ", ".join(["%s"] * n)  # noqa: E731
        sql = (
            f"SELECT node, indicator_id, period_code, total, count FROM {CELLS} "  # noqa: S608
            f"WHERE indicator_id IN ({marks(len(indicators))}) AND period_code IN ({marks(len(periods))}) "
            f"AND node IN ({marks(len(nodes))})"
        )
        return sql, [*indicators, *periods, *nodes]

    form = ReportForm.objects.get(code=MONTHLY_FORM)
    completeness = (
        f"SELECT expected, submitted, approved, on_time FROM {COMPLETENESS} "  # noqa: S608
        "WHERE form_id = %s AND period_code = %s AND node IN (%s, %s)"
    )
    return [
        select(terms, [period.code], [0]),
        select(trend, months, [0]),
        select(terms, [period.code], provinces),
        (completeness, [form.pk, _last_full_month(period).code, 0, 0]),
    ]


@benchmark("dashboards.national", baseline="raw SELECTs of the rollup cells it reads")
def national(fx: Fixtures) -> Case:
    """dashboard(nation, last year): KPI cards, 12-month trends, models by kind, 34 provinces, ranking."""
    period = _year()
    reads = _floor(period)

    def subject() -> Any:
        return dashboard(unit=None, period=period)

    def baseline() -> Any:
        return [_fetch(sql, params) for sql, params in reads]

    return Case(subject, baseline)


@benchmark("dashboards.page_national", baseline="GET /healthz, same client")
def page_national(fx: Fixtures) -> Case:
    """GET /tong-quan/?unit=&period=<last year> as a system admin (the whole page)."""
    client = Client()
    client.force_login(_admin(), backend="danvan.accounts.backends.AccountBackend")
    query = {"unit": "", "period": _year().code}
    _get(client, "/tong-quan/", data=query)
    return Case(lambda: _get(client, "/tong-quan/", data=query), lambda: _get(client, "/healthz"))
