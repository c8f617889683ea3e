"""Excel files of the registry: the filtered list and the statistics tables.

Text that a spreadsheet would run as a formula (starting with = + - @, or a tab or carriage
return) is written with a leading apostrophe, so a name like "=HYPERLINK(...)" stays text.
"""

import io
from collections.abc import Iterable
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from danvan.core.excel import safe_text
from danvan.practices.models import Practice
from danvan.practices.reports import Figure, Table

MONEY_FORMAT = "#,##0"
DATE_FORMAT = "DD/MM/YYYY"
PERCENT_FORMAT = "0.0%"

LIST_COLUMNS: list[tuple[str, int, str | None]] = [  # header, width, number format
    ("STT", 6, None),
    ("Tên mô hình, điển hình", 48, None),
    ("Loại", 12, None),
    ("Lĩnh vực", 24, None),
    ("Cấp", 14, None),
    ("Địa bàn", 28, None),
    ("Mã đơn vị", 10, None),
    ("Tổ chức đăng ký", 30, None),
    ("Năm", 8, None),
    ("Trạng thái", 20, None),
    ("Kinh phí (đồng)", 18, MONEY_FORMAT),
    ("Ngày công", 12, MONEY_FORMAT),
    ("Ngày bắt đầu", 14, DATE_FORMAT),
    ("Ngày đánh giá dự kiến", 14, DATE_FORMAT),
    ("Ngày đăng ký", 14, DATE_FORMAT),
    ("Nhân rộng từ mô hình số", 14, None),
]


def _cell(sheet: WriteOnlyWorksheet, value: Any, number_format: str | None = None, bold: bool = False) -> Any:
    if isinstance(value, str):
        value = safe_text(value)
    cell = WriteOnlyCell(sheet, value=value)
    if number_format and value is not None:
        cell.number_format = number_format
    if bold:
        cell.font = Font(bold=True)
    return cell


def _sheet(workbook: Workbook, title: str, widths: list[int]) -> WriteOnlyWorksheet:
    sheet = workbook.create_sheet(title=title[:31])
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    return sheet


def _practice_row(number: int, p: Practice) -> list[Any]:
    registered = timezone.localtime(p.registered_at).date() if p.registered_at else None
    return [
        number,
        p.name,
        p.get_kind_display(),
        p.field.name,
        p.unit.get_level_display(),
        p.unit.name,
        p.unit.code,
        p.organization.name if p.organization else "",
        p.year,
        p.get_status_display(),
        p.budget,
        p.workdays,
        p.start_date,
        p.evaluation_date,
        registered,
        p.source_id,
    ]


def practices_workbook(practices: Iterable[Practice]) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = _sheet(workbook, _("Mô hình, điển hình"), [w for _h, w, _f in LIST_COLUMNS])
    sheet.append([_cell(sheet, header, bold=True) for header, _w, _f in LIST_COLUMNS])
    for number, practice in enumerate(practices, start=1):
        values = _practice_row(number, practice)
        sheet.append([_cell(sheet, v, f) for v, (_h, _w, f) in zip(values, LIST_COLUMNS, strict=True)])
    return _save(workbook)


def _table_rows(sheet: WriteOnlyWorksheet, table: Table) -> None:
    sheet.append([_cell(sheet, table.title, bold=True)])
    sheet.append([_cell(sheet, header, bold=True) for header in table.headers])
    for index, row in enumerate(table.rows):
        bold = table.has_total and index == len(table.rows) - 1
        sheet.append([_cell(sheet, v, MONEY_FORMAT if isinstance(v, int) else None, bold) for v in row])
    sheet.append([])


def stats_workbook(title: str, figures: list[Figure], tables: list[Table]) -> bytes:
    workbook = Workbook(write_only=True)
    summary = _sheet(workbook, _("Tổng hợp"), [52, 16])
    summary.append([_cell(summary, title, bold=True)])
    summary.append([_cell(summary, _("Chỉ tiêu"), bold=True), _cell(summary, _("Số liệu"), bold=True)])
    for figure in figures:
        if figure.percent:
            value = None if figure.value is None else figure.value / 100
            summary.append([_cell(summary, figure.label), _cell(summary, value, PERCENT_FORMAT)])
        else:
            summary.append([_cell(summary, figure.label), _cell(summary, figure.value, MONEY_FORMAT)])
    details = _sheet(workbook, _("Bảng số liệu"), [40, 18, 18, 22, 14])
    for table in tables:
        _table_rows(details, table)
    return _save(workbook)


def _save(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
