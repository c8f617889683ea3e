"""Bulk import of users from Excel: template, row-numbered errors, all or nothing."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from danvan.accounts.models import Grant, User
from danvan.accounts.scope import scope_for
from danvan.accounts.services import import_columns, users_import
from danvan.audit.models import AuditEvent
from danvan.core.errors import DomainError
from danvan.core.excel import template_workbook

IMPORT = "/tai-khoan/nguoi-dung/nhap-excel/"
GOOD = "Mat-khau-ban-dau-2026"


def sheet(*rows):
    return template_workbook(import_columns(), [list(r) for r in rows], "Người dùng")


def upload(data: bytes) -> dict:
    return {"file": SimpleUploadedFile("nguoi-dung.xlsx", data)}


def test_template_download(personas, client_for):
    response = client_for(personas.unit_admin).get(IMPORT + "mau.xlsx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "mau-nhap-nguoi-dung.xlsx" in response["Content-Disposition"]
    header = next(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert list(header) == ["Tên đăng nhập", "Họ và tên", "Email", "Mã đơn vị", "Vai trò", "Mật khẩu ban đầu"]


def test_import_creates_all_users_with_their_grants(personas, tree, client_for):
    data = sheet(
        ["tran.b", "Trần Thị B", "b@example.vn", "31510", "Nhập liệu", GOOD],
        ["le.c", "Lê Văn C", None, 31528, "approver", GOOD + "x"],
        ["pham.d", "Phạm Đức D", "", "92", "lãnh đạo duyệt", GOOD + "y"],
        ["vo.e", "Võ Văn E", "", "31528", "unit_admin", GOOD + "z"],
    )
    response = client_for(personas.unit_admin).post(IMPORT, upload(data), follow=True)
    assert "Đã tạo 4 người dùng từ tệp Excel." in response.text
    grants = set(
        Grant.objects.filter(user__username__in=["tran.b", "le.c", "pham.d", "vo.e"]).values_list(
            "user__username", "unit__code", "role"
        )
    )
    assert grants == {
        ("tran.b", "31510", "reporter"),
        ("le.c", "31528", "approver"),
        ("pham.d", "92", "approver"),
        ("vo.e", "31528", "unit_admin"),
    }
    user = User.objects.get(username="pham.d")
    assert user.check_password(GOOD + "y") and user.search_folded == "pham d pham duc d"
    event = AuditEvent.objects.get(action="user.import")
    assert event.unit == tree.province and event.changes["created"] == 4
    assert GOOD not in str(event.changes)


def test_import_lists_every_bad_row_and_saves_none(personas, tree, client_for, unchanged):
    data = sheet(
        ["tot.a", "Tốt A", "", "31510", "viewer", GOOD],  # row 2: fine, but nothing is saved
        ["nhaplieu_a", "Trùng DB", "", "31510", "viewer", GOOD],  # 3: taken
        ["moi.b", "Mới B", "", "99999", "viewer", GOOD],  # 4: unknown unit
        ["moi.c", "Mới C", "", "01273", "viewer", GOOD],  # 5: outside the subtree
        ["moi.d", "Mới D", "", "31510", "thủ trưởng", GOOD],  # 6: unknown role
        ["tot.a", "Trùng tệp", "", "31510", "viewer", GOOD],  # 7: duplicate of row 2
        ["moi.e", "Mới E", "", "31510", "viewer", "123"],  # 8: weak password
        ["moi.f", "Mới F", "", "31510", "system_admin", GOOD],  # 9: role above unit_admin
        ["moi.g", None, "sai-email", "94", "viewer", GOOD],  # 10: no name, bad email, legacy unit
    )
    with unchanged():
        page = client_for(personas.unit_admin).post(IMPORT, upload(data))
    text = page.text
    assert "Tệp có" in text and "chưa lưu dòng nào" in text
    assert "Dòng 2:" not in text
    assert "Dòng 3: tên đăng nhập «nhaplieu_a» đã có người dùng." in text
    assert "Dòng 4: không có đơn vị đang hiệu lực mang mã «99999»." in text
    assert "Dòng 5: bạn không được giao vai trò «Xem» trên «Phường Thục Phán»." in text
    assert "Dòng 6: vai trò «thủ trưởng» không hợp lệ" in text
    assert "Dòng 7: tên đăng nhập «tot.a» trùng với dòng 2." in text
    assert "Dòng 8: mật khẩu: Mật khẩu quá ngắn" in text
    assert "Dòng 9: bạn không được giao vai trò «Quản trị hệ thống»" in text
    assert "Dòng 10: địa chỉ email không hợp lệ." in text and "Dòng 10: thiếu họ và tên." in text
    assert "Dòng 10: không có đơn vị đang hiệu lực mang mã «94»." in text


def test_import_refuses_a_large_file_before_reading_it(personas, client_for, settings, unchanged):
    settings.DANVAN_MAX_EXCEL_BYTES = 2048
    with unchanged():
        page = client_for(personas.unit_admin).post(IMPORT, upload(b"PK\x03\x04" + b"0" * 4096))
    assert "Tệp lớn hơn giới hạn 2,0\xa0KB, không thể nhập." in page.text


def test_import_restores_leading_zeros_of_codes(personas, tree):
    data = sheet(["cao.bang", "Nông Văn E", "", 1273, "viewer", GOOD])
    users_import(scope=scope_for(personas.admin), data=data)
    assert Grant.objects.get(user__username="cao.bang").unit == tree.commune_c


def test_import_refuses_a_wrong_file(personas, client_for, unchanged):
    with unchanged():
        not_excel = client_for(personas.unit_admin).post(IMPORT, upload(b"ten,ho\n"))
        wrong_columns = client_for(personas.unit_admin).post(
            IMPORT, upload(template_workbook({"a": "Tên"}, [["x"]], "x"))
        )
        empty = client_for(personas.unit_admin).post(IMPORT, upload(sheet()))
    assert "không phải là bảng tính Excel" in not_excel.text
    assert "Các cột của tệp không đúng mẫu" in wrong_columns.text
    assert "Tệp không có dòng dữ liệu nào." in empty.text


def test_import_is_for_admins_only(personas, unchanged):
    with unchanged(), pytest.raises(DomainError):
        users_import(
            scope=scope_for(personas.approver), data=sheet(["x.y", "X Y", "", "31510", "viewer", GOOD])
        )
