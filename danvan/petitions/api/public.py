"""Citizens' operations, no token: submit (rate-limited per address) and follow by tracking code."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Status as Created

from danvan.core.api.idempotency import IdempotencyKey, create_once
from danvan.petitions.access import access_tracked
from danvan.petitions.api import router
from danvan.petitions.api.schemas import ProblemOut, PublicPetitionIn, PublicStatusOut, TrackingOut
from danvan.petitions.api.shared import intake_from
from danvan.petitions.links import private_path
from danvan.petitions.models import Petition, Status
from danvan.petitions.ratelimit import client_address, hit
from danvan.petitions.selectors import public_answers
from danvan.petitions.services.intake import petition_submit_public
from danvan.territory.models import Unit

ERRORS: dict[int, Any] = {429: ProblemOut}  # answered by the endpoint itself (too_many)
TOO_MANY = "Bạn đã gửi quá nhiều lần từ địa chỉ này. Hãy thử lại sau {minutes} phút."


def too_many(response: HttpResponse, wait: int) -> Created:
    response["Retry-After"] = str(wait)
    detail = TOO_MANY.format(minutes=max(wait // 60, 1))
    return Created(429, {"status": 429, "code": "rate_limited", "detail": detail})


@router.post(
    "/public/petitions",
    auth=None,
    response={201: TrackingOut, **ERRORS},
    summary="Công dân gửi ý kiến, phản ánh, khiếu nại, tố cáo",
    operation_id="public_petitions_submit",
)
def submit(
    request: HttpRequest,
    payload: PublicPetitionIn,
    response: HttpResponse,
    idempotency_key: IdempotencyKey = None,
) -> Any:
    """Không cần tài khoản. Trả về mã theo dõi và đường dẫn riêng (chỉ trong lần trả lời đầu tiên;
    gửi lại cùng Idempotency-Key chỉ trả về mã theo dõi). Giới hạn số lần gửi theo địa chỉ: 429 kèm
    Retry-After."""
    wait = hit(client_address(request))
    if wait is not None:
        return too_many(response, wait)
    secrets: list[str] = []

    def create() -> Petition:
        unit = Unit.objects.valid_on(timezone.localdate()).filter(code=payload.unit.strip()).first()
        petition, secret = petition_submit_public(intake=intake_from(payload, unit))
        secrets.append(secret)
        return petition

    done = create_once(request, operation="public_petitions_submit", key=idempotency_key, create=create)
    petition = Petition.objects.get(pk=done.pk)
    private_url = private_path(petition.tracking_code, secrets[0]) if secrets else ""
    return Created(201, {"tracking_code": petition.tracking_code, "private_url": private_url})


@router.get(
    "/public/petitions/{tracking_code}",
    auth=None,
    response={200: PublicStatusOut, **ERRORS},
    summary="Theo dõi bằng mã",
    operation_id="public_petitions_track",
)
def track(request: HttpRequest, tracking_code: str) -> Any:
    """Trạng thái và câu trả lời công khai; không bao giờ có nội dung đơn hay thông tin người gửi."""
    petition = access_tracked(tracking_code)
    answer = public_answers(petition).last()
    return {
        "tracking_code": petition.tracking_code,
        "kind": petition.kind,
        "topic": petition.topic.name,
        "unit": petition.unit.name,
        "status": petition.status,
        "status_label": Status(petition.status).label,
        "received_on": petition.received_on,
        "due_on": petition.due_on,
        "answered_on": petition.answered_on,
        "public_answer": answer.text if answer else None,
    }
