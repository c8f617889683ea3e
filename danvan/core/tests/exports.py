"""Reading back an Excel export in tests: `exported(response)` → (header, rows), the data rows
without their "STT" number, as Excel holds them (numbers, dates, text)."""

import io
from typing import Any

from openpyxl import load_workbook

from danvan.core.export import HEADER_ROW, XLSX_CONTENT_TYPE


def exported(response: Any) -> tuple[list[Any], list[list[Any]]]:
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == XLSX_CONTENT_TYPE
    assert "attachment" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.getvalue()), read_only=True).worksheets[0]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    header, data = rows[HEADER_ROW - 1], rows[HEADER_ROW:]
    if header and header[0] == "STT":
        assert [row[0] for row in data] == list(range(1, len(data) + 1))
        return header[1:], [row[1:] for row in data]
    return header, data


def column(response: Any, name: str) -> list[Any]:
    """One column of an export, by its header."""
    header, rows = exported(response)
    index = header.index(name)
    return [row[index] for row in rows]


def rows_of(response: Any) -> list[list[Any]]:
    """Every row of the first sheet (a statistics export of several tables), blank cells dropped
    at the end of each row."""
    assert response.status_code == 200 and response["Content-Type"] == XLSX_CONTENT_TYPE
    sheet = load_workbook(io.BytesIO(response.getvalue()), read_only=True).worksheets[0]
    rows = []
    for row in sheet.iter_rows(values_only=True):
        values = list(row)
        while values and values[-1] is None:
            values.pop()
        rows.append(values)
    return rows
