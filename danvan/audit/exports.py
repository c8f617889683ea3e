"""The audit log in Excel (danvan.core.export), for the administrators who see the page."""

import json
from typing import Any

from django.utils.translation import gettext as _

from danvan.audit.models import AuditEvent
from danvan.core.export import DATETIME, Column


def event_columns() -> list[Column]:
    return [
        Column(_("Thời điểm"), DATETIME, 18),
        Column(_("Người thực hiện"), width=20, personal="audit.AuditEvent.actor_label"),
        Column(_("Thao tác"), width=26),
        Column(_("Loại đối tượng"), width=22),
        Column(_("Mã đối tượng"), width=12),
        Column(_("Đối tượng"), width=40, personal="audit.AuditEvent.object_repr"),
        Column(_("Đơn vị"), width=28),
        Column(_("Thay đổi"), width=60, personal="audit.AuditEvent.changes"),
    ]


def event_row(e: AuditEvent) -> list[Any]:
    changes = json.dumps(e.changes, ensure_ascii=False) if e.changes else ""
    unit = e.unit.name if e.unit_id and e.unit else ""
    return [e.at, e.actor_label, e.action, e.object_type, e.object_id, e.object_repr, unit, changes]
