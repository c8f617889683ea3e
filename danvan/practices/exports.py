"""The registry's list and statistics in Excel, through the one export of danvan.core.export."""

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core.export import DATE, INTEGER, MONEY, PERCENT, Column, SheetTable, Typed
from danvan.practices.models import Practice
from danvan.practices.reports import Figure, Table


def list_columns() -> list[Column]:
    return [
        Column(_("Tên mô hình, điển hình"), width=48),
        Column(_("Loại"), width=12),
        Column(_("Lĩnh vực"), width=24),
        Column(_("Cấp"), width=14),
        Column(_("Địa bàn"), width=28),
        Column(_("Mã đơn vị"), width=10),
        Column(_("Tổ chức đăng ký"), width=30),
        Column(_("Năm"), width=8),
        Column(_("Trạng thái"), width=20),
        Column(_("Kinh phí (đồng)"), MONEY, 18),
        Column(_("Ngày công"), INTEGER, 12),
        Column(_("Ngày bắt đầu"), DATE, 14),
        Column(_("Ngày đánh giá dự kiến"), DATE, 14),
        Column(_("Ngày đăng ký"), DATE, 14),
        Column(_("Nhân rộng từ mô hình số"), width=14),
    ]


def practice_row(p: Practice) -> list[Any]:
    registered = timezone.localtime(p.registered_at).date() if p.registered_at else None
    return [
        p.name,
        p.get_kind_display(),
        p.field.name,
        p.unit.get_level_display(),
        p.unit.name,
        p.unit.code,
        p.organization.name if p.organization else "",
        p.year,
        p.get_status_display(),
        p.budget,
        p.workdays,
        p.start_date,
        p.evaluation_date,
        registered,
        p.source_id,
    ]


def stats_sheet_tables(figures: list[Figure], tables: list[Table]) -> list[SheetTable]:
    """The summary figures (counts and percentages), then each table of the statistics page."""
    summary = SheetTable(
        _("Tổng hợp"),
        [Column(_("Chỉ tiêu"), width=52), Column(_("Số liệu"), INTEGER, 16)],
        [[f.label, Typed(f.value, PERCENT) if f.percent else f.value] for f in figures],
    )
    details = [
        SheetTable(
            table.title,
            [Column(table.headers[0], width=40), *(Column(h, INTEGER, 18) for h in table.headers[1:])],
            table.rows,
            total_row=table.has_total,
        )
        for table in tables
    ]
    return [summary, *details]


def round_columns() -> list[Column]:
    return [
        Column(_("Đợt bình xét"), width=44),
        Column(_("Đơn vị"), width=28),
        Column(_("Năm"), width=8),
        Column(_("Số mô hình"), INTEGER, 12),
        Column(_("Tình trạng"), width=16),
    ]


def round_row(r: Any) -> list[Any]:
    return [r.title, r.unit.name, r.year, r.n_items, r.get_state_display()]
