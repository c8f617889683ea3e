"""Reading uploaded Excel sheets safely, row by row, and writing import templates.

Shared by every import (neighbourhoods, users, members, model registrations): the file is
checked by content and size before it is parsed, the header must match the template, rows are
read lazily so a 100,000-row file is refused without loading it whole, and every error names
its row number as the user sees it in Excel.
"""

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils.exceptions import InvalidFileException

from danvan.core.errors import DomainError
from danvan.core.uploads import check_upload

XLSX_MAGIC = b"PK\x03\x04"
MAX_UNCOMPRESSED_RATIO = 100  # zip-bomb guard: uncompressed size / file size


@dataclass
class SheetRow:
    number: int  # the row number shown by Excel (header is row 1)
    values: dict[str, Any]


@dataclass
class RowErrors:
    errors: list[tuple[int, str]] = field(default_factory=list)

    def add(self, row: int, message: str) -> None:
        self.errors.append((row, message))

    def raise_if_any(self) -> None:
        if self.errors:
            shown = self.errors[:50]
            more = len(self.errors) - len(shown)
            lines = [f"Dòng {row}: {message}" for row, message in shown]
            if more:
                lines.append(f"… và {more} lỗi khác.")
            raise DomainError(
                "import_invalid_rows",
                f"Tệp có {len(self.errors)} lỗi; chưa lưu dòng nào. Sửa các dòng sau rồi tải lên lại.",
                errors={"rows": lines},
            )


def _check_container(data: bytes) -> None:
    max_bytes = settings.DANVAN_MAX_EXCEL_BYTES
    if len(data) > max_bytes:
        raise DomainError("file_too_large", f"Tệp lớn hơn {max_bytes // (1024 * 1024)} MB, không thể nhập.")
    if not data.startswith(XLSX_MAGIC):
        raise DomainError("not_excel", "Tệp không phải là bảng tính Excel (.xlsx). Hãy dùng tệp mẫu tải về.")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as exc:
        raise DomainError("not_excel", "Tệp Excel bị hỏng hoặc không đúng định dạng .xlsx.") from exc
    if total > max(len(data), 1) * MAX_UNCOMPRESSED_RATIO:
        raise DomainError(
            "file_suspicious", "Tệp Excel có cấu trúc bất thường (nén quá mức), không thể nhập."
        )
    _check_office_parts(data, max_bytes)


def _check_office_parts(data: bytes, max_bytes: int) -> None:
    """The shared upload check: the parts of an .xlsx, no DOCTYPE/ENTITY in its XML, safe entry names."""
    try:
        check_upload(data, allowed={"xlsx"}, max_bytes=max_bytes)
    except DomainError as exc:
        if exc.code == "file_type":
            raise DomainError(
                "not_excel", "Tệp không phải là bảng tính Excel (.xlsx). Hãy dùng tệp mẫu tải về."
            ) from exc
        raise DomainError(exc.code, exc.message) from exc


def read_rows(data: bytes, columns: dict[str, str]) -> Iterator[SheetRow]:
    """Yield the data rows of the first sheet as {key: value}, checking the header first.

    columns maps a key to its Vietnamese header, in template order: {"name": "Tên", ...}.
    Raises DomainError for a wrong file, wrong header or too many rows.
    """
    _check_container(data)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, KeyError, OSError, ValueError, zipfile.BadZipFile) as exc:
        raise DomainError("not_excel", "Không đọc được tệp Excel. Hãy dùng tệp mẫu tải về.") from exc
    sheet = workbook.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = [str(cell).strip() if cell is not None else "" for cell in next(rows, ())]
    expected = list(columns.values())
    if header[: len(expected)] != expected:
        raise DomainError(
            "import_wrong_columns",
            "Các cột của tệp không đúng mẫu. Cần đúng thứ tự: " + ", ".join(expected) + ".",
        )
    limit = settings.DANVAN_MAX_IMPORT_ROWS
    keys = list(columns)
    count = 0
    for number, raw in enumerate(rows, start=2):
        if raw is None or all(cell is None or str(cell).strip() == "" for cell in raw):
            continue
        count += 1
        if count > limit:
            workbook.close()
            raise DomainError(
                "import_too_many_rows",
                f"Tệp có quá {limit:,} dòng dữ liệu; hãy chia thành nhiều tệp.".replace(",", "."),
            )
        cells = list(raw) + [None] * (len(keys) - len(raw))
        yield SheetRow(number, {key: _clean(cells[i]) for i, key in enumerate(keys)})
    workbook.close()


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def template_workbook(columns: dict[str, str], examples: list[list[Any]], sheet_title: str) -> bytes:
    """An .xlsx with the header row in bold and a few example rows."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = sheet_title[:31]
    sheet.append(list(columns.values()))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in examples:
        sheet.append(row)
    from openpyxl.utils import get_column_letter

    for index, column in enumerate(sheet.columns, start=1):
        width = max(14, *(len(str(c.value or "")) + 2 for c in column))
        sheet.column_dimensions[get_column_letter(index)].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# A cell beginning with one of these is a formula to Excel; exported text gets a leading '.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_text(value: str) -> str:
    """Text for an exported cell, never read by Excel as a formula (formula injection)."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
