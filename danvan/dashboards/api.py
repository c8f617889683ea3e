"""/api/v1/dashboards/summary: the KPI figures of the dashboard, read from the rollup cells."""

from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema

from danvan.accounts.models import Role
from danvan.accounts.scope import UserScope
from danvan.core.errors import NotFound, PermissionDenied
from danvan.core.periods import Period
from danvan.dashboards.selectors import dashboard
from danvan.territory.models import Unit

router = Router(tags=["Tổng quan"])


class ProblemOut(Schema):
    status: int
    code: str
    detail: str
    errors: dict[str, list[str]] | None = None


class SummaryQuery(Schema):
    unit: str | None = Field(None, description="Mã đơn vị; bỏ trống: cả nước (quản trị hệ thống).")
    period: str = Field(description="Kỳ: 2026, 2026-H1, 2026-Q3, 2026-M08, 2026-9M, 2021-2025.")


class KpiOut(Schema):
    code: str
    label: str
    value: Decimal | None = Field(description="null: chưa có báo cáo.")
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


ERRORS: dict[int, Any] = {s: ProblemOut for s in (401, 403, 404, 422)}


def _unit(scope: UserScope, code: str | None) -> Unit | None:
    if not code:
        if not scope.is_system_admin:
            raise PermissionDenied("Chỉ quản trị hệ thống xem được số liệu cả nước; hãy chọn đơn vị.")
        return None
    unit = Unit.objects.valid_on(timezone.localdate()).filter(code=code.strip()).first()
    if unit is None or not scope.covers(unit, Role.VIEWER, history=True):
        raise NotFound()
    return unit


@router.get(
    "/dashboards/summary", response={200: SummaryOut, **ERRORS}, summary="Chỉ số chính của một đơn vị"
)
def summary(request: HttpRequest, query: Query[SummaryQuery]) -> Any:
    """Các chỉ số của trang Tổng quan, đọc từ số liệu tổng hợp (cập nhật ngay khi báo cáo được duyệt)."""
    unit = _unit(request.scope, query.unit)  # type: ignore[attr-defined]
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
