"""Staff operations of /api/v1/petitions. Thin: parse, access helper, one service, schema."""

import hashlib
import json
import re
from typing import Any, cast

from django.http import HttpRequest, HttpResponse
from ninja import File, Query, UploadedFile
from ninja import Status as Created
from ninja.pagination import paginate
from ninja.params import HeaderEx, P

from danvan.accounts.models import Role, User
from danvan.accounts.scope import UserScope
from danvan.accounts.selectors import idempotent_object_id
from danvan.accounts.services.idempotency import idempotency_key_record
from danvan.core.errors import DomainError, InvalidInput, NotFound
from danvan.core.pagination import LimitOffsetPagination
from danvan.core.periods import Period
from danvan.orgs.models import Organization
from danvan.petitions import stats as petition_stats
from danvan.petitions.access import HANDLE, READ, access_petition, visible_petitions
from danvan.petitions.api import router
from danvan.petitions.api.schemas import (
    AnswerIn,
    AnswerOut,
    CreatedOut,
    FileOut,
    IdentityOut,
    ListQuery,
    PetitionIn,
    PetitionOut,
    PetitionSummaryOut,
    ProblemOut,
    StatsOut,
    StatsQuery,
    TransitionIn,
)
from danvan.petitions.api.shared import intake_from, unit_by_code
from danvan.petitions.links import private_path
from danvan.petitions.models import Petition
from danvan.petitions.selectors import PetitionFilter, filter_petitions
from danvan.petitions.services import handling
from danvan.petitions.services.files import check_uploads, store
from danvan.petitions.services.identity import petition_identity_view
from danvan.petitions.services.intake import petition_receive
from danvan.petitions.services.steps import StepInput, petition_step

ERRORS: dict[int, Any] = {s: ProblemOut for s in (400, 401, 403, 404, 409, 412, 422)}
_ETAG = re.compile(r'^(?:W/)?"(\d+)-(\d+)"$')
OPERATION = "petitions.create"


class PreconditionFailed(DomainError):
    status = 412


def _scope(request: HttpRequest) -> UserScope:
    return request.scope  # type: ignore[attr-defined]


def _detail(request: HttpRequest, petition_id: int, response: HttpResponse) -> Petition:
    petition = access_petition(_scope(request), petition_id, READ)
    response["ETag"] = f'"{petition.pk}-{petition.version}"'
    return petition


def _check_if_match(petition: Petition, if_match: str | None) -> None:
    if not if_match or if_match.strip() == "*":
        return
    match = _ETAG.match(if_match.strip())
    if match is None or int(match.group(1)) != petition.pk or int(match.group(2)) != petition.version:
        raise PreconditionFailed("stale_version", "Vụ việc đã thay đổi sau lần đọc của bạn; hãy đọc lại.")


@router.get("/petitions", response={200: list[PetitionSummaryOut], **ERRORS}, summary="Danh sách vụ việc")
@paginate(LimitOffsetPagination)
def list_petitions(request: HttpRequest, filters: Query[ListQuery]) -> Any:
    """Vụ việc trong phạm vi của người gọi. `due`: today | week | overdue. Không có thông tin người gửi."""
    handler = None
    if filters.handler:
        handler = User.objects.filter(username=filters.handler).values_list("pk", flat=True).first() or -1
    period = Period.parse(filters.period) if filters.period else None
    criteria = PetitionFilter(
        q=filters.q or "",
        kind=filters.kind or "",
        channel=filters.channel or "",
        topic=filters.topic or "",
        status=filters.status or "",
        due=filters.due or "",
        unit=unit_by_code(filters.unit) if filters.unit else None,
        organization=filters.organization,
        handler=handler,
        year=filters.year,
        received_from=period.start if period else None,
        received_to=period.end if period else None,
    )
    rows = filter_petitions(visible_petitions(_scope(request)), criteria)
    return rows


@router.get("/petitions/stats", response={200: StatsOut, **ERRORS}, summary="Thống kê vụ việc")
def stats(request: HttpRequest, query: Query[StatsQuery]) -> Any:
    """Số liệu của đơn vị và cấp dưới (kể cả đơn vị cũ sáp nhập vào) trong kỳ `period`."""
    unit = unit_by_code(query.unit)
    if not _scope(request).covers(unit, Role.VIEWER, history=True):
        raise NotFound()
    period = Period.parse(query.period)
    return {
        "unit": unit.code,
        "unit_name": unit.name,
        "period": period.code,
        "period_label": period.label,
        "figures": petition_stats.figures(unit=unit, period=period),
        "labels": {key: label for key, (label, _unit) in petition_stats.FIGURES.items()},
        "by_topic": [
            {
                "code": r["topic__code"],
                "name": r["topic__name"],
                **{k: r[k] for k in ("received", "resolved", "on_time")},
            }
            for r in petition_stats.by_topic(unit=unit, period=period)
        ],
    }


@router.post("/petitions", response={201: CreatedOut, **ERRORS}, summary="Ghi nhận vụ việc (cán bộ)")
def create(
    request: HttpRequest,
    payload: PetitionIn,
    response: HttpResponse,
    idempotency_key: HeaderEx[str | None, P(alias="Idempotency-Key", max_length=200)] = None,
) -> Any:
    """Ghi nhận từ mọi kênh. Gửi kèm Idempotency-Key để gửi lại an toàn (không tạo hai vụ việc)."""
    user = cast(User, request.user)
    digest = hashlib.sha256(json.dumps(payload.model_dump(mode="json"), sort_keys=True).encode()).hexdigest()
    if idempotency_key:
        previous = idempotent_object_id(
            user=user, operation=OPERATION, key=idempotency_key, request_hash=digest
        )
        if previous is not None:
            found = _detail(request, int(previous), response)
            found.private_url = ""  # type: ignore[attr-defined]  # the secret is shown once only
            return Created(201, found)
    intake = intake_from(payload, unit_by_code(payload.unit))
    petition, secret = petition_receive(
        actor=user, scope=_scope(request), intake=intake, channel=payload.channel
    )
    if idempotency_key:
        idempotency_key_record(
            user=user,
            operation=OPERATION,
            key=idempotency_key,
            request_hash=digest,
            object_id=str(petition.pk),
        )
    found = _detail(request, petition.pk, response)
    found.private_url = private_path(petition.tracking_code, secret)  # type: ignore[attr-defined]
    return Created(201, found)


@router.get("/petitions/{petition_id}", response={200: PetitionOut, **ERRORS}, summary="Một vụ việc")
def detail(request: HttpRequest, petition_id: int, response: HttpResponse) -> Any:
    """Không kèm danh tính người gửi; xem qua /identity nếu được phép (tố cáo: chỉ người được giao)."""
    return _detail(request, petition_id, response)


@router.get(
    "/petitions/{petition_id}/identity", response={200: IdentityOut, **ERRORS}, summary="Thông tin người gửi"
)
def identity(request: HttpRequest, petition_id: int) -> Any:
    """Người tố cáo: chỉ người được giao xử lý xem được; mỗi lần xem được ghi nhật ký."""
    scope = _scope(request)
    petition = access_petition(scope, petition_id, READ)
    found = petition_identity_view(actor=request.user, scope=scope, petition=petition)
    return found.__dict__


def _handlers(usernames: list[str]) -> list[User]:
    users = list(User.objects.filter(username__in=usernames))
    if len(users) != len(set(usernames)):
        raise InvalidInput(
            "invalid_handler", "Có tên đăng nhập không tồn tại.", errors={"handlers": ["Không hợp lệ."]}
        )
    return users


def _organization(organization_id: int | None) -> Organization | None:
    if organization_id is None:
        return None
    found = Organization.objects.select_related("unit").filter(pk=organization_id).first()
    if found is None:
        raise InvalidInput(
            "invalid_transfer", "Không có cơ quan này.", errors={"organization_id": ["Không có."]}
        )
    return found


def apply_transition(request: HttpRequest, petition: Petition, payload: TransitionIn) -> None:
    data = StepInput(
        reason=payload.reason,
        complexity=payload.complexity.value if payload.complexity else "",
        remote=payload.remote,
        organization=_organization(payload.organization_id),
        external_body=payload.external_body,
        handlers=_handlers(payload.handlers) if payload.action == "assign" else [],
    )
    petition_step(
        actor=request.user, scope=_scope(request), petition=petition, name=payload.action, data=data
    )


@router.post(
    "/petitions/{petition_id}/transitions", response={200: PetitionOut, **ERRORS}, summary="Bước xử lý"
)
def transition(
    request: HttpRequest,
    petition_id: int,
    payload: TransitionIn,
    response: HttpResponse,
    if_match: HeaderEx[str | None, P(alias="If-Match", max_length=100)] = None,
) -> Any:
    """accept, reject, start, extend, close, reopen, withdraw, transfer, assign. If-Match (nếu gửi)
    phải khớp ETag hiện tại (412 nếu đã cũ). 409 khi bước không hợp lệ, 422 khi thiếu lý do."""
    petition = access_petition(_scope(request), petition_id, READ)
    _check_if_match(petition, if_match)
    apply_transition(request, petition, payload)
    return _detail(request, petition.pk, response)


@router.post(
    "/petitions/{petition_id}/files", response={201: list[FileOut], **ERRORS}, summary="Tải minh chứng"
)
def upload(request: HttpRequest, petition_id: int, files: File[list[UploadedFile]]) -> Any:
    """Ảnh JPEG/PNG, PDF, Word; kiểm tra theo nội dung, tối đa 10 MB mỗi tệp, 5 tệp mỗi lần.
    Gắn vào câu trả lời qua `evidence_ids`."""
    petition = access_petition(_scope(request), petition_id, HANDLE)
    checked = check_uploads(list(files))
    stored = store(petition=petition, checked_uploads=checked, actor=request.user)
    return Created(201, stored)


@router.post("/petitions/{petition_id}/answers", response={201: AnswerOut, **ERRORS}, summary="Trả lời")
def answer(request: HttpRequest, petition_id: int, payload: AnswerIn) -> Any:
    """Câu trả lời, kết quả giải quyết kèm ít nhất một minh chứng; `public` chỉ khi người gửi đồng ý."""
    scope = _scope(request)
    petition = access_petition(scope, petition_id, READ)
    created = handling.petition_answer(
        actor=request.user,
        scope=scope,
        petition=petition,
        text=payload.text,
        evidence_ids=payload.evidence_ids,
        decision_number=payload.decision_number,
        decision_date=payload.decision_date,
        public=payload.public,
    )
    return Created(201, created)


@router.get(
    "/petitions/{petition_id}/answers", response={200: list[AnswerOut], **ERRORS}, summary="Các câu trả lời"
)
def answers(request: HttpRequest, petition_id: int) -> Any:
    petition = access_petition(_scope(request), petition_id, READ)
    return petition.answers.prefetch_related("files").order_by("created_at", "pk")
