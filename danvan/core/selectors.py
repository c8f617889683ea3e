"""Reads for the landing page and for the page of failed background tasks."""

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from danvan.accounts.models import Role
from danvan.accounts.selectors import current_unit
from danvan.core.task_retry import max_attempts
from danvan.orgs.models import Organization, Position
from danvan.territory.models import Level, Unit


def home_summary(request: HttpRequest) -> dict[str, Any]:
    unit = current_unit(request)
    if unit is None:
        return {"unit": None}
    lo, hi = unit.subtree_bounds()
    below = Unit.objects.filter(path__gt=lo, path__lte=hi, valid_to__isnull=True)
    return {
        "unit": unit,
        "role_label": _role_label(request.scope.role_on(unit)),  # type: ignore[attr-defined]
        "communes": below.filter(level=Level.COMMUNE).count(),
        "neighbourhoods": below.filter(level=Level.NEIGHBOURHOOD).count(),
        "organizations": Organization.objects.filter(
            unit__path__gte=lo, unit__path__lte=hi, valid_to__isnull=True
        ).count(),
        # distinct ids of the post holders: DISTINCT over whole person rows, joined to every
        # position, took 180 ms for a province at national scale
        "people": Position.objects.filter(
            organization__unit__path__gte=lo, organization__unit__path__lte=hi, end_date__isnull=True
        )
        .values("person_id")
        .distinct()
        .count(),
    }


def _role_label(role: str | None) -> str:
    return Role(role).label if role else ""


# failed background tasks -------------------------------------------------------------------
TASK_LABELS = {
    "danvan.documents.tasks.generate_document": "Tạo văn bản",
    "danvan.extraction.tasks.import_batch": "Trích xuất gói văn bản",
    "danvan.meetings.tasks.send_task_reminders": "Nhắc hạn nhiệm vụ",
    "danvan.petitions.tasks.petition_reminders": "Nhắc hạn, chuyển cấp ý kiến, đơn thư",
    "danvan.petitions.tasks.notify_citizen": "Báo tình trạng vụ việc cho người gửi",
    "danvan.reporting.tasks.send_report_reminders": "Nhắc hạn báo cáo",
}
_SAFE_TEXT = re.compile(r"^(?:[a-z0-9_-]{1,32}|\d{4}-\d{2}-\d{2})$")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_LONG_NUMBER = re.compile(r"\d{9,}")  # phone and ID numbers


@dataclass
class TaskFailure:
    id: str
    label: str
    state: str
    arguments: str
    attempts: int
    max_attempts: int
    error: str
    at: dt.datetime | None
    next_try: dt.datetime | None
    can_rerun: bool


def _stalled_before() -> dt.datetime:
    return timezone.now() - dt.timedelta(minutes=int(getattr(settings, "DANVAN_TASK_STALLED_MINUTES", 60)))


def failed_tasks() -> QuerySet[DBTaskResult]:
    """Failed for good, waiting to be tried again after an error, or running for too long."""
    waiting = Q(status=TaskResultStatus.READY) & ~Q(exception_class_path="")
    stalled = Q(status=TaskResultStatus.RUNNING, started_at__lt=_stalled_before())
    return DBTaskResult.objects.filter(Q(status=TaskResultStatus.FAILED) | waiting | stalled).order_by(
        "-enqueued_at"
    )


def shown_argument(value: Any) -> str:
    """Ids, numbers and codes as they are; any other text hidden (it may hold personal data)."""
    if value is None or isinstance(value, bool | int | float):
        return str(value)
    if isinstance(value, str) and _SAFE_TEXT.match(value):
        return value
    return "«ẩn»"


def shown_error(row: DBTaskResult) -> str:
    """The exception's class and message, without e-mail addresses and long numbers."""
    lines = [line for line in row.traceback.splitlines() if line.strip()]
    last = lines[-1] if lines else row.exception_class_path
    last = _EMAIL.sub("«e-mail»", _LONG_NUMBER.sub("«số»", last))
    return last[:300]


def _state(row: DBTaskResult) -> tuple[str, bool]:
    if row.status == TaskResultStatus.FAILED:
        return "Lỗi, đã hết lượt thử", True
    if row.status == TaskResultStatus.RUNNING:
        return "Chạy quá lâu (có thể đã dừng giữa chừng)", True
    return "Lỗi, chờ thử lại", False


def task_failure(row: DBTaskResult) -> TaskFailure:
    state, can_rerun = _state(row)
    args = row.args_kwargs.get("args", []) + list(row.args_kwargs.get("kwargs", {}).values())
    return TaskFailure(
        id=str(row.pk),
        label=TASK_LABELS.get(row.task_path, row.task_path.rsplit(".", 1)[-1]),
        state=state,
        arguments=", ".join(shown_argument(a) for a in args) or "—",
        attempts=len(row.worker_ids),
        max_attempts=max_attempts(),
        error=shown_error(row) if row.status != TaskResultStatus.RUNNING else "",
        at=row.finished_at or row.started_at or row.enqueued_at,
        next_try=row.run_after if row.status == TaskResultStatus.READY else None,
        can_rerun=can_rerun,
    )
