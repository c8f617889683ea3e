"""The shell every page shares: navigation by domain and the user's current unit."""

from functools import cached_property
from typing import Any

from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from danvan.accounts.models import Role
from danvan.accounts.selectors import current_unit
from danvan.core.links import page_path

_NAV = [
    ("core:home", "Trang chủ", None),
    ("territory:index", "Địa bàn", None),
    ("orgs:index", "Tổ chức", Role.VIEWER),
    ("orgs:people", "Cán bộ", Role.VIEWER),
    ("practices:index", "Dân vận khéo", Role.VIEWER),
    ("dashboards:index", "Tổng quan", Role.VIEWER),
    ("reporting:index", "Báo cáo", Role.VIEWER),
    ("petitions:index", "Ý kiến, đơn thư", Role.VIEWER),
    ("meetings:index", "Hội nghị, nhiệm vụ", Role.VIEWER),
    ("campaigns:index", "An sinh", Role.VIEWER),
    ("membership:index", "Hội viên", Role.VIEWER),
    ("documents:index", "Văn bản", Role.VIEWER),
    ("extraction:index", "Nhập văn bản", Role.REPORTER),
    ("portal:manage", "Quản lý tin tức", Role.REPORTER),
    ("portal:index", "Cổng thông tin", None),
    ("accounts:users", "Người dùng", Role.UNIT_ADMIN),
    ("audit:index", "Nhật ký", Role.UNIT_ADMIN),
    ("core:task_failures", "Tác vụ lỗi", Role.SYSTEM_ADMIN),
]


def shell(request: HttpRequest) -> dict[str, Any]:
    scope = getattr(request, "scope", None)
    if scope is None or not scope.is_authenticated:
        return {"nav": Navigation(request, None), "current_unit": None, "switchable_units": []}
    return {
        "nav": Navigation(request, scope),
        "current_unit": current_unit(request),
        "switchable_units": scope.units,
    }


_LINK = '<li><a href="{}">{}</a></li>'
_CURRENT = '<li><a href="{}" aria-current="page">{}</a></li>'


class Navigation:
    """The header's list items: the domains the user may open, their profile and logout (or the
    login link). Built in Python once per page, when the template first prints it: the header
    prints it twice (the desktop bar and the mobile menu), and a template loop cost 0,3 ms each."""

    def __init__(self, request: HttpRequest, scope: Any) -> None:
        self.request = request
        self.scope = scope

    @cached_property
    def html(self) -> SafeString:
        parts = [
            format_html(_CURRENT if i["active"] else _LINK, i["url"], i["label"])
            for i in _items(self.request, self.scope)
        ]
        user = getattr(self.request, "user", None)
        if user is not None and user.is_authenticated:
            parts.append(format_html(_LINK, page_path("accounts:profile"), user))
            parts.append(
                format_html(
                    '<li><form method="post" action="{}"><input type="hidden" name="csrfmiddlewaretoken"'
                    ' value="{}"><button type="submit" class="secondary outline">{}</button></form></li>',
                    page_path("accounts:logout"),
                    get_token(self.request),
                    _("Đăng xuất"),
                )
            )
        else:
            parts.append(format_html(_LINK, page_path("accounts:login"), _("Đăng nhập")))
        return format_html_join("\n", "{}", ((part,) for part in parts))

    def __html__(self) -> SafeString:
        return self.html

    def __str__(self) -> str:
        return self.html


def _items(request: HttpRequest, scope: Any) -> list[dict[str, Any]]:
    items = []
    for name, label, min_role in _NAV:
        if min_role is not None and not (
            scope is not None and (scope.is_system_admin or scope.paths(min_role))
        ):
            continue
        url = page_path(name)
        items.append({"url": url, "label": label, "active": request.path == url})
    return items
