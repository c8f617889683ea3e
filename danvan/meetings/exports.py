"""The meetings app's lists in Excel (danvan.core.export): meetings, tasks, directives,
supervisions, citizen-reception sessions."""

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core.export import DATE, DATETIME, INTEGER, PERCENT, Column
from danvan.meetings.models import Directive, Meeting, ReceptionSession, Supervision, Task


def meeting_columns() -> list[Column]:
    return [
        Column(_("Tên hội nghị"), width=48),
        Column(_("Loại"), width=16),
        Column(_("Đơn vị"), width=26),
        Column(_("Bắt đầu"), DATETIME, 18),
        Column(_("Địa điểm"), width=28),
        Column(_("Chủ trì"), width=26, personal="orgs.Person.full_name"),
        Column(_("Trạng thái"), width=22),
        Column(_("Kỳ"), width=10),
    ]


def meeting_row(m: Meeting) -> list[Any]:
    chair = m.chair.full_name if m.chair_id and m.chair else ""
    return [
        m.title,
        m.get_kind_display(),
        m.unit.name,
        m.starts_at,
        m.place,
        chair,
        m.get_status_display(),
        m.period,
    ]


def task_columns() -> list[Column]:
    return [
        Column(_("Nhiệm vụ"), width=48),
        Column(_("Cơ quan chủ trì"), width=32),
        Column(_("Cơ quan giao"), width=32),
        Column(_("Hạn hoàn thành"), DATE, 14),
        Column(_("Trạng thái"), width=16),
        Column(_("Tiến độ"), PERCENT, 10),
        Column(_("Quá hạn"), width=10),
        Column(_("Ngày hoàn thành"), DATE, 14),
    ]


def task_row(t: Task) -> list[Any]:
    late = _("Quá hạn") if t.is_overdue(timezone.localdate()) else ""
    assigner = t.assigner.name if t.assigner_id and t.assigner else ""
    return [t.title, t.owner.name, assigner, t.deadline, t.get_status_display(), t.progress, late, t.done_on]


def directive_columns() -> list[Column]:
    return [
        Column(_("Số, ký hiệu"), width=18),
        Column(_("Ngày ban hành"), DATE, 14),
        Column(_("Loại"), width=24),
        Column(_("Trích yếu"), width=60),
        Column(_("Cơ quan ban hành"), width=32),
    ]


def directive_row(d: Directive) -> list[Any]:
    return [d.reference, d.issued_on, d.get_kind_display(), d.title, d.issuer.name]


def supervision_columns() -> list[Column]:
    return [
        Column(_("Nội dung"), width=48),
        Column(_("Hình thức"), width=18),
        Column(_("Cơ quan chủ trì"), width=32),
        Column(_("Đối tượng giám sát"), width=32),
        Column(_("Từ ngày"), DATE, 13),
        Column(_("Đến ngày"), DATE, 13),
    ]


def supervision_row(s: Supervision) -> list[Any]:
    body = s.supervised_body.name if s.supervised_body_id and s.supervised_body else s.supervised_name
    return [s.subject, s.get_kind_display(), s.organization.name, body, s.starts_on, s.ends_on]


def session_columns() -> list[Column]:
    return [
        Column(_("Ngày tiếp"), DATE, 13),
        Column(_("Từ"), width=8),
        Column(_("Đến"), width=8),
        Column(_("Người tiếp"), width=28, personal="orgs.Person.full_name"),
        Column(_("Chức vụ"), width=30),
        Column(_("Địa điểm"), width=30),
        Column(_("Trạng thái"), width=14),
        Column(_("Số lượt công dân"), INTEGER, 12),
    ]


def session_row(s: ReceptionSession) -> list[Any]:
    schedule = s.schedule
    place = s.place or schedule.place
    return [
        s.day,
        s.starts.strftime("%H:%M"),
        s.ends.strftime("%H:%M"),
        schedule.head.full_name,
        schedule.head_title,
        place,
        s.get_status_display(),
        s.citizens,
    ]
