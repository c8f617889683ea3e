"""Citizen reception: a schedule per head, planned sessions, the record of each session held."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.accounts.scope import UserScope
from danvan.audit.services import audit_record
from danvan.core.errors import Conflict
from danvan.meetings.models import ReceptionCase, ReceptionSchedule, ReceptionSession, SessionStatus
from danvan.meetings.services.common import Errors, check_writer, fail
from danvan.orgs.models import Organization, Person
from danvan.territory.models import Level, Unit

# Quy định 11-QĐi/TW as the domain states it: commune heads 2 days a month, provincial heads 1.
MIN_DAYS = {Level.COMMUNE: 2, Level.PROVINCE: 1}


def required_days(unit: Unit) -> int:
    return MIN_DAYS.get(Level(unit.level), 1)


@transaction.atomic
def reception_schedule_create(
    *,
    actor: Any,
    scope: UserScope,
    head: Person,
    head_title: str,
    organization: Organization,
    published_time: str,
    place: str,
    min_days_per_month: int | None = None,
) -> ReceptionSchedule:
    unit = organization.unit
    check_writer(scope, unit)
    floor = required_days(unit)
    errors: Errors = {}
    if not head_title.strip():
        errors["head_title"] = [_("Cần ghi chức vụ của người đứng đầu.")]
    if not published_time.strip():
        errors["published_time"] = [_("Cần ghi thời gian tiếp dân đã công bố.")]
    if not place.strip():
        errors["place"] = [_("Cần ghi địa điểm tiếp dân.")]
    if min_days_per_month is not None and min_days_per_month < floor:
        errors["min_days_per_month"] = [
            _("Người đứng đầu cấp ủy ở cấp này tiếp dân ít nhất %(n)s ngày mỗi tháng.") % {"n": floor}
        ]
    fail(errors, _("Lịch tiếp công dân chưa hợp lệ."))
    schedule = ReceptionSchedule.objects.create(
        head=head,
        head_title=head_title.strip(),
        organization=organization,
        unit=unit,
        unit_path=unit.path,
        published_time=published_time.strip(),
        place=place.strip(),
        min_days_per_month=min_days_per_month or floor,
    )
    audit_record(
        actor=actor,
        action="reception.schedule_create",
        obj=schedule,
        unit=unit,
        changes={"head": [None, head.full_name]},
    )
    return schedule


@transaction.atomic
def reception_session_plan(
    *,
    actor: Any,
    schedule: ReceptionSchedule,
    day: dt.date,
    starts: dt.time,
    ends: dt.time,
    place: str = "",
) -> ReceptionSession:
    errors: Errors = {}
    if ends <= starts:
        errors["ends"] = [_("Giờ kết thúc phải sau giờ bắt đầu.")]
    if ReceptionSession.objects.filter(schedule=schedule, day=day).exists():
        errors["day"] = [_("Ngày %(d)s đã có buổi tiếp dân trong lịch này.") % {"d": f"{day:%d/%m/%Y}"}]
    fail(errors, _("Buổi tiếp dân chưa hợp lệ."))
    session = ReceptionSession.objects.create(
        schedule=schedule,
        unit_path=schedule.unit_path,
        day=day,
        starts=starts,
        ends=ends,
        place=place.strip() or schedule.place,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    audit_record(
        actor=actor,
        action="reception.session_plan",
        obj=session,
        unit=schedule.unit,
        changes={"day": [None, day]},
    )
    return session


@dataclass
class CaseSpec:
    visitor: str
    subject: str
    followup: str = ""


@transaction.atomic
def reception_session_record(
    *, actor: Any, session: ReceptionSession, citizens: int, summary: str, cases: Sequence[CaseSpec] = ()
) -> ReceptionSession:
    """Record a session held: how many came, about what, and what follows."""
    locked = (
        ReceptionSession.objects.select_for_update(of=("self",))
        .select_related("schedule__unit")
        .get(pk=session.pk)
    )
    if locked.status != SessionStatus.PLANNED:
        raise Conflict("session_state", _("Buổi tiếp dân đã được ghi nhận hoặc đã hủy."))
    if locked.day > timezone.localdate():
        raise Conflict("session_not_yet", _("Buổi tiếp dân chưa diễn ra."))
    errors: Errors = {}
    if citizens < 0:
        errors["citizens"] = [_("Số lượt công dân không được âm.")]
    for index, case in enumerate(cases):
        if not case.visitor.strip() or not case.subject.strip():
            errors[f"cases.{index}"] = [_("Mỗi lượt tiếp cần họ tên công dân và nội dung.")]
    fail(errors, _("Ghi chép buổi tiếp dân chưa hợp lệ."))
    locked.status, locked.citizens, locked.summary = (
        SessionStatus.HELD,
        max(citizens, len(cases)),
        summary.strip(),
    )
    locked.save(update_fields=["status", "citizens", "summary"])
    ReceptionCase.objects.bulk_create(
        ReceptionCase(
            session=locked, visitor=c.visitor.strip(), subject=c.subject.strip(), followup=c.followup.strip()
        )
        for c in cases
    )
    audit_record(
        actor=actor,
        action="reception.session_record",
        obj=locked,
        unit=locked.schedule.unit,
        changes={"citizens": locked.citizens},
    )
    return locked


@transaction.atomic
def reception_session_cancel(*, actor: Any, session: ReceptionSession, reason: str) -> ReceptionSession:
    if session.status != SessionStatus.PLANNED:
        raise Conflict("session_state", _("Buổi tiếp dân đã được ghi nhận hoặc đã hủy."))
    if not reason.strip():
        fail({"reason": [_("Cần ghi lý do hủy, hoãn.")]})
    session.status = SessionStatus.CANCELLED
    session.summary = reason.strip()
    session.save(update_fields=["status", "summary"])
    audit_record(
        actor=actor,
        action="reception.session_cancel",
        obj=session,
        unit=session.schedule.unit,
        changes={"reason": reason.strip()},
    )
    return session
