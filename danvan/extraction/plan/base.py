"""What every part of a draft plan shares: the reviewed text's basis and the part's outcome."""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from danvan.core.periods import Period
from danvan.territory.models import Unit


@dataclass
class Basis:
    """The reviewed JSON and what it resolves to: the unit, the day and the period of the event."""

    data: dict[str, Any]
    text: str
    unit: Unit | None
    day: dt.date | None
    period: Period | None
    source_label: str  # "Nhập từ văn bản #12 (bao-cao.docx)"

    @property
    def targets(self) -> dict[str, Any]:
        return self.data.get("targets") or {}

    def target(self, key: str) -> Any:
        return self.targets.get(key)

    def wanted(self, part: str, proposed: bool) -> bool:
        parts = self.targets.get("parts")
        return proposed if parts is None else part in parts


@dataclass
class Part:
    """One app's share of the confirmation: what it would create, and what stops it."""

    key: str
    label: str
    enabled: bool = False
    lines: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ready(self) -> bool:
        return bool(self.lines) and not self.problems
