"""The draft plan of a reviewed text: per domain app, what confirming would create and what stops it.

The review page shows it (each part can be unticked, its targets chosen); the confirmation
carries it out, all or nothing.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from danvan.core.errors import DomainError
from danvan.core.periods import Period
from danvan.extraction.plan.base import Basis, Part
from danvan.extraction.plan.campaign import CampaignPart, campaign_part
from danvan.extraction.plan.meeting import MeetingPart, meeting_part
from danvan.extraction.plan.practices import PracticePart, practice_part
from danvan.extraction.plan.report import ReportPart, report_part
from danvan.territory.models import Unit

__all__ = ["Basis", "Part", "Plan", "basis_of", "build_plan", "event_unit"]


@dataclass
class Plan:
    meeting: MeetingPart
    report: ReportPart
    campaign: CampaignPart
    practices: PracticePart

    @property
    def parts(self) -> list[Part]:
        return [self.meeting, self.report, self.campaign, self.practices]

    @property
    def enabled(self) -> list[Part]:
        return [part for part in self.parts if part.enabled]


def event_unit(data: dict[str, Any], day: dt.date | None) -> Unit | None:
    """The unit of the event's code valid on its day (the latest one with the code otherwise)."""
    code = (data["event"].get("unit") or {}).get("code")
    if not code:
        return None
    units = Unit.objects.filter(code=code)
    return (units.valid_on(day).first() if day else None) or units.order_by("-valid_to").first()


def basis_of(data: dict[str, Any], text: str, source_label: str) -> Basis:
    event = data["event"]
    day = dt.date.fromisoformat(str(event["date"])) if event.get("date") else None
    try:
        period = Period.parse(event["period"]["code"]) if event.get("period") else None
    except DomainError:
        period = None
    return Basis(data, text, event_unit(data, day), day, period, source_label)


def build_plan(basis: Basis) -> Plan:
    return Plan(meeting_part(basis), report_part(basis), campaign_part(basis), practice_part(basis))
