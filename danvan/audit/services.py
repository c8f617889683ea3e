"""Writing audit events. Every state-changing service calls `audit_record` once."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import models

from danvan.audit.models import AuditEvent


def _plain(value: Any) -> Any:
    if isinstance(value, models.Model):
        return str(value.pk)
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def apply_changes(instance: models.Model, values: dict[str, Any]) -> dict[str, list[Any]]:
    """Set the given fields on instance; return {field: [old, new]} for those that changed."""
    changes: dict[str, list[Any]] = {}
    for field, new in values.items():
        old = getattr(instance, field)
        if old != new:
            changes[field] = [_plain(old), _plain(new)]
            setattr(instance, field, new)
    return changes


def audit_record(
    *,
    actor: Any,
    action: str,
    obj: models.Model | None,
    unit: Any = None,
    changes: dict[str, Any] | None = None,
    object_type: str = "",
    object_repr: str = "",
) -> AuditEvent:
    """Record who did what to which object in which unit, with the changed fields.

    obj may be None for an action on many rows (an import, a territory sync): then give
    object_type and object_repr, and put the counts in changes.
    """
    is_user = actor is not None and getattr(actor, "is_authenticated", False)
    return AuditEvent.objects.create(
        actor=actor if is_user else None,
        actor_label=(actor.get_username() if is_user else "hệ thống")[:150],
        action=action,
        object_type=obj._meta.label_lower if obj is not None else object_type,
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=(str(obj) if obj is not None else object_repr)[:255],
        unit=unit,
        unit_path=getattr(unit, "path", "") or "",
        changes={
            key: [_plain(v) for v in pair] if isinstance(pair, list | tuple) else _plain(pair)
            for key, pair in (changes or {}).items()
        },
    )
