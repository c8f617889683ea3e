"""/api/v1/units: the public territory (no token needed), by official code and date."""

import datetime as dt
from typing import Literal

from django.db.models import F, QuerySet
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from danvan.core.pagination import LimitOffsetPagination
from danvan.territory import selectors
from danvan.territory.models import Unit

router = Router(tags=["Địa bàn"])

LevelCode = Literal["province", "district", "commune", "neighbourhood"]


class UnitFilterIn(Schema):
    level: LevelCode | None = Field(None, description="Cấp: province | district | commune | neighbourhood")
    parent: str | None = Field(None, max_length=16, description="Mã đơn vị cấp trên (các đơn vị trực thuộc)")
    q: str | None = Field(
        None, max_length=100, description="Tên, không phân biệt dấu; cả tên cũ trước sáp nhập"
    )
    at: dt.date | None = Field(None, description="Ngày hiệu lực (YYYY-MM-DD); mặc định hôm nay")


class UnitRef(Schema):
    code: str
    name: str
    kind: str
    level: LevelCode
    valid_from: dt.date | None
    valid_to: dt.date | None


class UnitOut(UnitRef):
    parent_code: str | None


class LineageRef(UnitRef):
    partial: bool = Field(description="Chỉ một phần đơn vị này thuộc quan hệ sáp nhập")


class UnitDetailOut(UnitOut):
    ancestors: list[UnitRef] = Field(description="Từ cấp tỉnh xuống cấp trên trực tiếp")
    predecessors: list[LineageRef] = Field(description="Hình thành từ")
    successors: list[LineageRef] = Field(description="Đã sáp nhập vào")


@router.get(
    "", response=list[UnitOut], auth=None, summary="Danh sách đơn vị hành chính", operation_id="units_list"
)
@paginate(LimitOffsetPagination)
def list_units(request: HttpRequest, filters: Query[UnitFilterIn]) -> QuerySet[Unit]:
    """Đơn vị có hiệu lực vào ngày `at` (mặc định hôm nay), lọc theo cấp, đơn vị cấp trên và tên."""
    criteria = selectors.UnitFilter(
        level=filters.level, parent=filters.parent, q=filters.q or "", at=filters.at
    )
    return selectors.filter_units(criteria).annotate(parent_code=F("parent__code"))


@router.get(
    "/{code}", response=UnitDetailOut, auth=None, summary="Một đơn vị hành chính", operation_id="units_get"
)
def get_unit(request: HttpRequest, code: str, at: dt.date | None = None) -> UnitDetailOut:
    """Đơn vị mang mã `code` có hiệu lực vào ngày `at` (mặc định hôm nay),
    kèm các cấp trên và quan hệ sáp nhập."""
    unit = selectors.unit_by_code(code, at)
    return UnitDetailOut(
        **_ref(unit).model_dump(),
        parent_code=unit.parent.code if unit.parent else None,
        ancestors=[_ref(u) for u in selectors.ancestors(unit)],
        predecessors=[_link(link) for link in selectors.predecessors(unit)],
        successors=[_link(link) for link in selectors.successors(unit)],
    )


def _ref(unit: Unit) -> UnitRef:
    return UnitRef.model_validate(unit, from_attributes=True)


def _link(link: selectors.Link) -> LineageRef:
    return LineageRef(**_ref(link.unit).model_dump(), partial=link.partial)
