import datetime as dt
import io
from decimal import Decimal

from openpyxl import load_workbook

from danvan.documents.excel import DATE, INTEGER, MONEY, PERCENT, Column, table_to_xlsx


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
            ['=HYPERLINK("http://x")', 4_500_000_000, 9365, 0.955, dt.date(2024, 8, 25)],
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
