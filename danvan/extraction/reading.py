"""Reading what a person gives us into one text: .txt (UTF-8, UTF-16, Windows-1258, mixed), .docx,
.pdf (text layer, through poppler's pdftotext when the server has it), .html (main text only) or
pasted text. Every refusal is an InvalidInput with a Vietnamese message; nothing here crashes on
bad bytes.
"""

import io
import re
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any
from xml.etree import ElementTree as ET

from django.conf import settings

from danvan.core.errors import InvalidInput
from danvan.extraction.extractor.document import _TAIL_MARKERS, is_chrome_line

MAX_FILE_BYTES = getattr(settings, "DANVAN_EXTRACTION_MAX_BYTES", 10 * 1024 * 1024)
MAX_TEXT_CHARS = getattr(settings, "DANVAN_EXTRACTION_MAX_CHARS", 200_000)
MAX_DOCX_UNCOMPRESSED = 30 * 1024 * 1024
MAX_DOCX_RATIO = 100
MAX_DOCX_MEMBERS = 2000
PDF_TIMEOUT_S = 30
KINDS = ("txt", "docx", "pdf", "html", "paste")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_VIETNAMESE = re.compile(
    r"[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.IGNORECASE
)


@dataclass(frozen=True)
class SourceText:
    text: str
    kind: str
    name: str


def _refuse(code: str, message: str) -> InvalidInput:
    return InvalidInput(code, message, errors={"file": [message]})


def _too_large() -> InvalidInput:
    return _refuse(
        "file_too_large",
        f"Tệp lớn hơn {MAX_FILE_BYTES // (1024 * 1024)} MB: hãy tách thành nhiều tệp nhỏ hơn.",
    )


def check_size(size: int | None, limit: int = MAX_FILE_BYTES) -> None:
    if size is not None and size > limit:
        raise (
            _too_large()
            if limit == MAX_FILE_BYTES
            else _refuse(
                "zip_size", f"Tệp .zip lớn hơn {limit // (1024 * 1024)} MB: hãy chia thành nhiều tệp."
            )
        )


def upload_bytes(upload: Any, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of an uploaded file, refused by its declared size before any of it is read."""
    check_size(upload.size, limit)
    return bytes(upload.read(limit + 1))


def read_upload(name: str, data: bytes) -> SourceText:
    """The text of an uploaded file, by its content first and its name second."""
    if len(data) > MAX_FILE_BYTES:
        raise _too_large()
    if not data or not data.strip():
        raise _refuse("empty_file", "Tệp rỗng: không có nội dung để nhập.")
    lowered = name.lower()
    if data.startswith(b"PK\x03\x04"):
        if not lowered.endswith(".docx"):
            raise _refuse(
                "file_type",
                "Tệp nén không phải văn bản Word (.docx); tệp .zip hãy dùng chức năng nhập nhiều văn bản.",
            )
        return _checked(docx_text(data), "docx", name)
    if data.startswith(b"%PDF-"):
        return _checked(pdf_text(data), "pdf", name)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise _refuse(
            "file_type", "Tệp Word cũ (.doc) chưa được hỗ trợ: hãy lưu lại dưới dạng .docx rồi nhập."
        )
    text = decode_text(data)
    if lowered.endswith((".html", ".htm")) or re.match(
        r"\s*(<!doctype html|<html)", text[:200], re.IGNORECASE
    ):
        return _checked(html_text(text), "html", name)
    return _checked(text, "txt", name)


def read_pasted(text: str) -> SourceText:
    return _checked(text or "", "paste", "")


def _checked(text: str, kind: str, name: str) -> SourceText:
    if not text.strip():
        raise _refuse("empty_text", "Văn bản không có nội dung chữ để trích xuất.")
    if len(text) > MAX_TEXT_CHARS:
        raise _refuse(
            "text_too_long",
            f"Văn bản dài {len(text):,} ký tự, vượt giới hạn {MAX_TEXT_CHARS:,} ký tự: hãy tách thành "
            f"nhiều văn bản.".replace(",", "."),
        )
    if not looks_vietnamese(text):
        raise _refuse(
            "not_vietnamese",
            "Văn bản không phải tiếng Việt (hoặc mất dấu): bộ trích xuất chỉ đọc văn bản tiếng Việt có dấu.",
        )
    return SourceText(text, kind, name)


def looks_vietnamese(text: str) -> bool:
    import unicodedata

    sample = unicodedata.normalize("NFC", text[:20_000])
    words = re.findall(r"\w+", sample)
    if len(words) < 8:
        return bool(_VIETNAMESE.search(sample)) or not words
    marked = sum(1 for w in words if _VIETNAMESE.search(w))
    return marked / len(words) >= 0.15


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1258, line by line when mixed."""
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _refuse("binary_file", "Tệp không phải văn bản (có dữ liệu nhị phân).")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    lines = []
    for line in data.split(b"\n"):
        try:
            lines.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(line.decode("cp1258", errors="replace"))
    return "\n".join(lines)


def docx_text(data: bytes) -> str:
    """Paragraphs of word/document.xml, with zip-bomb and XML-entity guards."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise _refuse("bad_docx", "Tệp Word (.docx) bị hỏng, không đọc được.") from exc
    total = sum(m.file_size for m in members)
    packed = sum(m.compress_size for m in members) or 1
    if len(members) > MAX_DOCX_MEMBERS or total > MAX_DOCX_UNCOMPRESSED or total / packed > MAX_DOCX_RATIO:
        raise _refuse(
            "docx_bomb", "Tệp Word có nội dung giải nén quá lớn bất thường (nghi tệp độc hại): không nhập."
        )
    try:
        xml = archive.read("word/document.xml")
    except KeyError as exc:
        raise _refuse("bad_docx", "Tệp không phải văn bản Word (.docx) hợp lệ: thiếu phần nội dung.") from exc
    if b"<!DOCTYPE" in xml or b"<!ENTITY" in xml:
        raise _refuse("bad_docx", "Tệp Word chứa khai báo XML không được phép: không nhập.")
    try:
        root = ET.fromstring(xml)  # noqa: S314 - no DTD, size bounded above
    except ET.ParseError as exc:
        raise _refuse("bad_docx", "Tệp Word (.docx) bị hỏng, không đọc được.") from exc
    return "\n".join(_paragraph(p) for p in root.iter(f"{_W}p"))


def _paragraph(paragraph: ET.Element) -> str:
    parts = []
    for node in paragraph.iter():
        if node.tag == f"{_W}t" and node.text:
            parts.append(node.text)
        elif node.tag == f"{_W}tab":
            parts.append("\t")
        elif node.tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
    return "".join(parts)


def pdf_text(data: bytes) -> str:
    """The text layer of a PDF through `pdftotext` (poppler), when installed on the server."""
    tool = shutil.which("pdftotext")
    if tool is None:
        if b"/Font" not in data:
            raise _refuse(
                "pdf_scanned", "PDF là bản quét, không có lớp chữ: hãy nhận dạng ký tự (OCR) rồi nhập lại."
            )
        raise _refuse(
            "pdf_unsupported",
            "Máy chủ chưa cài công cụ đọc PDF (pdftotext): hãy lưu văn bản dưới dạng Word (.docx) hoặc "
            "dán nội dung.",
        )
    with tempfile.NamedTemporaryFile(suffix=".pdf") as source:
        source.write(data)
        source.flush()
        try:
            done = subprocess.run(  # noqa: S603
                [tool, "-layout", "-enc", "UTF-8", source.name, "-"],
                capture_output=True,
                timeout=PDF_TIMEOUT_S,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise _refuse("pdf_timeout", "Đọc PDF quá lâu: tệp có thể bị hỏng.") from exc
    text = done.stdout.decode("utf-8", errors="replace")
    if done.returncode != 0:
        raise _refuse("bad_pdf", "Tệp PDF bị hỏng, không đọc được.")
    if not text.strip():
        raise _refuse(
            "pdf_scanned", "PDF là bản quét, không có lớp chữ: hãy nhận dạng ký tự (OCR) rồi nhập lại."
        )
    return text


_SKIP_TAGS = {
    "script",
    "style",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "noscript",
    "iframe",
    "menu",
    "button",
    "select",
    "svg",
}
_SKIP_ATTR = re.compile(
    r"menu|nav|footer|comment|binh-?luan|sidebar|related|share|breadcrumb|banner|counter|luot-?xem|social|tags|widget",
    re.IGNORECASE,
)
_BLOCK = {
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "section",
    "article",
    "main",
    "blockquote",
    "td",
    "figcaption",
}
_VOID = {"br", "img", "hr", "input", "meta", "link", "source", "wbr"}


class _MainText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, skipped, main)
        self.all: list[str] = []
        self.main: list[str] = []

    def _state(self) -> tuple[bool, bool]:
        return (self.stack[-1][1], self.stack[-1][2]) if self.stack else (False, False)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        skipped, main = self._state()
        marks = " ".join(v or "" for k, v in attrs if k in ("class", "id", "role"))
        skip = skipped or tag in _SKIP_TAGS or bool(_SKIP_ATTR.search(marks))
        is_main = (
            main
            or tag in ("article", "main")
            or bool(re.search(r"article|detail|content|entry|post-body", marks))
        )
        if tag in _BLOCK:
            self._emit("\n", skip, is_main)
        if tag not in _VOID:
            self.stack.append((tag, skip, is_main))

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break
        if tag in _BLOCK:
            self._emit("\n", *self._state())

    def handle_data(self, data: str) -> None:
        self._emit(data, *self._state())

    def _emit(self, text: str, skipped: bool, main: bool) -> None:
        if skipped:
            return
        self.all.append(text)
        if main:
            self.main.append(text)


def html_text(html: str) -> str:
    """The article's text: menus, scripts, comments, related news and footers dropped."""
    parser = _MainText()
    parser.feed(html)
    parser.close()
    chosen = "".join(parser.main) if len("".join(parser.main).strip()) > 200 else "".join(parser.all)
    lines: list[str] = []
    for raw in chosen.split("\n"):
        line = " ".join(raw.split())
        if lines and _TAIL_MARKERS.match(line):
            break
        if line and not is_chrome_line(line):
            lines.append(line)
    return "\n\n".join(lines)
