from typing import Any

from django.core.management.base import BaseCommand

from danvan.territory.models import Level
from danvan.territory.services import territory_sync


class Command(BaseCommand):
    help = "Nạp hoặc đồng bộ danh mục địa bàn (hiện hành và trước 1/7/2025) từ gói vietnam-provinces."

    def handle(self, *args: Any, **options: Any) -> None:
        report = territory_sync()
        self.stdout.write(f"Nguồn: {report.version}")
        for level, counts in report.levels.items():
            self.stdout.write(
                f"{Level(level).label}: {counts.current} hiện hành, {counts.legacy} trước 1/7/2025 — "
                f"thêm {counts.created}, cập nhật {counts.updated}, xóa {counts.deleted}, "
                f"giữ lại {counts.kept} (không còn trong nguồn nhưng đang được dùng)"
            )
        self.stdout.write(
            f"Quan hệ sáp nhập: {report.lineage_total} — thêm {report.lineage_created}, "
            f"cập nhật {report.lineage_updated}, xóa {report.lineage_deleted}"
        )
        self.stdout.write(self.style.SUCCESS(f"Xong trong {report.seconds:.1f} giây."))
