"""Files of a petition: what the citizen sends and the evidence of answers. Checked by content
(the first bytes), never by name; size-limited; all checked before anything is stored."""

import uuid
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from danvan.core.errors import InvalidInput
from danvan.core.uploads import CheckedUpload, check_upload
from danvan.petitions.models import Answer, Petition, PetitionFile

MAX_FILE_BYTES: int = getattr(settings, "DANVAN_PETITION_MAX_FILE_BYTES", 10 * 1024 * 1024)
MAX_FILES = 5
ALLOWED = frozenset({"jpg", "png", "pdf", "docx"})
TYPES = {"jpg": PetitionFile.Type.PHOTO, "png": PetitionFile.Type.PHOTO}


def _refuse(code: str, message: str) -> InvalidInput:
    return InvalidInput(code, message, errors={"files": [message]})


def checked(upload: UploadedFile) -> CheckedUpload:
    """The shared check (core.uploads: type by content, size, zip bombs), the file named in the message."""
    try:
        return check_upload(upload, allowed=ALLOWED, max_bytes=MAX_FILE_BYTES)
    except InvalidInput as exc:
        name = upload.name or "tệp"
        if exc.code == "file_too_large":
            limit = MAX_FILE_BYTES // (1024 * 1024)
            raise _refuse(exc.code, f"Tệp «{name}» lớn hơn {limit} MB; hãy gửi tệp nhỏ hơn.") from exc
        if exc.code == "file_type":
            message = (
                f"Tệp «{name}» không phải ảnh JPEG, PNG hoặc tài liệu PDF, Word (nội dung tệp không khớp)."
            )
            raise _refuse(exc.code, message) from exc
        raise _refuse(exc.code, f"Tệp «{name}»: {exc.message}") from exc


def check_uploads(uploads: list[UploadedFile]) -> list[tuple[UploadedFile, CheckedUpload]]:
    if len(uploads) > MAX_FILES:
        raise _refuse("too_many_files", f"Gửi tối đa {MAX_FILES} tệp mỗi lần.")
    return [(upload, checked(upload)) for upload in uploads]


def store(
    *,
    petition: Petition,
    checked_uploads: list[tuple[UploadedFile, CheckedUpload]],
    actor: Any = None,
    answer: Answer | None = None,
    from_citizen: bool = False,
) -> list[PetitionFile]:
    stored = []
    for upload, check in checked_uploads:
        original = check.name[-200:]
        row = PetitionFile(
            petition=petition,
            answer=answer,
            from_citizen=from_citizen,
            type=TYPES.get(check.kind.code, PetitionFile.Type.DOCUMENT),
            title=original[:200],
            original_name=original,
            stored_name=uuid.uuid4().hex + check.extension,
            content_type=check.content_type,
            size=check.size,
            uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        row.file.save(row.stored_name, upload, save=False)
        row.save()
        stored.append(row)
    return stored
