"""Excel export of petition lists, through the one export of danvan.core.export.

No sender's name, phone, e-mail or address is ever written, whatever the user's rights: exports
travel by e-mail and USB sticks, and a denouncer's identity is protected by law.
"""

from typing import Any

from django.utils.translation import gettext as _

from danvan.core.export import BOOLEAN, DATE, Column
from danvan.petitions.models import Petition


def list_columns() -> list[Column]:
    return [
        Column(_("Mã theo dõi"), width=14),
        Column(_("Loại"), width=14),
        Column(_("Kênh"), width=16),
        Column(_("Lĩnh vực"), width=20),
        Column(_("Địa bàn"), width=24),
        Column(_("Tóm tắt"), width=48),
        Column(_("Trạng thái"), width=18),
        Column(_("Ngày tiếp nhận"), DATE, 14),
        Column(_("Hạn hiện tại"), DATE, 14),
        Column(_("Hạn giải quyết"), DATE, 14),
        Column(_("Ngày trả lời"), DATE, 14),
        Column(_("Đúng hạn"), BOOLEAN, 10),
        Column(_("Cơ quan xử lý"), width=30),
    ]


def petition_row(p: Petition) -> list[Any]:
    return [
        p.tracking_code,
        p.get_kind_display(),
        p.get_channel_display(),
        p.topic.name,
        p.unit.name,
        p.title,
        p.get_status_display(),
        p.received_on,
        p.due_on,
        p.resolve_due,
        p.answered_on,
        p.on_time,
        p.organization.name if p.organization else p.external_body,
    ]
