"""The text an extractor works on: NFC with offsets back to the text as given, page chrome, sentences.

Offsets in every result point into the text as the user gave it (after decoding, before any
normalization): an NFD text is normalized for matching, and each span is mapped back.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

from danvan.core.text import fold
from danvan.extraction.extractor.letters import UPPER

# A line from which on everything is page furniture (comments, related news, footer).
_TAIL_MARKERS = re.compile(
    r"^\s*(?:>>\s*)?(?:bình luận|gửi bình luận|ý kiến bạn đọc|tin cùng chuyên mục|tin liên quan|"
    r"bài viết liên quan|những tin mới hơn|những tin cũ hơn|tin khác|các tin khác|xem thêm|"
    r"chia sẻ bài viết|tổng số điểm của bài viết)",
    re.IGNORECASE,
)
# A single line of page furniture: counters, contact blocks, menus, media players, bylines.
_CHROME_LINE = re.compile(
    r"lượt xem|lượt truy cập|số lần xem|đang truy cập|truy cập hiện tại|đang có \d+ khách|\bonline\b|"
    r"giấy phép|tòa soạn|toà soạn|tổng biên tập|bản quyền|điện thoại\s*:|\bfax\b|e-?mail|"
    r"đường dây nóng|hotline|tác giả( bài viết)?\s*:|^\s*nguồn\s*:|^\s*tin\s*:|cập nhật\s*:|\bgmt\b|"
    r"click|đánh giá bài viết|sequence|\balbum\b|số bài hát|thời tiết|đăng nhập|trang chủ|"
    r"cơ quan chủ quản|\bwww\.|https?://|\.vn\b|\.org\b|\.com\b|\| *\d{1,2}:\d{2}",
    re.IGNORECASE,
)
_STAMP_LINE = re.compile(
    r"\d{1,2}/\d{1,2}/\d{4}.{0,20}\d{1,2}:\d{2}|\d{1,2}:\d{2}.{0,20}\d{1,2}/\d{1,2}/\d{4}"
)
_NUMERIC_LINE = re.compile(r"^[\s\d.,:|/\-–>]+$")
_HEX_LINE = re.compile(r"^\s*[0-9a-f]{12,}\s*$")
_MENU_LINE = re.compile(r"(?:[^|\n]+\|){3,}")
_SENTENCE_END = re.compile(rf"(?<=[.!?…])[\"”’)]*\s+(?=[\"“‘(]?[{UPPER}0-9])|\n+")


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass
class Document:
    """`work` is the NFC text used for matching (same length as its offsets map), `original` the
    text as given. `chrome` lists the spans of page furniture, `sentences` the body sentences."""

    original: str
    work: str
    starts: list[int] | None = None  # work index → original start (None: identical texts)
    ends: list[int] | None = None
    chrome: list[Span] = field(default_factory=list)
    body_start: int = 0
    body_end: int = 0

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        if self.starts is None or self.ends is None:
            return start, end
        if end <= start:
            point = self.starts[start] if start < len(self.starts) else len(self.original)
            return point, point
        return self.starts[start], self.ends[end - 1]

    def in_chrome(self, position: int) -> bool:
        if position < self.body_start or position >= self.body_end:
            return True
        return any(span.start <= position < span.end for span in self.chrome)

    @cached_property
    def sentences(self) -> list[Span]:
        """Sentences of the body, chrome lines left out."""
        result: list[Span] = []
        start = self.body_start
        for match in _SENTENCE_END.finditer(self.work, self.body_start, self.body_end):
            result.append(Span(start, match.start()))
            start = match.end()
        result.append(Span(start, self.body_end))
        return [
            s
            for s in (_trim(self.work, s) for s in result)
            if s.end > s.start and not self.in_chrome(s.start)
        ]

    @cached_property
    def lines(self) -> list[Span]:
        spans, position = [], 0
        for line in self.work.split("\n"):
            spans.append(Span(position, position + len(line)))
            position += len(line) + 1
        return spans

    @cached_property
    def folded_lower(self) -> str:
        return self.work.lower()

    def text(self, span: Span) -> str:
        return self.work[span.start : span.end]


def _trim(text: str, span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def normalized(text: str) -> tuple[str, list[int] | None, list[int] | None]:
    """NFC text and, when it differs from the input, the map of each character back to it."""
    work = text.replace("\xa0", " ").replace("\u200b", " ")
    if unicodedata.is_normalized("NFC", work):
        return work, None, None
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(work)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(work[j]):
            j += 1
        for ch in unicodedata.normalize("NFC", work[i:j]):
            out.append(ch)
            starts.append(i)
            ends.append(j)
        i = j
    return "".join(out), starts, ends


def is_chrome_line(line: str) -> bool:
    stripped = line.strip()
    if not stripped:
        return False
    if _STAMP_LINE.search(stripped) and len(stripped.split()) <= 10:
        return True
    if _NUMERIC_LINE.match(stripped) or _HEX_LINE.match(stripped) or _MENU_LINE.search(stripped):
        return True
    return bool(_CHROME_LINE.search(stripped)) and len(stripped) < 200


def read_document(text: str) -> Document:
    work, starts, ends = normalized(text)
    doc = Document(original=text, work=work, starts=starts, ends=ends, body_end=len(work))
    seen_body = False
    for line in doc.lines:
        content = work[line.start : line.end]
        if seen_body and _TAIL_MARKERS.match(content):
            doc.body_end = line.start
            break
        if is_chrome_line(content):
            doc.chrome.append(Span(line.start, line.end + 1))
        elif len(content.split()) >= 12:
            seen_body = True
    return doc


def folded(text: str) -> str:
    return fold(text)
