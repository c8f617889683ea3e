from typing import Any

from django.core.management.base import BaseCommand

from danvan.territory.tree import rebuild_paths


class Command(BaseCommand):
    help = "Tính lại đường dẫn (path) và độ sâu của mọi đơn vị từ quan hệ cấp trên (parent)."

    def handle(self, *args: Any, **options: Any) -> None:
        changed = rebuild_paths()
        self.stdout.write(self.style.SUCCESS(f"Đã sửa {changed} đơn vị."))
