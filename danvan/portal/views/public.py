"""The public portal (no login): home, news listings and search, a post with its comments."""

import functools
from typing import Any

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from danvan.core.api.examples import documented_flows
from danvan.core.errors import DomainError
from danvan.core.text import fold
from danvan.portal.access import access_public_post
from danvan.portal.caching import cached_text
from danvan.portal.forms import CommentForm
from danvan.portal.models import Category, Post, Tag
from danvan.portal.selectors import (
    NewsFilter,
    approved_comments,
    categories_with_counts,
    neighbours,
    public_news,
    related_posts,
)
from danvan.portal.services import TooManyComments, comment_submit, post_count_view
from danvan.portal.views.common import crumbs, page_number, paginate, public_links, refusals

HOME_POSTS = 6


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    def build() -> str:
        context = {"posts": list(public_news()[:HOME_POSTS]), "categories": list(categories_with_counts())}
        return render_to_string("portal/_home.html", context)

    context = {
        "content": mark_safe(cached_text("home", "", build)),  # noqa: S308 - our own rendered template
        "links": public_links(),
    }
    return render(request, "portal/index.html", context)


def _listing(request: HttpRequest, heading: str, criteria: NewsFilter, **extra: Any) -> HttpResponse:
    number = page_number(request)

    def build() -> str:
        page = paginate(public_news(criteria), number)
        query = f"q={criteria.q}&" if criteria.q else ""
        return render_to_string("portal/_news_list.html", {"page": page, "query": query, "q": criteria.q})

    variant = "|".join(
        [
            fold(criteria.q),
            str(criteria.category and criteria.category.pk),
            str(criteria.tag and criteria.tag.pk),
        ]
    )
    listing = mark_safe(cached_text("news", f"{variant}|{number}", build))  # noqa: S308
    if request.headers.get("HX-Request"):
        return HttpResponse(listing)
    context = {"heading": heading, "listing": listing, "q": criteria.q, "links": public_links(), **extra}
    return render(request, "portal/news_list.html", context)


@require_GET
def news(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()[:200]
    crumb = crumbs((_("Tin tức"), None))
    return _listing(request, _("Tin tức"), NewsFilter(q=q), breadcrumbs=crumb, searchable=True)


@require_GET
def category(request: HttpRequest, slug: str) -> HttpResponse:
    found = get_object_or_404(Category, slug=slug)
    crumb = crumbs((_("Tin tức"), reverse("portal:news")), (found.name, None))
    return _listing(request, found.name, NewsFilter(category=found), breadcrumbs=crumb, category=found)


@require_GET
def tag(request: HttpRequest, slug: str) -> HttpResponse:
    found = get_object_or_404(Tag, slug=slug)
    heading = _("Thẻ: %(name)s") % {"name": found.name}
    crumb = crumbs((_("Tin tức"), reverse("portal:news")), (heading, None))
    return _listing(request, heading, NewsFilter(tag=found), breadcrumbs=crumb)


def _article(post: Post) -> str:
    def build() -> str:
        older, newer = neighbours(post)
        context = {
            "post": post,
            "tags": list(post.tags.all()),
            "related": related_posts(post),
            "older": older,
            "newer": newer,
            "comments": list(approved_comments(post)),
        }
        return render_to_string("portal/_article.html", context)

    return cached_text("post", f"{post.pk}-{post.version}", build)


def _render_detail(request: HttpRequest, post: Post, form: CommentForm, status: int = 200) -> HttpResponse:
    context = {
        "post": post,
        "article": mark_safe(_article(post)),  # noqa: S308 - our own rendered template
        "form": form,
        "links": public_links(),
        "og_url": request.build_absolute_uri(reverse("portal:detail", args=[post.slug])),
        "og_image": request.build_absolute_uri(reverse("portal:cover", args=[post.slug]))
        if post.cover
        else "",
        "breadcrumbs": crumbs(
            (post.category.name, reverse("portal:category", args=[post.category.slug])), (post.title, None)
        ),
    }
    return render(request, "portal/detail.html", context, status=status)


@require_GET
@refusals
def detail(request: HttpRequest, slug: str) -> HttpResponse:
    post = access_public_post(slug)
    post_count_view(post=post)
    post.view_count += 1
    return _render_detail(request, post, CommentForm())


def client_address(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR") or "unknown")


@require_POST
@refusals
def comment(request: HttpRequest, slug: str) -> HttpResponse:
    """A reader's comment: held for moderation. Robots get the same answer and nothing is saved."""
    post = access_public_post(slug)
    form = CommentForm(request.POST)
    if not form.is_valid():
        return _render_detail(request, post, form)
    held = _("Cảm ơn bạn! Ý kiến đã được gửi và sẽ hiện sau khi được duyệt.")
    if form.looks_automated:
        messages.success(request, held)
        return redirect(reverse("portal:detail", args=[slug]) + "#y-kien")
    try:
        comment_submit(
            post=post,
            name=form.cleaned_data["name"],
            body=form.cleaned_data["body"],
            address=client_address(request),
        )
    except TooManyComments as exc:
        form.add_error(None, exc.message)
        response = _render_detail(request, post, form, status=429)
        response["Retry-After"] = str(exc.retry_after)
        return response
    except DomainError as exc:
        for field, errors in exc.errors.items():
            for error in errors:
                form.add_error(field if field in form.fields else None, error)
        return _render_detail(request, post, form)
    messages.success(request, held)
    return redirect(reverse("portal:detail", args=[slug]) + "#y-kien")


@require_GET
@refusals
def cover(request: HttpRequest, slug: str) -> FileResponse:
    post = access_public_post(slug)
    if not post.cover:
        raise Http404
    response = FileResponse(post.cover.open("rb"), content_type=post.cover_type or "application/octet-stream")
    response["Cache-Control"] = "public, max-age=86400"
    return response


@functools.cache
def _api_document() -> dict[str, Any]:
    from config.api import api  # the API imports every app: load it when the page is first asked for

    return dict(api.get_openapi_schema())


@require_GET
def api_docs(request: HttpRequest) -> HttpResponse:
    """The examples are the flows that danvan/core/tests/test_api_client.py runs, written as curl
    commands from the OpenAPI document, so they cannot drift from the API."""
    base = request.build_absolute_uri("/api/v1")
    context = {
        "breadcrumbs": crumbs((_("Hướng dẫn dùng API"), None)),
        "base": base,
        "flows": documented_flows(_api_document(), base),
    }
    return render(request, "portal/api_docs.html", context)
