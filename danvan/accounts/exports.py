"""The users list in Excel (danvan.core.export): for the administrators who see the page, who
manage these accounts and so may see their personal fields (the export is audited)."""

from typing import Any

from django.utils.translation import gettext as _

from danvan.accounts.models import User
from danvan.core.export import BOOLEAN, DATETIME, Column


def user_columns() -> list[Column]:
    return [
        Column(_("Tên đăng nhập"), width=20, personal="accounts.User.username"),
        Column(_("Họ và tên"), width=28, personal="accounts.User.full_name"),
        Column(_("Thư điện tử"), width=30, personal="accounts.User.email"),
        Column(_("Quyền"), width=60),
        Column(_("Đang hoạt động"), BOOLEAN, 12),
        Column(_("Đăng nhập lần cuối"), DATETIME, 18, personal="accounts.User.last_login"),
    ]


def user_row(user: User) -> list[Any]:
    grants = "; ".join(
        f"{g.get_role_display()} — {g.unit.name if g.unit else _('Toàn quốc')}" for g in user.grants.all()
    )
    return [user.username, user.full_name, user.email, grants, user.is_active, user.last_login]
