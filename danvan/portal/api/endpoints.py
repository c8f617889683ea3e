"""GET /api/v1/public/news and /api/v1/public/news/{slug}: published news for anyone."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Query
from ninja.pagination import paginate

from danvan.core.api.params import filter_unit
from danvan.core.errors import NotFound
from danvan.core.pagination import LimitOffsetPagination
from danvan.portal.access import access_public_post
from danvan.portal.api import router
from danvan.portal.api.schemas import NewsOut, NewsQuery, NewsSummaryOut
from danvan.portal.models import Category, Tag
from danvan.portal.selectors import NewsFilter, public_news


def _criteria(query: NewsQuery) -> NewsFilter:
    category = tag = None
    if query.category:
        category = Category.objects.filter(slug=query.category).first()
        if category is None:
            raise NotFound(f"Không có chuyên mục «{query.category}».")
    if query.tag:
        tag = Tag.objects.filter(slug=query.tag).first()
        if tag is None:
            raise NotFound(f"Không có thẻ «{query.tag}».")
    return NewsFilter(q=query.q or "", category=category, tag=tag, unit=filter_unit(query))


@router.get(
    "/public/news",
    auth=None,
    response={200: list[NewsSummaryOut]},
    summary="Danh sách tin đã đăng",
    operation_id="news_list",
)
@paginate(LimitOffsetPagination)
def list_news(request: HttpRequest, query: Query[NewsQuery]) -> Any:
    """Tin mới nhất trước; lọc theo `q` (không phân biệt dấu), `category`, `tag`, `unit`."""
    return public_news(_criteria(query))


@router.get(
    "/public/news/{slug}",
    auth=None,
    response={200: NewsOut},
    summary="Một tin đã đăng",
    operation_id="news_get",
)
def get_news(request: HttpRequest, slug: str, response: HttpResponse) -> Any:
    """Nội dung đầy đủ, thẻ và ý kiến bạn đọc đã duyệt. Tiêu đề ETag theo phiên bản của tin."""
    post = access_public_post(slug)
    response["ETag"] = f'"{post.pk}-{post.version}"'
    return post
