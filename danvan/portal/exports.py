"""The staff lists of the portal in Excel (danvan.core.export): posts and readers' comments."""

from typing import Any

from django.utils.translation import gettext as _

from danvan.core.export import DATETIME, INTEGER, Column
from danvan.portal.models import Comment, Post


def post_columns() -> list[Column]:
    return [
        Column(_("Tiêu đề"), width=60),
        Column(_("Chuyên mục"), width=20),
        Column(_("Đơn vị"), width=28),
        Column(_("Trạng thái"), width=16),
        Column(_("Ngày đăng"), DATETIME, 18),
        Column(_("Cập nhật lúc"), DATETIME, 18),
        Column(_("Lượt xem"), INTEGER, 10),
    ]


def post_row(p: Post) -> list[Any]:
    category = p.category.name if p.category_id and p.category else ""
    return [
        p.title,
        category,
        p.unit.name,
        p.get_status_display(),
        p.published_at,
        p.updated_at,
        p.view_count,
    ]


def comment_columns() -> list[Column]:
    return [
        Column(_("Gửi lúc"), DATETIME, 18),
        Column(_("Bài viết"), width=50),
        Column(_("Tên người gửi"), width=24),
        Column(_("Ý kiến"), width=70),
        Column(_("Trạng thái"), width=16),
        Column(_("Xử lý lúc"), DATETIME, 18),
    ]


def comment_row(c: Comment) -> list[Any]:
    return [c.created_at, c.post.title, c.name, c.body, c.get_status_display(), c.moderated_at]
