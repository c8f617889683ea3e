"""Excel export of petition lists. No sender's name, phone, e-mail or address is ever written:
exports travel by e-mail and USB sticks, and a denouncer's identity is protected by law."""

from io import BytesIO
from typing import Any

from openpyxl import Workbook

from danvan.core.excel import safe_text
from danvan.petitions.models import Petition

COLUMNS = [
    "Mã theo dõi",
    "Loại",
    "Kênh",
    "Lĩnh vực",
    "Địa bàn",
    "Tóm tắt",
    "Trạng thái",
    "Ngày tiếp nhận",
    "Hạn hiện tại",
    "Hạn giải quyết",
    "Ngày trả lời",
    "Đúng hạn",
    "Cơ quan xử lý",
]


def _row(p: Petition) -> list[Any]:
    on_time = "" if p.on_time is None else ("Có" if p.on_time else "Không")
    return [
        p.tracking_code,
        p.get_kind_display(),
        p.get_channel_display(),
        p.topic.name,
        p.unit.name,
        safe_text(p.title),
        p.get_status_display(),
        p.received_on,
        p.due_on,
        p.resolve_due,
        p.answered_on,
        on_time,
        p.organization.name if p.organization else p.external_body,
    ]


def petitions_workbook(rows: Any) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Ý kiến, đơn thư")
    sheet.append(COLUMNS)
    for petition in rows.iterator(chunk_size=500) if hasattr(rows, "iterator") else rows:
        sheet.append(_row(petition))
    out = BytesIO()
    book.save(out)
    return out.getvalue()
