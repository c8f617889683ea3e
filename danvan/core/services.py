"""Writes of the core app: running a failed background task again."""

from typing import Any

from django.db import transaction
from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from danvan.audit.services import audit_record
from danvan.core.errors import Conflict, NotFound
from danvan.core.selectors import failed_tasks, task_failure


@transaction.atomic
def task_rerun(*, actor: Any, task_id: str) -> DBTaskResult:
    """Queue a failed (or stalled) task again now, with a fresh number of attempts."""
    row = DBTaskResult.objects.select_for_update().filter(pk=task_id).first()
    if row is None:
        raise NotFound()
    if not failed_tasks().filter(pk=row.pk).exists() or not task_failure(row).can_rerun:
        raise Conflict("task_not_failed", "Tác vụ này không ở trạng thái lỗi nên không chạy lại được.")
    previous = {"status": row.status, "attempts": len(row.worker_ids), "error": row.exception_class_path}
    row.status = TaskResultStatus.READY
    row.run_after = get_date_max()  # the library's "as soon as possible"
    row.worker_ids = []
    row.started_at = row.finished_at = None
    row.save(update_fields=["status", "run_after", "worker_ids", "started_at", "finished_at"])
    audit_record(
        actor=actor,
        action="task.rerun",
        obj=None,
        object_type="django_tasks_db.dbtaskresult",
        object_repr=f"{task_failure(row).label} ({row.pk})",
        changes=previous,
    )
    return row
