"""Scheduling a meeting, recording who attended (with the post held that day), holding it,
cancelling it, and closing it with minutes, conclusions, an optional numbered notice and tasks.

Closing is all or nothing: one wrong task (a deadline before the meeting, an owner outside the
assigner's reach) refuses the whole closing and nothing is saved.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.accounts.scope import UserScope
from danvan.audit.services import audit_record
from danvan.core.errors import Conflict, DomainError
from danvan.core.periods import Period
from danvan.meetings.models import (
    Attendee,
    Directive,
    DirectiveKind,
    DirectiveStyle,
    Meeting,
    MeetingKind,
    Task,
)
from danvan.meetings.models import MeetingStatus as S
from danvan.meetings.services.common import Errors, check_writer, fail, in_subtree
from danvan.meetings.services.directives import directive_create
from danvan.meetings.services.tasks import TaskSpec, build_task, check_spec
from danvan.orgs.models import Organization, Person, Position
from danvan.orgs.selectors import positions_on
from danvan.territory.models import Unit

FRONT_KIND = "mttq"


def title_on(person: Person, day: dt.date) -> str:
    """The posts the person held on the day, joined: "Phó Bí thư Thường trực Thành ủy, Chủ tịch HĐND"."""
    held = positions_on(Position.objects.filter(person=person), day)
    return "; ".join(f"{p.title}, {p.organization.name}" for p in held)[:300]


def _check_schedule(
    unit: Unit,
    kind: str,
    title: str,
    starts_at: dt.datetime,
    ends_at: dt.datetime | None,
    organizers: Sequence[Organization],
    period: str,
) -> Errors:
    errors: Errors = {}
    if kind not in MeetingKind.values:
        errors["kind"] = [_("Chọn loại hội nghị.")]
    if not title.strip():
        errors["title"] = [_("Cần nhập tên hội nghị.")]
    if ends_at is not None and ends_at <= starts_at:
        errors["ends_at"] = [_("Giờ kết thúc phải sau giờ bắt đầu.")]
    if not organizers:
        errors["organizers"] = [_("Cần chọn ít nhất một cơ quan tổ chức.")]
    outside = [o.name for o in organizers if not in_subtree(o.unit.path, unit.path)]
    if outside:
        errors["organizers"] = [
            _("Cơ quan tổ chức phải thuộc đơn vị: %(names)s.") % {"names": ", ".join(outside)}
        ]
    if kind == MeetingKind.DIALOGUE and organizers and not any(o.kind.code == FRONT_KIND for o in organizers):
        errors["organizers"] = [_("Đối thoại được tổ chức cùng Ủy ban MTTQ: hãy chọn thêm Ủy ban MTTQ.")]
    if period:
        try:
            Period.parse(period)
        except DomainError as exc:
            errors["period"] = [exc.message]
    return errors


@transaction.atomic
def meeting_schedule(
    *,
    actor: Any,
    scope: UserScope,
    unit: Unit,
    kind: str,
    title: str,
    starts_at: dt.datetime,
    organizers: Sequence[Organization],
    ends_at: dt.datetime | None = None,
    place: str = "",
    chair: Person | None = None,
    chair_title: str = "",
    agenda: str = "",
    period: str = "",
    directive: Directive | None = None,
    report_heard: str = "",
) -> Meeting:
    check_writer(scope, unit)
    fail(
        _check_schedule(unit, kind, title, starts_at, ends_at, organizers, period),
        _("Thông tin hội nghị chưa hợp lệ."),
    )
    day = timezone.localtime(starts_at).date()
    meeting = Meeting.objects.create(
        kind=kind,
        title=title.strip(),
        unit=unit,
        unit_path=unit.path,
        period=Period.parse(period).code if period else "",
        starts_at=starts_at,
        ends_at=ends_at,
        place=place.strip(),
        chair=chair,
        chair_title=(chair_title.strip() or (title_on(chair, day) if chair else ""))[:300],
        agenda=agenda.strip(),
        directive=directive,
        report_heard=report_heard.strip(),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    meeting.organizers.set(organizers)
    audit_record(
        actor=actor,
        action="meeting.schedule",
        obj=meeting,
        unit=unit,
        changes={"kind": [None, kind], "title": [None, meeting.title], "starts_at": [None, starts_at]},
    )
    return meeting


def meeting_day(meeting: Meeting) -> dt.date:
    return timezone.localtime(meeting.starts_at).date()


def _lock(meeting: Meeting, *allowed: str) -> Meeting:
    locked = Meeting.objects.select_for_update(of=("self",)).select_related("unit").get(pk=meeting.pk)
    if locked.status not in allowed:
        raise Conflict(
            "meeting_state",
            _("Hội nghị đang ở trạng thái «%(s)s», không làm được thao tác này.")
            % {"s": locked.get_status_display()},
        )
    return locked


@transaction.atomic
def attendee_add(
    *,
    actor: Any,
    meeting: Meeting,
    person: Person | None = None,
    name: str = "",
    title: str = "",
    organization: Organization | None = None,
    present: bool = True,
) -> Attendee:
    """Add an attendee; a person's title defaults to the posts held on the meeting's day."""
    locked = _lock(meeting, S.SCHEDULED, S.HELD, S.CLOSED)
    if person is None and not name.strip() and organization is None:
        fail({"person": [_("Chọn cán bộ, nhập họ tên hoặc chọn cơ quan tham dự.")]})
    title = title.strip() or (title_on(person, meeting_day(locked)) if person else "")
    attendee = Attendee.objects.create(
        meeting=locked,
        person=person,
        name=name.strip(),
        title=title[:300],
        organization=organization,
        present=present,
        order=locked.attendees.count(),
    )
    audit_record(
        actor=actor,
        action="meeting.attendee_add",
        obj=locked,
        unit=locked.unit,
        changes={"attendee": [None, str(attendee)]},
    )
    return attendee


def _not_in_future(meeting: Meeting) -> None:
    if meeting_day(meeting) > timezone.localdate():
        raise Conflict(
            "meeting_not_yet",
            _("Hội nghị chưa diễn ra (ngày %(d)s).") % {"d": f"{meeting_day(meeting):%d/%m/%Y}"},
        )


@transaction.atomic
def meeting_hold(
    *, actor: Any, meeting: Meeting, other_attendees: int | None = None, minutes: str = ""
) -> Meeting:
    """Record that the meeting took place (attendance, a first draft of the minutes)."""
    locked = _lock(meeting, S.SCHEDULED)
    _not_in_future(locked)
    if other_attendees is not None and other_attendees < 0:
        fail({"other_attendees": [_("Số đại biểu không được âm.")]})
    locked.status = S.HELD
    locked.other_attendees = other_attendees if other_attendees is not None else locked.other_attendees
    locked.minutes = minutes.strip() or locked.minutes
    locked.version += 1
    locked.save(update_fields=["status", "other_attendees", "minutes", "version", "updated_at"])
    audit_record(
        actor=actor,
        action="meeting.hold",
        obj=locked,
        unit=locked.unit,
        changes={"status": [S.SCHEDULED, S.HELD]},
    )
    return locked


@dataclass
class NoticeSpec:
    """The numbered "Thông báo kết luận": number empty takes the next free one."""

    issuer: Organization
    issuer_code: str
    style: str = DirectiveStyle.PARTY
    number: int | None = None
    issued_on: dt.date | None = None
    term: str = ""


def _check_close(
    locked: Meeting, conclusions: str, tasks: Sequence[TaskSpec], notice: NoticeSpec | None
) -> None:
    errors: Errors = {}
    if not conclusions.strip():
        errors["conclusions"] = [_("Cần ghi kết luận của hội nghị.")]
    day = meeting_day(locked)
    for index, spec in enumerate(tasks):
        errors |= check_spec(spec, locked.unit, day, prefix=f"tasks.{index}.")
    if notice is not None:
        if notice.issued_on is not None and notice.issued_on < day:
            errors["notice_date"] = [_("Thông báo kết luận không thể ban hành trước ngày họp.")]
        if not in_subtree(notice.issuer.unit.path, locked.unit.path):
            errors["notice_issuer"] = [_("Cơ quan ban hành thông báo phải thuộc đơn vị tổ chức hội nghị.")]
    fail(errors, _("Chưa kết thúc được hội nghị: có thông tin chưa hợp lệ."))


@transaction.atomic
def meeting_close(
    *,
    actor: Any,
    scope: UserScope,
    meeting: Meeting,
    conclusions: str,
    minutes: str = "",
    tasks: Sequence[TaskSpec] = (),
    notice: NoticeSpec | None = None,
    other_attendees: int | None = None,
    expected_version: int | None = None,
) -> Meeting:
    """Close with minutes, conclusions, an optional numbered notice and the tasks it assigns."""
    locked = _lock(meeting, S.SCHEDULED, S.HELD)
    if expected_version is not None and locked.version != expected_version:
        raise Conflict("stale_version", _("Hội nghị đã được người khác cập nhật; hãy tải lại trang."))
    _not_in_future(locked)
    _check_close(locked, conclusions, tasks, notice)
    if notice is not None:
        locked.conclusion_notice = directive_create(
            actor=actor,
            scope=scope,
            issuer=notice.issuer,
            style=notice.style,
            kind=DirectiveKind.CONCLUSION,
            type_code="TB",
            issuer_code=notice.issuer_code,
            title=_("Thông báo kết luận %(t)s") % {"t": locked.title},
            issued_on=notice.issued_on or timezone.localdate(),
            number=notice.number,
            term=notice.term,
        )
    assigner = locked.organizers.order_by("pk").first()
    Task.objects.bulk_create(
        build_task(spec, actor=actor, assigner=assigner, assigner_unit=locked.unit, meeting=locked)
        for spec in tasks
    )
    before = locked.status
    locked.status, locked.closed_at = S.CLOSED, timezone.now()
    locked.conclusions, locked.minutes = conclusions.strip(), minutes.strip() or locked.minutes
    if other_attendees is not None:
        locked.other_attendees = max(other_attendees, 0)
    locked.version += 1
    locked.save()
    audit_record(
        actor=actor,
        action="meeting.close",
        obj=locked,
        unit=locked.unit,
        changes={"status": [before, S.CLOSED], "tasks": len(tasks), "notice": locked.conclusion_notice_id},
    )
    return locked


@transaction.atomic
def meeting_cancel(*, actor: Any, meeting: Meeting, reason: str) -> Meeting:
    locked = _lock(meeting, S.SCHEDULED)
    if not reason.strip():
        fail({"reason": [_("Cần ghi lý do hủy, hoãn.")]})
    locked.status = S.CANCELLED
    locked.version += 1
    locked.save(update_fields=["status", "version", "updated_at"])
    audit_record(
        actor=actor,
        action="meeting.cancel",
        obj=locked,
        unit=locked.unit,
        changes={"status": [S.SCHEDULED, S.CANCELLED], "reason": reason.strip()},
    )
    return locked
