from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from danvan.reporting.services.reminders import report_reminders_send


class Command(BaseCommand):
    help = "Nhắc các đơn vị sắp đến hạn hoặc quá hạn nộp báo cáo (chạy mỗi ngày; chạy lại không nhắc trùng)."

    def handle(self, *args: Any, **options: Any) -> None:
        run = report_reminders_send(today=timezone.localdate())
        self.stdout.write(
            f"Nhắc trước hạn: {run.before}; nhắc quá hạn: {run.after}; thư điện tử: {run.emailed}."
        )
