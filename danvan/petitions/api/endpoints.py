"""Staff operations of /api/v1/petitions. Thin: parse, access helper, one service, schema."""

from typing import Any, cast

from django.http import HttpRequest, HttpResponse
from ninja import File, Query, UploadedFile
from ninja import Status as Created
from ninja.pagination import paginate

from danvan.accounts.models import Role, User
from danvan.accounts.scope import UserScope
from danvan.core.api.conditional import IfMatch, etag_response, expected_version, set_etag, version_etag
from danvan.core.api.idempotency import IdempotencyKey, create_once
from danvan.core.api.params import filter_unit, required_unit
from danvan.core.errors import InvalidInput, NotFound
from danvan.core.pagination import LimitOffsetPagination
from danvan.core.periods import Period
from danvan.orgs.models import Organization
from danvan.petitions import stats as petition_stats
from danvan.petitions.access import HANDLE, READ, access_petition, visible_petitions
from danvan.petitions.api import router
from danvan.petitions.api.schemas import (
    AnswerIn,
    AnswerOut,
    FileOut,
    IdentityOut,
    ListQuery,
    PetitionCreatedOut,
    PetitionIn,
    PetitionOut,
    PetitionStatsOut,
    PetitionStatsQuery,
    PetitionSummaryOut,
    PetitionTransitionIn,
)
from danvan.petitions.api.shared import intake_from, unit_by_code
from danvan.petitions.links import private_path
from danvan.petitions.models import Answer, Petition, PetitionFile
from danvan.petitions.selectors import PetitionFilter, filter_petitions
from danvan.petitions.services import handling
from danvan.petitions.services.files import check_uploads, store
from danvan.petitions.services.identity import petition_identity_view
from danvan.petitions.services.intake import petition_receive
from danvan.petitions.services.steps import StepInput, petition_step


def _scope(request: HttpRequest) -> UserScope:
    return request.scope  # type: ignore[attr-defined]


def _detail(request: HttpRequest, petition_id: int, response: HttpResponse) -> Petition:
    petition = access_petition(_scope(request), petition_id, READ)
    set_etag(response, version_etag(petition))
    return petition


@router.get(
    "/petitions",
    response={200: list[PetitionSummaryOut]},
    summary="Danh sách vụ việc",
    operation_id="petitions_list",
)
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
        unit=filter_unit(filters),
        organization=filters.organization,
        handler=handler,
        year=filters.year,
        received_from=period.start if period else None,
        received_to=period.end if period else None,
    )
    rows = filter_petitions(visible_petitions(_scope(request)), criteria)
    return rows


@router.get(
    "/petitions/stats",
    response={200: PetitionStatsOut},
    summary="Thống kê vụ việc",
    operation_id="petitions_stats",
)
def stats(request: HttpRequest, query: Query[PetitionStatsQuery]) -> Any:
    """Số liệu của đơn vị và cấp dưới (kể cả đơn vị cũ sáp nhập vào) trong kỳ `period`."""
    unit = required_unit(query)
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


@router.post(
    "/petitions",
    response={201: PetitionCreatedOut},
    summary="Ghi nhận vụ việc (cán bộ)",
    operation_id="petitions_create",
    openapi_extra=etag_response(201),
)
def create(
    request: HttpRequest, payload: PetitionIn, response: HttpResponse, idempotency_key: IdempotencyKey = None
) -> Any:
    """Ghi nhận từ mọi kênh. Gửi kèm Idempotency-Key để gửi lại an toàn (không tạo hai vụ việc).
    Đường dẫn riêng cho người gửi (`private_url`) chỉ có trong lần trả lời đầu tiên."""
    user = cast(User, request.user)
    secrets: list[str] = []

    def receive() -> Petition:
        intake = intake_from(payload, unit_by_code(payload.unit))
        petition, secret = petition_receive(
            actor=user, scope=_scope(request), intake=intake, channel=payload.channel
        )
        secrets.append(secret)
        return petition

    done = create_once(request, operation="petitions_create", key=idempotency_key, create=receive)
    found = _detail(request, done.pk, response)
    secret_path = private_path(found.tracking_code, secrets[0]) if secrets else ""
    found.private_url = secret_path  # type: ignore[attr-defined]
    return Created(201, found)


@router.get(
    "/petitions/{petition_id}",
    response={200: PetitionOut},
    summary="Một vụ việc",
    operation_id="petitions_get",
    openapi_extra=etag_response(),
)
def detail(request: HttpRequest, petition_id: int, response: HttpResponse) -> Any:
    """Không kèm danh tính người gửi; xem qua /identity nếu được phép (tố cáo: chỉ người được giao)."""
    return _detail(request, petition_id, response)


@router.get(
    "/petitions/{petition_id}/identity",
    response={200: IdentityOut},
    summary="Thông tin người gửi",
    operation_id="petitions_identity",
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


def apply_transition(request: HttpRequest, petition: Petition, payload: PetitionTransitionIn) -> None:
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
    "/petitions/{petition_id}/transitions",
    response={200: PetitionOut},
    summary="Bước xử lý",
    operation_id="petitions_transition",
    openapi_extra=etag_response(),
)
def transition(
    request: HttpRequest,
    petition_id: int,
    payload: PetitionTransitionIn,
    response: HttpResponse,
    if_match: IfMatch = None,
) -> Any:
    """accept, reject, start, extend, close, reopen, withdraw, transfer, assign. If-Match (nếu gửi)
    phải khớp ETag hiện tại (412 nếu đã cũ). 409 khi bước không hợp lệ, 422 khi thiếu lý do."""
    petition = access_petition(_scope(request), petition_id, READ)
    expected_version(petition, if_match, required=False)
    apply_transition(request, petition, payload)
    return _detail(request, petition.pk, response)


@router.post(
    "/petitions/{petition_id}/files",
    response={201: list[FileOut]},
    summary="Tải minh chứng",
    operation_id="petitions_upload_files",
)
def upload(
    request: HttpRequest,
    petition_id: int,
    files: File[list[UploadedFile]],
    idempotency_key: IdempotencyKey = None,
) -> Any:
    """Ảnh JPEG/PNG, PDF, Word; kiểm tra theo nội dung, tối đa 10 MB mỗi tệp, 5 tệp mỗi lần.
    Gắn vào câu trả lời qua `evidence_ids`."""
    petition = access_petition(_scope(request), petition_id, HANDLE)

    def create() -> list[PetitionFile]:
        checked = check_uploads(list(files))
        return list(store(petition=petition, checked_uploads=checked, actor=request.user))

    done = create_once(request, operation="petitions_upload_files", key=idempotency_key, create=create)
    return Created(201, list(petition.files.filter(pk__in=done.pks).order_by("pk")))


@router.post(
    "/petitions/{petition_id}/answers",
    response={201: AnswerOut},
    summary="Trả lời",
    operation_id="petitions_answer",
)
def answer(
    request: HttpRequest, petition_id: int, payload: AnswerIn, idempotency_key: IdempotencyKey = None
) -> Any:
    """Câu trả lời, kết quả giải quyết kèm ít nhất một minh chứng; `public` chỉ khi người gửi đồng ý."""
    scope = _scope(request)
    petition = access_petition(scope, petition_id, READ)

    def create() -> Answer:
        return handling.petition_answer(
            actor=request.user,
            scope=scope,
            petition=petition,
            text=payload.text,
            evidence_ids=payload.evidence_ids,
            decision_number=payload.decision_number,
            decision_date=payload.decision_date,
            public=payload.public,
        )

    done = create_once(request, operation="petitions_answer", key=idempotency_key, create=create)
    return Created(201, petition.answers.prefetch_related("files").get(pk=done.pk))


@router.get(
    "/petitions/{petition_id}/answers",
    response={200: list[AnswerOut]},
    summary="Các câu trả lời",
    operation_id="petitions_list_answers",
)
@paginate(LimitOffsetPagination)
def answers(request: HttpRequest, petition_id: int) -> Any:
    petition = access_petition(_scope(request), petition_id, READ)
    return petition.answers.prefetch_related("files").order_by("created_at", "pk")
