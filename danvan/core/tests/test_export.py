import datetime as dt
import io
from decimal import Decimal

import pytest
from django.template import Context, Template
from openpyxl import load_workbook

from danvan.core.export import (
    DATE,
    INTEGER,
    MONEY,
    PERCENT,
    Column,
    ListExport,
    export_response,
    filters_text,
    is_personal,
    table_to_xlsx,
)


def test_table_to_xlsx_has_title_filters_frozen_header_and_number_formats():
    data = table_to_xlsx(
        "Mô hình: năm 2024 / tỉnh",
        [
            Column("Tên mô hình"),
            Column("Kinh phí (đồng)", MONEY),
            Column("Số hộ", INTEGER),
            Column("Tỷ lệ", PERCENT),
            Column("Ngày", DATE),
        ],
        [
            ['=HYPERLINK("http://x")', 4_500_000_000, 9365, 95.5, dt.date(2024, 8, 25)],
            ["Tổ tự quản", Decimal("15000000"), None, None, None],
        ],
        "Năm: 2024; Đơn vị: Tỉnh Cao Bằng",
    )
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet.title == "Mô hình  năm 2024   tỉnh"
    assert sheet["A1"].value == "Mô hình: năm 2024 / tỉnh"
    assert sheet["A2"].value == "Điều kiện lọc: Năm: 2024; Đơn vị: Tỉnh Cao Bằng"
    assert [c.value for c in sheet[4]] == ["Tên mô hình", "Kinh phí (đồng)", "Số hộ", "Tỷ lệ", "Ngày"]
    assert sheet[4][0].font.bold and sheet.freeze_panes == "A5"
    assert sheet["A5"].value == '\'=HYPERLINK("http://x")'  # formula injection guard
    assert sheet["B5"].value == 4_500_000_000 and sheet["B5"].number_format == "#,##0"
    assert sheet["C5"].number_format == "#,##0" and sheet["D5"].number_format == "0.0%"
    assert sheet["E5"].number_format == "DD/MM/YYYY" and sheet["E5"].value.date() == dt.date(2024, 8, 25)
    assert sheet["B6"].value == 15_000_000 and sheet["C6"].value is None


def test_plain_string_columns_and_no_filters():
    sheet = load_workbook(io.BytesIO(table_to_xlsx("Danh sách", ["Tên", "Mã"], [["@SUM(A1)", "01"]]))).active
    assert sheet["A2"].value == "Không lọc" and sheet["A5"].value == "'@SUM(A1)" and sheet["B5"].value == "01"


def test_percent_is_written_as_a_share_with_a_percent_format():
    sheet = load_workbook(io.BytesIO(table_to_xlsx("T", [Column("Tỷ lệ", PERCENT)], [[95.5]]))).active
    assert sheet["A5"].value == 0.955 and sheet["A5"].number_format == "0.0%"


def _read(response):
    return list(load_workbook(io.BytesIO(response.getvalue())).active.iter_rows(values_only=True))


PERSONAL = [Column("Họ tên", personal="orgs.Person.full_name"), Column("Chức vụ")]


@pytest.mark.django_db
def test_personal_columns_are_left_out_unless_allowed_and_audited_when_exported(personas, rf):
    from danvan.audit.models import AuditEvent

    request = rf.get("/to-chuc/can-bo/", {"xuat": "xlsx"})
    request.user = personas.reporter_a
    export = ListExport("Cán bộ", "can-bo", PERSONAL, [["Nguyễn Văn An", "Bí thư"]])
    before = AuditEvent.objects.count()
    hidden = _read(export_response(request, export))
    assert hidden[3] == ("STT", "Chức vụ") and hidden[4] == (1, "Bí thư")
    assert AuditEvent.objects.count() == before  # nothing personal left the system
    shown = _read(export_response(request, export, allow_personal=True))
    assert shown[3] == ("STT", "Họ tên", "Chức vụ") and shown[4] == (1, "Nguyễn Văn An", "Bí thư")
    event = AuditEvent.objects.latest("pk")
    assert event.action == "personal_data.export" and event.changes["columns"] == ["Họ tên"]
    assert event.changes["rows"] == 1 and event.actor == personas.reporter_a


def test_a_column_not_in_the_registry_is_not_personal():
    assert is_personal(PERSONAL[0]) and not is_personal(Column("Tên", personal="orgs.Person.note"))


def test_export_link_keeps_the_filters_and_drops_the_page(rf):
    request = rf.get("/hoi-nghi/", {"q": "giao ban", "page": "3", "loai": "so_ket"})
    html = Template("{% load export %}{% export_link %}").render(Context({"request": request}))
    assert 'href="/hoi-nghi/?q=giao+ban&amp;loai=so_ket&amp;xuat=xlsx"' in html and "Xuất Excel" in html
    named = Template('{% load export %}{% export_link "dong-gop" "Đóng góp" %}').render(
        Context({"request": request})
    )
    assert "xuat=dong-gop" in named and ">Đóng góp</a>" in named


def test_filters_text_shows_labels_and_vietnamese_values(tree):
    text = filters_text(
        [
            ("Đơn vị", tree.province),
            ("Năm", 2024),
            ("Từ ngày", dt.date(2024, 1, 5)),
            ("Trống", ""),
            ("Số", 9365),
        ]
    )
    assert text == "Đơn vị: Thành phố Cần Thơ; Năm: 2024; Từ ngày: 05/01/2024; Số: 9.365"
