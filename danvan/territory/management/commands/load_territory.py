from typing import Any

from django.core.management.base import BaseCommand

from danvan.core.figures import node_figures_rebuild
from danvan.core.formatting import format_number as n
from danvan.territory.models import Level
from danvan.territory.services import territory_sync


class Command(BaseCommand):
    help = "Nạp hoặc đồng bộ danh mục địa bàn (hiện hành và trước 1/7/2025) từ gói vietnam-provinces."

    def handle(self, *args: Any, **options: Any) -> None:
        report = territory_sync()
        self.stdout.write(f"Nguồn: {report.version}")
        for level, counts in report.levels.items():
            self.stdout.write(
                f"{Level(level).label}: {n(counts.current)} hiện hành, {n(counts.legacy)} trước 1/7/2025 — "
                f"thêm {n(counts.created)}, cập nhật {n(counts.updated)}, xóa {n(counts.deleted)}, "
                f"giữ lại {n(counts.kept)} (không còn trong nguồn nhưng đang được dùng)"
            )
        self.stdout.write(
            f"Quan hệ sáp nhập: {n(report.lineage_total)} — thêm {n(report.lineage_created)}, "
            f"cập nhật {n(report.lineage_updated)}, xóa {n(report.lineage_deleted)}"
        )
        if report.changed:
            # Figures kept per unit and its ancestors follow the tree and the merge lineage.
            node_figures_rebuild()
            self.stdout.write("Đã tính lại số liệu tổng hợp theo địa bàn mới.")
        self.stdout.write(self.style.SUCCESS(f"Xong trong {n(report.seconds, 1)} giây."))
