"""The offline path: a submission as an Excel file pre-filled with what is known, and back.

One sheet: a row per value (code, category, name, unit, the system's figure, the value, the
reason for overriding, a comment) and a row per narrative section ("LOI_VAN:<code>"). Uploading
checks every row first; one wrong row saves nothing and the message names each row.
"""

import io
from typing import Any

from django.db import transaction
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from danvan.accounts.scope import UserScope
from danvan.core.errors import DomainError
from danvan.core.excel import RowErrors, read_rows, safe_text
from danvan.reporting.models import Submission, Value, ValueType
from danvan.reporting.services.submissions import _check_editable, narrative_save, parse_value, value_save

COLUMNS = {
    "code": "Mã chỉ tiêu",
    "category": "Phân tổ",
    "name": "Tên chỉ tiêu",
    "unit": "Đơn vị tính",
    "computed": "Số hệ thống tính",
    "value": "Số liệu",
    "reason": "Lý do sửa số tự động",
    "comment": "Ghi chú",
}
NARRATIVE = "LOI_VAN:"
_LOCKED = PatternFill("solid", fgColor="EEEEEE")


def _cell(value: Value) -> Any:
    if value.indicator.value_type == ValueType.TEXT:
        return safe_text(value.text)
    if value.number is None:
        return None
    return (
        float(value.number)
        if value.indicator.value_type in (ValueType.DECIMAL, ValueType.PERCENT)
        else int(value.number)
    )


def submission_workbook(submission: Submission) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Báo cáo"
    sheet.append(list(COLUMNS.values()))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    values = submission.values.select_related("indicator").order_by("indicator__code", "category")
    for value in values:
        indicator = value.indicator
        sheet.append(
            [
                indicator.code,
                value.category or None,
                safe_text(indicator.name),
                indicator.unit_of_measure,
                None if value.computed is None else float(value.computed),
                _cell(value),
                safe_text(value.override_reason),
                safe_text(value.comment),
            ]
        )
        if indicator.is_derived:
            for cell in sheet[sheet.max_row]:
                cell.fill = _LOCKED
    for section in submission.form.sections:
        sheet.append(
            [
                NARRATIVE + section["code"],
                None,
                safe_text(section["title"]),
                None,
                None,
                safe_text(submission.narrative.get(section["code"], "")),
                None,
                None,
            ]
        )
        sheet.cell(sheet.max_row, 6).alignment = Alignment(wrap_text=True, vertical="top")
    for column, width in zip("ABCDEFGH", (22, 12, 60, 12, 16, 40, 30, 30), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def submission_import(*, actor: Any, scope: UserScope, submission: Submission, data: bytes) -> int:
    """Check every row, then save all in one transaction; returns the number of values changed."""
    _check_editable(scope, submission)
    values = {(v.indicator.code, v.category): v for v in submission.values.select_related("indicator")}
    sections = {s["code"] for s in submission.form.sections}
    errors = RowErrors()
    planned: list[tuple[Value, Any, str, str]] = []
    narrative: dict[str, str] = {}
    for row in read_rows(data, COLUMNS):
        code = str(row.values["code"] or "")
        if code.startswith(NARRATIVE):
            section = code.removeprefix(NARRATIVE)
            if section not in sections:
                errors.add(row.number, f"Không có mục lời văn «{section}» trong mẫu báo cáo.")
            else:
                narrative[section] = str(row.values["value"] or "")
            continue
        _plan_value(row, values, errors, planned)
    errors.raise_if_any()
    changed = 0
    with transaction.atomic():
        for value, raw, reason, comment in planned:
            value_save(
                actor=actor, scope=scope, value=value, raw=raw, version=None, reason=reason, comment=comment
            )
            changed += 1
        current = {c: t for c, t in narrative.items() if t.strip() != submission.narrative.get(c, "")}
        if current:
            narrative_save(actor=actor, scope=scope, submission=submission, sections=current)
    return changed


def _plan_value(
    row: Any, values: dict[tuple[str, str], Value], errors: RowErrors, planned: list[Any]
) -> None:
    code, category = str(row.values["code"] or ""), str(row.values["category"] or "")
    value = values.get((code, category))
    if value is None:
        errors.add(
            row.number, f"Không có chỉ tiêu «{code}»{' / ' + category if category else ''} trong báo cáo."
        )
        return
    if value.indicator.is_derived:
        return
    raw, reason = row.values["value"], str(row.values["reason"] or "")
    comment = str(row.values["comment"] or "")
    try:
        number, text = parse_value(value.indicator, raw)
    except DomainError as exc:
        errors.add(row.number, exc.message)
        return
    same = (
        number == value.number if value.indicator.is_numeric else text == value.text
    ) and comment == value.comment
    if same:
        return
    if value.computed is not None and number != value.computed and not (reason or value.override_reason):
        errors.add(row.number, f"«{value.indicator.name}» do hệ thống tính; muốn sửa thì ghi lý do ở cột G.")
        return
    planned.append((value, raw, reason, comment))
