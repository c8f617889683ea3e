"""Where a reviewed text's items belong in the domain apps, as first proposals the reviewer corrects.

- A figure goes to a report indicator by its measure word and what the sentence says it counts
  ("suất quà" → gift packages, "đồng" next to gifts → their value, "mô hình … đăng ký" → models
  registered), and to a kind of welfare item ("suất quà", "học bổng", "căn nhà Đại đoàn kết",
  "chiếc điện thoại thông minh") with the beneficiary groups named near it.
- The event type gives the meeting kind; the period after the event's period gives the tasks'
  default deadline ("phương hướng … kỳ tới").
Pure functions: no database.
"""

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from danvan.core.periods import Period, PeriodKind
from danvan.core.text import fold

# event type of the extraction JSON → meetings.MeetingKind value ("" = not a meeting)
MEETING_KINDS = {
    "giao ban": "giao_ban",
    "sơ kết": "so_ket",
    "tổng kết": "tong_ket",
    "đối thoại": "doi_thoai",
    "tiếp công dân": "tiep_cong_dan",
    "làm việc": "lam_viec",
    "hội nghị": "chuyen_de",
    "tọa đàm": "chuyen_de",
    "phát động": "chuyen_de",
}


@dataclass(frozen=True)
class Rule:
    target: str  # "indicator_code" or "indicator_code:category"
    units: tuple[str, ...]  # folded measure words the figure's unit starts with
    words: tuple[str, ...] = ()  # folded words, one of which the sentence must hold ("" = any)
    unless: tuple[str, ...] = ()


# First match wins. Ratios (%) are computed by the reports, never typed: no rule for "%".
INDICATOR_RULES = (
    Rule("dvk_recognized", ("mo hinh", "dien hinh"), ("cong nhan",)),
    Rule("dvk_commended", ("mo hinh", "dien hinh"), ("khen",)),
    Rule("dvk_replicated", ("mo hinh",), ("nhan rong",), ("dang ky",)),
    Rule("dvk_registered:dien_hinh", ("dien hinh",), ("dang ky",)),
    Rule("dvk_registered:mo_hinh", ("mo hinh",), ("dang ky",)),
    Rule("scholarships", ("suat hoc bong", "hoc bong")),
    Rule("gifts_given", ("suat qua", "phan qua", "suat")),
    Rule("houses_built", ("can",), ("nha",)),
    Rule("gifts_value", ("dong",), ("tri gia", "kinh phi")),
    Rule("funds_raised", ("dong",), ("van dong", "ung ho", "quyen gop", "dong gop", "quy")),
    Rule("gifts_value", ("dong",), ("qua",)),
    Rule("dialogues_held", ("cuoc doi thoai",)),
    Rule("dialogue_answered", ("y kien",), ("giai dap", "tra loi tai cho", "tra loi ngay")),
    Rule("dialogue_opinions", ("y kien",), ("doi thoai", "hoi nghi")),
    Rule("reception_citizens", ("luot cong dan",)),
    Rule("propaganda_sessions", ("buoi", "cuoc"), ("tuyen truyen",)),
    Rule("propaganda_attendees", ("luot nguoi",), ("tuyen truyen",)),
    Rule("new_members", ("hoi vien", "doan vien"), ("ket nap", "moi")),
    Rule("supervisions", ("cuoc",), ("giam sat",)),
    Rule("labour_days", ("ngay cong",)),
    Rule("land_donated", ("m2", "m²"), ("hien", "dong gop")),
    Rule("roads_built", ("km",), ("duong",)),
)

# welfare item kind code → folded measure words
ITEM_RULES = (
    ("hoc_bong", ("suat hoc bong", "hoc bong")),
    ("dien_thoai_thong_minh", ("chiec dien thoai",)),
    ("xe_dap", ("chiec xe dap",)),
    ("bao_hiem_y_te", ("the bao hiem",)),
    ("nha_tinh_nghia", ("can nha tinh nghia",)),
    ("sua_chua_nha", ("can nha duoc sua",)),
    ("nha_dai_doan_ket", ("can nha", "can")),
    ("suat_qua", ("suat qua", "phan qua", "suat")),
)
GROUP_WORDS = (
    ("ho_can_ngheo", "can ngheo"),
    ("ho_ngheo", "ho ngheo"),
    ("gia_dinh_chinh_sach", "chinh sach"),
    ("bao_tro_xa_hoi", "bao tro"),
    ("hoc_sinh_kho_khan", "hoc sinh"),
    ("nguoi_cao_tuoi", "cao tuoi"),
    ("nguoi_khuyet_tat", "khuyet tat"),
)
DEFAULT_GROUP = "ho_kho_khan"
_SENTENCE_END = re.compile(r"(?<!\d)\.|\.(?!\d)|[;!?\n]")
_BEFORE_CHARS = 80


def is_money(figure: dict[str, Any]) -> bool:
    return fold(figure.get("unit") or "") == "dong"


def _sentence_before(text: str, start: int) -> str:
    window = text[max(0, start - _BEFORE_CHARS) : start]
    ends = list(_SENTENCE_END.finditer(window))
    return window[ends[-1].end() :] if ends else window


def figure_context(figure: dict[str, Any], text: str) -> str:
    """The folded words that say what a figure counts: the sentence before it, itself, its subject."""
    start = max(0, min(int(figure.get("start") or 0), len(text)))
    return fold(f"{_sentence_before(text, start)} {figure.get('text', '')} {figure.get('subject', '')}")


def _unit_matches(unit: str, heads: tuple[str, ...]) -> bool:
    return any(unit == head or unit.startswith(head + " ") or unit.startswith(head + ",") for head in heads)


def default_indicator(figure: dict[str, Any], text: str) -> str:
    """The indicator (and category) a figure most likely fills; "" when none fits."""
    unit, context = fold(figure.get("unit") or ""), figure_context(figure, text)
    for rule in INDICATOR_RULES:
        if not _unit_matches(unit, rule.units):
            continue
        if rule.words and not any(word in context for word in rule.words):
            continue
        if any(word in context for word in rule.unless):
            continue
        return rule.target
    return ""


def default_item_kind(figure: dict[str, Any]) -> str:
    unit = fold(figure.get("unit") or "")
    for code, heads in ITEM_RULES:
        if _unit_matches(unit, heads):
            return code
    return ""


def default_groups(figure: dict[str, Any], text: str, until: int | None) -> list[str]:
    """Beneficiary groups named after the figure, up to the money that closes its sentence."""
    start = int(figure.get("end") or 0)
    stop = until if until is not None and until > start else len(text)
    sentence = _SENTENCE_END.search(text, start, stop)
    after = fold(text[start : sentence.start() if sentence else stop] + " " + (figure.get("subject") or ""))
    return [code for code, word in GROUP_WORDS if word in after] or [DEFAULT_GROUP]


def meeting_kind(event_type: str | None) -> str:
    return MEETING_KINDS.get(event_type or "", "")


def next_period_end(period: Period | None, day: dt.date | None) -> dt.date | None:
    """The end of the period after the event's (its "kỳ tới"); the end of the year with no period."""
    if period is None:
        return dt.date(day.year, 12, 31) if day else None
    if period.kind in (PeriodKind.MULTI_YEAR, PeriodKind.NINE_MONTHS):
        return dt.date(period.end.year + (1 if period.kind == PeriodKind.MULTI_YEAR else 0), 12, 31)
    following = Period.of_kind_containing(period.kind, period.end + dt.timedelta(days=1))
    end = following.end
    return max(end, day) if day else end
