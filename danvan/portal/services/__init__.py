"""Every write of the portal: news posts and their editorial flow, readers' comments."""

from danvan.portal.services.comments import TooManyComments, comment_moderate, comment_submit
from danvan.portal.services.posts import (
    PostContent,
    allowed_steps,
    post_count_view,
    post_create,
    post_transition,
    post_update,
)

__all__ = [
    "PostContent",
    "TooManyComments",
    "allowed_steps",
    "comment_moderate",
    "comment_submit",
    "post_count_view",
    "post_create",
    "post_transition",
    "post_update",
]
