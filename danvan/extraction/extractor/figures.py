"""Figures a text reports: counts and measures in Vietnamese formats, with their qualifier and unit.

"9.365 suất quà" → 9365; "45,7%" → 45.7 "%"; "trên 4 tỷ đồng" → 4000000000 "đồng", "trên";
"12/13 cơ sở" → 12 of 13. Dates, durations, anniversaries, document numbers, terms, ordinal
names ("Phường 2", "tổ dân phố 9") and page chrome are not figures.
"""

import re
from dataclasses import dataclass
from typing import Any

from danvan.core.text import fold
from danvan.extraction.extractor.document import Document, Span
from danvan.extraction.extractor.letters import LOWER

NUMBER = re.compile(
    r"(?<![\d.,/])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?:\s*/\s*(\d{1,3}(?:\.\d{3})+|\d+)(?![\d/]))?",
)
_SCALE = {"tỷ": 10**9, "tỉ": 10**9, "triệu": 10**6, "nghìn": 10**3, "ngàn": 10**3}
_MONEY_TAIL = re.compile(
    r"\s*(tỷ|tỉ|triệu|nghìn|ngàn)(?:\s+(\d{1,3}(?:,\d+)?)\s*(triệu|nghìn|ngàn))?(\s+(?:đồng|VNĐ|VND|đ)\b)?",
    re.IGNORECASE,
)
_DONG = re.compile(r"\s*(đồng|VNĐ|VND)\b", re.IGNORECASE)
_PERCENT = re.compile(r"\s?%")
_QUALIFIER = re.compile(r"(?:^|[\s(])(trên|hơn|gần|khoảng|đạt|xấp xỉ|ước đạt|ước|tới)\s*$", re.IGNORECASE)
_QUALIFIER_MAP = {
    "trên": "trên",
    "hơn": "hơn",
    "gần": "gần",
    "khoảng": "khoảng",
    "đạt": "đạt",
    "xấp xỉ": "khoảng",
    "ước": "khoảng",
    "ước đạt": "khoảng",
    "tới": "hơn",
}
# Multi-word units first (longest match wins); commas inside are part of the unit.
UNITS = sorted(
    [
        "suất quà",
        "suất học bổng",
        "phần quà",
        "phần học bổng",
        "suất",
        "mô hình, điển hình",
        "mô hình",
        "điển hình",
        "cơ quan, đơn vị",
        "xã, phường, thị trấn",
        "xã, phường",
        "xã, thị trấn",
        "phường, xã",
        "thôn, xóm",
        "tổ, xóm",
        "chi, đảng bộ",
        "chi bộ",
        "đảng bộ",
        "phường",
        "xã",
        "thị trấn",
        "ấp",
        "khóm",
        "thôn",
        "xóm",
        "bản",
        "tổ dân phố",
        "khu dân cư",
        "lượt người",
        "lượt công dân",
        "lượt",
        "người dân",
        "người",
        "hộ gia đình",
        "hộ dân",
        "hộ nghèo",
        "hộ cận nghèo",
        "hộ",
        "căn nhà",
        "căn",
        "ngôi nhà",
        "nhà",
        "cây cầu",
        "cầu",
        "km",
        "m2",
        "m²",
        "m3",
        "m",
        "ha",
        "tấn",
        "kg",
        "ý kiến",
        "kiến nghị",
        "vụ việc",
        "đơn thư",
        "đơn",
        "cuộc họp",
        "cuộc đối thoại",
        "cuộc",
        "buổi",
        "lớp",
        "hội viên",
        "đoàn viên",
        "đảng viên",
        "đại biểu",
        "tập thể",
        "cá nhân",
        "văn bản",
        "trường hợp",
        "ngày công",
        "học sinh",
        "công trình",
        "tuyến đường",
        "cơ sở",
        "doanh nghiệp",
        "đơn vị",
        "cơ quan",
        "gia đình",
        "thành viên",
        "tổ",
        "đội",
        "câu lạc bộ",
        "chiếc",
        "con",
        "bộ",
        "cái",
        "bình",
        "tấm",
        "phần",
    ],
    key=len,
    reverse=True,
)
_CLASSIFIERS = {"chiếc", "con", "bộ", "cái", "tấm", "bình"}
_NOT_UNIT = {"tháng", "năm", "ngày", "tuần", "giờ", "phút", "giây", "quý", "thế", "lần", "kỳ", "khóa", "giai"}
_STOP = {
    "cho",
    "với",
    "của",
    "tại",
    "trên",
    "được",
    "đã",
    "và",
    "trong",
    "ở",
    "là",
    "có",
    "thuộc",
    "đạt",
    "mỗi",
    "tổng",
    "từ",
    "đến",
    "về",
    "gồm",
    "nâng",
    "tham",
    "như",
    "theo",
    "thì",
    "còn",
    "để",
    "do",
    "vào",
    "so",
    "bằng",
    "khi",
    "nhưng",
    "hoặc",
    "hay",
    "các",
    "những",
    "này",
    "đó",
}
# Words right before a number that make it a name or a reference, not a count.
_NAME_BEFORE = re.compile(
    r"(?:phường|quận|ấp|khóm|tổ|khu vực|khu phố|phố|xóm|thôn|số|thứ|khóa|khoá|covid|vol|đội|lô|"
    r"phòng|tầng|điều|khoản|mục|chương|phần|gmt|kỳ họp|quốc lộ|tỉnh lộ|đường|tháng|năm|quý|ngày|"
    r"nghị quyết|chỉ thị|quyết định|quy định|kết luận|kế hoạch|thông báo|hướng dẫn|công văn|"
    r"nghị định|luật|top|mã|still|sequence|lần|đợt|giai đoạn|nhiệm kỳ|khu|bản|hẻm|kiệt|ngõ)"
    r"\s*[:.]?\s*[-–]?\s*$",
    re.IGNORECASE,
)
_DOC_AFTER = re.compile(r"\s*[-/]\s*[A-ZĐ]")


@dataclass
class Figure:
    quantity: float
    of: int | None
    unit: str
    subject: str
    qualifier: str | None
    start: int
    end: int

    def as_json(self, doc: Document) -> dict[str, Any]:
        start, end = doc.to_original(self.start, self.end)
        quantity: int | float = int(self.quantity) if float(self.quantity).is_integer() else self.quantity
        return {
            "quantity": quantity,
            "of": self.of,
            "unit": self.unit,
            "subject": self.subject,
            "qualifier": self.qualifier,
            "start": start,
            "end": end,
            "text": doc.original[start:end],
        }


def parse_number(raw: str) -> float:
    """Vietnamese format: "." groups thousands, "," is the decimal mark."""
    return float(raw.replace(".", "").replace(",", "."))


def _match_unit(text: str, position: int) -> tuple[str, int] | None:
    rest = text[position : position + 60]
    lead = len(rest) - len(rest.lstrip(" "))
    if lead > 2:
        return None
    tail = rest[lead:]
    lowered = tail.lower()
    for unit in UNITS:
        if lowered.startswith(unit) and (len(lowered) == len(unit) or not lowered[len(unit)].isalnum()):
            end = position + lead + len(unit)
            if unit in _CLASSIFIERS:
                return _extend(text, position + lead, end)
            return text[position + lead : end], end
    return _generic_unit(text, position + lead)


def _extend(text: str, start: int, end: int) -> tuple[str, int]:
    """A classifier ("chiếc") takes the noun after it: "chiếc điện thoại thông minh"."""
    words = re.match(rf"((?:\s+[{LOWER}]+){{1,4}})", text[end : end + 40])
    if words:
        kept = []
        for word in words.group(1).split():
            if word in _STOP:
                break
            kept.append(word)
        if kept:
            end = text.index(kept[-1], end) + len(kept[-1])
    return text[start:end], end


def _generic_unit(text: str, start: int) -> tuple[str, int] | None:
    m = re.match(rf"[{LOWER}]+(?: [{LOWER}]+)?", text[start : start + 30])
    if not m:
        return None
    words = m.group(0).split()
    if words[0] in _NOT_UNIT or words[0] in _STOP:
        return None
    if len(words) > 1 and words[1] in _STOP:
        words = words[:1]
    unit = " ".join(words)
    return unit, start + len(unit)


def _skip_number(doc: Document, m: re.Match[str], masked: list[Span]) -> bool:
    start, end = m.start(), m.end()
    text = doc.work
    if doc.in_chrome(start) or any(s.start <= start < s.end or start <= s.start < end for s in masked):
        return True
    before = text[max(0, start - 25) : start]
    if before[-1:].isalpha() and not _QUALIFIER.search(before):
        return True
    if _NAME_BEFORE.search(before) or _DOC_AFTER.match(text, end):
        return True
    if text[end : end + 1].isalpha() and not re.match(r"\d+(?:m2|m²|km|ha|kg|m)\b", text[start : end + 3]):
        return True
    raw = m.group(1)
    if raw.startswith("0") and len(raw) >= 3 and "," not in raw:
        return True  # a telephone number
    line_begin = text.rfind("\n", 0, start) + 1
    # list numbering "1. …"
    return not text[line_begin:start].strip() and bool(re.match(r"\s*[.)]\s", text[end : end + 3]))


def _qualifier(text: str, start: int) -> tuple[str | None, int]:
    before = text[max(0, start - 12) : start]
    m = _QUALIFIER.search(before)
    if not m:
        return None, start
    word = m.group(1)
    return _QUALIFIER_MAP[word.lower()], start - len(before) + m.start(1)


def _money(text: str, m: re.Match[str], value: float) -> tuple[float, str, int] | None:
    scaled = _MONEY_TAIL.match(text, m.end())
    if scaled:
        amount = value * _SCALE[scaled.group(1).lower()]
        if scaled.group(2):
            amount += parse_number(scaled.group(2)) * _SCALE[scaled.group(3).lower()]
        return amount, "đồng", scaled.end()
    dong = _DONG.match(text, m.end())
    if dong:
        return value, "đồng", dong.end()
    return None


def _subject(text: str, end: int) -> str:
    tail = re.match(r"[^.;:\n()\d]{0,80}", text[end:])
    words = (tail.group(0) if tail else "").replace(",", " ").split()[:8]
    return " ".join(words)


def find_figures(doc: Document, masked: list[Span]) -> list[Figure]:
    text = doc.work
    figures: list[Figure] = []
    for m in NUMBER.finditer(text, doc.body_start, doc.body_end):
        if (figures and m.start() < figures[-1].end) or _skip_number(doc, m, masked):
            continue
        value = parse_number(m.group(1))
        of = int(parse_number(m.group(2))) if m.group(2) else None
        if of is not None and (of < value or of == 0):
            continue
        figure = _figure(text, m, value, of)
        if figure is not None:
            figures.append(figure)
    return figures


def _figure(text: str, m: re.Match[str], value: float, of: int | None) -> Figure | None:
    qualifier, start = _qualifier(text, m.start())
    percent = _PERCENT.match(text, m.end())
    if percent and of is None:
        return Figure(value, None, "%", _subject(text, percent.end()), qualifier, start, percent.end())
    money = _money(text, m, value) if of is None else None
    if money:
        amount, unit, end = money
        return Figure(amount, None, unit, _subject(text, end), qualifier, start, end)
    raw = m.group(1)
    if of is None and re.fullmatch(r"(?:19|20)\d{2}", raw):
        found = _match_unit(text, m.end())
        if not found or fold(found[0]) in {"", "nam"}:
            return None
    found = _match_unit(text, m.end())
    if not found:
        return None
    unit, end = found
    if unit.split()[0] in _NOT_UNIT and unit != "ngày công":
        return None
    return Figure(value, of, unit, _subject(text, end), qualifier, start, end)
