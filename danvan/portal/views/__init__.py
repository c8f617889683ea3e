"""HTML pages of the portal: public news (no login) and «Tin tức» management for staff."""

from danvan.portal.views.public import api_docs, category, comment, cover, detail, index, news, tag
from danvan.portal.views.staff import comment_decide, comments, manage, post_edit, post_new, post_step

__all__ = [
    "api_docs",
    "category",
    "comment",
    "comment_decide",
    "comments",
    "cover",
    "detail",
    "index",
    "manage",
    "news",
    "post_edit",
    "post_new",
    "post_step",
    "tag",
]
