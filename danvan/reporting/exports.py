"""The reporting lists in Excel (danvan.core.export): the submissions, a rollup by child unit,
the completeness by child unit, and the indicators and forms."""

from typing import Any

from django.utils.translation import gettext as _

from danvan.core.export import BOOLEAN, DATETIME, DECIMAL, INTEGER, MONEY, PERCENT, TEXT, Column, SheetTable
from danvan.reporting.models import Indicator, ReportForm, Submission, ValueType

VALUE_KINDS = {
    ValueType.INTEGER: INTEGER,
    ValueType.DECIMAL: DECIMAL,
    ValueType.PERCENT: PERCENT,
    ValueType.MONEY: MONEY,
    ValueType.BOOLEAN: BOOLEAN,
    ValueType.TEXT: TEXT,
}


def submission_columns() -> list[Column]:
    return [
        Column(_("Báo cáo"), width=40),
        Column(_("Đơn vị"), width=30),
        Column(_("Mã đơn vị"), width=10),
        Column(_("Kỳ"), width=22),
        Column(_("Trạng thái"), width=16),
        Column(_("Nộp muộn"), BOOLEAN, 10),
        Column(_("Nộp lúc"), DATETIME, 18),
    ]


def submission_row(s: Submission) -> list[Any]:
    return [
        s.form.name,
        s.unit.name,
        s.unit.code,
        s.period.label,
        s.get_status_display(),
        s.was_late,
        s.submitted_at,
    ]


def rollup_columns(indicator: Indicator) -> list[Column]:
    measure = (
        "" if indicator.value_type in (ValueType.MONEY, ValueType.PERCENT) else indicator.unit_of_measure
    )
    header = f"{indicator.name} ({measure})" if measure else indicator.name
    return [
        Column(_("Đơn vị"), width=34),
        Column(_("Mã đơn vị"), width=10),
        Column(header, VALUE_KINDS.get(ValueType(indicator.value_type), DECIMAL), 24),
        Column(_("Số báo cáo được tính"), INTEGER, 14),
    ]


def figure_row(figure: Any) -> list[Any]:
    return [figure.name, figure.code, figure.value, figure.count]


def completeness_columns() -> list[Column]:
    return [
        Column(_("Đơn vị"), width=34),
        Column(_("Mã đơn vị"), width=10),
        *(Column(h, INTEGER, 11) for h in (_("Phải nộp"), _("Đã nộp"), _("Đã duyệt"))),
        *(Column(h, INTEGER, 11) for h in (_("Đúng hạn"), _("Muộn"), _("Còn thiếu"))),
        Column(_("Tỷ lệ"), PERCENT, 10),
    ]


def completeness_row(c: Any) -> list[Any]:
    return [c.name, c.code, c.expected, c.submitted, c.approved, c.on_time, c.late, c.missing, c.rate]


def catalogue_tables(forms: list[ReportForm], indicators: list[Indicator]) -> list[SheetTable]:
    form_rows = [
        [f.code, f.name, f.get_level_display(), f.periodicity, f.deadline_days, f.counts_in_rollups]
        for f in forms
    ]
    indicator_rows = [
        [i.code, i.name, i.unit_of_measure, i.get_value_type_display(), i.get_aggregation_display(), i.source]
        for i in indicators
    ]
    return [
        SheetTable(
            _("Mẫu báo cáo"),
            [
                Column(_("Mã"), width=16),
                Column(_("Tên"), width=44),
                Column(_("Cấp"), width=14),
                Column(_("Kỳ"), width=14),
                Column(_("Hạn nộp (ngày sau kỳ)"), INTEGER, 14),
                Column(_("Cộng dồn lên cấp trên"), BOOLEAN, 14),
            ],
            form_rows,
        ),
        SheetTable(
            _("Chỉ tiêu"),
            [
                Column(_("Mã"), width=16),
                Column(_("Tên chỉ tiêu"), width=44),
                Column(_("Đơn vị tính"), width=14),
                Column(_("Kiểu"), width=14),
                Column(_("Cách tổng hợp"), width=14),
                Column(_("Nguồn tự động"), width=14),
            ],
            indicator_rows,
        ),
    ]
