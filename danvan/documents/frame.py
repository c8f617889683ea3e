"""The frame of an official document as a Word template: page, header block, title, signature.

One default template per style (party: Hướng dẫn 36-HD/VPTW; state: Nghị định 30/2020/NĐ-CP),
built with python-docx and holding docxtpl tags; an administrator may upload their own .docx
instead (docs/user-guide/documents.md lists the variables). A4, margins 20/20/30/15 mm, Times New
Roman 14 pt, page numbers centred at the top from the second page on.
"""

import io
from functools import lru_cache
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import Table as DocxTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from danvan.documents.official import Style

FONT = "Times New Roman"
BODY_PT = 14
PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210, 297
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
TEXT_WIDTH_CM = (PAGE_WIDTH_MM - MARGINS_MM["left"] - MARGINS_MM["right"]) / 10  # 16.5 cm


def _set_fonts(element: Any, size: int) -> None:
    """Times New Roman for every script (Word otherwise picks another font for some letters)."""
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    for tag in ("w:sz", "w:szCs"):
        node = rpr.find(qn(tag))
        if node is None:
            node = OxmlElement(tag)
            rpr.append(node)
        node.set(qn("w:val"), str(size * 2))


def _page_setup(document: DocxDocument) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(PAGE_WIDTH_MM), Mm(PAGE_HEIGHT_MM)
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    section.header_distance = Mm(10)
    normal = document.styles["Normal"]
    _set_fonts(normal.element, BODY_PT)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.0
    # NĐ 30/2020: page numbers centred at the top, from the second page on.
    section.different_first_page_header_footer = True
    number = section.header.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    number._p.append(field)


def _line(
    container: Any, text: str, *, bold: bool = False, italic: bool = False, size: int = 13
) -> Paragraph:
    paragraph = container.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_after = Pt(0)
    if text:
        run = paragraph.add_run(text)
        run.bold, run.italic, run.font.size = bold, italic, Pt(size)
    return paragraph


def _rule(container: Any, width_cm: float, within_cm: float) -> None:
    """A short centred line (a bottom border on an indented empty paragraph)."""
    paragraph = container.add_paragraph()
    side = Cm(max((within_cm - width_cm) / 2, 0))
    fmt = paragraph.paragraph_format
    fmt.left_indent, fmt.right_indent, fmt.space_after = side, side, Pt(0)
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.insert(0, borders)
    _set_fonts(paragraph.add_run()._r, 4)


def _borderless(table: DocxTable) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        node = OxmlElement(f"w:{edge}")
        node.set(qn("w:val"), "nil")
        borders.append(node)
    tbl_pr.append(borders)


def _two_columns(document: DocxDocument, left_cm: float) -> tuple[_Cell, _Cell]:
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _borderless(table)
    widths = (Cm(left_cm), Cm(TEXT_WIDTH_CM - left_cm))
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    left, right = table.rows[0].cells
    left.width, right.width = widths
    for cell in (left, right):
        cell._tc.remove(cell.paragraphs[0]._p)
    return left, right


def _header_block(document: DocxDocument, style: Style) -> None:
    party = style is Style.PARTY
    left_cm = 7.5 if party else 6.2
    left, right = _two_columns(document, left_cm)
    _line(left, "{%p if co_quan_cap_tren %}")
    _line(left, "{{ co_quan_cap_tren }}")
    _line(left, "{%p endif %}")
    _line(left, "{{ co_quan_ban_hanh }}", bold=True)
    if party:
        _line(left, "*")
    else:
        _rule(left, 2.5, left_cm)
    _line(left, "{{ so_ky_hieu }}", size=14 if party else 13)
    if party:
        _line(right, "{{ quoc_hieu }}", bold=True, size=15)
        _rule(right, 6.5, TEXT_WIDTH_CM - left_cm)
    else:
        _line(right, "{{ quoc_hieu }}", bold=True, size=12)
        _line(right, "{{ tieu_ngu }}", bold=True, size=13)
        _rule(right, 5.0, TEXT_WIDTH_CM - left_cm)
    _line(right, "")
    _line(right, "{{ dia_danh_ngay_thang }}", italic=True, size=14 if party else 13)


def _signature_block(document: DocxDocument, style: Style) -> None:
    left, right = _two_columns(document, 7.5)
    heading = left.add_paragraph()
    heading.paragraph_format.space_after = Pt(0)
    run = heading.add_run("Nơi nhận:")
    run.font.size = Pt(12 if style is Style.STATE else 14)
    if style is Style.PARTY:
        run.underline = True
    else:
        run.bold, run.italic = True, True
    for text in ("{%p for nguoi_nhan in noi_nhan %}", "{{ nguoi_nhan }}", "{%p endfor %}"):
        item = left.add_paragraph()
        item.paragraph_format.space_after = Pt(0)
        item.add_run(text).font.size = Pt(12 if style is Style.PARTY else 11)
    _line(right, "{{ quyen_han }}", bold=True, size=14)
    _line(right, "{{ chuc_vu }}", bold=True, size=14)
    for _ in range(4):
        _line(right, "")
    _line(right, "{{ nguoi_ky }}", bold=True, size=14)


@lru_cache(maxsize=4)
def default_template(style: Style) -> bytes:
    """The template shipped with the application for a style (built, not stored, so it stays in code)."""
    document = Document()
    _page_setup(document)
    _header_block(document, style)
    _line(document, "")
    _line(document, "{{ ten_loai }}", bold=True, size=15)
    _line(document, "{{ trich_yeu }}", bold=True, size=14)
    if style is Style.PARTY:
        _line(document, "-----", size=14)
    else:
        _rule(document, 3.0, TEXT_WIDTH_CM)
    _line(document, "")
    document.add_paragraph("{{p noi_dung }}")
    _line(document, "")
    _signature_block(document, style)
    # the empty paragraph python-docx starts with
    first = document.paragraphs[0]
    if not first.text:
        first._p.getparent().remove(first._p)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
