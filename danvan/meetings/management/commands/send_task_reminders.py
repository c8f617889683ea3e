"""Enqueue (or, with --now, run) today's task reminders; the lead's scheduler calls it daily."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from django.utils import timezone

from danvan.meetings.services.reminders import task_reminders_send
from danvan.meetings.tasks import send_task_reminders


class Command(BaseCommand):
    help = "Nhắc các nhiệm vụ sắp đến hạn và quá hạn (gửi thư cho đơn vị chủ trì và đơn vị giao)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--now", action="store_true", help="Chạy ngay thay vì đưa vào hàng đợi.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["now"]:
            count = task_reminders_send(today=timezone.localdate())
            self.stdout.write(f"Đã nhắc {count} nhiệm vụ.")
            return
        transaction.on_commit(send_task_reminders.enqueue)
        self.stdout.write("Đã đưa việc nhắc nhiệm vụ vào hàng đợi.")
