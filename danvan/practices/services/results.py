"""Progress updates with evidence, attachments, commendations and publication."""

import datetime as dt
import uuid
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from danvan.accounts.models import Role
from danvan.accounts.scope import UserScope
from danvan.audit.services import audit_record
from danvan.core.errors import DomainError, PermissionDenied
from danvan.core.uploads import IMAGES, check_upload
from danvan.practices.errors import InvalidInput
from danvan.practices.models import (
    RECOGNIZED_STATUSES,
    Attachment,
    Commendation,
    Practice,
    ProgressUpdate,
    Status,
)
from danvan.practices.services.lifecycle import practice_transition

MAX_ATTACHMENT_BYTES = getattr(settings, "DANVAN_MAX_ATTACHMENT_BYTES", 10 * 1024 * 1024)
ACCEPTED = frozenset({"jpg", "png", "pdf", "docx", "xlsx"})
MAX_FILES_PER_UPDATE = 10
ACTIVE = (Status.REGISTERED, Status.IN_PROGRESS, Status.REVIEWED, Status.EVALUATED, *RECOGNIZED_STATUSES)


def _check_upload(upload: UploadedFile) -> tuple[str, str, str]:
    """(content type, extension, attachment type), by content (core.uploads: zip bombs and XML
    entities refused inside .docx/.xlsx); a Vietnamese 422 otherwise."""
    try:
        checked = check_upload(upload, allowed=ACCEPTED, max_bytes=MAX_ATTACHMENT_BYTES)
    except DomainError as exc:
        raise DomainError(exc.code, exc.message, errors={"file": [exc.message]}) from exc
    kind = Attachment.Type.PHOTO if checked.kind.code in IMAGES else Attachment.Type.DOCUMENT
    return checked.kind.content_type, checked.extension, kind


@transaction.atomic
def attachment_add(
    *,
    actor: Any,
    practice: Practice,
    upload: UploadedFile,
    title: str = "",
    progress: ProgressUpdate | None = None,
) -> Attachment:
    content_type, extension, kind = _check_upload(upload)
    original = (upload.name or "tep").replace("/", "_").replace("\\", "_")[-200:]
    attachment = Attachment(
        practice=practice,
        progress=progress,
        type=kind,
        title=(title or original)[:200],
        original_name=original,
        stored_name=uuid.uuid4().hex + extension,
        content_type=content_type,
        size=upload.size or 0,
        uploaded_by=actor,
    )
    attachment.file.save(attachment.stored_name, upload, save=False)
    attachment.save()
    audit_record(
        actor=actor,
        action="practice.attach",
        obj=practice,
        unit=practice.unit,
        changes={"attachment": [None, attachment.title]},
    )
    return attachment


@transaction.atomic
def progress_add(
    *,
    actor: Any,
    practice: Practice,
    on_date: dt.date,
    summary: str,
    beneficiaries: int | None = None,
    money_raised: int | None = None,
    workdays: int | None = None,
    uploads: list[UploadedFile] | None = None,
) -> ProgressUpdate:
    if practice.status not in ACTIVE:
        raise DomainError("not_active", "Mô hình đang tạm dừng hoặc đã dừng, không cập nhật tiến độ được.")
    if not summary.strip():
        raise InvalidInput(
            "invalid_progress", "Cần mô tả kết quả thực hiện.", errors={"summary": ["Bắt buộc."]}
        )
    if any(v is not None and v < 0 for v in (beneficiaries, money_raised, workdays)):
        raise InvalidInput("invalid_progress", "Số liệu không được âm.")
    if len(uploads or []) > MAX_FILES_PER_UPDATE:
        raise InvalidInput(
            "too_many_files",
            f"Mỗi lần cập nhật gửi tối đa {MAX_FILES_PER_UPDATE} tệp.",
            errors={"files": ["Quá nhiều tệp."]},
        )
    for upload in uploads or []:  # every file is checked before anything is written
        _check_upload(upload)
    update = ProgressUpdate.objects.create(
        practice=practice,
        on_date=on_date,
        summary=summary.strip(),
        beneficiaries=beneficiaries,
        money_raised=money_raised,
        workdays=workdays,
        author=actor,
    )
    for upload in uploads or []:
        attachment_add(actor=actor, practice=practice, upload=upload, progress=update)
    audit_record(
        actor=actor,
        action="practice.progress",
        obj=practice,
        unit=practice.unit,
        changes={"progress": [None, on_date.isoformat()]},
    )
    return update


@transaction.atomic
def practice_commend(
    *,
    actor: Any,
    scope: UserScope,
    practice: Practice,
    form: str,
    issuer: str,
    decision_number: str,
    decision_date: dt.date,
    recipients: str,
) -> Commendation:
    if not scope.covers(practice.unit, Role.APPROVER):
        raise PermissionDenied("Khen thưởng cần lãnh đạo có quyền duyệt của đơn vị.")
    errors = {
        name: ["Bắt buộc."]
        for name, value in (
            ("issuer", issuer),
            ("decision_number", decision_number),
            ("recipients", recipients),
        )
        if not value.strip()
    }
    if form not in Commendation.Form.values:
        errors["form"] = ["Chọn giấy khen hoặc bằng khen."]
    if errors:
        raise InvalidInput("invalid_commendation", "Thông tin khen thưởng chưa đầy đủ.", errors=errors)
    if practice.status != Status.COMMENDED:
        practice_transition(actor=actor, scope=scope, practice=practice, to=Status.COMMENDED)
    commendation = Commendation.objects.create(
        practice=practice,
        form=form,
        issuer=issuer.strip(),
        decision_number=decision_number.strip(),
        decision_date=decision_date,
        recipients=recipients.strip(),
    )
    audit_record(
        actor=actor,
        action="practice.commend",
        obj=practice,
        unit=practice.unit,
        changes={"commendation": [None, str(commendation)]},
    )
    return commendation


@transaction.atomic
def practice_publish(*, actor: Any, practice: Practice, public: bool, consent: bool = False) -> Practice:
    """Show a recognised practice on the public portal, or withdraw it."""
    if public and practice.status not in RECOGNIZED_STATUSES:
        raise DomainError("not_recognized", "Chỉ mô hình đã được công nhận mới được công khai.")
    if public and practice.person_id and not consent:
        raise DomainError(
            "consent_required",
            "Điển hình cá nhân chỉ công khai khi người đó đồng ý.",
            errors={"consent": ["Cần xác nhận có sự đồng ý."]},
        )
    before = practice.is_public
    practice.is_public, practice.public_consent = public, consent
    practice.save(update_fields=["is_public", "public_consent", "updated_at"])
    audit_record(
        actor=actor,
        action="practice.publish",
        obj=practice,
        unit=practice.unit,
        changes={"is_public": [before, public]},
    )
    return practice
