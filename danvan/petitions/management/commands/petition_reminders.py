"""Daily reminders and escalation of overdue petitions: enqueue the task (default) or run it now."""

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from danvan.petitions.tasks import petition_reminders


class Command(BaseCommand):
    help = "Nhắc hạn và báo cấp trên các vụ việc quá hạn (chạy hằng ngày)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--date", default="", help="Ngày chạy, dạng YYYY-MM-DD (mặc định: hôm nay).")
        parser.add_argument("--now", action="store_true", help="Chạy ngay thay vì đưa vào hàng đợi.")

    def handle(self, *args: Any, **options: Any) -> None:
        day = options["date"]
        if day:
            try:
                dt.date.fromisoformat(day)
            except ValueError as exc:
                raise CommandError("Ngày phải có dạng YYYY-MM-DD.") from exc
        if options["now"]:
            counts = petition_reminders.call(day)
            self.stdout.write(
                f"Nhắc sắp đến hạn: {counts['due_soon']}; nhắc quá hạn: {counts['overdue']}; "
                f"báo cấp trên: {counts['escalated']}."
            )
            return
        result = petition_reminders.enqueue(day)
        self.stdout.write(f"Đã đưa việc nhắc hạn vào hàng đợi ({result.id}).")
