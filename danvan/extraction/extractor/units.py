"""Where the event happened: administrative units named in the text, linked to the territory.

A mention is a kind word and a name ("Huyện ủy Thoại Sơn", "xã Vĩnh Chánh", "ĐẢNG ỦY PHƯỜNG 5").
`Gazetteer` holds every unit of the territory (current and legacy) in memory, loaded once per
process; it links a mention by kind and name, using the date (legacy units before 1/7/2025) and
the other places the text names (the parent district or province) to choose among namesakes.
"""

import datetime as dt
import re
import threading
import time
from dataclasses import dataclass
from typing import Any

from danvan.core.text import fold
from danvan.extraction.extractor.document import Document, Span
from danvan.extraction.extractor.letters import LOWER, UPPER

REFORM = dt.date(2025, 7, 1)
# kind word (lower case) → (territory kinds it may be, level when it cannot be linked, label)
KIND_WORDS: dict[str, tuple[tuple[str, ...], str, str]] = {
    "tỉnh ủy": (("tinh", "thanh_pho_tw"), "province", "Tỉnh"),
    "tỉnh": (("tinh",), "province", "Tỉnh"),
    "thành ủy": (("thanh_pho", "thanh_pho_tw"), "district", "Thành phố"),
    "thành phố": (("thanh_pho", "thanh_pho_tw"), "district", "Thành phố"),
    "tp.": (("thanh_pho", "thanh_pho_tw"), "district", "Thành phố"),
    "huyện ủy": (("huyen",), "district", "Huyện"),
    "huyện": (("huyen",), "district", "Huyện"),
    "quận ủy": (("quan",), "district", "Quận"),
    "quận": (("quan",), "district", "Quận"),
    "thị ủy": (("thi_xa",), "district", "Thị xã"),
    "thị xã": (("thi_xa",), "district", "Thị xã"),
    "thị trấn": (("thi_tran",), "commune", "Thị trấn"),
    "đặc khu": (("dac_khu",), "commune", "Đặc khu"),
    "xã": (("xa",), "commune", "Xã"),
    "phường": (("phuong",), "commune", "Phường"),
    "ấp": (("ap",), "neighbourhood", "Ấp"),
    "thôn": (("thon",), "neighbourhood", "Thôn"),
    "khóm": (("khom",), "neighbourhood", "Khóm"),
    "khu phố": (("khu_pho",), "neighbourhood", "Khu phố"),
    "tổ dân phố": (("to_dan_pho",), "neighbourhood", "Tổ dân phố"),
    "xóm": (("xom",), "neighbourhood", "Xóm"),
    "bản": (("ban",), "neighbourhood", "Bản"),
    "buôn": (("buon",), "neighbourhood", "Buôn"),
}
LEVEL_RANK = {"province": 0, "district": 1, "commune": 2, "neighbourhood": 3}
_KIND_RE = "|".join(sorted((re.escape(k) for k in KIND_WORDS), key=len, reverse=True))
_NAME_WORD = rf"(?:[{UPPER}][{UPPER}{LOWER}]*|\d{{1,3}}(?![\d.,/]))"
MENTION = re.compile(rf"(?<![{LOWER}{UPPER}])((?i:{_KIND_RE}))\s+({_NAME_WORD}(?:[ \-]{_NAME_WORD}){{0,3}})")
_NOT_NAME = {"ban", "uy", "ubnd", "hdnd", "mttq", "ubmttq", "dang", "hoi", "doan", "viet", "nam", "khoi"}


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    kind_word: str
    name: str

    @property
    def level(self) -> str:
        return KIND_WORDS[self.kind_word][1]


def _clean_name(raw: str) -> str:
    words = []
    for word in raw.split():
        key = fold(word)
        if key in _NOT_NAME and not (key == "nam" and word.lower() != "nam"):  # "Ngã Năm" is a name
            break
        words.append(word.capitalize() if word.isupper() and len(word) > 1 else word)
    return " ".join(words)


def mentions(doc: Document, span: Span) -> list[Mention]:
    result = []
    for m in MENTION.finditer(doc.work, span.start, span.end):
        kind = m.group(1).lower()
        if kind not in KIND_WORDS:
            continue
        name = _clean_name(m.group(2))
        if not name or (name.isdigit() and KIND_WORDS[kind][1] not in {"commune", "neighbourhood"}):
            continue
        if not name.isdigit() and not name[0].isupper():
            continue
        result.append(Mention(m.start(), m.start(2) + len(name), kind, name))
    return result


@dataclass(frozen=True)
class UnitEntry:
    code: str
    name: str
    kind: str
    level: str
    legacy: bool
    current: bool
    parents: frozenset[str]  # folded names (kind word dropped) of the parent and grandparent


def _bare(name: str) -> str:
    folded = fold(name)
    for word in sorted((fold(k) for k in KIND_WORDS), key=len, reverse=True):
        if folded.startswith(word + " "):
            return folded[len(word) + 1 :]
    return folded


class Gazetteer:
    """The territory in memory, keyed by (kind, folded bare name)."""

    def __init__(self, entries: list[UnitEntry]) -> None:
        self.by_key: dict[tuple[str, str], list[UnitEntry]] = {}
        for entry in entries:
            self.by_key.setdefault((entry.kind, _bare(entry.name)), []).append(entry)

    def __len__(self) -> int:
        return sum(len(v) for v in self.by_key.values())

    def candidates(self, mention: Mention, day: dt.date | None) -> list[UnitEntry]:
        kinds = KIND_WORDS[mention.kind_word][0]
        found = [e for kind in kinds for e in self.by_key.get((kind, fold(mention.name)), [])]
        if day is not None:
            dated = [e for e in found if (e.legacy if day < REFORM else e.current)]
            found = dated or found
        return found

    def link(self, mention: Mention, day: dt.date | None, context: set[str]) -> UnitEntry | None:
        found = self.candidates(mention, day)
        if len(found) <= 1:
            return found[0] if found else None
        others = context - {fold(mention.name)}  # "Phường 5" must not vouch for a "Quận 5" parent
        scored = sorted(((len(e.parents & others), e) for e in found), key=lambda pair: -pair[0])
        if scored[0][0] > scored[1][0]:
            return scored[0][1]
        district_level = [e for _, e in scored if e.level == "district"]
        if mention.kind_word in {"thành ủy", "thành phố"} and len(district_level) == 1:
            return district_level[0]
        return None


_lock = threading.Lock()
_cache: dict[str, tuple[float, Gazetteer]] = {}
MAX_AGE_S = 600.0  # neighbourhoods are added by commune staff: re-read the territory now and then


def load_gazetteer(*, refresh: bool = False) -> Gazetteer:
    """The gazetteer of the territory in the database, built once per process (and every 10 min)."""
    with _lock:
        cached = _cache.get("default")
        if refresh or cached is None or time.monotonic() - cached[0] > MAX_AGE_S:
            cached = (time.monotonic(), Gazetteer(_entries()))
            _cache["default"] = cached
        return cached[1]


def _entries() -> list[UnitEntry]:
    from danvan.territory.models import Unit  # the extractor itself needs no Django

    rows = Unit.objects.values_list(
        "code", "name", "kind", "level", "valid_from", "valid_to", "parent__name", "parent__parent__name"
    )
    entries = []
    for code, name, kind, level, valid_from, valid_to, parent, grandparent in rows:
        legacy = valid_from is None or valid_from < REFORM
        current = valid_to is None or valid_to >= REFORM
        parents = frozenset(_bare(p) for p in (parent, grandparent) if p)
        entries.append(UnitEntry(code, name, kind, level, legacy, current, parents))
    return entries


def unit_json(mention: Mention, entry: UnitEntry | None) -> dict[str, Any]:
    if entry is not None:
        return {"name": entry.name, "level": entry.level, "code": entry.code}
    label = KIND_WORDS[mention.kind_word][2]
    return {"name": f"{label} {mention.name}", "level": mention.level, "code": None}


def choose(
    found: list[Mention], gazetteer: Gazetteer | None, day: dt.date | None, context: set[str]
) -> tuple[Mention, UnitEntry | None] | None:
    """The most local place among the mentions that are places (linked, or neighbourhoods)."""
    linked: list[tuple[Mention, UnitEntry | None]] = []
    for mention in found:
        entry = gazetteer.link(mention, day, context) if gazetteer else None
        if entry is not None or mention.level == "neighbourhood" or gazetteer is None or not len(gazetteer):
            linked.append((mention, entry))
    if not linked:
        return (found[0], None) if found else None
    return max(
        linked, key=lambda pair: (LEVEL_RANK[pair[1].level if pair[1] else pair[0].level], -pair[0].start)
    )


def gazetteer_from_package() -> Gazetteer:
    """The gazetteer straight from the `vietnam-provinces` package (no database: tests, tools)."""
    from danvan.territory.source import package_territory

    data = package_territory()
    names = {record.key: record.name for record in data.units}
    parents = {record.key: record.parent for record in data.units}
    entries = []
    for record in data.units:
        parent = record.parent
        grandparent = parents.get(parent) if parent else None
        legacy = record.valid_from is None or record.valid_from < REFORM
        current = record.valid_to is None or record.valid_to >= REFORM
        chain = frozenset(_bare(names[key]) for key in (parent, grandparent) if key and key in names)
        entries.append(UnitEntry(record.code, record.name, record.kind, record.level, legacy, current, chain))
    return Gazetteer(entries)
