"""Enqueue the daily jobs of every domain (reminders of reports, tasks and petitions; escalation;
the purge of expired Idempotency-Keys).

Each job is idempotent within a day, so `scripts/run-site` runs this every hour and cron may run
it as often as it likes: `python manage.py daily_jobs` (add --now to run them in this process).
"""

from importlib import import_module
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

# (module, task name): the scheduled tasks of the domains.
DAILY = [
    ("danvan.reporting.tasks", "send_report_reminders"),
    ("danvan.meetings.tasks", "send_task_reminders"),
    ("danvan.petitions.tasks", "petition_reminders"),
    ("danvan.core.tasks", "purge_idempotency_records"),
]


class Command(BaseCommand):
    help = "Xếp hàng các việc hằng ngày (nhắc hạn báo cáo, nhiệm vụ, đơn thư); chạy lại không nhắc trùng."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--now", action="store_true", help="chạy ngay trong tiến trình này")

    def handle(self, *args: Any, **options: Any) -> None:
        for module_name, name in DAILY:
            try:
                task = getattr(import_module(module_name), name)
            except (ImportError, AttributeError):
                self.stderr.write(f"Bỏ qua {module_name}.{name}: không tìm thấy.")
                continue
            if options["now"]:
                result = task.call()
                self.stdout.write(f"{name}: {result}")
            else:
                task.enqueue()
                self.stdout.write(f"Đã xếp hàng {name}.")
