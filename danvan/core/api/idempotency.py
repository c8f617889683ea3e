"""Idempotency-Key on every create of /api/v1: a retried request never creates twice.

`create_once` runs the create and records the key in the same transaction. A retry with the same
key and the same request answers with what the first one created; the same key with another
request answers 422. Two concurrent requests with one key collide on the unique constraint, and the
loser answers with the winner's resource. Keys are kept IDEMPOTENCY_RETENTION (24 hours).
"""

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, models, transaction
from django.http import HttpRequest
from django.utils import timezone
from ninja.params import HeaderEx, P

from danvan.core.errors import InvalidInput
from danvan.core.models import IDEMPOTENCY_RETENTION, IdempotencyRecord

KEY_HELP = (
    "Khóa tự chọn (ví dụ một UUID) để gửi lại an toàn: yêu cầu lặp lại với cùng khóa trả về bản ghi "
    "đã tạo lần đầu, không tạo thêm; cùng khóa với nội dung khác bị từ chối (422). Giữ 24 giờ."
)
IdempotencyKey = HeaderEx[
    str | None, P(alias="Idempotency-Key", min_length=1, max_length=200, description=KEY_HELP)
]
Created = models.Model | Sequence[models.Model]


class KeyReused(InvalidInput):
    def __init__(self) -> None:
        super().__init__(
            "idempotency_key_reused",
            "Khóa Idempotency-Key này đã được dùng cho một yêu cầu khác; hãy dùng khóa mới.",
            errors={"Idempotency-Key": ["Đã dùng cho một yêu cầu khác."]},
        )


@dataclass(frozen=True)
class Outcome:
    """What a create made (now or the first time): primary keys as text, and whether it is new."""

    object_id: str
    created: bool

    @property
    def pk(self) -> int:
        return int(self.object_id.split(",")[0])

    @property
    def pks(self) -> list[int]:
        return [int(part) for part in self.object_id.split(",") if part]


def caller_of(request: HttpRequest) -> str:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    address = str(request.META.get("REMOTE_ADDR") or "unknown")
    return "address:" + hashlib.sha256(address.encode()).hexdigest()[:32]


def _body(request: HttpRequest, exclude: Sequence[str]) -> Any:
    if request.content_type == "multipart/form-data":
        files = _files(request)
        return {"fields": sorted(request.POST.lists()), "files": files}
    try:
        data = json.loads(request.body or b"null")
    except ValueError:
        return hashlib.sha256(request.body).hexdigest()
    if isinstance(data, dict):
        data = {k: v for k, v in data.items() if k not in exclude}
    return data


def _files(request: HttpRequest) -> list[tuple[str, str, str]]:
    found = []
    for name in sorted(request.FILES):
        for upload in request.FILES.getlist(name):
            digest = hashlib.sha256()
            for chunk in upload.chunks():
                digest.update(chunk)
            upload.seek(0)
            found.append((name, upload.name or "", digest.hexdigest()))
    return found


def request_fingerprint(request: HttpRequest, exclude: Sequence[str] = ()) -> str:
    """The method, path and body of the request (JSON canonicalised; files by content), hashed.
    `exclude` drops top-level fields that must not be remembered even as a hash (passwords)."""
    text = json.dumps([request.method, request.path, _body(request, exclude)], sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def _cutoff() -> Any:
    return timezone.now() - IDEMPOTENCY_RETENTION


def _previous(caller: str, operation: str, key: str, fingerprint: str) -> Outcome | None:
    record = IdempotencyRecord.objects.filter(
        caller=caller, operation=operation, key=key, created_at__gte=_cutoff()
    ).first()
    if record is None:
        return None
    if record.fingerprint and record.fingerprint != fingerprint:
        raise KeyReused()
    return Outcome(record.object_id, created=False)


def _identify(created: Created) -> tuple[str, str]:
    rows = [created] if isinstance(created, models.Model) else list(created)
    label = rows[0]._meta.label_lower if rows else ""
    return label, ",".join(str(row.pk) for row in rows)


def create_once(
    request: HttpRequest,
    *,
    operation: str,
    key: str | None,
    create: Callable[[], Created],
    exclude: Sequence[str] = (),
) -> Outcome:
    """Run `create` once per (caller, operation, key); without a key, simply run it."""
    if not key:
        return Outcome(_identify(create())[1], created=True)
    caller, fingerprint = caller_of(request), request_fingerprint(request, exclude)
    user: Any = request.user if caller.startswith("user:") else None
    previous = _previous(caller, operation, key, fingerprint)
    if previous is not None:
        return previous
    try:
        with transaction.atomic():
            IdempotencyRecord.objects.filter(  # an expired use of the key (never a live one: a race)
                caller=caller, operation=operation, key=key, created_at__lt=_cutoff()
            ).delete()
            resource_type, object_id = _identify(create())
            IdempotencyRecord.objects.create(
                caller=caller,
                user=user,
                operation=operation,
                key=key,
                fingerprint=fingerprint,
                resource_type=resource_type,
                object_id=object_id,
            )
    except IntegrityError:
        previous = _previous(caller, operation, key, fingerprint)
        if previous is None:
            raise
        return previous
    return Outcome(object_id, created=True)


def purge_expired() -> int:
    """Delete the records past their retention; returns how many."""
    deleted, _detail = IdempotencyRecord.objects.filter(created_at__lt=_cutoff()).delete()
    return deleted
