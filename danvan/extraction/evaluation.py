"""Scoring extractions against hand annotations, and the plain regular-expression baseline.

Figures match by quantity and overlapping span (one to one); "strict" also needs the same
qualifier, the same `of` and the same head word of the unit. People match by name (accent- and
case-insensitive); a matched person's position is right when the words of the two positions
overlap by at least 60 % both ways. Event type, date, period and unit (name + level; code) are
accuracies over the texts. Tasks match by overlapping span.
"""

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from danvan.core.text import fold

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS_DIR = Path(__file__).resolve().parents[3] / "shared" / "seeds"
SETS = ("tuning", "held_out", "seeds")
ACCURACY_KEYS = ("event_type", "date", "period", "unit", "unit_code", "organizer")


@dataclass(frozen=True)
class Sample:
    name: str
    text: str
    gold: dict[str, Any]


def load_set(name: str, seeds_dir: Path = SEEDS_DIR) -> list[Sample]:
    """The annotated texts of a set; the seeds' texts come from ../shared (empty when absent)."""
    if name == "seeds":
        samples = []
        for annotation in sorted((FIXTURES / "seeds").glob("*.json")):
            source = seeds_dir / f"{annotation.stem}.txt"
            if source.exists():
                samples.append(Sample(annotation.stem, source.read_text(encoding="utf-8"), _json(annotation)))
        return samples
    folder = FIXTURES / "texts" / name
    return [
        Sample(path.stem, path.read_text(encoding="utf-8"), _json(path.with_suffix(".json")))
        for path in sorted(folder.glob("*.txt"))
    ]


def _json(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, predicted: int, gold: int) -> None:
        self.tp += tp
        self.fp += predicted - tp
        self.fn += gold - tp

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Score:
    figures: Counts = field(default_factory=Counts)
    figures_strict: Counts = field(default_factory=Counts)
    people: Counts = field(default_factory=Counts)
    positions_right: int = 0
    tasks: Counts = field(default_factory=Counts)
    texts: int = 0
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ACCURACY_KEYS, 0))
    errors: list[str] = field(default_factory=list)

    def accuracy(self, key: str) -> float:
        return self.right[key] / self.texts if self.texts else 1.0

    @property
    def position_accuracy(self) -> float:
        return self.positions_right / self.people.tp if self.people.tp else 1.0

    def summary(self) -> dict[str, float]:
        result = {
            "figures_p": self.figures.precision,
            "figures_r": self.figures.recall,
            "figures_f1": self.figures.f1,
            "figures_strict_f1": self.figures_strict.f1,
            "people_p": self.people.precision,
            "people_r": self.people.recall,
            "people_f1": self.people.f1,
            "positions": self.position_accuracy,
            "tasks_f1": self.tasks.f1,
        }
        result.update({key: self.accuracy(key) for key in ACCURACY_KEYS})
        return {key: round(value, 3) for key, value in result.items()}


def _overlap(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def _same_quantity(a: Any, b: Any) -> bool:
    return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(b)))


def _head(unit: str) -> str:
    words = fold(unit or "").split()
    return "%" if (unit or "").strip() == "%" else (words[0] if words else "")


def match_figures(predicted: list[dict[str, Any]], gold: list[dict[str, Any]], strict: bool) -> int:
    used: set[int] = set()
    hits = 0
    for g in gold:
        for i, p in enumerate(predicted):
            if i in used or not _overlap(p, g) or not _same_quantity(p["quantity"], g["quantity"]):
                continue
            if strict and (
                p["qualifier"] != g["qualifier"] or p["of"] != g["of"] or _head(p["unit"]) != _head(g["unit"])
            ):
                continue
            used.add(i)
            hits += 1
            break
    return hits


def _words(text: str) -> set[str]:
    return set(fold(text).split())


def position_right(predicted: str, gold: str) -> bool:
    p, g = _words(predicted), _words(gold)
    if not p or not g:
        return p == g
    common = len(p & g)
    return common / len(g) >= 0.6 and common / len(p) >= 0.6


def _unit_key(unit: dict[str, Any] | None) -> tuple[str, str] | None:
    return (fold(unit["name"]), unit["level"]) if unit else None


def score_one(score: Score, sample: Sample, predicted: dict[str, Any]) -> None:
    gold = sample.gold
    score.texts += 1
    score.figures.add(
        match_figures(predicted["figures"], gold["figures"], False),
        len(predicted["figures"]),
        len(gold["figures"]),
    )
    score.figures_strict.add(
        match_figures(predicted["figures"], gold["figures"], True),
        len(predicted["figures"]),
        len(gold["figures"]),
    )
    gold_people = {fold(p["name"]): p for p in gold["people"]}
    unique = {fold(p["name"]): p for p in reversed(predicted["people"])}
    hits = [p for key, p in unique.items() if key in gold_people]
    score.people.add(len(hits), len(predicted["people"]), len(gold_people))
    score.positions_right += sum(
        position_right(p["position"], gold_people[fold(p["name"])]["position"]) for p in hits
    )
    tasks_hit = sum(any(_overlap(p, g) for p in predicted["tasks"]) for g in gold["tasks"])
    tasks_used = sum(any(_overlap(p, g) for g in gold["tasks"]) for p in predicted["tasks"])
    score.tasks.tp += tasks_hit
    score.tasks.fn += len(gold["tasks"]) - tasks_hit
    score.tasks.fp += len(predicted["tasks"]) - tasks_used
    _score_event(score, sample.name, predicted["event"], gold["event"])


def _score_event(score: Score, name: str, predicted: dict[str, Any], gold: dict[str, Any]) -> None:
    checks = {
        "event_type": predicted["type"] == gold["type"],
        "date": predicted["date"] == gold["date"],
        "period": (predicted["period"] or {}).get("code") == (gold["period"] or {}).get("code"),
        "unit": _unit_key(predicted["unit"]) == _unit_key(gold["unit"]),
        "unit_code": (predicted["unit"] or {}).get("code") == (gold["unit"] or {}).get("code"),
        "organizer": fold(predicted["organizer"] or "") == fold(gold["organizer"] or ""),
    }
    for key, right in checks.items():
        score.right[key] += int(right)
        if not right:
            score.errors.append(f"{name}: {key}")


def evaluate(samples: Iterable[Sample], extractor: Callable[[str], dict[str, Any]]) -> Score:
    score = Score()
    for sample in samples:
        score_one(score, sample, extractor(sample.text))
    return score


# The baseline: plain regular expressions, no domain knowledge -------------------------------------
_B_NUMBER = re.compile(
    r"(?:(trên|hơn|gần|khoảng|đạt)\s*)?(\d[\d.,]*)(?:/(\d+))?\s*(%|tỷ đồng|triệu đồng|[^\W\d_]+)"
)
_B_PERSON = re.compile(
    r"(?:đồng chí|Đồng chí|Đ/c|ông|Ông|bà|Bà)\s+((?:[A-ZĐ][^\s,;.]*\s?){2,4})[,–-]\s*([^;.\n]+)"
)
_B_DATE = re.compile(r"(\d{1,2})[/-](\d{1,2})(?:[/-](\d{4}))?")
_B_TYPES = (
    "giao ban",
    "sơ kết",
    "tổng kết",
    "đối thoại",
    "tiếp công dân",
    "làm việc",
    "tọa đàm",
    "phát động",
    "ngày hội",
    "hội nghị",
)


def baseline_extract(text: str) -> dict[str, Any]:
    figures = []
    for m in _B_NUMBER.finditer(text):
        raw = m.group(2).rstrip(".,")
        try:
            value = float(raw.replace(".", "").replace(",", "."))
        except ValueError:
            continue
        unit = m.group(4)
        scale = 10**9 if unit.startswith("tỷ") else 10**6 if unit.startswith("triệu") else 1
        figures.append(
            {
                "quantity": value * scale,
                "of": int(m.group(3)) if m.group(3) else None,
                "unit": "đồng" if scale > 1 else unit,
                "subject": "",
                "qualifier": m.group(1),
                "start": m.start(),
                "end": m.end(),
                "text": m.group(0),
            }
        )
    people = [{"name": m.group(1).strip(), "position": m.group(2).strip()} for m in _B_PERSON.finditer(text)]
    lowered = text.lower()
    kinds = [(lowered.find(k), k) for k in _B_TYPES if k in lowered]
    date = _B_DATE.search(text)
    iso = (
        f"{date.group(3)}-{int(date.group(2)):02d}-{int(date.group(1)):02d}"
        if date and date.group(3)
        else None
    )
    event = {
        "type": min(kinds)[1] if kinds else None,
        "date": iso,
        "organizer": None,
        "unit": None,
        "period": None,
    }
    return {"event": event, "people": people, "figures": figures, "tasks": []}
