"""Background work of periodic reporting (django.tasks)."""

from django.tasks import task
from django.utils import timezone

from danvan.reporting.services.reminders import report_reminders_send


@task()
def send_report_reminders() -> dict[str, int]:
    """Daily: remind reporters of reports due soon or late. Idempotent."""
    run = report_reminders_send(today=timezone.localdate())
    return {"before": run.before, "after": run.after, "emailed": run.emailed}
