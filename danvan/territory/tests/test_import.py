"""Importing neighbourhoods from Excel: all rows valid, or nothing saved and every error named."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from danvan.audit.models import AuditEvent
from danvan.core.errors import DomainError
from danvan.core.excel import XLSX_CONTENT_TYPE
from danvan.territory.models import Kind, Level, Unit
from danvan.territory.services import neighbourhood_create, neighbourhood_import
from danvan.territory.tests.conftest import xlsx

URL = "/dia-ban/31510/nhap-excel/"


def upload(data: bytes, name: str = "thon.xlsx") -> dict:
    return {"file": SimpleUploadedFile(name, data, content_type=XLSX_CONTENT_TYPE)}


def state():
    return list(Unit.objects.order_by("pk").values_list("pk", "name", "valid_to")), AuditEvent.objects.count()


def test_good_file_creates_all_rows_with_one_audit_event(personas, tree, client_for):
    neighbourhood_create(commune=tree.commune_a, name="Khóm 1", kind=Kind.KHOM, actor=None)
    data = xlsx([["Khóm 2", "Khóm"], ["Tổ dân phố 5", None], ["3", "to dan pho"], ["Ấp Phú Hòa", "ẤP"]])
    client = client_for(personas.reporter_a)
    response = client.post(URL, upload(data))
    assert response.status_code == 302 and response.url == "/dia-ban/31510/#thon"
    created = Unit.objects.filter(level=Level.NEIGHBOURHOOD).exclude(name="Khóm 1").order_by("code")
    assert [(u.code, u.name, u.kind) for u in created] == [
        ("31510-002", "Khóm 2", Kind.KHOM),
        ("31510-003", "Tổ dân phố 5", Kind.TO_DAN_PHO),
        ("31510-004", "Tổ dân phố 3", Kind.TO_DAN_PHO),
        ("31510-005", "Ấp Phú Hòa", Kind.AP),
    ]
    assert all(u.path.startswith(tree.commune_a.path) and u.depth == 2 and u.sort_key for u in created)
    event = AuditEvent.objects.get(action="neighbourhood.import")
    assert event.changes["created"] == 4 and event.unit == tree.commune_a
    assert "Đã nhập 4 thôn, tổ dân phố" in client.get("/dia-ban/31510/").text


def test_twelve_bad_rows_save_nothing_and_name_each_row(personas, tree, client_for):
    neighbourhood_create(commune=tree.commune_a, name="Thôn Đông", kind=Kind.THON, actor=None)
    rows = [
        ["Thôn Một", "Thôn"],  # row 2, good
        [None, "Thôn"],  # 3: no name
        [None, "Ấp"],  # 4: no name
        ["Thôn Hai", "Làng"],  # 5: unknown kind
        ["Tân Lập", None],  # 6: no kind, none in the name
        ["thon mot", "Thôn"],  # 7: same as row 2
        ["THÔN MỘT", "Thôn"],  # 8: same as row 2
        ["Thôn Đông", "Thôn"],  # 9: exists
        ["thon dong", "Thôn"],  # 10: exists
        ["X" * 101, "Xóm"],  # 11: too long
        ["Bản Một", "Bảng"],  # 12: unknown kind
        [None, None, "ghi chú"],  # 13: no name, no kind (one row, two errors)
        ["Khu phố 4", "Khu pho"],  # 14: good
    ]
    before = state()
    response = client_for(personas.reporter_a).post(URL, upload(xlsx(rows)))
    assert response.status_code == 400
    assert "Tệp có 12 lỗi; chưa lưu dòng nào." in response.text
    for line in [
        "Dòng 3: Chưa nhập tên.",
        "Dòng 5: Loại “Làng” không hợp lệ",
        "Dòng 6: Chưa ghi loại",
        "Dòng 7: Trùng tên với dòng 2.",
        "Dòng 8: Trùng tên với dòng 2.",
        "Dòng 9: Phường Sóc Trăng đã có “Thôn Đông”",
        "Dòng 11: Tên dài quá 100 ký tự.",
    ]:
        assert line in response.text
    assert "Dòng 2:" not in response.text and "Dòng 14:" not in response.text
    assert state() == before


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"Ten,Loai\nThon 1,Thon\n", "Tệp không phải là bảng tính Excel (.xlsx)"),
        (xlsx([["Thôn 1", "Thôn"]], header=["Họ tên", "Loại"]), "Các cột của tệp không đúng mẫu"),
        (xlsx([]), "Tệp không có dòng dữ liệu nào."),
        (xlsx([[f"Thôn {n}", "Thôn"] for n in range(1, 12)]), "Tệp có quá 10 dòng dữ liệu"),
    ],
    ids=["not-excel", "wrong-columns", "empty", "too-many-rows"],
)
def test_wrong_files_are_refused_with_a_message(personas, tree, client_for, settings, data, message):
    settings.DANVAN_MAX_IMPORT_ROWS = 10
    before = state()
    response = client_for(personas.reporter_a).post(URL, upload(data))
    assert response.status_code == 400 and message in response.text
    assert state() == before


def test_service_is_all_or_nothing(tree):
    with pytest.raises(DomainError) as exc:
        neighbourhood_import(
            commune=tree.commune_a, data=xlsx([["Thôn A", "Thôn"], ["Thôn B", "?"]]), actor=None
        )
    kinds = "Thôn, Ấp, Bản, Buôn, Tổ dân phố, Khóm, Khu phố, Xóm, Khu dân cư"
    assert exc.value.errors["rows"] == [f"Dòng 3: Loại “?” không hợp lệ; dùng một trong: {kinds}."]
    assert not Unit.objects.filter(level=Level.NEIGHBOURHOOD).exists()
    with pytest.raises(DomainError):
        neighbourhood_import(commune=tree.legacy_commune, data=xlsx([["Thôn A", "Thôn"]]), actor=None)


def test_template_downloads_and_imports_as_is(personas, tree, client_for):
    client = client_for(personas.reporter_a)
    page = client.get(URL)
    assert page.status_code == 200 and "/dia-ban/31510/mau-excel/" in page.text
    response = client.get("/dia-ban/31510/mau-excel/")
    assert response.status_code == 200 and response["Content-Type"] == XLSX_CONTENT_TYPE
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    assert [c.value for c in sheet[1]] == ["Tên", "Loại"]
    assert client.post(URL, upload(response.content)).status_code == 302
    assert Unit.objects.filter(level=Level.NEIGHBOURHOOD).count() == 3


def test_reporter_of_another_commune_cannot_import(personas, tree, client_for):
    before = state()
    response = client_for(personas.reporter_b).post(URL, upload(xlsx([["Thôn A", "Thôn"]])))
    assert response.status_code == 404
    assert state() == before
