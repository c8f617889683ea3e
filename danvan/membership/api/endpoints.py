"""The operations of /api/v1/memberships. Thin: parse, check the scope, read the stats."""

from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Schema

from danvan.accounts.scope import UserScope
from danvan.core.api.params import PeriodCode, UnitRequired, required_unit
from danvan.core.errors import NotFound
from danvan.core.periods import Period
from danvan.membership import stats as membership_stats
from danvan.membership.api import router


class MembershipStatsQuery(UnitRequired):
    """`unit` covers the subtree and the old units merged into it."""

    period: PeriodCode


class MembershipFigureOut(Schema):
    key: str
    label: str
    measure: str
    value: int | float


class KindOut(Schema):
    code: str
    name: str
    members: int = Field(description="Thành viên vào ngày cuối kỳ (tính theo tổ chức).")
    persons: int = Field(description="Số người khác nhau trong đó.")
    new_members: int
    leavers: int
    eligible: int
    rate: float | None = Field(description="Tỷ lệ tập hợp, %; null khi chưa có số đối tượng.")


class MembershipStatsOut(Schema):
    unit: str
    unit_name: str
    period: str
    period_label: str
    figures: dict[str, int | float]
    labels: list[MembershipFigureOut]
    by_kind: list[KindOut]


@router.get(
    "/memberships/stats",
    response={200: MembershipStatsOut},
    summary="Thống kê hội viên, đoàn viên",
    operation_id="memberships_stats",
)
def stats(request: HttpRequest, query: Query[MembershipStatsQuery]) -> Any:
    """Một người ở ba tổ chức: 1 người (`persons`), 3 lượt thành viên (`members`)."""
    scope: UserScope = request.scope  # type: ignore[attr-defined]
    unit = required_unit(query)
    if not scope.covers(unit, history=True):
        raise NotFound()
    period = Period.parse(query.period)
    values = membership_stats.figures(unit=unit, period=period)
    return {
        "unit": unit.code,
        "unit_name": unit.name,
        "period": period.code,
        "period_label": period.label,
        "figures": values,
        "labels": [
            {"key": k, "label": label, "measure": measure, "value": values[k]}
            for k, (label, measure) in membership_stats.FIGURES.items()
        ],
        "by_kind": membership_stats.by_kind(unit=unit, period=period),
    }
