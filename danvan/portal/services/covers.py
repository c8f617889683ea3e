"""Cover images: accepted by their content, never by their name, and within a size limit."""

import uuid

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from danvan.core.errors import InvalidInput

MAX_COVER_BYTES = getattr(settings, "DANVAN_MAX_COVER_BYTES", 2 * 1024 * 1024)
# The first bytes decide the type.
SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
)


def _webp(head: bytes) -> bool:
    return head[:4] == b"RIFF" and head[8:12] == b"WEBP"


def cover_refusal(message: str) -> InvalidInput:
    return InvalidInput("invalid_cover", _("Ảnh bìa không hợp lệ."), errors={"cover": [message]})


def check_cover(upload: UploadedFile) -> tuple[str, str]:
    """(content type, file extension) of an acceptable cover; InvalidInput otherwise."""
    size = upload.size or 0
    if size == 0:
        raise cover_refusal(_("Tệp ảnh rỗng."))
    if size > MAX_COVER_BYTES:
        limit = MAX_COVER_BYTES // (1024 * 1024)
        raise cover_refusal(_("Ảnh lớn hơn %(mb)d MB: hãy thu nhỏ ảnh rồi gửi lại.") % {"mb": limit})
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    for magic, content_type, extension in SIGNATURES:
        if head.startswith(magic):
            return content_type, extension
    if _webp(head):
        return "image/webp", ".webp"
    raise cover_refusal(_("Chỉ nhận ảnh JPEG, PNG hoặc WebP."))


def stored_cover_name(extension: str) -> str:
    return uuid.uuid4().hex + extension
