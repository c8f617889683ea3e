"""/api/v1/dashboards/summary: the KPI figures of the dashboard, read from the rollup cells."""

from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from danvan.accounts.models import Role
from danvan.accounts.scope import UserScope
from danvan.core.api.params import Number, PeriodCode, UnitFilter, filter_unit
from danvan.core.errors import NotFound, PermissionDenied
from danvan.core.periods import Period
from danvan.dashboards.selectors import dashboard
from danvan.territory.models import Unit

router = Router(tags=["Tổng quan"])


class SummaryQuery(UnitFilter):
    """`unit` empty: the whole nation (system administrators only)."""

    period: PeriodCode


class KpiOut(Schema):
    code: str
    label: str
    value: Number | None = Field(description="null: chưa có báo cáo.")
    value_type: str
    unit_of_measure: str


class SummaryOut(Schema):
    unit: str | None
    unit_name: str
    period: str
    period_label: str
    kpis: list[KpiOut]
    completeness_rate: float | None
    completeness_period: str


def _unit(scope: UserScope, query: SummaryQuery) -> Unit | None:
    unit = filter_unit(query)
    if unit is None:
        if not scope.is_system_admin:
            raise PermissionDenied("Chỉ quản trị hệ thống xem được số liệu cả nước; hãy chọn đơn vị.")
        return None
    if not scope.covers(unit, Role.VIEWER, history=True):
        raise NotFound()
    return unit


@router.get(
    "/dashboards/summary",
    response={200: SummaryOut},
    summary="Chỉ số chính của một đơn vị",
    operation_id="dashboards_summary",
)
def summary(request: HttpRequest, query: Query[SummaryQuery]) -> Any:
    """Các chỉ số của trang Tổng quan, đọc từ số liệu tổng hợp (cập nhật ngay khi báo cáo được duyệt)."""
    unit = _unit(request.scope, query)  # type: ignore[attr-defined]
    period = Period.parse(query.period)
    board = dashboard(unit=unit, period=period, children=False)
    return {
        "unit": unit.code if unit else None,
        "unit_name": unit.name if unit else "Cả nước",
        "period": period.code,
        "period_label": period.label,
        "kpis": [k.__dict__ for k in board.kpis],
        "completeness_rate": board.completeness_rate,
        "completeness_period": board.completeness_period.code,
    }
