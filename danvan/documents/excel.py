"""One Excel export for every list and table of the system: `table_to_xlsx(...)`.

    table_to_xlsx(
        "Mô hình Dân vận khéo",
        [Column("Tên", width=48), Column("Kinh phí (đồng)", kind=MONEY), Column("Ngày", kind=DATE)],
        rows,                                    # an iterable of sequences, streamed (write-only)
        "Năm: 2024; Đơn vị: Tỉnh Cao Bằng",      # the filters the page had applied
    )

The sheet has a title row, the filters line, the export time, then the header row, which is frozen
(with the rows above it) so it stays in view. Numbers stay numbers with a number format: Excel
shows them with the reader's own separators (an .xlsx cannot force "9.365"). Text that a
spreadsheet would run as a formula is written as text (danvan.core.excel.safe_text).
"""

import datetime as dt
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from danvan.core.excel import safe_text
from danvan.core.formatting import format_datetime

TEXT, INTEGER, DECIMAL, MONEY, PERCENT, DATE, DATETIME = (
    "text",
    "integer",
    "decimal",
    "money",
    "percent",
    "date",
    "datetime",
)
NUMBER_FORMATS = {
    INTEGER: "#,##0",
    DECIMAL: "#,##0.0#",
    MONEY: "#,##0",
    PERCENT: "0.0%",  # the value is a share (0.955), as Excel expects
    DATE: "DD/MM/YYYY",
    DATETIME: "DD/MM/YYYY HH:MM",
}
HEADER_ROW = 4  # title, filters, export time, then the header


@dataclass(frozen=True)
class Column:
    header: str  # Vietnamese: "Kinh phí (đồng)"
    kind: str = TEXT
    width: int = 0  # characters; 0 = from the header


def _value(value: Any, kind: str) -> Any:
    if isinstance(value, str):
        return safe_text(value)
    if isinstance(value, dt.datetime):
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        return local.replace(tzinfo=None)
    if isinstance(value, Decimal):
        return float(value) if kind in (DECIMAL, PERCENT) else value
    return value


def _cell(sheet: WriteOnlyWorksheet, value: Any, kind: str = TEXT, *, bold: bool = False) -> Any:
    cell = WriteOnlyCell(sheet, value=_value(value, kind))
    if kind in NUMBER_FORMATS and value is not None:
        cell.number_format = NUMBER_FORMATS[kind]
    if bold:
        cell.font = Font(bold=True)
    return cell


def table_to_xlsx(
    title: str,
    columns: Sequence[Column | str],
    rows: Iterable[Sequence[Any]],
    filters_description: str = "",
) -> bytes:
    """An .xlsx of one table: title, applied filters, frozen Vietnamese header, formatted numbers."""
    specs = [c if isinstance(c, Column) else Column(c) for c in columns]
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_sheet_title(title))
    for index, spec in enumerate(specs, start=1):
        width = spec.width or max(10, min(len(spec.header) + 2, 50))
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    sheet.append([_cell(sheet, title, bold=True)])
    sheet.append(
        [_cell(sheet, f"Điều kiện lọc: {filters_description}" if filters_description else "Không lọc")]
    )
    sheet.append([_cell(sheet, f"Xuất lúc {format_datetime(timezone.now())}")])
    header = []
    for spec in specs:
        cell = _cell(sheet, spec.header, bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        header.append(cell)
    sheet.append(header)
    for row in rows:
        sheet.append([_cell(sheet, value, spec.kind) for value, spec in zip(row, specs, strict=False)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})


def _sheet_title(title: str) -> str:
    """Excel refuses some characters and more than 31 of them in a sheet name."""
    return (title.translate(_FORBIDDEN).strip() or "Dữ liệu")[:31]
