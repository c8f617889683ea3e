"""An official document, independent of where its content comes from and of how it is rendered.

Two styles, chosen by the issuing body:
- `party` (Hướng dẫn 36-HD/VPTW): "ĐẢNG CỘNG SẢN VIỆT NAM", "Số 12-BC/ĐU", a "*" under the body;
- `state` (Nghị định 30/2020/NĐ-CP): "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh
  phúc", "Số: 12/BC-UBND".

Sections nest three levels deep and are numbered when rendered: I., 1., a). Table cells keep
their numbers as numbers; the renderer writes them the Vietnamese way (9.365; 4,5).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from danvan.core.formatting import format_number


class Style(StrEnum):
    PARTY = "party"
    STATE = "state"


PARTY_MOTTO = "ĐẢNG CỘNG SẢN VIỆT NAM"
STATE_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
STATE_MOTTO = "Độc lập - Tự do - Hạnh phúc"

Cell = str | int | float | Decimal | None


@dataclass(frozen=True)
class HeaderCell:
    """A header cell spanning `colspan` columns and `rowspan` header rows."""

    text: str
    colspan: int = 1
    rowspan: int = 1


@dataclass
class Table:
    caption: str
    header_rows: list[list[HeaderCell | str]]
    rows: list[list[Cell]] = field(default_factory=list)
    total_row: bool = False  # the last row is a total: bold
    first_column_wide: bool = True  # the label column takes the room the numbers do not need
    decimals: int = 2  # at most this many decimals for floats (trailing zeros dropped)
    widths_cm: list[float] | None = None  # column widths; None: computed by the renderer

    @property
    def column_count(self) -> int:
        first = self.header_rows[0] if self.header_rows else []
        return sum(c.colspan if isinstance(c, HeaderCell) else 1 for c in first)


@dataclass
class Section:
    title: str
    paragraphs: list[str] = field(default_factory=list)
    subsections: list[Section] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)


@dataclass
class Signature:
    authority: str = ""  # quyền hạn: "T/M BAN THƯỜNG VỤ", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"
    title: str = ""  # chức vụ: "BÍ THƯ", "CHỦ TỊCH", "PHÓ CHỦ TỊCH"
    name: str = ""  # họ và tên; empty in a draft to be signed by hand


@dataclass
class OfficialDocument:
    style: Style
    issuer: str  # "ĐẢNG ỦY PHƯỜNG SÓC TRĂNG"
    kind_label: str  # "BÁO CÁO", "QUYẾT ĐỊNH", "DANH SÁCH"
    kind_code: str  # "BC", "QĐ", "DS"
    issuer_code: str  # "ĐU", "UBND", "BDVTU"
    place: str  # "Sóc Trăng"
    date: dt.date
    title: str = ""  # trích yếu: "Sơ kết công tác dân vận 6 tháng đầu năm 2021"
    superior: str = ""  # "ĐẢNG BỘ TỈNH SÓC TRĂNG"; empty when the body has no superior to name
    number: str = ""  # empty: left blank for the clerk to fill in when the document is issued
    introduction: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)  # after the sections (phụ lục)
    closing: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    signature: Signature = field(default_factory=Signature)

    @property
    def number_line(self) -> str:
        number = self.number or "      "
        if self.style is Style.PARTY:
            return f"Số {number}-{self.kind_code}/{self.issuer_code}"
        return f"Số: {number}/{self.kind_code}-{self.issuer_code}"

    @property
    def place_date_line(self) -> str:
        return f"{self.place}, {date_words(self.date)}"

    @property
    def motto_lines(self) -> tuple[str, str]:
        return (PARTY_MOTTO, "") if self.style is Style.PARTY else (STATE_TITLE, STATE_MOTTO)


def date_words(day: dt.date) -> str:
    """ "ngày 05 tháng 02 năm 2021": days below 10 and months 1–2 take a leading zero (NĐ 30/2020)."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def cell_text(value: Cell, decimals: int = 2) -> str:
    """A table cell as written in the document: numbers the Vietnamese way, nothing as "-"."""
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "x" if value else ""
    if isinstance(value, int):
        return format_number(value)
    if isinstance(value, float | Decimal):
        return format_number(value, decimals)
    return value


ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"]


def heading_number(level: int, index: int) -> str:
    """I. / 1. / a) for levels 1, 2, 3 (index from 0)."""
    if level == 1:
        return f"{ROMAN[index]}." if index < len(ROMAN) else f"{index + 1}."
    if level == 2:
        return f"{index + 1}."
    return f"{chr(ord('a') + index % 26)})"
