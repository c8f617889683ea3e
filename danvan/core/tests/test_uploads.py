"""The shared upload check: type by content, size, zip bombs, XML entities, path traversal."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from danvan.core.errors import InvalidInput
from danvan.core.excel import DomainError, read_rows
from danvan.core.uploads import DOCUMENTS, IMAGES, check_upload, safe_filename, sniff

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 50
JPG = b"\xff\xd8\xff\xe0" + b"\x00" * 50
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"
CONTENT_TYPES = (
    b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
)


def xlsx() -> bytes:
    buffer = io.BytesIO()
    workbook = Workbook()
    workbook.active.append(["Tên", "Loại"])
    workbook.save(buffer)
    return buffer.getvalue()


def archive(parts: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return buffer.getvalue()


def docx(document: bytes = b"<w:document/>") -> bytes:
    return archive({"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": document})


def _code(data: bytes, allowed=DOCUMENTS | IMAGES, **kwargs) -> str:
    with pytest.raises(InvalidInput) as err:
        check_upload(data, allowed=allowed, **kwargs)
    assert err.value.errors["file"]  # shown next to the file field
    return err.value.code


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (PNG, "png"),
        (JPG, "jpg"),
        (PDF, "pdf"),
        (b"GIF89a....", "gif"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "webp"),
    ],
)
def test_kinds_are_recognised_by_content(data, kind):
    assert sniff(data[:16]) == kind
    assert check_upload(data, allowed={kind}, name="x").kind.code == kind


def test_the_name_does_not_decide_the_type():
    # An HTML page named .png is refused; a PNG named .exe is stored as .png.
    html = b"<html><script>alert(1)</script></html>"
    assert _code(html, name="anh.png") == "file_type"
    checked = check_upload(PNG, allowed=IMAGES, name="setup.exe")
    assert checked.name == "setup.png" and checked.content_type == "image/png"


def test_a_kind_outside_the_allowed_set_is_refused():
    assert _code(PDF, allowed=IMAGES) == "file_type"
    with pytest.raises(InvalidInput) as err:
        check_upload(PDF, allowed={"jpg", "png"})
    assert err.value.message == "Định dạng tệp không được chấp nhận. Chỉ nhận: ảnh JPEG, ảnh PNG."


def test_office_files_are_told_apart_and_a_plain_zip_is_not_an_office_file():
    assert check_upload(xlsx(), allowed=DOCUMENTS, name="a.xlsx").kind.code == "xlsx"
    assert check_upload(docx(), allowed=DOCUMENTS, name="a.docx").kind.code == "docx"
    assert check_upload(xlsx(), allowed=DOCUMENTS, name="bang.docx").name == "bang.xlsx"
    assert _code(archive({"a.txt": b"x"}), name="a.docx") == "file_type"
    assert check_upload(archive({"a.txt": b"x"}), allowed={"zip"}).kind.code == "zip"


def test_size_is_checked_before_reading(settings):
    class Unreadable(SimpleUploadedFile):
        def read(self, *args, **kwargs):
            raise AssertionError("read before the size check")

    big = Unreadable("a.pdf", b"")
    big.size = settings.DANVAN_MAX_UPLOAD_BYTES + 1
    assert _code(big) == "file_too_large"
    assert _code(PDF, max_bytes=10) == "file_too_large"
    assert _code(b"") == "file_empty"


def test_uploaded_file_is_left_at_its_start():
    upload = SimpleUploadedFile("Ảnh hiện trường.png", PNG, content_type="text/html")
    checked = check_upload(upload, allowed=IMAGES)
    assert checked.name == "Ảnh hiện trường.png" and checked.size == len(PNG)
    assert upload.read() == PNG


def test_zip_bomb_is_refused():
    bomb = docx(b"<w:document>" + b"A" * 5_000_000 + b"</w:document>")
    assert len(bomb) < 50_000
    assert _code(bomb) == "file_suspicious"


def test_too_many_entries_are_refused():
    parts = {"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": b"<w/>"}
    parts.update({f"word/media/{i}.bin": b"" for i in range(2100)})
    assert _code(archive(parts, zipfile.ZIP_STORED)) == "file_suspicious"


@pytest.mark.parametrize(
    "xml",
    [
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>'
        b"<w:document>&lol2;</w:document>",
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document>&x;</w:document>',
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE r [<!ENTITY x "y">]><r/>'.encode("utf-16"),
    ],
    ids=["billion-laughs", "external-entity", "utf16-hidden"],
)
def test_xml_entity_declarations_are_refused(xml):
    assert _code(docx(xml)) == "file_suspicious"


def test_entity_in_a_spreadsheet_part_is_refused():
    data = xlsx()
    source = zipfile.ZipFile(io.BytesIO(data))
    parts = {info.filename: source.read(info) for info in source.infolist()}
    parts["xl/sharedStrings.xml"] = b'<!DOCTYPE x [<!ENTITY e SYSTEM "http://attacker/">]><sst>&e;</sst>'
    assert _code(archive(parts)) == "file_suspicious"


def test_path_traversal_inside_an_archive_is_refused():
    evil = archive(
        {"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": b"<w/>", "../../evil.sh": b"x"}
    )
    assert _code(evil) == "file_suspicious"


def test_a_corrupt_archive_is_refused():
    assert _code(b"PK\x03\x04" + b"\x00" * 100) == "file_corrupt"


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("../../etc/passwd", "passwd"),
        ("..\\..\\windows\\system32\\config.sys", "config.sys"),
        ("C:\\Users\\cb\\Báo cáo quý I.docx", "Báo cáo quý I.docx"),
        ("/tmp/x/.htaccess", "htaccess"),
        ("..", "tep"),
        ("", "tep"),
        ("a\x00b\r\n.pdf", "ab.pdf"),
        ("CON.txt", "_CON.txt"),
        ("x<script>y;$(rm).pdf", "x_script_y__(rm).pdf"),
        ("Bie\u0302n ba\u0309n.pdf", "Biên bản.pdf"),  # NFD from macOS → NFC
    ],
)
def test_safe_filename(name, safe):
    assert safe_filename(name) == safe


def test_safe_filename_keeps_length_and_forces_extension():
    name = safe_filename("a" * 500 + ".pdf.exe", extension=".pdf")
    assert name.endswith(".pdf") and len(name) <= 120 and "/" not in name


def test_excel_import_refuses_entity_declarations_too():
    """The Excel import reader (core.excel) runs the same check before openpyxl parses anything."""
    data = xlsx()
    source = zipfile.ZipFile(io.BytesIO(data))
    parts = {info.filename: source.read(info) for info in source.infolist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    parts["xl/worksheets/sheet1.xml"] = sheet.replace(
        "<worksheet", '<!DOCTYPE w [<!ENTITY e SYSTEM "file:///etc/passwd">]><worksheet', 1
    ).encode()
    with pytest.raises(DomainError) as err:
        list(read_rows(archive(parts), {"name": "Tên", "kind": "Loại"}))
    assert err.value.code == "file_suspicious"
