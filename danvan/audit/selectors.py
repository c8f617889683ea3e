"""Filtering the audit log."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet

from danvan.audit.models import AuditEvent


@dataclass(frozen=True)
class AuditFilter:
    actor: str = ""
    action: str = ""
    object_type: str = ""
    unit_path: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None


def filter_events(events: QuerySet[AuditEvent], f: AuditFilter) -> QuerySet[AuditEvent]:
    if f.actor:
        events = events.filter(actor_label__icontains=f.actor)
    if f.action:
        events = events.filter(action=f.action)
    if f.object_type:
        events = events.filter(object_type=f.object_type)
    if f.unit_path:
        events = events.filter(unit_path__startswith=f.unit_path)
    if f.date_from:
        events = events.filter(at__date__gte=f.date_from)
    if f.date_to:
        events = events.filter(at__date__lte=f.date_to)
    return events.select_related("unit")
