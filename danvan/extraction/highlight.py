"""The source text cut into segments, each knowing which extracted items cover it (for the review page)."""

from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any


@dataclass
class Segment:
    text: str
    kinds: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)

    @property
    def css(self) -> str:
        return " ".join(f"x-{kind}" for kind in sorted(set(self.kinds)))


def _items(data: dict[str, Any]) -> list[tuple[int, int, str, str]]:
    items = []
    for i, figure in enumerate(data.get("figures", [])):
        items.append((figure["start"], figure["end"], "figure", f"S{i + 1}"))
    for i, person in enumerate(data.get("people", [])):
        if person.get("start") is not None and person.get("end") is not None:
            items.append((person["start"], person["end"], "person", f"N{i + 1}"))
    for i, task in enumerate(data.get("tasks", [])):
        items.append((task["start"], task["end"], "task", f"V{i + 1}"))
    return [item for item in items if item[1] > item[0]]


def segments(text: str, data: dict[str, Any]) -> list[Segment]:
    items = _items(data)
    cuts = sorted({0, len(text), *(p for s, e, *_ in items for p in (s, e) if 0 <= p <= len(text))})
    result = []
    for start, end in pairwise(cuts):
        covering = [(kind, label) for s, e, kind, label in items if s <= start and end <= e]
        result.append(Segment(text[start:end], [k for k, _ in covering], [lbl for _, lbl in covering]))
    return result
