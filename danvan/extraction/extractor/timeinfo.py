"""Dates, reporting periods and the spans of text that are about time (never figures)."""

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from danvan.core.periods import Period
from danvan.extraction.extractor.document import Document, Span

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_TIME_WORD = r"(?:sáng|chiều|tối|trưa|đêm|hôm|ngày|vào ngày|sáng ngày|chiều ngày|tối ngày)"

DATE_LONG = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
DATE_FULL = re.compile(r"(?<![\d/])(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d{2})(?!\d)")
DATE_SHORT = re.compile(rf"{_TIME_WORD}\s+(\d{{1,2}})\s*[/-]\s*(\d{{1,2}})(?![\d/])", re.IGNORECASE)
MONTH_YEAR = re.compile(r"tháng\s+(\d{1,2})\s*[/-]\s*((?:19|20)\d{2})", re.IGNORECASE)
CLOCK = re.compile(r"\b\d{1,2}[:h]\d{2}\b")
YEAR_RANGE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})(?!\d)")
YEAR = re.compile(r"(?<!\d)(?<!\d[.,/])((?:19|20)\d{2})(?!\d|[.,/]\d)")
_NOT_EVENT = re.compile(
    r"(?:\d+\s*[-/][A-ZĐa-zđ]+[/\-A-ZĐa-zđ]*\s*|trước|từ|đến|tính đến|hạn|kể từ|chậm nhất|sau)\s*$",
    re.IGNORECASE,
)
_DOC_BEFORE = re.compile(r"\d+\s*[-/]\s*[A-ZĐ][A-ZĐa-zđ]*[/\-][A-ZĐa-zđ\-]+\s*$")

_PERIOD_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("multi", re.compile(r"giai đoạn\s+((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})", re.IGNORECASE)),
    (
        "quarter",
        re.compile(r"quý\s+(IV|I{1,3}|[1-4])\b(?:\s*(?:[/-]|năm)\s*((?:19|20)\d{2}))?", re.IGNORECASE),
    ),
    ("half", re.compile(r"(?:6|sáu)\s+tháng\s+(đầu|cuối)(?:\s+năm)?(?:\s+((?:19|20)\d{2}))?", re.IGNORECASE)),
    ("nine", re.compile(r"(?:9|chín)\s+tháng(?:\s+đầu)?(?:\s+năm)?(?:\s+((?:19|20)\d{2}))?", re.IGNORECASE)),
    (
        "month",
        re.compile(
            r"tháng\s+(\d{1,2})(?!\s*[/-]\s*\d{1,2}[/-])(?:\s*(?:[/-]|năm)\s*((?:19|20)\d{2}))?",
            re.IGNORECASE,
        ),
    ),
    ("year", re.compile(r"năm\s+((?:19|20)\d{2})(?!\s*[-–—]\s*\d)", re.IGNORECASE)),
]
_FUTURE = re.compile(
    r"(phương hướng|trọng tâm|triển khai|kỳ tới|thời gian tới|dự kiến|kế hoạch|hướng tới|đề ra|"
    r"những tháng cuối)[^.;]{0,40}$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    day: int
    month: int
    year: int | None
    time_word: bool
    line_start: bool


def time_spans(doc: Document) -> list[Span]:
    """Every span that is a date, a time, a month, a year or a range of years."""
    spans: list[Span] = []
    for pattern in (DATE_LONG, DATE_FULL, DATE_SHORT, MONTH_YEAR, CLOCK, YEAR_RANGE):
        spans.extend(Span(m.start(), m.end()) for m in pattern.finditer(doc.work))
    return spans


def _mentions(doc: Document) -> list[DateMention]:
    found: dict[int, DateMention] = {}
    for pattern, has_year in ((DATE_LONG, True), (DATE_FULL, True), (DATE_SHORT, False)):
        for m in pattern.finditer(doc.work):
            day, month = int(m.group(1)), int(m.group(2))
            if not (1 <= day <= 31 and 1 <= month <= 12):
                continue
            year = int(m.group(3)) if has_year else None
            before = doc.work[max(0, m.start() - 25) : m.start()]
            time_word = (
                bool(re.search(rf"{_TIME_WORD}\s*$", before, re.IGNORECASE)) or m.group(0)[:1].isalpha()
            )
            line_begin = doc.work.rfind("\n", 0, m.start()) + 1
            prefix = doc.work[line_begin : m.start()]
            line_start = len(prefix.split()) <= 4
            key = m.start() if pattern is not DATE_SHORT else m.start(1)
            if any(abs(key - k) < 12 for k in found):
                continue
            found[key] = DateMention(m.start(), m.end(), day, month, year, time_word, line_start)
    return sorted(found.values(), key=lambda d: d.start)


def publication_date(doc: Document) -> dt.date | None:
    """A date in the page header (a chrome line), e.g. "Thứ năm - 22/07/2021 17:13"."""
    for span in doc.chrome:
        if span.start > doc.body_start + 1500:
            break
        m = DATE_FULL.search(doc.work, span.start, span.end)
        if m:
            try:
                return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            except ValueError:
                continue
    return None


def event_date_mention(doc: Document) -> DateMention | None:
    """The date of the event: a date opening a sentence ("Sáng 22/7,", "Ngày 25/8/2020,") or the
    place-and-date line of a report; never a document's date, a deadline or a range."""
    candidates = []
    for mention in _mentions(doc):
        if doc.in_chrome(mention.start):
            continue
        before = doc.work[max(0, mention.start - 40) : mention.start]
        if _NOT_EVENT.search(before) or _DOC_BEFORE.search(before) or before.rstrip().endswith("("):
            continue
        if re.match(r"\s*[-–—]\s*\d", doc.work[mention.end : mention.end + 4]):
            continue
        candidates.append(mention)
    opening = [c for c in candidates if c.line_start or _opens_clause(doc, c.start)]
    for group in ([c for c in opening if c.time_word], opening, candidates):
        if group:
            return group[0]
    return None


def _opens_clause(doc: Document, position: int) -> bool:
    before = doc.work[max(0, position - 30) : position]
    return bool(re.search(r"(?:^|[.,;:\n])\s*(?:\w+\s+){0,2}$", before))


@dataclass(frozen=True)
class PeriodMention:
    start: int
    end: int
    kind: str
    number: int
    year: int | None
    end_year: int | None = None


def period_mentions(doc: Document, span: Span, masked: list[Span]) -> list[PeriodMention]:
    text = doc.work
    result: list[PeriodMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PERIOD_PATTERNS:
        for m in pattern.finditer(text, span.start, span.end):
            if any(s.start <= m.start() < s.end for s in masked) and kind != "multi":
                continue
            if any(a <= m.start() < b or m.start() <= a < m.end() for a, b in taken):
                continue
            if kind == "month" and not (1 <= int(m.group(1)) <= 12):
                continue
            taken.append((m.start(), m.end()))
            result.append(_period_mention(kind, m))
    return sorted(result, key=lambda p: p.start)


def _period_mention(kind: str, m: re.Match[str]) -> PeriodMention:
    year_group = {"multi": 1, "quarter": 2, "half": 2, "nine": 1, "month": 2, "year": 1}[kind]
    year = int(m.group(year_group)) if m.group(year_group) else None
    if kind == "multi":
        return PeriodMention(m.start(), m.end(), kind, 0, year, int(m.group(2)))
    if kind == "quarter":
        return PeriodMention(m.start(), m.end(), kind, _ROMAN[m.group(1).upper()], year)
    if kind == "half":
        return PeriodMention(m.start(), m.end(), kind, 1 if m.group(1).lower() == "đầu" else 2, year)
    if kind == "month":
        return PeriodMention(m.start(), m.end(), kind, int(m.group(1)), year)
    return PeriodMention(m.start(), m.end(), kind, 0, year)


def is_future(doc: Document, mention: PeriodMention, floor: int) -> bool:
    return bool(_FUTURE.search(doc.work[max(floor, mention.start - 60) : mention.start]))


def to_period(mention: PeriodMention, year: int) -> Period:
    if mention.kind == "multi" and mention.year and mention.end_year and mention.end_year > mention.year:
        return Period.years(mention.year, mention.end_year)
    if mention.kind == "quarter":
        return Period.quarter(year, mention.number)
    if mention.kind == "half":
        return Period.half(year, mention.number)
    if mention.kind == "nine":
        return Period.nine_months(year)
    if mention.kind == "month":
        return Period.month(year, mention.number)
    return Period.whole_year(year)


def dominant_year(doc: Document, masked_docs: list[Span]) -> int | None:
    """The year the body speaks of most (document numbers' years left out)."""
    years: Counter[int] = Counter()
    for m in YEAR.finditer(doc.work, doc.body_start, doc.body_end):
        if doc.in_chrome(m.start()) or any(s.start <= m.start() < s.end for s in masked_docs):
            continue
        years[int(m.group(1))] += 1
    return years.most_common(1)[0][0] if years else None
