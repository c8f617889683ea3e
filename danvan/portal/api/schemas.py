"""Schemas of /api/v1/public/news."""

import datetime as dt
from typing import Any

from django.urls import reverse
from ninja import Field, Schema

from danvan.core.api.params import UnitFilter
from danvan.core.api.problems import ProblemOut as ProblemOut
from danvan.portal.models import Post
from danvan.portal.selectors import approved_comments


class CategoryRef(Schema):
    slug: str
    name: str


class NewsUnitRef(Schema):
    code: str
    name: str


class NewsSummaryOut(Schema):
    slug: str
    title: str
    summary: str
    category: CategoryRef
    unit: NewsUnitRef
    published_at: dt.datetime
    url: str = Field(description="Đường dẫn trang tin trên cổng thông tin.")
    cover_url: str | None = Field(description="Ảnh bìa, nếu có.")
    view_count: int

    @staticmethod
    def resolve_url(obj: Post) -> str:
        return reverse("portal:detail", args=[obj.slug])

    @staticmethod
    def resolve_cover_url(obj: Post) -> str | None:
        return reverse("portal:cover", args=[obj.slug]) if obj.cover else None


class TagOut(Schema):
    slug: str
    name: str


class CommentOut(Schema):
    name: str
    body: str
    created_at: dt.datetime


class NewsOut(NewsSummaryOut):
    body: str = Field(description="Nội dung, văn bản thuần; các đoạn cách nhau một dòng trống.")
    author_line: str
    tags: list[TagOut]
    updated_at: dt.datetime
    comments: list[CommentOut] = Field(description="Ý kiến bạn đọc đã được duyệt.")

    @staticmethod
    def resolve_comments(obj: Post) -> list[Any]:
        return list(approved_comments(obj))


class NewsQuery(UnitFilter):
    q: str | None = Field(
        None, max_length=200, description="Tìm trong tiêu đề, nội dung; không phân biệt dấu."
    )
    category: str | None = Field(None, max_length=120, description="Đường dẫn (slug) của chuyên mục.")
    tag: str | None = Field(None, max_length=80, description="Đường dẫn (slug) của thẻ.")
