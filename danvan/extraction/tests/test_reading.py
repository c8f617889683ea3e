"""Bad input: clear Vietnamese messages, never a crash."""

import io
import unicodedata
import zipfile

import pytest

from danvan.core.errors import InvalidInput
from danvan.extraction import reading
from danvan.extraction.reading import read_pasted, read_upload

REPORT = (
    "Ngày 25/8/2020, Ban Dân vận Huyện ủy Thoại Sơn tổ chức hội nghị giao ban công tác dân vận tháng "
    "8 năm 2020 với 17 xã, thị trấn."
)


def _docx(xml: bytes, extra: dict[str, bytes] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", xml)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _cp1258(text: str) -> bytes:
    """Windows-1258 as Word writes it: base letters with the five tone marks combining."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for ch in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(base + "".join(c for c in parts if c in tones))
    return "".join(out).encode("cp1258")


def _refused(code: str, name: str, data: bytes) -> str:
    with pytest.raises(InvalidInput) as caught:
        read_upload(name, data)
    assert caught.value.code == code
    return caught.value.message


def test_text_encodings() -> None:
    assert read_upload("a.txt", REPORT.encode()).text == REPORT
    assert read_upload("a.txt", b"\xef\xbb\xbf" + REPORT.encode()).text == REPORT
    assert read_upload("a.txt", REPORT.encode("utf-16")).text == REPORT
    decoded = read_upload("a.txt", _cp1258(REPORT)).text
    assert unicodedata.normalize("NFC", decoded) == REPORT
    mixed = REPORT.encode() + b"\n" + _cp1258("Hội Nông dân kết nạp 23 hội viên mới.")
    assert "Hội Nông dân" in unicodedata.normalize("NFC", read_upload("a.txt", mixed).text)


def test_docx_paragraphs() -> None:
    ns = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    xml = (
        b"<w:document "
        + ns
        + b"><w:body><w:p><w:r><w:t>"
        + REPORT.encode()
        + b"</w:t></w:r></w:p></w:body></w:document>"
    )
    assert read_upload("bao-cao.docx", _docx(xml)).text == REPORT


def test_refusals_have_vietnamese_messages(settings) -> None:  # type: ignore[no-untyped-def]
    assert "rỗng" in _refused("empty_file", "a.txt", b"")
    assert "rỗng" in _refused("empty_file", "a.txt", b"   \n")
    assert "tiếng Việt" in _refused(
        "not_vietnamese", "a.txt", b"This is an English report about the weather and the roads in town."
    )
    big = ("Hội nghị sơ kết công tác dân vận. " * 700_000).encode()
    assert "MB" in _refused("file_too_large", "a.txt", big)
    assert "nhị phân" in _refused("binary_file", "a.txt", b"\x00\x01\x02abc")
    assert ".docx" in _refused("file_type", "old.doc", b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    assert "hỏng" in _refused("bad_docx", "a.docx", b"PK\x03\x04garbage")


def test_zip_bomb_docx_is_refused() -> None:
    bomb = _docx(b"<w:document/>", {"word/media/bomb.bin": b"\x00" * (40 * 1024 * 1024)})
    assert "bất thường" in _refused("docx_bomb", "bomb.docx", bomb)


def test_docx_with_entities_is_refused() -> None:
    xml = b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "y">]><w:document>&x;</w:document>'
    _refused("bad_docx", "a.docx", _docx(xml))


def test_pdf_without_the_tool_is_explained(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(reading.shutil, "which", lambda name: None)
    assert "OCR" in _refused(
        "pdf_scanned", "scan.pdf", b"%PDF-1.4\n1 0 obj <</Type /XObject /Subtype /Image>> endobj"
    )
    assert "pdftotext" in _refused("pdf_unsupported", "a.pdf", b"%PDF-1.4 /Font /F1 BT (x) Tj ET")


def test_long_pasted_text_is_refused() -> None:
    with pytest.raises(InvalidInput) as caught:
        read_pasted("Hội nghị sơ kết công tác dân vận. " * 20_000)
    assert caught.value.code == "text_too_long"


def test_html_keeps_the_article_only() -> None:
    html = (
        "<html><body><nav>Trang chủ | Tin tức | Chính trị | Liên hệ</nav><div class='article-content'>"
        f"<h1>Thoại Sơn giao ban</h1><p>{REPORT}</p><p>Lượt xem: 1.234</p></div>"
        "<div class='comments'>Bình luận hay</div><footer>Điện thoại 0296 3 123 456</footer></body></html>"
    )
    text = read_upload("tin.html", html.encode()).text
    assert REPORT in text and "Trang chủ" not in text and "Lượt xem" not in text and "Bình luận" not in text
