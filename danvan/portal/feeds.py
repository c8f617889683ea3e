"""The RSS feed of the newest published posts, and the portal's sitemap."""

import datetime as dt

from django.contrib.sitemaps import Sitemap
from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from danvan.portal.access import published_posts
from danvan.portal.models import Category, Post
from danvan.portal.selectors import public_news

FEED_ITEMS = 20


class LatestNewsFeed(Feed):
    title = _("Tin tức công tác Dân vận")
    description = _("Tin mới đăng trên cổng thông tin DanVan.")

    def link(self) -> str:
        return reverse("portal:news")

    def items(self) -> QuerySet[Post]:
        return public_news()[:FEED_ITEMS]

    def item_title(self, item: Post) -> str:
        return item.title

    def item_description(self, item: Post) -> str:
        return item.summary or item.body[:300]

    def item_link(self, item: Post) -> str:
        return reverse("portal:detail", args=[item.slug])

    def item_pubdate(self, item: Post) -> dt.datetime | None:
        return item.published_at

    def item_categories(self, item: Post) -> list[str]:
        return [item.category.name]


class NewsSitemap(Sitemap[Post]):
    changefreq = "weekly"

    def items(self) -> QuerySet[Post]:
        return published_posts().order_by("-published_at", "-pk").only("slug", "updated_at")

    def location(self, item: Post) -> str:
        return reverse("portal:detail", args=[item.slug])

    def lastmod(self, item: Post) -> dt.datetime:
        return item.updated_at


class CategorySitemap(Sitemap[Category]):
    changefreq = "daily"

    def items(self) -> QuerySet[Category]:
        return Category.objects.order_by("order", "pk")

    def location(self, item: Category) -> str:
        return reverse("portal:category", args=[item.slug])


class PagesSitemap(Sitemap[str]):
    changefreq = "daily"

    def items(self) -> list[str]:
        return ["portal:index", "portal:news", "practices:showcase", "portal:api_docs"]

    def location(self, item: str) -> str:
        return reverse(item)


SITEMAPS = {"pages": PagesSitemap, "categories": CategorySitemap, "news": NewsSitemap}
