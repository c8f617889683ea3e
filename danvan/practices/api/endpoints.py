"""The operations of /api/v1/practices. Thin: parse, access helper, one service, schema."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Query
from ninja import Status as Created
from ninja.pagination import paginate

from danvan.accounts.models import Role
from danvan.accounts.scope import UserScope
from danvan.core.api.conditional import (
    IfMatch,
    PreconditionFailed,
    etag_response,
    expected_version,
    set_etag,
    version_etag,
)
from danvan.core.api.idempotency import IdempotencyKey, create_once
from danvan.core.api.params import filter_unit, required_unit
from danvan.core.errors import Conflict, NotFound
from danvan.core.pagination import LimitOffsetPagination
from danvan.orgs.models import Organization, Person
from danvan.practices.access import READ, UPDATE, access_practice, visible_practices
from danvan.practices.api import router
from danvan.practices.api.schemas import (
    ContentIn,
    PracticeIn,
    PracticeOut,
    PracticePatch,
    PracticeQuery,
    PracticeStatsOut,
    PracticeStatsQuery,
    PracticeSummaryOut,
    PracticeTransitionIn,
)
from danvan.practices.errors import InvalidInput
from danvan.practices.models import Practice, PracticeField
from danvan.practices.selectors import PracticeFilter, filter_practices
from danvan.practices.services.lifecycle import practice_transition
from danvan.practices.services.registration import fields_for, practice_register, practice_update
from danvan.practices.stats import practice_stats
from danvan.territory.models import Unit


def _scope(request: HttpRequest) -> UserScope:
    return request.scope  # type: ignore[attr-defined]


def unit_by_code(code: str) -> Unit:
    """The unit valid today with this official code; 404 when there is none."""
    unit = Unit.objects.valid_on(timezone.localdate()).filter(code=code.strip()).first()
    if unit is None:
        raise NotFound(f"Không có đơn vị mã «{code}» đang có hiệu lực.")
    return unit


def _detail(request: HttpRequest, practice_id: int, response: HttpResponse) -> Practice:
    practice = access_practice(_scope(request), practice_id, READ)
    set_etag(response, version_etag(practice))
    return practice


@router.get(
    "",
    response={200: list[PracticeSummaryOut]},
    summary="Danh sách mô hình, điển hình",
    operation_id="practices_list",
)
@paginate(LimitOffsetPagination)
def list_practices(request: HttpRequest, filters: Query[PracticeQuery]) -> Any:
    """Mọi bản ghi trong phạm vi của người gọi, và bản ghi đã được công nhận ở nơi khác."""
    criteria = PracticeFilter(
        q=filters.q or "",
        field=filters.field or "",
        kind=filters.kind or "",
        level=filters.level or "",
        status=filters.status or "",
        year=filters.year,
        unit=filter_unit(filters),
    )
    return filter_practices(visible_practices(_scope(request)), criteria)


@router.get(
    "/stats",
    response={200: PracticeStatsOut},
    summary="Thống kê Dân vận khéo của một đơn vị",
    operation_id="practices_stats",
)
def stats(request: HttpRequest, query: Query[PracticeStatsQuery]) -> Any:
    """Số liệu của đơn vị và cấp dưới (kể cả đơn vị cũ sáp nhập vào) trong năm `year` (bỏ trống: mọi năm)."""
    found = required_unit(query)
    if not _scope(request).covers(found, Role.VIEWER, history=True):
        raise NotFound()
    figures = practice_stats(unit=found, year=query.year)
    return {
        **figures.__dict__,
        "unit": found.code,
        "unit_name": found.name,
        "registered": figures.total,
        "communes_share": figures.communes_share,
        "neighbourhoods_share": figures.neighbourhoods_share,
    }


def _field(unit: Unit, year: int, code: str) -> PracticeField:
    found = next((f for f in fields_for(unit, year) if f.code == code), None)
    if found is None:
        raise InvalidInput(
            "invalid_practice",
            "Lĩnh vực không có trong danh mục.",
            errors={"field": [f"Không có lĩnh vực mã «{code}»."]},
        )
    return found


def _organization(unit: Unit, organization_id: int | None) -> Organization | None:
    if organization_id is None:
        return None
    found = Organization.objects.select_related("kind").filter(pk=organization_id, unit=unit).first()
    if found is None:
        raise InvalidInput(
            "invalid_practice",
            "Thông tin đăng ký chưa hợp lệ.",
            errors={"organization_id": ["Không có tổ chức này ở đơn vị đăng ký."]},
        )
    return found


def _person(person_id: int | None) -> Person | None:
    if person_id is None:
        return None
    found = Person.objects.filter(pk=person_id).first()
    if found is None:
        raise InvalidInput(
            "invalid_practice",
            "Thông tin đăng ký chưa hợp lệ.",
            errors={
                "person_id": ["Cá nhân phải thuộc địa bàn hoặc giữ chức vụ tại một tổ chức của địa bàn."]
            },
        )
    return found


def _registration(payload: PracticeIn) -> dict[str, Any]:
    unit = unit_by_code(payload.unit)
    content = payload.model_dump(include=set(ContentIn.model_fields))
    return {
        "unit": unit,
        "field": _field(unit, payload.year, payload.field),
        "year": payload.year,
        "name": payload.name,
        "kind": payload.kind.value,
        "subject": payload.subject.value if payload.subject else "",
        "organization": _organization(unit, payload.organization_id),
        "person": _person(payload.person_id),
        "content": content,
    }


@router.post(
    "",
    response={201: PracticeOut},
    summary="Đăng ký mô hình, điển hình",
    operation_id="practices_register",
    openapi_extra=etag_response(201),
)
def register(
    request: HttpRequest, payload: PracticeIn, response: HttpResponse, idempotency_key: IdempotencyKey = None
) -> Any:
    """Gửi kèm tiêu đề Idempotency-Key để gửi lại an toàn: yêu cầu lặp lại trả về bản ghi đã tạo."""
    scope, registration = _scope(request), _registration(payload)
    done = create_once(
        request,
        operation="practices_register",
        key=idempotency_key,
        create=lambda: practice_register(actor=request.user, scope=scope, **registration),
    )
    return Created(201, _detail(request, done.pk, response))


@router.get(
    "/{practice_id}",
    response={200: PracticeOut},
    summary="Một mô hình, điển hình",
    operation_id="practices_get",
    openapi_extra=etag_response(),
)
def get_practice(request: HttpRequest, practice_id: int, response: HttpResponse) -> Any:
    """Tiêu đề ETag mang phiên bản của bản ghi; gửi lại trong If-Match khi sửa."""
    return _detail(request, practice_id, response)


@router.patch(
    "/{practice_id}",
    response=PracticeOut,
    summary="Sửa nội dung đăng ký",
    operation_id="practices_update",
    openapi_extra=etag_response(),
)
def update_practice(
    request: HttpRequest,
    practice_id: int,
    payload: PracticePatch,
    response: HttpResponse,
    if_match: IfMatch = None,
) -> Any:
    """Cần If-Match (428 nếu thiếu, 412 nếu ETag đã cũ). Chỉ các trường gửi lên được sửa."""
    practice = access_practice(_scope(request), practice_id, UPDATE)
    expected = expected_version(practice, if_match, required=True)
    values: dict[str, Any] = payload.model_dump(exclude_unset=True)
    if "field" in values:
        values["field"] = _field(practice.unit, practice.year, values["field"] or "")
    if values.get("name") is None:
        values.pop("name", None)
    try:
        practice_update(actor=request.user, practice=practice, values=values, expected_version=expected)
    except Conflict as exc:
        if exc.code == "stale_version":
            raise PreconditionFailed() from exc
        raise
    return _detail(request, practice.pk, response)


@router.post(
    "/{practice_id}/transitions",
    response={200: PracticeOut},
    summary="Chuyển trạng thái",
    operation_id="practices_transition",
    openapi_extra=etag_response(),
)
def transition(
    request: HttpRequest,
    practice_id: int,
    payload: PracticeTransitionIn,
    response: HttpResponse,
    if_match: IfMatch = None,
) -> Any:
    """422 nếu bước chuyển không hợp lệ hoặc thiếu lý do, 403 nếu không có quyền, 404 nếu không xem được.
    Gửi If-Match (ETag lần đọc) thì 412 khi bản ghi đã đổi, 409 khi người khác vừa chuyển cùng lúc."""
    scope = _scope(request)
    practice = access_practice(scope, practice_id, READ)
    seen = expected_version(practice, if_match, required=False)  # 412 now; 409 under the lock
    practice_transition(
        actor=request.user,
        scope=scope,
        practice=practice,
        to=payload.to,
        reason=payload.reason,
        expected_version=seen,
    )
    return _detail(request, practice.pk, response)
