"""Report values entered from an imported text (the extraction app's confirmed review).

The figures go into the unit's submission of the chosen form and period, opened (with its
pre-filled figures) if it does not exist yet, as values still being entered: nothing is submitted.
Each value entered carries the import as its reason, so a figure the system had pre-filled keeps
both numbers and says where the other came from. A submitted or approved report is refused, and
so is a figure the form does not hold: the whole import then saves nothing.

Imports bring history in, often for units merged in 2025: the writer's reach is checked with the
unit's history (a grant on today's province covers its former districts).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction

from danvan.accounts.models import Role
from danvan.accounts.scope import UserScope
from danvan.audit.services import audit_record
from danvan.core.errors import Conflict, InvalidInput, PermissionDenied
from danvan.core.periods import Period
from danvan.reporting.models import ReportForm, Submission, SubmissionEvent, Value
from danvan.reporting.services.submissions import EDITABLE, _create, check_form_applies, parse_value
from danvan.territory.models import Unit


@dataclass(frozen=True)
class ImportedValue:
    indicator: str  # indicator code
    category: str
    number: Decimal


def _submission(*, actor: Any, form: ReportForm, unit: Unit, period: Period) -> Submission:
    found = Submission.objects.select_for_update().filter(form=form, unit=unit, period_code=period.code)
    submission = found.first() or _create(actor=actor, form=form, unit=unit, period=period)
    if submission.status not in EDITABLE:
        raise Conflict(
            "report_locked",
            f"Báo cáo «{form.name}» {period.label} của {unit.name} đang ở trạng thái "
            f"«{submission.get_status_display()}»: không nhập thêm số liệu được.",
        )
    return submission


def _apply(value: Value, number: Decimal, reason: str, actor: Any) -> tuple[str, str]:
    if value.indicator.is_derived:
        raise InvalidInput("derived", f"«{value.indicator.name}» được tính tự động, không nhập.")
    checked, _text = parse_value(value.indicator, number)
    before = str(value.number) if value.number is not None else ""
    value.number = checked
    if value.computed is not None and checked != value.computed:
        value.override_reason = reason[:500]
    value.version += 1
    value.updated_by = actor if getattr(actor, "is_authenticated", False) else None
    value.save(update_fields=["number", "override_reason", "version", "updated_by", "updated_at"])
    return before, str(checked)


@transaction.atomic
def report_values_import(
    *,
    actor: Any,
    scope: UserScope,
    form: ReportForm,
    unit: Unit,
    period: Period,
    values: Sequence[ImportedValue],
    reason: str,
) -> Submission:
    """Enter the values in the submission of (form, unit, period); it stays unsubmitted."""
    if not scope.covers(unit, Role.REPORTER, history=True):
        raise PermissionDenied("Chỉ người nhập liệu của đơn vị mới nhập được số liệu báo cáo này.")
    check_form_applies(form=form, unit=unit, period=period)
    submission = _submission(actor=actor, form=form, unit=unit, period=period)
    rows = {
        (v.indicator.code, v.category): v
        for v in submission.values.select_related("indicator").select_for_update(of=("self",))
    }
    changes = {}
    for item in values:
        row = rows.get((item.indicator, item.category))
        if row is None:
            raise InvalidInput(
                "not_in_form", f"Mẫu «{form.name}» không có chỉ tiêu {item.indicator} để nhập số liệu."
            )
        changes[f"{item.indicator}/{item.category}".rstrip("/")] = list(
            _apply(row, item.number, reason, actor)
        )
    SubmissionEvent.objects.create(submission=submission, action="imported", actor=actor, note=reason[:500])
    audit_record(actor=actor, action="report.import", obj=submission, unit=unit, changes=changes)
    return submission
