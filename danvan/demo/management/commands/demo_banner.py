"""`manage.py demo_banner --port N`: the site's address and the demo logins, printed by `make run`."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from danvan.demo.content import PASSWORD
from danvan.demo.selectors import demo_logins


class Command(BaseCommand):
    help = "In địa chỉ trang web và các tài khoản minh họa."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--port", type=int, default=8000, help="Cổng của máy chủ web (mặc định 8000).")

    def handle(self, *args: Any, **options: Any) -> None:
        port = options["port"]
        if not 0 < port < 65536:
            self.stderr.write(_("Cổng không hợp lệ."))
            port = 8000
        line = "=" * 72
        self.stdout.write(line)
        self.stdout.write(
            _("DanVan — phần mềm công tác Dân vận: %(url)s") % {"url": f"http://127.0.0.1:{port}/"}
        )
        self.stdout.write(_("Tài liệu API: %(url)s") % {"url": f"http://127.0.0.1:{port}/api/v1/docs"})
        logins = [login for login in demo_logins() if login.exists]
        if not logins:
            self.stdout.write(_("Chưa có tài khoản minh họa: chạy `python manage.py load_demo` để tạo."))
        else:
            self.stdout.write(
                _("Tài khoản minh họa (mật khẩu chung: %(password)s):") % {"password": PASSWORD}
            )
            width = max(len(login.username) for login in logins)
            for login in logins:
                self.stdout.write(f"  {login.username.ljust(width)}  {login.role} — {login.unit}")
        self.stdout.write(line)
