"""Tasks for the next period: the items of a "phương hướng, nhiệm vụ" section of a report, or the
sentences of a news text that set them ("Thời gian tới …", "đồng chí … đề nghị …: a; b; c")."""

import re
from dataclasses import dataclass
from typing import Any

from danvan.extraction.extractor.document import Document, Span

_HEADING = re.compile(r"^\s*(?:[IVX]+[.)]|\d+[.)]|[A-Z][.)])?\s*(?:phương hướng|nhiệm vụ)", re.IGNORECASE)
_SECTION_END = re.compile(
    r"^\s*(?:[IVX]+[.)]\s|nơi nhận|t/m|tm\.|kt\.|người ký|bí thư$|phó bí thư$)", re.IGNORECASE
)
_ITEM_NUMBER = re.compile(r"^\s*(?:\d+|[a-zđ])[.)]\s*|^\s*[-–•+]\s*")
_OPENERS = re.compile(
    r"^(?:trong thời gian tới|thời gian tới|về nhiệm vụ|về phương hướng|trước mắt|nhiệm vụ (?:thời "
    r"gian|những tháng|kỳ) tới)",
    re.IGNORECASE,
)
_ASKS = re.compile(r"\b(?:đề nghị|yêu cầu)\s+", re.IGNORECASE)
_SPEAKER = re.compile(r"phát biểu|kết luận|chỉ đạo|đồng chí|đ/c", re.IGNORECASE)
_LIST_CUE = re.compile(
    r"(?:nhiệm vụ|phương hướng|cần tiếp tục|cần khắc phục|giải pháp)[^:]*:\s*", re.IGNORECASE
)


@dataclass
class Task:
    start: int
    end: int

    def as_json(self, doc: Document) -> dict[str, Any]:
        start, end = doc.to_original(self.start, self.end)
        return {"text": doc.original[start:end], "start": start, "end": end}


def _trimmed(doc: Document, start: int, end: int) -> Task | None:
    text = doc.work
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    return Task(start, end) if end - start >= 15 else None


def _items(doc: Document, start: int, end: int) -> list[Task]:
    tasks, cursor = [], start
    for m in re.finditer(r";", doc.work[start:end]):
        task = _trimmed(doc, cursor, start + m.start())
        if task:
            tasks.append(task)
        cursor = start + m.end()
    last = _trimmed(doc, cursor, end)
    return [*tasks, last] if last else tasks


def _section_tasks(doc: Document) -> list[Task]:
    tasks: list[Task] = []
    inside = False
    for line in doc.lines:
        if line.start < doc.body_start or line.start >= doc.body_end:
            continue
        content = doc.work[line.start : line.end]
        if (
            _HEADING.match(content)
            and len(content) < 160
            and (content.isupper() or _ITEM_NUMBER.match(content) or re.match(r"^\s*[IVX]+[.)]", content))
        ):
            inside = True
            continue
        if inside and _SECTION_END.match(content):
            break
        if inside and content.strip():
            number = _ITEM_NUMBER.match(content)
            task = _trimmed(doc, line.start + (number.end() if number else 0), line.end)
            if task:
                tasks.append(task)
    return tasks


def _sentence_tasks(doc: Document, lead: Span | None, speakers: list[str]) -> list[Task]:
    tasks: list[Task] = []
    previous_was_task = False
    for sentence in doc.sentences:
        if lead is not None and sentence.start == lead.start:
            continue
        text = doc.text(sentence)
        found = _tasks_in(doc, sentence, text, previous_was_task, speakers)
        tasks.extend(found)
        previous_was_task = bool(found)
    return tasks


def _tasks_in(doc: Document, sentence: Span, text: str, after_task: bool, speakers: list[str]) -> list[Task]:
    listed = _LIST_CUE.search(text)
    if listed and ";" in text[listed.end() :]:
        return _items(doc, sentence.start + listed.end(), sentence.end)
    if _OPENERS.match(text) or (after_task and text.lower().startswith("đồng thời")):
        task = _trimmed(doc, sentence.start, sentence.end)
        return [task] if task else []
    ask = _ASKS.search(text)
    if ask and (
        _SPEAKER.search(text[: ask.start()]) or any(name in text[: ask.start()] for name in speakers)
    ):
        return _items(doc, sentence.start + ask.end(), sentence.end)
    return []


def find_tasks(doc: Document, lead: Span | None, speakers: list[str]) -> list[Task]:
    return _section_tasks(doc) or _sentence_tasks(doc, lead, speakers)
