"""Background work of the meetings app (django.tasks)."""

from django.tasks import task
from django.utils import timezone

from danvan.meetings.services.reminders import task_reminders_send


@task()
def send_task_reminders() -> int:
    """Daily: remind owners and assigners of tasks due soon or overdue. Idempotent within a day."""
    return task_reminders_send(today=timezone.localdate())
