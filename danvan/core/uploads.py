"""One check for every uploaded file: type by content, size, zip bombs, XML entities, safe names.

Use it in a service before saving anything:

    checked = check_upload(upload, allowed={"jpg", "png", "pdf", "docx"})
    stored_name = uuid.uuid4().hex + checked.extension    # never the client's name on disk
    original_name = checked.name                          # safe to show and to send back

The client's file name and Content-Type are never trusted: the first bytes decide the type, and a
.docx/.xlsx must also have the parts of its format. Office files are ZIP archives, so their
declared uncompressed sizes and entry count are bounded (zip bomb), and an XML part that declares
a DOCTYPE or an ENTITY is refused (billion laughs, external entities): Office never writes one.
"""

import io
import re
import unicodedata
import zipfile
from collections.abc import Collection
from dataclasses import dataclass
from typing import IO

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from danvan.core.errors import InvalidInput


@dataclass(frozen=True)
class FileKind:
    code: str
    extension: str
    content_type: str
    label: str


KINDS = {
    kind.code: kind
    for kind in (
        FileKind("jpg", ".jpg", "image/jpeg", "ảnh JPEG"),
        FileKind("png", ".png", "image/png", "ảnh PNG"),
        FileKind("gif", ".gif", "image/gif", "ảnh GIF"),
        FileKind("webp", ".webp", "image/webp", "ảnh WebP"),
        FileKind("pdf", ".pdf", "application/pdf", "PDF"),
        FileKind(
            "docx",
            ".docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "Word (.docx)",
        ),
        FileKind(
            "xlsx",
            ".xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "Excel (.xlsx)",
        ),
        FileKind("zip", ".zip", "application/zip", "tệp nén ZIP"),
    )
}
IMAGES = frozenset({"jpg", "png", "gif", "webp"})
DOCUMENTS = frozenset({"pdf", "docx", "xlsx"})

ZIP_MAGIC = b"PK\x03\x04"
MAX_ZIP_ENTRIES = 2000
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100  # total uncompressed size / file size
OFFICE_PARTS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}
XML_SUFFIXES = (".xml", ".rels", ".vml")
XML_FORBIDDEN = (b"<!doctype", b"<!entity")


@dataclass(frozen=True)
class CheckedUpload:
    kind: FileKind
    name: str  # the client's name made safe, with the extension of the detected type
    size: int

    @property
    def extension(self) -> str:
        return self.kind.extension

    @property
    def content_type(self) -> str:
        return self.kind.content_type


def _refuse(code: str, message: str) -> InvalidInput:
    return InvalidInput(code, message, errors={"file": [message]})


def sniff(head: bytes) -> str | None:
    """The kind of file its first bytes announce (ZIP-based formats answer "zip")."""
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(ZIP_MAGIC):
        return "zip"
    return None


def check_upload(
    upload: UploadedFile | bytes,
    *,
    allowed: Collection[str],
    max_bytes: int | None = None,
    name: str | None = None,
) -> CheckedUpload:
    """Check an upload (Django's UploadedFile, or bytes from the API) or raise InvalidInput (422).

    allowed: codes of KINDS ("jpg", "pdf", "docx", …; IMAGES and DOCUMENTS are ready-made sets).
    The size is checked before the content is read; the file is left at its start.
    """
    limit = max_bytes or settings.DANVAN_MAX_UPLOAD_BYTES
    stream, size, client_name = _open(upload, name)
    if size > limit:
        raise _refuse("file_too_large", _("Tệp lớn hơn giới hạn %(size)s.") % {"size": filesizeformat(limit)})
    if size == 0:
        raise _refuse("file_empty", _("Tệp rỗng."))
    stream.seek(0)
    head = stream.read(16)
    code = sniff(head)
    if code == "zip":
        code = _check_archive(stream, size, allowed)
    stream.seek(0)
    if code is None or code not in allowed:
        labels = ", ".join(KINDS[c].label for c in sorted(allowed) if c in KINDS)
        raise _refuse(
            "file_type", _("Định dạng tệp không được chấp nhận. Chỉ nhận: %(kinds)s.") % {"kinds": labels}
        )
    kind = KINDS[code]
    return CheckedUpload(kind=kind, name=safe_filename(client_name, extension=kind.extension), size=size)


def _open(upload: UploadedFile | bytes, name: str | None) -> tuple[IO[bytes], int, str]:
    if isinstance(upload, bytes | bytearray):
        return io.BytesIO(upload), len(upload), name or ""
    size = upload.size if upload.size is not None else 0
    return upload, size, name or upload.name or ""


def _check_archive(stream: IO[bytes], size: int, allowed: Collection[str]) -> str:
    """A ZIP, .docx or .xlsx whose declared contents are bounded and whose XML declares no entity."""
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise _refuse("file_corrupt", _("Tệp nén bị hỏng hoặc không đúng định dạng.")) from exc
    with archive:
        entries = archive.infolist()
        total = sum(info.file_size for info in entries)
        if (
            len(entries) > MAX_ZIP_ENTRIES
            or total > MAX_UNCOMPRESSED_BYTES
            or total > max(size, 1) * MAX_COMPRESSION_RATIO
        ):
            raise _refuse("file_suspicious", _("Tệp có cấu trúc bất thường (nén quá mức), không thể nhận."))
        names = {info.filename for info in entries}
        code = _office_kind(names)
        if code == "zip" and "zip" not in allowed:
            return code
        for info in entries:
            if _unsafe_entry_name(info.filename):
                raise _refuse("file_suspicious", _("Tệp nén chứa đường dẫn không an toàn, không thể nhận."))
            if (
                code != "zip"
                and info.filename.lower().endswith(XML_SUFFIXES)
                and _declares_entities(archive, info)
            ):
                raise _refuse(
                    "file_suspicious",
                    _("Tệp chứa khai báo XML không được phép (DOCTYPE/ENTITY), không thể nhận."),
                )
    return code


def _office_kind(names: set[str]) -> str:
    if "[Content_Types].xml" in names:
        for code, part in OFFICE_PARTS.items():
            if part in names:
                return code
    return "zip"


def _unsafe_entry_name(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return name.startswith(("/", "\\")) or ".." in parts or ":" in parts[0]


def _declares_entities(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """Scan the part in chunks (its size is bounded above); NULs removed so UTF-16 hides nothing."""
    tail = b""
    with archive.open(info) as part:
        while chunk := part.read(1024 * 1024):
            text = tail + chunk.replace(b"\x00", b"").lower()
            if any(marker in text for marker in XML_FORBIDDEN):
                return True
            tail = text[-16:]
    return False


_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
_UNSAFE_CHARS = re.compile(r"[^\w .()\-+,]", re.UNICODE)
MAX_NAME_LENGTH = 120


def safe_filename(name: str, *, extension: str | None = None, default: str = "tep") -> str:
    """A file name without any path, control or shell-special characters, safe to store or show.

    "../../etc/passwd" → "passwd"; "C:\\x\\Báo cáo.docx" → "Báo cáo.docx". With `extension`, the
    name ends with it (the type detected from the content), whatever the client claimed.
    """
    name = unicodedata.normalize("NFC", name or "")
    name = name.replace("\\", "/").split("/")[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = _UNSAFE_CHARS.sub("_", name)
    name = " ".join(name.split()).strip(" .")
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    if extension is not None:
        ext = extension.lstrip(".")
    stem = stem.strip(" .") or default
    if stem.lower() in _RESERVED:
        stem = f"_{stem}"
    suffix = f".{ext}" if ext else ""
    return stem[: MAX_NAME_LENGTH - len(suffix)] + suffix
