"""People named in a text and the posts they hold there.

Forms: "đồng chí X, Bí thư …", "ông X – Phó Chủ tịch …", "các đồng chí: X - …; Y - …",
"X (Bí thư …)", and the post before the name: "Phó Bí thư Thường trực Huyện ủy Lâm Văn Hòa".
One person may hold several posts ("Trưởng Ban Dân vận, Chủ tịch UBMTTQ thành phố").
"""

import re
from dataclasses import dataclass
from typing import Any

from danvan.core.text import fold
from danvan.extraction.extractor.document import Document
from danvan.extraction.extractor.letters import LOWER, UPPER

SURNAMES = frozenset(
    fold(name)
    for name in [
        "Nguyễn",
        "Trần",
        "Lê",
        "Phạm",
        "Hoàng",
        "Huỳnh",
        "Phan",
        "Vũ",
        "Võ",
        "Đặng",
        "Bùi",
        "Đỗ",
        "Hồ",
        "Ngô",
        "Dương",
        "Lý",
        "Tô",
        "Đinh",
        "Đoàn",
        "Lâm",
        "Mai",
        "Trịnh",
        "Trương",
        "Lương",
        "Hà",
        "Cao",
        "Thái",
        "Châu",
        "Lưu",
        "La",
        "Tạ",
        "Quách",
        "Kiều",
        "Thạch",
        "Danh",
        "Lò",
        "Vi",
        "Nông",
        "Triệu",
        "Hứa",
        "Khổng",
        "Chu",
        "Bế",
        "Lục",
        "Lã",
        "Tăng",
        "Từ",
        "Giang",
        "Phùng",
        "Mạc",
        "Nghiêm",
        "Kim",
        "Âu",
        "Đàm",
        "Diệp",
        "Thân",
        "Ông",
        "Ninh",
        "Tôn",
        "Vương",
        "Quan",
        "Văn",
        "Hầu",
        "Lạc",
        "Mã",
        "Lữ",
        "Quang",
        "Sầm",
        "Thạch",
        "Tiêu",
        "Tống",
        "Trang",
        "Viên",
        "Yên",
        "Đồng",
        "Doãn",
        "Khúc",
        "Khương",
        "Lại",
        "Liêu",
        "Mẫn",
        "Nhan",
        "Phí",
        "Phó",
        "Sơn",
        "Thiều",
        "Thuận",
        "Trình",
        "Vĩnh",
        "Xa",
        "Giáp",
        "Hoàng",
        "Lăng",
        "Lộc",
        "Hùng",
        "Mông",
        "Sùng",
        "Giàng",
        "Hờ",
        "Vàng",
        "Thào",
    ]
)
TITLE_WORDS = (
    "bí thư",
    "phó bí thư",
    "chủ tịch",
    "phó chủ tịch",
    "trưởng",
    "phó trưởng",
    "phó",
    "ủy viên",
    "uỷ viên",
    "uv",
    "uvbtv",
    "thường trực",
    "chánh",
    "giám đốc",
    "phó giám đốc",
    "tổng",
    "chủ nhiệm",
    "tổ trưởng",
    "tổ phó",
    "chi hội trưởng",
    "hội trưởng",
    "đại biểu",
    "thành viên",
    "cán bộ",
    "công chức",
    "nguyên",
    "trưởng đoàn",
    "người có uy tín",
    "già làng",
    "thư ký",
    "chỉ huy",
    "đại tá",
    "thượng tá",
    "trung tá",
    "thiếu tá",
    "bộ trưởng",
    "thứ trưởng",
    "ban",
    "đảng viên",
)
_HONORIFIC = r"(?:đồng chí|Đồng chí|ĐỒNG CHÍ|đ/c|Đ/c|Đ/C|ông|Ông|bà|Bà)"
_NAME = rf"((?:[{UPPER}][{LOWER}]+)(?:\s+[{UPPER}][{LOWER}]+){{1,4}})"
_AFTER_HONORIFIC = re.compile(rf"(?<![\w/]){_HONORIFIC}\s*:?\s+{_NAME}")
_DASHED = re.compile(rf"(?:^|[:;]\s*|\n\s*){_NAME}\s+[-–—]\s+(?=\S)")
_POSITION_FIRST = re.compile(
    rf"(?:^|[\s,(])((?:Phó\s+)?(?:Bí thư|Chủ tịch|Trưởng [Bb]an|Trưởng|Giám đốc|Chánh)"
    r"(?:\s+[^\s,.;:()]+){1,8}?)\s+"
    rf"((?:[{UPPER}][{LOWER}]+)(?:\s+[{UPPER}][{LOWER}]+){{2,3}})(?=\s+[{LOWER}]|\s*[,.;)]|$)"
)
_STOPS = re.compile(
    r"\s+(?:chủ trì|phát biểu|cùng dự|cùng tham dự|cùng |và các|và đại diện|đến dự|có buổi|yêu cầu|"
    r"đề nghị|cho biết|nhấn mạnh|làm trưởng đoàn|làm việc|đã |tiếp |trực tiếp|chia sẻ|ghi nhận|"
    r"kết luận|khẳng định|trao |tham dự|dự hội nghị|và đồng chí|và ông|và bà|phát động|chỉ đạo|"
    r"báo cáo|thăm |tặng |điều hành|đánh giá|thông tin|giải đáp|trả lời|biểu dương|quán triệt)"
    r"|[;.\n()]|\s+[-–—]\s+"
)
_JOINED = re.compile(r"\s(?:và|cùng|ông|bà|đồng chí)(?:\s|$)", re.IGNORECASE)  # two people, not one post
_BODY_AFTER = re.compile(
    r"^(?:xã|phường|huyện|quận|tỉnh|thị xã|thị trấn|thành phố|ấp|thôn|khóm)\s*$", re.IGNORECASE
)


@dataclass
class Person:
    name: str
    position: str
    start: int
    end: int

    def as_json(self, doc: Document) -> dict[str, Any]:
        start, end = doc.to_original(self.start, self.end)
        return {"name": self.name, "position": self.position, "start": start, "end": end}


def _is_title(segment: str) -> bool:
    lowered = segment.strip().lower()
    return any(lowered == w or lowered.startswith(w + " ") for w in TITLE_WORDS)


def _position(text: str, start: int) -> str:
    """The posts after a name: comma-separated segments that each start with a title word."""
    rest = text[start : start + 300]
    stop = _STOPS.search(rest)
    candidate = rest[: stop.start()] if stop else rest
    kept = []
    for segment in candidate.split(","):
        if not _is_title(segment):
            break
        kept.append(segment.strip())
    return ", ".join(kept)


def _valid_name(name: str, need_surname: bool) -> bool:
    words = name.split()
    if not 2 <= len(words) <= 5:
        return False
    first = words[0].lower().replace("uỷ", "ủy")
    if first in {"ban", "ủy", "hội", "thanh", "huyện", "tỉnh", "đảng", "mặt"}:  # "Đặng" is a surname
        return False
    if first == "đoàn" and len(words) < 3:  # "Đoàn Thanh" (niên) is the Youth Union; "Đoàn Văn Nhanh" a man
        return False
    return not need_surname or fold(words[0]) in SURNAMES


def _after_name(text: str, end: int) -> str:
    m = re.match(r"\s*(?:[,–—-]|\()\s*", text[end : end + 5])
    return _position(text, end + m.end()) if m else ""


def find_people(doc: Document) -> list[Person]:
    text = doc.work
    found: list[Person] = []
    for m in _AFTER_HONORIFIC.finditer(text, doc.body_start, doc.body_end):
        honorific = m.group(0)[: m.start(1) - m.start()].strip().lower()
        if _valid_name(m.group(1), need_surname=honorific in {"ông", "bà"}):
            found.append(Person(m.group(1), _after_name(text, m.end(1)), m.start(1), m.end(1)))
    for m in _DASHED.finditer(text, doc.body_start, doc.body_end):
        position = _after_name(text, m.end(1))
        if position and _valid_name(m.group(1), need_surname=True):
            found.append(Person(m.group(1), position, m.start(1), m.end(1)))
    for m in _POSITION_FIRST.finditer(text, doc.body_start, doc.body_end):
        name = m.group(2)
        before_name = m.group(1).split()[-1]
        place_like = _BODY_AFTER.match(before_name) and name.split()[1] not in {"Văn", "Thị"}
        if place_like or _JOINED.search(m.group(1)) or not _valid_name(name, need_surname=True):
            continue
        found.append(Person(name, m.group(1).strip(), m.start(2), m.end(2)))
    return _merged([p for p in found if not doc.in_chrome(p.start)])


def _merged(people: list[Person]) -> list[Person]:
    """One entry per person (first mention), with the longest post list seen."""
    by_name: dict[str, Person] = {}
    for person in sorted(people, key=lambda p: p.start):
        key = fold(person.name)
        known = by_name.get(key)
        if known is None:
            by_name[key] = person
        elif len(person.position) > len(known.position):
            known.position = person.position
    return list(by_name.values())
