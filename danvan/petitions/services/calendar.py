"""The admins' writes to the working calendar. Deadlines already computed stay as they are
(they were right on the calendar known then); new steps use the new calendar."""

import datetime as dt
from typing import Any

from django.db import transaction

from danvan.audit.services import audit_record
from danvan.core.errors import InvalidInput
from danvan.petitions.models import Holiday


@transaction.atomic
def holiday_add(*, actor: Any, day: dt.date, kind: str, name: str) -> Holiday:
    if kind not in Holiday.Kind.values:
        raise InvalidInput("invalid_holiday", "Loại ngày không hợp lệ.", errors={"kind": ["Không hợp lệ."]})
    if not name.strip():
        raise InvalidInput("invalid_holiday", "Cần ghi tên ngày nghỉ.", errors={"name": ["Bắt buộc."]})
    weekend = day.weekday() >= 5
    if kind == Holiday.Kind.MAKEUP and not weekend:
        raise InvalidInput(
            "invalid_holiday",
            "Ngày làm bù phải là thứ Bảy hoặc Chủ nhật.",
            errors={"date": ["Không phải cuối tuần."]},
        )
    if Holiday.objects.filter(date=day).exists():
        raise InvalidInput("duplicate_holiday", "Ngày này đã có trong lịch.", errors={"date": ["Đã có."]})
    holiday = Holiday.objects.create(date=day, kind=kind, name=name.strip())
    audit_record(
        actor=actor,
        action="petition.calendar_add",
        obj=holiday,
        changes={"date": [None, day], "kind": [None, kind]},
    )
    return holiday


@transaction.atomic
def holiday_remove(*, actor: Any, holiday: Holiday) -> None:
    audit_record(
        actor=actor,
        action="petition.calendar_remove",
        obj=holiday,
        changes={"date": [holiday.date, None], "kind": [holiday.kind, None]},
    )
    holiday.delete()
