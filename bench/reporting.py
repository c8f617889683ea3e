"""Benchmarks of periodic reporting at national scale (3,321 communes × 60 months × 43 values).

- `reporting.rollup_national`: rollup(indicator, quarter, nation, by children) in process, against
  a raw SELECT of the same cells (the nation's and each province's): the floor.
- `reporting.rollup_province`: the same for the province with most communes, by commune.
- `reporting.api_rollup_national` / `reporting.api_rollup_province`: GET /api/v1/rollups with a
  bearer token, against GET /healthz through the same client.
- `reporting.approve_cycle`: return → submit → approve of one commune's report, the national
  figure updated in the same transaction (so its lag after approval is 0); against a bare
  UPDATE of the submission row.
- `reporting.completeness_national`: completeness of the monthly form for the nation by
  province; against a raw COUNT of the month's submissions.
"""

from typing import Any

from django.db.models import Count, Max, Q
from django.test import Client
from django.utils import timezone

from bench.fixtures import Fixtures
from bench.foundation import _fetch, _get, _same
from bench.registry import Case, Unavailable, benchmark
from danvan.accounts.models import Grant, Role, User
from danvan.accounts.scope import scope_for
from danvan.accounts.services.tokens import token_create
from danvan.core.periods import Period
from danvan.reporting.models import Indicator, ReportForm, RollupCell, Status, Submission
from danvan.reporting.selectors.completeness import completeness
from danvan.reporting.selectors.rollups import rollup
from danvan.reporting.services.workflow import submission_approve, submission_return, submission_submit
from danvan.territory.models import Level, Unit

INDICATOR = "meetings_held"
CELLS = RollupCell._meta.db_table


def _quarter() -> Period:
    latest = Submission.objects.filter(is_counted=True).aggregate(top=Max("period_end"))["top"]
    if latest is None:
        raise Unavailable("no approved reports: run `manage.py generate` (or `--only reporting`)")
    return Period.of_kind_containing(Period.parse("2020-Q1").kind, latest).previous()


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


def _floor(indicator: Indicator, period: Period, nodes: list[int]) -> tuple[str, list[Any]]:
    marks = ", ".join(["%s"] * len(nodes))
    sql = (
        f"SELECT node, total, count FROM {CELLS} WHERE indicator_id = %s AND period_code = %s "  # noqa: S608
        f"AND category = '' AND node IN ({marks})"
    )
    return sql, [indicator.pk, period.code, *nodes]


def _case(unit: Unit | None, name: str) -> Case:
    indicator, period = Indicator.objects.get(code=INDICATOR), _quarter()
    children = (
        Unit.objects.valid_on(timezone.localdate()).filter(parent__isnull=True, level=Level.PROVINCE)
        if unit is None
        else unit.children.valid_on(timezone.localdate())  # type: ignore[attr-defined]
    )
    nodes = [0 if unit is None else unit.pk, *children.values_list("pk", flat=True)]
    sql, params = _floor(indicator, period, nodes)

    def subject() -> Any:
        return rollup(indicator=indicator, period=period, unit=unit, by_children=True)

    def baseline() -> Any:
        return _fetch(sql, params)

    result = subject()
    _same(sum(c.value or 0 for c in result.children), result.unit.value or 0, name)
    return Case(subject, baseline)


@benchmark("reporting.rollup_national", baseline="raw SELECT of the same rollup cells")
def rollup_national(fx: Fixtures) -> Case:
    """rollup(meetings_held, last full quarter, nation, by province), in process."""
    return _case(None, "reporting.rollup_national")


@benchmark("reporting.rollup_province", baseline="raw SELECT of the same rollup cells")
def rollup_province(fx: Fixtures) -> Case:
    """rollup(meetings_held, last full quarter, province with most communes, by commune), in process."""
    return _case(_largest_province(), "reporting.rollup_province")


def _admin() -> User:
    user, _ = User.objects.get_or_create(username="bench_quantri", defaults={"full_name": "Quản trị đo đạc"})
    Grant.objects.get_or_create(user=user, role=Role.SYSTEM_ADMIN, unit=None)
    return user


def _api_case(user: User, query: dict[str, str]) -> Case:
    client = Client()
    _token, secret = token_create(user=user, name="bench")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    _get(client, "/api/v1/rollups", data=query, **headers)
    return Case(
        lambda: _get(client, "/api/v1/rollups", data=query, **headers), lambda: _get(client, "/healthz")
    )


@benchmark("reporting.api_rollup_national", baseline="GET /healthz, same client")
def api_rollup_national(fx: Fixtures) -> Case:
    """GET /api/v1/rollups?indicator=meetings_held&period=<quarter>&by=children as a system admin."""
    return _api_case(_admin(), {"indicator": INDICATOR, "period": _quarter().code, "by": "children"})


@benchmark("reporting.api_rollup_province", baseline="GET /healthz, same client")
def api_rollup_province(fx: Fixtures) -> Case:
    """GET /api/v1/rollups?…&unit=<province>&by=children as the province's approver."""
    query = {"indicator": INDICATOR, "period": _quarter().code, "unit": fx.province.code, "by": "children"}
    return _api_case(fx.approver, query)


@benchmark("reporting.approve_cycle", baseline="UPDATE of the submission row")
def approve_cycle(fx: Fixtures) -> Case:
    """return → submit → approve of a commune's latest approved report; rollups follow in the
    same transaction, so the national figure changes with the approval."""
    submission = (
        Submission.objects.filter(status=Status.APPROVED, unit__parent=fx.province)
        .select_related("form", "unit__parent")
        .order_by("-period_end", "pk")
        .first()
    )
    if submission is None:
        raise Unavailable("no approved report in the province")
    admin = _admin()
    scope = scope_for(admin)

    def subject() -> None:
        submission_return(
            actor=admin, scope=scope, submission=submission, comment="Đo đạc", value_comments={}
        )
        submission_submit(actor=admin, scope=scope, submission=submission)
        submission_approve(actor=admin, scope=scope, submission=submission)

    def baseline() -> int:
        return Submission.objects.filter(pk=submission.pk).update(updated_at=timezone.now())

    return Case(subject, baseline)


@benchmark("reporting.completeness_national", baseline="raw COUNT of the month's submissions")
def completeness_national(fx: Fixtures) -> Case:
    """completeness(monthly form, last full month, nation, by province)."""
    form = ReportForm.objects.get(code="dv-xa-thang")
    month = _quarter().months()[-1]
    sql = f"SELECT COUNT(*) FROM {Submission._meta.db_table} WHERE form_id = %s AND period_code = %s"  # noqa: S608

    def subject() -> Any:
        return completeness(form=form, period=month, unit=None, by_children=True)

    def baseline() -> Any:
        return _fetch(sql, [form.pk, month.code])

    return Case(subject, baseline)
