"""Figures of the portal for reports and dashboards: news published and readers' comments."""

import datetime as dt

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from danvan.core.periods import Period
from danvan.portal.models import Comment, CommentStatus, Post, PostStatus
from danvan.territory.models import Unit
from danvan.territory.selectors import history_paths
from danvan.territory.tree import subtree_q

FIGURES: dict[str, tuple[str, str]] = {
    "news_published": ("Tin bài đăng trên cổng thông tin", "tin"),
    "news_views": ("Lượt xem tin bài đăng trong kỳ", "lượt"),
    "comments_received": ("Ý kiến bạn đọc nhận được", "ý kiến"),
    "comments_approved": ("Ý kiến bạn đọc được duyệt đăng", "ý kiến"),
}


def _bounds(period: Period) -> tuple[dt.datetime, dt.datetime]:
    start = timezone.make_aware(dt.datetime.combine(period.start, dt.time.min))
    end = timezone.make_aware(dt.datetime.combine(period.end + dt.timedelta(days=1), dt.time.min))
    return start, end


def figures(*, unit: Unit, period: Period) -> dict[str, int | float]:
    """Every FIGURES key for the unit's subtree (old units merged into it included) and the period."""
    paths = history_paths(unit)
    start, end = _bounds(period)
    posts = Post.objects.filter(
        subtree_q(paths, "unit_path"),
        status=PostStatus.PUBLISHED,
        published_at__gte=start,
        published_at__lt=end,
    ).aggregate(count=Count("pk"), views=Coalesce(Sum("view_count"), 0))
    comments = Comment.objects.filter(
        subtree_q(paths, "post__unit_path"), created_at__gte=start, created_at__lt=end
    ).aggregate(received=Count("pk"), approved=Count("pk", filter=Q(status=CommentStatus.APPROVED)))
    return {
        "news_published": posts["count"],
        "news_views": posts["views"],
        "comments_received": comments["received"],
        "comments_approved": comments["approved"],
    }
