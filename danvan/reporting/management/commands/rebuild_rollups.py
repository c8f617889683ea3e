from typing import Any

from django.core.management.base import BaseCommand

from danvan.reporting.services.rollups import rollups_rebuild


class Command(BaseCommand):
    help = "Tính lại toàn bộ số liệu tổng hợp từ các số liệu đã được tính (sau khi nạp dữ liệu hàng loạt)."

    def handle(self, *args: Any, **options: Any) -> None:
        cells = rollups_rebuild()
        self.stdout.write(f"Đã tính lại {cells:,} ô tổng hợp.".replace(",", "."))
