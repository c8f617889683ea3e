"""The list of imported texts in Excel (danvan.core.export): the user's own, as the page lists them."""

from typing import Any

from django.utils.translation import gettext as _

from danvan.core.export import DATETIME, Column
from danvan.extraction.models import ImportedText


def import_columns() -> list[Column]:
    return [
        Column(_("Tệp"), width=40),
        Column(_("Loại"), width=10),
        Column(_("Trạng thái"), width=28),
        Column(_("Nhập lúc"), DATETIME, 18),
        Column(_("Xác nhận lúc"), DATETIME, 18),
    ]


def import_row(t: ImportedText) -> list[Any]:
    return [
        t.file_name or _("(văn bản dán vào)"),
        t.kind,
        t.get_status_display(),
        t.created_at,
        t.confirmed_at,
    ]
