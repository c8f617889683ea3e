"""The shell every page shares: navigation by domain and the user's current unit."""

from typing import Any

from django.http import HttpRequest

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
        return {"nav_items": _items(request, None), "current_unit": None, "switchable_units": []}
    return {
        "nav_items": _items(request, scope),
        "current_unit": current_unit(request),
        "switchable_units": scope.units,
    }


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
