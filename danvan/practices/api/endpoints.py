"""The operations of /api/v1/practices. Thin: parse, access helper, one service, schema."""

import hashlib
import json
import re
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Query
from ninja import Status as Created
from ninja.pagination import paginate
from ninja.params import HeaderEx, P

from danvan.accounts.models import Role
from danvan.accounts.scope import UserScope
from danvan.core.errors import Conflict, DomainError, NotFound
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
    PracticeSummaryOut,
    ProblemOut,
    StatsOut,
    StatsQuery,
    TransitionIn,
)
from danvan.practices.errors import InvalidInput
from danvan.practices.models import Practice, PracticeField
from danvan.practices.selectors import PracticeFilter, filter_practices
from danvan.practices.services.idempotency import practice_register_once
from danvan.practices.services.lifecycle import practice_transition
from danvan.practices.services.registration import fields_for, practice_register, practice_update
from danvan.practices.stats import practice_stats
from danvan.territory.models import Unit

ERRORS: dict[int, Any] = {
    400: ProblemOut,
    401: ProblemOut,
    403: ProblemOut,
    404: ProblemOut,
    409: ProblemOut,
    422: ProblemOut,
}
_ETAG = re.compile(r'^(?:W/)?"(\d+)-(\d+)"$')


class PreconditionFailed(DomainError):
    status = 412


class PreconditionRequired(DomainError):
    status = 428


def _scope(request: HttpRequest) -> UserScope:
    return request.scope  # type: ignore[attr-defined]


def unit_by_code(code: str) -> Unit:
    """The unit valid today with this official code; 404 when there is none."""
    unit = Unit.objects.valid_on(timezone.localdate()).filter(code=code.strip()).first()
    if unit is None:
        raise NotFound(f"Không có đơn vị mã «{code}» đang có hiệu lực.")
    return unit


def etag(practice: Practice) -> str:
    return f'"{practice.pk}-{practice.version}"'


def _detail(request: HttpRequest, practice_id: int, response: HttpResponse) -> Practice:
    practice = access_practice(_scope(request), practice_id, READ)
    response["ETag"] = etag(practice)
    return practice


@router.get("", response={200: list[PracticeSummaryOut], **ERRORS}, summary="Danh sách mô hình, điển hình")
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
        unit=unit_by_code(filters.unit) if filters.unit else None,
    )
    return filter_practices(visible_practices(_scope(request)), criteria)


@router.get("/stats", response={200: StatsOut, **ERRORS}, summary="Thống kê Dân vận khéo của một đơn vị")
def stats(request: HttpRequest, query: Query[StatsQuery]) -> Any:
    """Số liệu của đơn vị và cấp dưới (kể cả đơn vị cũ sáp nhập vào) trong năm `year` (bỏ trống: mọi năm)."""
    found = unit_by_code(query.unit)
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


@router.post("", response={201: PracticeOut, **ERRORS}, summary="Đăng ký mô hình, điển hình")
def register(
    request: HttpRequest,
    payload: PracticeIn,
    response: HttpResponse,
    idempotency_key: HeaderEx[str | None, P(alias="Idempotency-Key", max_length=200)] = None,
) -> Any:
    """Gửi kèm tiêu đề Idempotency-Key để gửi lại an toàn: yêu cầu lặp lại trả về bản ghi đã tạo."""
    scope, registration = _scope(request), _registration(payload)
    if idempotency_key:
        digest = hashlib.sha256(
            json.dumps(payload.model_dump(mode="json"), sort_keys=True).encode()
        ).hexdigest()
        practice, _created = practice_register_once(
            actor=request.user, scope=scope, key=idempotency_key, request_hash=digest, **registration
        )
    else:
        practice = practice_register(actor=request.user, scope=scope, **registration)
    return Created(201, _detail(request, practice.pk, response))


@router.get("/{practice_id}", response={200: PracticeOut, **ERRORS}, summary="Một mô hình, điển hình")
def get_practice(request: HttpRequest, practice_id: int, response: HttpResponse) -> Any:
    """Tiêu đề ETag mang phiên bản của bản ghi; gửi lại trong If-Match khi sửa."""
    return _detail(request, practice_id, response)


def _expected_version(practice: Practice, if_match: str | None) -> int | None:
    if not if_match:
        raise PreconditionRequired(
            "precondition_required", "Cần tiêu đề If-Match với ETag lấy từ lần đọc gần nhất."
        )
    if if_match.strip() == "*":
        return None
    match = _ETAG.match(if_match.strip())
    if match is None or int(match.group(1)) != practice.pk or int(match.group(2)) != practice.version:
        raise PreconditionFailed(
            "stale_version", "Bản ghi đã được sửa sau lần đọc của bạn; hãy đọc lại rồi gửi với ETag mới."
        )
    return int(match.group(2))


@router.patch(
    "/{practice_id}",
    response={200: PracticeOut, 412: ProblemOut, 428: ProblemOut, **ERRORS},
    summary="Sửa nội dung đăng ký",
)
def update_practice(
    request: HttpRequest,
    practice_id: int,
    payload: PracticePatch,
    response: HttpResponse,
    if_match: HeaderEx[str | None, P(alias="If-Match", max_length=100)] = None,
) -> Any:
    """Cần If-Match (428 nếu thiếu, 412 nếu ETag đã cũ). Chỉ các trường gửi lên được sửa."""
    practice = access_practice(_scope(request), practice_id, UPDATE)
    expected = _expected_version(practice, if_match)
    values: dict[str, Any] = payload.model_dump(exclude_unset=True)
    if "field" in values:
        values["field"] = _field(practice.unit, practice.year, values["field"] or "")
    if values.get("name") is None:
        values.pop("name", None)
    try:
        practice_update(actor=request.user, practice=practice, values=values, expected_version=expected)
    except Conflict as exc:
        if exc.code == "stale_version":
            raise PreconditionFailed(exc.code, exc.message) from exc
        raise
    return _detail(request, practice.pk, response)


@router.post(
    "/{practice_id}/transitions",
    response={200: PracticeOut, 412: ProblemOut, **ERRORS},
    summary="Chuyển trạng thái",
)
def transition(
    request: HttpRequest,
    practice_id: int,
    payload: TransitionIn,
    response: HttpResponse,
    if_match: HeaderEx[str | None, P(alias="If-Match", max_length=100)] = None,
) -> Any:
    """422 nếu bước chuyển không hợp lệ hoặc thiếu lý do, 403 nếu không có quyền, 404 nếu không xem được.
    Gửi If-Match (ETag lần đọc) thì 412 khi bản ghi đã đổi, 409 khi người khác vừa chuyển cùng lúc."""
    scope = _scope(request)
    practice = access_practice(scope, practice_id, READ)
    practice_transition(
        actor=request.user,
        scope=scope,
        practice=practice,
        to=payload.to,
        reason=payload.reason,
        expected_version=_expected_version(practice, if_match) if if_match else None,
    )
    return _detail(request, practice.pk, response)
