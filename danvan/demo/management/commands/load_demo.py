"""`manage.py load_demo`: the demo places, bodies, people and logins. Safe to run again."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext_lazy as _

from danvan.core.errors import DomainError
from danvan.demo.services import demo_load

LABELS = {
    "organizations": _("tổ chức"),
    "neighbourhoods": _("thôn, tổ dân phố"),
    "records_keepers": _("thiết lập cơ quan giữ hồ sơ"),
    "people": _("cán bộ"),
    "positions": _("chức vụ"),
    "users": _("tài khoản"),
    "grants": _("phân quyền"),
    "practices": _("mô hình, điển hình Dân vận khéo"),
    "reporting": _("báo cáo định kỳ"),
    "petitions": _("ý kiến, đơn thư"),
    "meetings": _("hội nghị, đối thoại"),
    "campaigns": _("cuộc vận động an sinh"),
    "membership": _("hội viên"),
    "portal": _("tin bài"),
}


class Command(BaseCommand):
    help = (
        "Nạp dữ liệu minh họa: tổ chức, cán bộ của các bài báo mẫu, tài khoản thử. Chạy lại không tạo trùng."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            created = demo_load()
        except DomainError as exc:
            raise CommandError(exc.message) from exc
        if not created:
            self.stdout.write(str(_("Dữ liệu minh họa đã có đủ: không tạo thêm gì.")))
            return
        parts = [f"{count} {LABELS.get(key, key)}" for key, count in sorted(created.items())]
        self.stdout.write(
            self.style.SUCCESS(_("Đã nạp dữ liệu minh họa: %(parts)s.") % {"parts": ", ".join(parts)})
        )
