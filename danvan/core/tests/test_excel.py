import io

import pytest
from openpyxl import Workbook

from danvan.core.errors import DomainError
from danvan.core.excel import RowErrors, read_rows, template_workbook

COLUMNS = {"name": "Tên", "kind": "Loại"}


def xlsx(rows):
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_reads_rows_with_excel_row_numbers():
    data = xlsx([["Tên", "Loại"], ["Khóm 1", "Khóm"], [None, None], ["  Ấp 2 ", "Ấp"]])
    rows = list(read_rows(data, COLUMNS))
    assert [(r.number, r.values) for r in rows] == [
        (2, {"name": "Khóm 1", "kind": "Khóm"}),
        (4, {"name": "Ấp 2", "kind": "Ấp"}),
    ]


def test_template_round_trips():
    data = template_workbook(COLUMNS, [["Khóm 1", "Khóm"]], "Mẫu")
    assert [r.values for r in read_rows(data, COLUMNS)] == [{"name": "Khóm 1", "kind": "Khóm"}]


def test_refuses_a_file_that_is_not_excel():
    with pytest.raises(DomainError) as err:
        list(read_rows(b"%PDF-1.4 not a sheet", COLUMNS))
    assert err.value.code == "not_excel"


def test_refuses_a_renamed_zip():
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "xin chào")
    with pytest.raises(DomainError) as err:
        list(read_rows(buf.getvalue(), COLUMNS))
    assert err.value.code == "not_excel"


def test_refuses_a_zip_bomb():
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", b"0" * 50_000_000)
    with pytest.raises(DomainError) as err:
        list(read_rows(buf.getvalue(), COLUMNS))
    assert err.value.code == "file_suspicious"


def test_refuses_wrong_columns():
    with pytest.raises(DomainError) as err:
        list(read_rows(xlsx([["Họ tên", "Loại"], ["x", "y"]]), COLUMNS))
    assert err.value.code == "import_wrong_columns"
    assert "Tên, Loại" in err.value.message


def test_refuses_too_many_rows(settings):
    settings.DANVAN_MAX_IMPORT_ROWS = 10
    data = xlsx([["Tên", "Loại"]] + [[f"Tổ {i}", "Tổ dân phố"] for i in range(11)])
    with pytest.raises(DomainError) as err:
        list(read_rows(data, COLUMNS))
    assert err.value.code == "import_too_many_rows"


def test_row_errors_are_reported_with_row_numbers():
    errors = RowErrors()
    errors.add(3, "Thiếu tên.")
    with pytest.raises(DomainError) as err:
        errors.raise_if_any()
    assert err.value.errors == {"rows": ["Dòng 3: Thiếu tên."]}


def test_safe_text_defuses_formulas():
    from danvan.core.excel import safe_text

    assert safe_text('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert safe_text("-2+3") == "'-2+3"
    assert safe_text("Khóm 1") == "Khóm 1"
