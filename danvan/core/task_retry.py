"""Failed background tasks are tried again, a bounded number of times, with growing delays.

django-tasks-db runs a task once and marks it FAILED when it raises. After each failure the
worker sends Django's `task_finished` signal; `retry_failed_task` puts the same row back in the
queue (status READY, `run_after` = now + delay) until it has been attempted
`DANVAN_TASK_MAX_ATTEMPTS` times. The worker appends its id to `worker_ids` at every claim, so
the number of attempts is the length of that list (Django's `TaskResult.attempts`). The row keeps
the last error until a later attempt succeeds. What is left FAILED is shown to system admins
(`core/views.py`, `task_failures`), who may run it again (`services.task_rerun`).

A signal is used because it is the hook the library offers after a failure: this is queue
machinery, not domain flow. Every task is idempotent (docs/architecture.md), so a retry is safe.
"""

import datetime as dt
import logging
from typing import Any

from django.conf import settings
from django.db import DatabaseError
from django.tasks import TaskResultStatus
from django.tasks.signals import task_finished
from django.utils import timezone

logger = logging.getLogger(__name__)


def max_attempts() -> int:
    return int(getattr(settings, "DANVAN_TASK_MAX_ATTEMPTS", 3))


def retry_delay(attempts: int) -> dt.timedelta:
    """The wait before attempt `attempts + 1`: the base delay, ×4 after each failure."""
    base = int(getattr(settings, "DANVAN_TASK_RETRY_SECONDS", 60))
    return dt.timedelta(seconds=base * 4 ** max(attempts - 1, 0))


def retry_failed_task(sender: Any, task_result: Any, **kwargs: Any) -> None:
    """Receiver of `task_finished`: requeue a failed database task that has attempts left."""
    db_result = getattr(task_result, "db_result", None)  # only the database backend keeps rows
    if db_result is None or task_result.status != TaskResultStatus.FAILED:
        return
    attempts = len(db_result.worker_ids)
    if attempts >= max_attempts():
        logger.error(
            "Task %s (%s) failed for good after %d attempts", db_result.id, db_result.task_path, attempts
        )
        return
    try:
        type(db_result).objects.filter(pk=db_result.pk, status=TaskResultStatus.FAILED).update(
            status=TaskResultStatus.READY, run_after=timezone.now() + retry_delay(attempts)
        )
    except DatabaseError:  # never let the worker die here: the row stays FAILED and visible
        logger.exception("Task %s could not be queued again", db_result.id)


def connect() -> None:
    task_finished.connect(retry_failed_task, dispatch_uid="danvan.core.task_retry")
