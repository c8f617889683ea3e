"""The domain-aware extractor: one Vietnamese text in, the issue's JSON out. Pure Python.

    extract(text, gazetteer=load_gazetteer()) → {"event": …, "people": […], "figures": […], "tasks": […]}

Without a gazetteer (no database) units are named but not linked (code null).
"""

import datetime as dt
import re
from typing import Any

from danvan.core.errors import InvalidInput
from danvan.extraction.extractor import event as events
from danvan.extraction.extractor import timeinfo
from danvan.extraction.extractor.document import Document, Span, read_document
from danvan.extraction.extractor.figures import find_figures
from danvan.extraction.extractor.people import find_people
from danvan.extraction.extractor.tasks import find_tasks
from danvan.extraction.extractor.units import Gazetteer, load_gazetteer

__all__ = ["Gazetteer", "extract", "load_gazetteer"]

_DOC_NUMBER = re.compile(
    r"\d+\s*/\s*\d{4}\s*/\s*[A-ZĐ][\w\-]*|\d+\s*[-/]\s*[A-ZĐ][A-ZĐa-zđ]*(?:[-/][A-ZĐa-zđ\-]+)*"
)
_REVIEW_SLACK = dt.timedelta(days=45)


def extract(text: str, gazetteer: Gazetteer | None = None) -> dict[str, Any]:
    doc = read_document(text)
    masked = timeinfo.time_spans(doc)
    documents = [Span(m.start(), m.end()) for m in _DOC_NUMBER.finditer(doc.work)]
    people = find_people(doc)
    date_mention = timeinfo.event_date_mention(doc)
    lead = events.lead_sentence(doc, date_mention)
    regions = [r for r in (lead, events.head(doc)) if r is not None]
    kind = events.event_type(doc, regions)
    period_mention, period_year = _period(doc, regions, masked)
    year_hint = _year_hint(doc, date_mention, period_year, documents)
    period = timeinfo.to_period(period_mention, period_year) if period_mention and period_year else None
    day = _event_day(doc, date_mention, period, kind, year_hint)
    organizer = events.organizer(doc, regions)
    unit = events.event_unit(doc, regions, organizer, day, gazetteer)
    facts = events.EventFacts(
        kind, day, organizer, unit, {"label": period.label, "code": period.code} if period else None
    )
    speakers = [p.name for p in people if p.position]
    return {
        "event": facts.as_json(),
        "people": [p.as_json(doc) for p in people],
        "figures": [f.as_json(doc) for f in find_figures(doc, masked + documents)],
        "tasks": [t.as_json(doc) for t in find_tasks(doc, lead, speakers)],
    }


def _period(doc: Document, regions: list[Span], masked: list[Span]) -> tuple[Any, int | None]:
    for region in [*regions, Span(doc.body_start, doc.body_end)]:
        for mention in timeinfo.period_mentions(doc, region, masked):
            if doc.in_chrome(mention.start) or timeinfo.is_future(doc, mention, region.start):
                continue
            return mention, mention.year or _year_after(doc, mention.end, region.end)
    return None, None


def _year_after(doc: Document, start: int, end: int) -> int | None:
    m = timeinfo.YEAR.search(doc.work, start, max(end, start))
    return int(m.group(1)) if m else None


def _year_hint(doc: Document, date: Any, period_year: int | None, documents: list[Span]) -> int | None:
    if date is not None and date.year:
        return int(date.year)
    return period_year or timeinfo.dominant_year(doc, documents)


def _event_day(
    doc: Document, mention: Any, period: Any, kind: str | None, year_hint: int | None
) -> dt.date | None:
    if mention is None:
        return None
    try:
        if mention.year:
            return dt.date(mention.year, mention.month, mention.day)
        published = timeinfo.publication_date(doc)
        if published is not None:
            day = dt.date(published.year, mention.month, mention.day)
            return day if day <= published + dt.timedelta(days=2) else day.replace(year=published.year - 1)
        if period is not None:
            year = period.end_year if period.kind == "multi_year" else period.year
            day = dt.date(year, mention.month, mention.day)
            if kind in events._REVIEWS and period.kind != "multi_year" and day < period.end - _REVIEW_SLACK:
                day = day.replace(year=year + 1)
            return day
        return dt.date(year_hint, mention.month, mention.day) if year_hint else None
    except ValueError:
        return None


def ensure_text(text: str) -> str:
    if not text.strip():
        raise InvalidInput("empty_text", "Văn bản trống: không có nội dung để trích xuất.")
    return text
