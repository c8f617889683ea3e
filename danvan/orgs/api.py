"""/api/v1 reads of organizations, people and their positions, scoped like the pages."""

import datetime as dt
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from danvan.core.api.params import UnitFilter, filter_unit
from danvan.core.errors import NotFound
from danvan.core.pagination import LimitOffsetPagination
from danvan.orgs import access, selectors
from danvan.orgs.models import Organization, Position
from danvan.territory.models import Unit

router = Router(tags=["Tổ chức và cán bộ"])


class OrganizationUnitRef(Schema):
    code: str
    name: str
    level: str
    valid_from: dt.date | None
    valid_to: dt.date | None


class OrganizationOut(Schema):
    id: int
    name: str
    short_name: str
    kind: str = Field(description="Mã loại tổ chức, ví dụ mttq, ban_xay_dung_dang.")
    kind_name: str
    unit: OrganizationUnitRef
    parent_id: int | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    is_records_keeper: bool = Field(description="Là cơ quan giữ hồ sơ dân vận của đơn vị.")

    @staticmethod
    def resolve_kind(obj: Organization) -> str:
        return obj.kind.code

    @staticmethod
    def resolve_kind_name(obj: Organization) -> str:
        return obj.kind.name

    @staticmethod
    def resolve_is_records_keeper(obj: Any) -> bool:
        return bool(getattr(obj, "is_records_keeper", False))


class PositionOut(Schema):
    id: int
    title: str
    person_id: int
    person_name: str
    organization_id: int
    organization_name: str
    start_date: dt.date | None = Field(description="Trống: chưa rõ ngày bắt đầu.")
    end_date: dt.date | None = Field(description="Trống: đang giữ chức vụ.")
    note: str

    @staticmethod
    def resolve_person_name(obj: Position) -> str:
        return obj.person.full_name

    @staticmethod
    def resolve_organization_name(obj: Position) -> str:
        return obj.organization.name


class OrganizationRef(Schema):
    id: int
    name: str


class OrganizationDetailOut(OrganizationOut):
    at: dt.date = Field(description="Ngày xem chức vụ (mặc định: hôm nay).")
    positions: list[PositionOut] = Field(description="Các chức vụ được giữ vào ngày `at`.")
    children: list[OrganizationRef] = Field(description="Các tổ chức trực thuộc.")

    @staticmethod
    def resolve_positions(obj: Any) -> list[Position]:
        return obj.positions_held

    @staticmethod
    def resolve_children(obj: Any) -> list[Organization]:
        return obj.visible_children


class PersonOut(Schema):
    id: int
    full_name: str
    gender: str = Field(description="male | female | chuỗi rỗng khi không ghi.")
    birth_year: int | None
    home_unit: OrganizationUnitRef | None


class PersonDetailOut(PersonOut):
    positions: list[PositionOut] = Field(description="Các chức vụ theo thời gian, sớm nhất trước.")

    @staticmethod
    def resolve_positions(obj: Any) -> list[Position]:
        return obj.timeline


class OrganizationQuery(UnitFilter):
    """`unit` covers the subtree and the old units merged into it."""

    kind: str | None = Field(None, description="Mã loại tổ chức.")
    q: str | None = Field(None, description="Tên, không phân biệt dấu.")
    status: Literal["active", "closed", "all"] = Field(
        "active", description="active: đang hoạt động hôm nay; closed: đã kết thúc; all: tất cả."
    )


class PeopleQuery(UnitFilter):
    """`unit`: people of the unit or holding a position there."""

    q: str | None = Field(None, description="Họ tên, không phân biệt dấu.")


def _unit(request: HttpRequest, query: UnitFilter) -> Unit | None:
    """Without `at`: the unit with the code today, else its latest version (an old code)."""
    scope = request.scope  # type: ignore[attr-defined]
    if not query.unit or query.at is None:
        return access.access_unit(scope, query.unit.strip()) if query.unit else None
    unit = filter_unit(query)
    if unit is None or not access.can_view_unit(scope, unit):
        raise NotFound()
    return unit


@router.get(
    "/organizations",
    response=list[OrganizationOut],
    summary="Danh sách tổ chức",
    operation_id="organizations_list",
)
@paginate(LimitOffsetPagination)
def list_organizations(request: HttpRequest, filters: Query[OrganizationQuery]) -> Any:
    criteria = selectors.OrganizationFilter(
        unit=_unit(request, filters),
        kind=filters.kind or "",
        q=filters.q or "",
        status=selectors.Status(filters.status),
    )
    return selectors.filter_organizations(access.visible_organizations(request.scope), criteria)  # type: ignore[attr-defined]


@router.get(
    "/organizations/{organization_id}",
    response=OrganizationDetailOut,
    summary="Một tổ chức",
    operation_id="organizations_get",
)
def get_organization(
    request: HttpRequest,
    organization_id: int,
    at: dt.date | None = Query(None, description="Ngày xem chức vụ, YYYY-MM-DD (mặc định: hôm nay)."),  # noqa: B008
) -> Any:
    """The organization, its children, and the positions held in it on `at` (default today)."""
    scope = request.scope  # type: ignore[attr-defined]
    visible = access.visible_organizations(scope)
    found = access.access_organization(scope, organization_id)
    return selectors.organization_at(
        visible, found.pk, at or selectors.today(), access.visible_positions(scope)
    )


@router.get("/people", response=list[PersonOut], summary="Danh sách cán bộ", operation_id="people_list")
@paginate(LimitOffsetPagination)
def list_people(request: HttpRequest, filters: Query[PeopleQuery]) -> Any:
    scope = request.scope  # type: ignore[attr-defined]
    criteria = selectors.PeopleFilter(unit=_unit(request, filters), q=filters.q or "")
    return selectors.filter_people(access.visible_people(scope), criteria, access.visible_positions(scope))


@router.get(
    "/people/{person_id}",
    response=PersonDetailOut,
    summary="Một cán bộ và các chức vụ",
    operation_id="people_get",
)
def get_person(request: HttpRequest, person_id: int) -> Any:
    scope = request.scope  # type: ignore[attr-defined]
    found = access.access_person(scope, person_id)
    return selectors.person_with_timeline(
        access.visible_people(scope), found.pk, access.visible_positions(scope)
    )
