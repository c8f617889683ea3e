"""Reads of the portal: listings, accent-insensitive search, related and older/newer posts."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from danvan.core.text import fold
from danvan.portal.access import published_posts
from danvan.portal.models import Category, Comment, CommentStatus, Post, PostStatus, Tag
from danvan.territory.models import Unit
from danvan.territory.tree import subtree_q

MAX_QUERY_WORDS = 8
RELATED = 4


@dataclass(frozen=True)
class NewsFilter:
    q: str = ""
    category: Category | None = None
    tag: Tag | None = None
    unit: Unit | None = None


def search_q(text: str, column: str = "search_folded") -> Q:
    """Every word of `text`, folded («dan van kheo» finds «Dân vận khéo»), must occur."""
    query = Q()
    for word in fold(text[:200]).split()[:MAX_QUERY_WORDS]:
        query &= Q(**{f"{column}__contains": word})
    return query


def filter_posts(posts: QuerySet[Post], criteria: NewsFilter) -> QuerySet[Post]:
    if criteria.q:
        posts = posts.filter(search_q(criteria.q))
    if criteria.category is not None:
        posts = posts.filter(category=criteria.category)
    if criteria.tag is not None:
        posts = posts.filter(tags=criteria.tag)
    if criteria.unit is not None:
        posts = posts.filter(subtree_q([criteria.unit.path], "unit_path"))
    return posts


def public_news(criteria: NewsFilter = NewsFilter()) -> QuerySet[Post]:
    """Published posts, newest first, with what a listing shows (no N+1)."""
    posts = filter_posts(published_posts(), criteria)
    return posts.select_related("category", "unit").order_by("-published_at", "-pk")


def related_posts(post: Post) -> list[Post]:
    """The newest other posts of the same category."""
    posts = published_posts().filter(category_id=post.category_id).exclude(pk=post.pk)
    return list(posts.order_by("-published_at", "-pk")[:RELATED])


def neighbours(post: Post) -> tuple[Post | None, Post | None]:
    """(older, newer) published posts around `post` in publication order."""
    assert post.published_at is not None
    at = post.published_at
    older = (
        published_posts()
        .filter(Q(published_at__lt=at) | Q(published_at=at, pk__lt=post.pk))
        .order_by("-published_at", "-pk")
        .only("title", "slug")
        .first()
    )
    newer = (
        published_posts()
        .filter(Q(published_at__gt=at) | Q(published_at=at, pk__gt=post.pk))
        .order_by("published_at", "pk")
        .only("title", "slug")
        .first()
    )
    return older, newer


def approved_comments(post: Post) -> QuerySet[Comment]:
    return post.comments.filter(status=CommentStatus.APPROVED).order_by("created_at", "pk")


def categories_with_counts() -> QuerySet[Category]:
    published = Count("posts", filter=Q(posts__status=PostStatus.PUBLISHED))
    return Category.objects.annotate(published=published).order_by("order", "name")


def pending_comment_count(comments: QuerySet[Comment]) -> int:
    return comments.filter(status=CommentStatus.PENDING).count()
