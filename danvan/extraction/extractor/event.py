"""The event a text reports: its type, date (year inferred), organizer, unit and period."""

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from danvan.core.text import fold
from danvan.extraction.extractor import timeinfo, units
from danvan.extraction.extractor.document import Document, Span
from danvan.extraction.extractor.letters import LOWER, UPPER

EVENT_TYPES = (
    "giao ban",
    "sơ kết",
    "tổng kết",
    "đối thoại",
    "tiếp công dân",
    "làm việc",
    "hội nghị",
    "tọa đàm",
    "phát động",
    "ngày hội",
    "khác",
)
_TYPE_WORDS: list[tuple[str, str]] = [
    ("giao ban", "giao ban"),
    ("sơ kết", "sơ kết"),
    ("tổng kết", "tổng kết"),
    ("đối thoại", "đối thoại"),
    ("tiếp công dân", "tiếp công dân"),
    ("tiếp xúc", "đối thoại"),
    ("làm việc", "làm việc"),
    ("tọa đàm", "tọa đàm"),
    ("toạ đàm", "tọa đàm"),
    ("phát động", "phát động"),
    ("ra quân", "phát động"),
    ("ngày hội", "ngày hội"),
]
_GENERIC = re.compile(r"hội nghị|hội thảo", re.IGNORECASE)
_REVIEWS = {"giao ban", "sơ kết", "tổng kết"}
_BODY = (
    r"(?:Ban (?:Tuyên giáo và )?Dân vận|Ban Công tác Mặt trận|Ban Thường vụ|Ban Chỉ đạo|"
    r"Ủy ban MTTQ(?: Việt Nam)?|Uỷ ban MTTQ(?: Việt Nam)?|UBMTTQ|Ủy ban Mặt trận Tổ quốc(?: Việt Nam)?|"
    r"Uỷ ban Mặt trận Tổ quốc(?: Việt Nam)?|Đảng ủy|Đảng uỷ|Thành ủy|Thành uỷ|Huyện ủy|Huyện uỷ|Tỉnh ủy|"
    r"Tỉnh uỷ|Thị ủy|Thị uỷ|Quận ủy|Quận uỷ|UBND|Ủy ban nhân dân|HĐND|Hội Nông dân|"
    r"Hội Liên hiệp Phụ nữ|Hội Cựu chiến binh|Đoàn Thanh niên|Khối dân vận|Khối vận|Mặt trận)"
)
_PLACE = (
    rf"(?:\s+(?:Thành ủy|Thành uỷ|Huyện ủy|Huyện uỷ|Tỉnh ủy|Tỉnh uỷ|Thị ủy|Thị uỷ|Quận ủy|Quận uỷ|Đảng ủy))?"
    rf"(?:\s+(?:xã|phường|thị trấn|huyện|quận|thị xã|thành phố|tỉnh|ấp|thôn|khóm|khu phố))?"
    rf"(?:\s+(?:[{UPPER}][{LOWER}]+|\d{{1,3}}(?![\d/.,])))*"
)
ORGANIZER = re.compile(rf"{_BODY}(?:\s*(?:,|và)\s*{_BODY})*{_PLACE}")


@dataclass
class EventFacts:
    type: str | None
    date: dt.date | None
    organizer: str | None
    unit: dict[str, Any] | None
    period: dict[str, str] | None

    def as_json(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "date": self.date.isoformat() if self.date else None,
            "organizer": self.organizer,
            "unit": self.unit,
            "period": self.period,
        }


def lead_sentence(doc: Document, date: timeinfo.DateMention | None) -> Span | None:
    if date is not None:
        for sentence in doc.sentences:
            if sentence.start <= date.start < sentence.end:
                return sentence
    return doc.sentences[0] if doc.sentences else None


def head(doc: Document) -> Span:
    return Span(doc.body_start, min(doc.body_end, doc.body_start + 700))


def event_type(doc: Document, regions: list[Span]) -> str | None:
    for region in regions:
        text = doc.work[region.start : region.end].lower()
        hits = [(text.find(word), kind) for word, kind in _TYPE_WORDS if word in text]
        if hits:
            return min(hits)[1]
        if _GENERIC.search(text):
            return "hội nghị"
    return "khác" if regions else None


_HEADER_BODY = re.compile(
    r"^\s*(?:đảng ủy|đảng uỷ|ban dân vận|ban tuyên giáo và dân vận|ủy ban|uỷ ban|ubnd|ban thường vụ)\b",
    re.IGNORECASE,
)
_KINDS = ("xã", "phường", "thị trấn", "huyện", "quận", "thị xã", "thành phố", "tỉnh", "ấp", "thôn", "khóm")


def organizer(doc: Document, regions: list[Span]) -> str | None:
    for index, region in enumerate(regions):
        if index == 1:
            header = _header_body(doc, region)
            if header:
                return header
        m = ORGANIZER.search(doc.work, region.start, region.end)
        if m:
            return re.sub(r"\s+", " ", m.group(0)).strip()
    return None


def _header_body(doc: Document, region: Span) -> str | None:
    """The issuing body in the header of a Word report: "ĐẢNG ỦY XÃ ĐỊNH THÀNH"."""
    for line in doc.lines:
        content = doc.work[line.start : line.end].strip()
        if region.start <= line.start < region.end and content.isupper() and _HEADER_BODY.match(content):
            return _smart_case(content)
    return None


def _smart_case(line: str) -> str:
    lowered = " ".join(line.lower().split())
    for kind in _KINDS:
        m = re.search(rf"\b{kind}\s+(.+)$", lowered)
        if m:
            name = " ".join(w.capitalize() for w in m.group(1).split())
            prefix = lowered[: m.start()] + (kind.capitalize() if name.isdigit() else kind)
            return (prefix[:1].upper() + prefix[1:] + " " + name).strip()
    return lowered[:1].upper() + lowered[1:]


def _context(doc: Document) -> set[str]:
    return {fold(m.name) for m in units.mentions(doc, Span(doc.body_start, doc.body_end))}


def event_unit(
    doc: Document,
    regions: list[Span],
    organizer_text: str | None,
    day: dt.date | None,
    gazetteer: units.Gazetteer | None,
) -> dict[str, Any] | None:
    context = _context(doc)
    for region in regions:
        chosen = units.choose(units.mentions(doc, region), gazetteer, day, context)
        if chosen:
            return units.unit_json(*chosen)
    kind = _bare_kind(organizer_text)
    if kind:
        whole = Span(doc.body_start, doc.body_end)
        same_kind = [
            m
            for m in units.mentions(doc, whole)
            if units.KIND_WORDS[m.kind_word][0] == units.KIND_WORDS[kind][0]
        ]
        chosen = units.choose(same_kind, gazetteer, day, context)
        if chosen:
            return units.unit_json(*chosen)
    return None


def _bare_kind(organizer_text: str | None) -> str | None:
    """ "Ban Dân vận Thành ủy" names a level but not the place: the text names it elsewhere."""
    if not organizer_text:
        return None
    m = re.search(r"(Thành ủy|Huyện ủy|Tỉnh ủy|Thị ủy|Quận ủy)\s*$", organizer_text.replace("uỷ", "ủy"))
    return m.group(1).lower() if m else None
