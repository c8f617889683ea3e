from typing import Any

from django.core.management.base import BaseCommand

from danvan.core.formatting import format_number
from danvan.practices.services.tally import tally_rebuild


class Command(BaseCommand):
    help = "Tính lại bảng đếm mô hình, điển hình Dân vận khéo (số liệu thống kê) từ sổ đăng ký."

    def handle(self, *args: Any, **options: Any) -> None:
        rows = tally_rebuild()
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã tính lại: {format_number(rows['cells'])} ô số liệu, "
                f"{format_number(rows['reach'])} ô độ phủ, {format_number(rows['presence'])} chủ thể."
            )
        )
