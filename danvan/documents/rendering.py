"""Rendering an OfficialDocument to .docx: the frame from a docxtpl template, the body from python-docx.

The body (numbered sections, paragraphs, tables) is built with python-docx and placed where the
template says `{{p noi_dung }}`. It uses direct formatting only (no styles, numbering or images),
so it looks the same in the default template and in any administrator's template.
"""

import datetime as dt
import io
from typing import Any

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table as DocxTable
from docx.table import _Cell
from docxtpl import DocxTemplate
from lxml import etree
from markupsafe import Markup

from danvan.documents.frame import TEXT_WIDTH_CM, default_template
from danvan.documents.official import (
    HeaderCell,
    OfficialDocument,
    Section,
    Style,
    Table,
    cell_text,
    heading_number,
)

TABLE_PT = 12
FIRST_LINE_INDENT = Cm(1.27)
DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class BodyWriter:
    """Writes the numbered sections, paragraphs and tables of a document into a python-docx body."""

    def __init__(self) -> None:
        self.document = Document()
        self.body = self.document._body
        self.table_count = 0

    def paragraph(self, text: str, *, bold: bool = False, italic: bool = False) -> None:
        paragraph = self.document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        paragraph.paragraph_format.first_line_indent = FIRST_LINE_INDENT
        run = paragraph.add_run(text)
        if bold:
            run.bold = True
        if italic:
            run.italic = True

    def section(self, section: Section, level: int, index: int) -> None:
        number = heading_number(level, index)
        self.paragraph(f"{number} {section.title}", bold=level < 3, italic=level == 3)
        for text in section.paragraphs:
            self.paragraph(text)
        for table in section.tables:
            self.table(table)
        for child_index, child in enumerate(section.subsections):
            self.section(child, min(level + 1, 3), child_index)

    def table(self, spec: Table) -> None:
        self.table_count += 1
        if spec.caption:
            caption = self.document.add_paragraph()
            caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
            caption.paragraph_format.keep_with_next = True
            caption.add_run(spec.caption).bold = True
        columns = spec.column_count
        table = self.document.add_table(rows=0, cols=columns)
        _grid(table, _column_widths(spec, columns))
        _write_header(table, spec.header_rows, columns)
        last = len(spec.rows) - 1
        for index, values in enumerate(spec.rows):
            bold = spec.total_row and index == last
            cells = table.add_row().cells
            for cell, value in zip(cells, values, strict=False):
                numeric = value is not None and not isinstance(value, str)
                text = cell_text(value, spec.decimals)
                short = len(text) <= 4  # an ordinal (1, 12, II) or a mark
                align = "right" if numeric else ("center" if short else "left")
                _cell_text(cell, text, align=align, bold=bold)
        self.document.add_paragraph().paragraph_format.space_after = Pt(0)

    def xml(self) -> str:
        body = self.document.element.body
        parts = [etree.tostring(child, encoding="unicode") for child in body if child.tag != qn("w:sectPr")]
        return "".join(parts)


def _column_widths(spec: Table, columns: int) -> list[float]:
    if spec.widths_cm and len(spec.widths_cm) == columns:
        return spec.widths_cm
    if columns == 1:
        return [TEXT_WIDTH_CM]
    if not spec.first_column_wide:
        return [TEXT_WIDTH_CM / columns] * columns
    number_width = max(min(2.6, (TEXT_WIDTH_CM - 4.0) / (columns - 1)), 1.2)
    first = max(TEXT_WIDTH_CM - number_width * (columns - 1), 3.0)
    return [first] + [number_width] * (columns - 1)


def _grid(table: DocxTable, widths_cm: list[float]) -> None:
    """Fixed layout, grid widths and single borders, set on the table (no table style needed)."""
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        node = OxmlElement(f"w:{edge}")
        for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", "000000")):
            node.set(qn(key), value)
        borders.append(node)
    tbl_pr.append(borders)
    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        node = OxmlElement(f"w:{edge}")
        node.set(qn("w:w"), "57")  # 1 mm: numbers fit narrow columns
        node.set(qn("w:type"), "dxa")
        margins.append(node)
    tbl_pr.append(margins)


_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
}


def _cell_text(cell: _Cell, text: str, *, align: str = "left", bold: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.alignment = _ALIGN[align]
    paragraph.paragraph_format.space_after = Pt(0)
    run = paragraph.add_run(text)
    run.font.size = Pt(TABLE_PT)
    if bold:
        run.bold = True


def _layout(header_rows: list[list[HeaderCell | str]], columns: int) -> list[tuple[int, int, HeaderCell]]:
    """(row, column, cell) of every header cell, placing spans as HTML tables do."""
    taken: set[tuple[int, int]] = set()
    placed = []
    for row, cells in enumerate(header_rows):
        column = 0
        for raw in cells:
            cell = raw if isinstance(raw, HeaderCell) else HeaderCell(raw)
            while (row, column) in taken:
                column += 1
            if column >= columns:
                break
            placed.append((row, column, cell))
            for r in range(row, row + cell.rowspan):
                for c in range(column, min(column + cell.colspan, columns)):
                    taken.add((r, c))
            column += cell.colspan
    return placed


def _write_header(table: DocxTable, header_rows: list[list[HeaderCell | str]], columns: int) -> None:
    rows = [table.add_row() for _ in header_rows]
    for row in rows:  # repeated at the top of every page the table runs over
        tr_pr = row._tr.get_or_add_trPr()
        repeat = OxmlElement("w:tblHeader")
        tr_pr.append(repeat)
    grid = [row.cells for row in rows]
    for row_index, column, cell in _layout(header_rows, columns):
        target = grid[row_index][column]
        last_row = min(row_index + cell.rowspan, len(rows)) - 1
        last_column = min(column + cell.colspan, columns) - 1
        if (last_row, last_column) != (row_index, column):
            target = target.merge(grid[last_row][last_column])
        _cell_text(target, cell.text, align="center", bold=True)


# Putting them together --------------------------------------------------------------------------------


def body_xml(document: OfficialDocument) -> str:
    writer = BodyWriter()
    for text in document.introduction:
        writer.paragraph(text)
    for index, section in enumerate(document.sections):
        writer.section(section, 1, index)
    for table in document.tables:
        writer.table(table)
    for text in document.closing:
        writer.paragraph(text)
    return writer.xml()


def template_context(document: OfficialDocument) -> dict[str, Any]:
    """The variables a template may use (documented in docs/user-guide/documents.md)."""
    motto, motto_line2 = document.motto_lines
    return {
        "kieu": document.style.value,
        "co_quan_cap_tren": document.superior,
        "co_quan_ban_hanh": document.issuer,
        "quoc_hieu": motto,
        "tieu_ngu": motto_line2,
        "so": document.number,
        "so_ky_hieu": document.number_line,
        "dia_danh": document.place,
        "ngay": document.date.strftime("%d/%m/%Y"),
        "dia_danh_ngay_thang": document.place_date_line,
        "ten_loai": document.kind_label,
        "trich_yeu": document.title,
        "noi_dung": Markup(body_xml(document)),  # noqa: S704 - XML we built, inserted whole
        "noi_nhan": document.recipients,
        "quyen_han": document.signature.authority,
        "chuc_vu": document.signature.title,
        "nguoi_ky": document.signature.name,
    }


def render_docx(document: OfficialDocument, template: bytes | None = None) -> bytes:
    """The .docx of a document, through `template` (an administrator's) or the default of its style."""
    source = template if template is not None else default_template(document.style)
    docx_template = DocxTemplate(io.BytesIO(source))
    docx_template.render(template_context(document), autoescape=True)
    buffer = io.BytesIO()
    docx_template.save(buffer)
    return buffer.getvalue()


def check_template(data: bytes) -> None:
    """Raise ValueError when `data` is not a .docx template that renders (bad tags, not a Word file)."""
    sample = OfficialDocument(
        style=Style.STATE,
        issuer="ỦY BAN NHÂN DÂN XÃ MẪU",
        kind_label="BÁO CÁO",
        kind_code="BC",
        issuer_code="UBND",
        place="Mẫu",
        date=dt.date(2025, 1, 1),
        title="Kiểm tra mẫu",
    )
    try:
        render_docx(sample, data)
    except Exception as exc:  # any failure of docxtpl/jinja/zip means the template is unusable
        raise ValueError(str(exc)) from exc
