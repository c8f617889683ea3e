"""The .docx read back with python-docx: frame, numbered sections, tables and Vietnamese numbers."""

import datetime as dt
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from docx import Document

from danvan.core.periods import Period
from danvan.documents.official import (
    HeaderCell,
    OfficialDocument,
    Section,
    Signature,
    Style,
    Table,
    cell_text,
    date_words,
)
from danvan.documents.registry import BuildRequest
from danvan.documents.rendering import check_template, render_docx
from danvan.documents.report import report_document
from danvan.documents.tests.conftest import sample_content


def party_document(**overrides) -> OfficialDocument:
    values = {
        "style": Style.PARTY,
        "superior": "ĐẢNG BỘ TỈNH SÓC TRĂNG",
        "issuer": "ĐẢNG ỦY PHƯỜNG SÓC TRĂNG",
        "kind_label": "BÁO CÁO",
        "kind_code": "BC",
        "issuer_code": "ĐU",
        "place": "Sóc Trăng",
        "date": dt.date(2021, 6, 25),
        "number": "12",
        "title": "Sơ kết công tác dân vận 6 tháng đầu năm 2021",
        "sections": [
            Section(
                "KẾT QUẢ",
                ["Đoạn có ký tự & < > đặc biệt."],
                subsections=[Section("Tuyên truyền", ["Nội dung."], subsections=[Section("Ở thôn", ["x"])])],
                tables=[
                    Table(
                        "Bảng 1. Kết quả",
                        [
                            [HeaderCell("Chỉ tiêu", rowspan=2), HeaderCell("Kết quả", colspan=2)],
                            ["Kỳ này", "Cùng kỳ"],
                        ],
                        [["Hội nghị", 1234, 1100], ["Kinh phí (triệu đồng)", 4500.5, None]],
                    )
                ],
            ),
            Section("NHIỆM VỤ", ["Tiếp tục."]),
        ],
        "recipients": ["- Ban Dân vận Tỉnh ủy (b/c),", "- Lưu Văn phòng."],
        "signature": Signature("T/M ĐẢNG ỦY", "BÍ THƯ", "Nguyễn Văn An"),
    }
    return OfficialDocument(**{**values, **overrides})


def read(data: bytes) -> Document:
    return Document(io.BytesIO(data))


def all_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def test_party_document_has_the_official_frame():
    document = read(render_docx(party_document()))
    header = [cell.text for cell in document.tables[0].rows[0].cells]
    assert "ĐẢNG BỘ TỈNH SÓC TRĂNG" in header[0] and "ĐẢNG ỦY PHƯỜNG SÓC TRĂNG" in header[0]
    assert "*" in header[0] and "Số 12-BC/ĐU" in header[0]
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in header[1]
    assert "Sóc Trăng, ngày 25 tháng 6 năm 2021" in header[1]
    texts = [p.text for p in document.paragraphs]
    assert texts[:2] == ["BÁO CÁO", "Sơ kết công tác dân vận 6 tháng đầu năm 2021"]
    signature = [cell.text for cell in document.tables[-1].rows[0].cells]
    assert "Nơi nhận:" in signature[0] and "- Lưu Văn phòng." in signature[0]
    assert "T/M ĐẢNG ỦY" in signature[1] and "BÍ THƯ" in signature[1] and "Nguyễn Văn An" in signature[1]
    assert "{{" not in all_text(document) and "{%" not in all_text(document)


def test_sections_are_numbered_and_text_is_escaped():
    texts = [p.text for p in read(render_docx(party_document())).paragraphs]
    for heading in ("I. KẾT QUẢ", "1. Tuyên truyền", "a) Ở thôn", "II. NHIỆM VỤ"):
        assert heading in texts
    assert "Đoạn có ký tự & < > đặc biệt." in texts


def test_tables_write_numbers_the_vietnamese_way_and_merge_the_header():
    table = read(render_docx(party_document())).tables[1]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["Chỉ tiêu", "Kết quả", "Kết quả"]  # merged across two columns
    assert rows[1] == ["Chỉ tiêu", "Kỳ này", "Cùng kỳ"]  # merged down two rows
    assert rows[2] == ["Hội nghị", "1.234", "1.100"]
    assert rows[3] == ["Kinh phí (triệu đồng)", "4.500,5", "-"]


def test_page_is_a4_with_official_margins_and_times_new_roman():
    document = read(render_docx(party_document()))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert 20 <= round(section.top_margin.mm) <= 25 and 20 <= round(section.bottom_margin.mm) <= 25
    assert 30 <= round(section.left_margin.mm) <= 35 and 15 <= round(section.right_margin.mm) <= 20
    normal = document.styles["Normal"].font
    assert normal.name == "Times New Roman" and 13 <= normal.size.pt <= 14


def test_state_document_has_the_national_title_and_its_number_form():
    document = read(
        render_docx(
            party_document(
                style=Style.STATE, superior="", issuer="ỦY BAN NHÂN DÂN PHƯỜNG SÓC TRĂNG", issuer_code="UBND"
            )
        )
    )
    header = [cell.text for cell in document.tables[0].rows[0].cells]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in header[1] and "Độc lập - Tự do - Hạnh phúc" in header[1]
    assert "Số: 12/BC-UBND" in header[0] and "ĐẢNG BỘ" not in header[0] and "*" not in header[0]


def test_dates_and_cells():
    assert date_words(dt.date(2021, 2, 5)) == "ngày 05 tháng 02 năm 2021"
    assert date_words(dt.date(2021, 12, 25)) == "ngày 25 tháng 12 năm 2021"
    assert [cell_text(v) for v in (9365, 95.5, None, "x")] == ["9.365", "95,5", "-", "x"]
    assert (
        party_document(number="").number_line.startswith("Số ")
        and party_document().number_line == "Số 12-BC/ĐU"
    )


def _request(tree, **parameters) -> BuildRequest:
    return BuildRequest(
        unit=tree.province,
        parameters={"form": "so-ket", "period": "2021-H1", **parameters},
        requested_by=None,
    )


def test_report_with_few_children_has_a_column_per_child_and_last_year(tree):
    content = sample_content(tree.province, "so-ket", Period.parse("2021-H1"), children=2)
    document = read(render_docx(report_document(content, _request(tree))))
    rows = [[cell.text for cell in row.cells] for row in document.tables[1].rows]
    assert rows[0][:6] == [
        "TT",
        "Chỉ tiêu",
        "Đơn vị tính",
        "6 tháng đầu năm 2021",
        "Cùng kỳ năm trước",
        "So sánh (%)",
    ]
    assert rows[1][6:] == ["Xã Số 1", "Xã Số 2"]
    assert rows[2] == [
        "1",
        "Hội nghị tuyên truyền, phổ biến chủ trương, pháp luật",
        "cuộc",
        "1.234",
        "1.100",
        "112,2",
        "1",
        "2",
    ]
    assert rows[4][3:6] == ["4.500,5", "-", "-"]
    assert len(document.tables) == 3  # frame, indicators, signature


def test_report_with_many_children_has_a_table_of_children(tree):
    content = sample_content(tree.province, "so-ket", Period.parse("2021-H1"), children=100)
    document = read(render_docx(report_document(content, _request(tree, compare_last_year=False))))
    indicators, children = document.tables[1], document.tables[2]
    assert [c.text for c in indicators.rows[0].cells] == [
        "TT",
        "Chỉ tiêu",
        "Đơn vị tính",
        "6 tháng đầu năm 2021",
    ]
    assert len(children.rows) == 1 + 100 + 1
    assert [c.text for c in children.rows[100].cells][:3] == ["100", "Xã Số 100", "100"]
    assert [c.text for c in children.rows[-1].cells][1:] == ["Tổng cộng", "1.234", "98.765", "4.500,5"]
    title = [p.text for p in document.paragraphs][1]
    assert title == "Sơ kết công tác dân vận 6 tháng đầu năm 2021"


def _template(*lines: str) -> bytes:
    document = Document()
    for line in lines:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_an_administrators_template_receives_the_variables_and_the_body():
    template = _template(
        "Cơ quan: {{ co_quan_ban_hanh }} — {{ so_ky_hieu }}", "{{p noi_dung }}", "Ký: {{ nguoi_ky }}"
    )
    texts = [p.text for p in read(render_docx(party_document(), template)).paragraphs]
    assert texts[0] == "Cơ quan: ĐẢNG ỦY PHƯỜNG SÓC TRĂNG — Số 12-BC/ĐU"
    assert "I. KẾT QUẢ" in texts and texts[-1] == "Ký: Nguyễn Văn An"
    check_template(template)


@pytest.mark.parametrize("data", [b"not a docx", _template("{{ chua_dong ")])
def test_a_broken_template_is_refused(data):
    with pytest.raises(ValueError):
        check_template(data)


@pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftoppm")), reason="LibreOffice/poppler absent"
)
def test_report_renders_to_pdf_and_a_page_image(tree):
    """Leaves var/documents/bao-cao-trang-1.png for a person to look at."""
    from danvan.documents.pdf import docx_to_pdf

    content = sample_content(tree.province, "so-ket", Period.parse("2021-H1"), children=3)
    pdf = docx_to_pdf(render_docx(report_document(content, _request(tree))))
    assert pdf.startswith(b"%PDF")
    folder = Path(settings.BASE_DIR) / "var" / "documents"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "bao-cao.pdf").write_bytes(pdf)
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "70",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(folder / "bao-cao.pdf"),
            str(folder / "bao-cao-trang-1"),
        ],
        check=True,
        timeout=60,
    )
    assert (folder / "bao-cao-trang-1.png").stat().st_size > 10_000
    fonts = subprocess.run(
        ["pdffonts", str(folder / "bao-cao.pdf")], capture_output=True, text=True, timeout=30
    )
    assert "Liberation" in fonts.stdout or "Times" in fonts.stdout
