"""Bad input through the import page and the batch import: a clear Vietnamese message, never a crash
or a partial import; each refusal leaves the database as it was."""

import io
import shutil
import unicodedata
import zipfile
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from danvan.audit.models import AuditEvent
from danvan.extraction import reading
from danvan.extraction.extractor.units import load_gazetteer
from danvan.extraction.models import ImportBatch, ImportedText
from danvan.extraction.reading import MAX_FILE_BYTES, upload_bytes
from danvan.extraction.tests.test_reading import _cp1258

REPORT = (
    "Ngày 25/8/2020, Ban Dân vận Huyện ủy Thoại Sơn tổ chức Hội nghị giao ban công tác dân vận tháng 8 "
    "năm 2020. Tham dự có ông Đinh Văn Hiền, Trưởng Ban Dân vận Huyện ủy. Trong tháng, các đoàn thể trao "
    "120 suất quà cho hộ nghèo."
)


def snapshot() -> tuple[int, int, int]:
    return ImportedText.objects.count(), ImportBatch.objects.count(), AuditEvent.objects.count()


@pytest.fixture
def upload(client_for: Any, personas: Any, tree: Any) -> Any:
    load_gazetteer(refresh=True)
    client = client_for(personas.reporter_a)

    def send(name: str, data: bytes) -> Any:
        return client.post("/nhap-van-ban/", {"file": SimpleUploadedFile(name, data)})

    return send


def refused(upload: Any, name: str, data: bytes, *words: str) -> None:
    before = snapshot()
    response = upload(name, data)
    page = response.content.decode()
    assert response.status_code == 422 and all(word in page for word in words), page[-2000:]
    assert snapshot() == before


@pytest.mark.django_db
def test_an_empty_file(upload):
    refused(upload, "trong.txt", b"", "Tệp rỗng")
    refused(upload, "trang.txt", b" \n\t\n", "Tệp rỗng")


def image_only_pdf() -> bytes:
    """A one-page PDF whose page only draws a filled square: what a scan looks like to pdftotext."""
    content = b"0 0 0 rg 72 72 300 300 re f"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)


@pytest.mark.django_db
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler's pdftotext is not installed")
def test_a_scanned_pdf_without_a_text_layer_suggests_ocr(upload):
    refused(upload, "scan.pdf", image_only_pdf(), "bản quét", "OCR")


@pytest.mark.django_db
def test_a_scanned_pdf_is_explained_even_without_poppler(upload, monkeypatch):
    monkeypatch.setattr(reading.shutil, "which", lambda name: None)
    refused(upload, "scan.pdf", b"%PDF-1.4\n1 0 obj <</Type /XObject /Subtype /Image>> endobj", "OCR")


@pytest.mark.django_db
def test_a_docx_that_is_a_zip_bomb(upload):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("word/media/bomb.bin", b"\0" * (40 * 1024 * 1024))
    refused(upload, "bao-cao.docx", buffer.getvalue(), "bất thường")


class _TooBigToRead:
    """An upload that declares 20 MB and fails the test if anyone reads it."""

    name, size = "lon.txt", 20 * 1024 * 1024

    def read(self, *args: Any) -> bytes:
        raise AssertionError("the 20 MB file was read")


def test_a_20_mb_text_is_refused_by_its_size_before_it_is_read():
    with pytest.raises(reading.InvalidInput) as caught:
        upload_bytes(_TooBigToRead())
    assert caught.value.code == "file_too_large" and "MB" in caught.value.message


@pytest.mark.django_db
def test_a_20_mb_text_through_the_page(upload):
    refused(upload, "lon.txt", b"a" * (20 * 1024 * 1024), f"{MAX_FILE_BYTES // (1024 * 1024)} MB")


@pytest.mark.django_db
def test_mixed_encodings_are_read_not_refused(upload, client_for, personas):
    nfd = unicodedata.normalize("NFD", REPORT)
    cp1258 = _cp1258("Hội Nông dân kết nạp 23 hội viên mới.")
    response = upload("hon-hop.txt", nfd.encode() + b"\n" + cp1258)
    assert response.status_code == 302
    imported = ImportedText.objects.get()
    text = unicodedata.normalize("NFC", imported.source_text)
    assert "Hội Nông dân kết nạp 23 hội viên mới." in text and "Đinh Văn Hiền" in text
    assert [f["quantity"] for f in imported.extraction["figures"]] == [120, 23]
    assert [p["name"] for p in imported.extraction["people"]] == ["Đinh Văn Hiền"]


@pytest.mark.django_db
def test_english_text(upload):
    refused(
        upload,
        "report.txt",
        b"The district held its monthly meeting on mass mobilization work; 120 gifts were given.",
        "không phải tiếng Việt",
    )


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.django_db
def test_a_batch_leaves_out_paths_outside_the_archive_and_other_files_with_a_message(
    client_for, personas, tree, django_capture_on_commit_callbacks
):
    load_gazetteer(refresh=True)
    archive = _zip(
        {"../../etc/bao-cao.txt": REPORT.encode(), "anh.jpg": b"\xff\xd8", "thu-muc/a.txt": REPORT.encode()}
    )
    client = client_for(personas.reporter_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/nhap-van-ban/nhieu-van-ban/", {"archive": SimpleUploadedFile("lo.zip", archive)}
        )
    assert response.status_code == 302
    batch = ImportBatch.objects.get()
    assert (batch.state, batch.total, batch.processed, batch.failed) == ("done", 1, 1, 0)
    page = client.get(f"/nhap-van-ban/nhieu-van-ban/{batch.pk}/").content.decode()
    assert "../../etc/bao-cao.txt: Đường dẫn ra ngoài thư mục nén: bỏ qua." in page
    assert "anh.jpg: Không phải văn bản" in page
    assert list(ImportedText.objects.values_list("file_name", flat=True)) == ["a.txt"]
    from danvan.extraction.tasks import import_batch

    ImportBatch.objects.filter(pk=batch.pk).update(state=ImportBatch.State.RUNNING)
    import_batch.call(batch.pk)  # a task run again after a worker stopped does not import twice
    assert ImportedText.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("members", "words"),
    [
        ({"bom.txt": b"a" * (MAX_FILE_BYTES + 1)}, "bất thường"),
        ({"anh.jpg": b"\xff\xd8"}, "không có văn bản"),
    ],
)
def test_a_dangerous_or_empty_batch_is_refused_whole(client_for, personas, tree, members, words):
    client = client_for(personas.reporter_a)
    before = snapshot()
    response = client.post(
        "/nhap-van-ban/nhieu-van-ban/", {"archive": SimpleUploadedFile("lo.zip", _zip(members))}
    )
    assert response.status_code == 422 and words in response.content.decode()
    assert snapshot() == before
