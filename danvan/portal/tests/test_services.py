"""The editorial flow and its refusals, Vietnamese slugs, folded search text, cover checks."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from danvan.accounts.scope import scope_for
from danvan.audit.models import AuditEvent
from danvan.core.errors import Conflict, DomainError, InvalidInput, NotFound, PermissionDenied
from danvan.portal.models import Post, PostStatus
from danvan.portal.services import PostContent, allowed_steps, post_create, post_transition, post_update
from danvan.portal.tests.conftest import BODY, PNG


def content(categories, title="Phường Sóc Trăng ra mắt Tổ Nhân dân tự quản", **kw):
    return PostContent(category=categories["cong-tac-dan-van-mat-tran"], title=title, body=BODY, **kw)


def test_reporter_drafts_and_sends_for_review_approver_publishes(personas, tree, categories):
    reporter, approver = personas.reporter_a, personas.approver
    post = post_create(
        actor=reporter,
        scope=scope_for(reporter),
        unit=tree.commune_a,
        content=content(categories, tags=["Dân vận khéo", "dân vận khéo ", "Môi trường"]),
    )
    assert post.status == PostStatus.DRAFT and post.slug == "phuong-soc-trang-ra-mat-to-nhan-dan-tu-quan"
    assert post.created_by == reporter == post.edited_by and post.unit_path == tree.commune_a.path
    assert sorted(post.tags.values_list("slug", flat=True)) == ["dan-van-kheo", "moi-truong"]
    assert "dan van kheo" in post.search_folded and "to nhan dan tu quan" in post.search_folded
    assert allowed_steps(scope_for(reporter), post) == [PostStatus.REVIEW]
    post = post_transition(actor=reporter, scope=scope_for(reporter), post=post, to=PostStatus.REVIEW)
    assert post.submitted_by == reporter
    assert PostStatus.PUBLISHED in allowed_steps(scope_for(approver), post)
    post = post_transition(actor=approver, scope=scope_for(approver), post=post, to=PostStatus.PUBLISHED)
    assert post.published_by == approver and post.published_at is not None
    actions = list(
        AuditEvent.objects.filter(object_id=str(post.pk)).order_by("pk").values_list("action", flat=True)
    )
    assert actions == ["news.create", "news.review", "news.published"]


def test_slugs_are_unique(personas, tree, categories):
    first = post_create(
        actor=personas.approver,
        scope=scope_for(personas.approver),
        unit=tree.province,
        content=content(categories, "Đà Nẵng đổi mới"),
    )
    second = post_create(
        actor=personas.approver,
        scope=scope_for(personas.approver),
        unit=tree.province,
        content=content(categories, "Đà Nẵng đổi mới"),
    )
    assert first.slug == "da-nang-doi-moi" and second.slug == "da-nang-doi-moi-2"


def test_reporter_cannot_publish_or_write_for_another_unit(personas, tree, categories, write, unchanged):
    reporter = personas.reporter_a
    draft = write(status=PostStatus.REVIEW, unit=tree.commune_a, user=reporter)
    with unchanged():
        with pytest.raises(PermissionDenied):
            post_transition(actor=reporter, scope=scope_for(reporter), post=draft, to=PostStatus.PUBLISHED)
        with pytest.raises(NotFound):
            post_create(
                actor=reporter, scope=scope_for(reporter), unit=tree.commune_b, content=content(categories)
            )
        with pytest.raises(Conflict):
            post_transition(actor=reporter, scope=scope_for(reporter), post=draft, to="deleted")


def test_published_posts_are_edited_by_approvers_only_and_stale_edits_refused(
    personas, tree, categories, write, unchanged
):
    post = write(unit=tree.commune_a)
    reporter, approver = personas.reporter_a, personas.approver
    with unchanged(), pytest.raises(PermissionDenied):
        post_update(actor=reporter, scope=scope_for(reporter), post=post, content=content(categories))
    edited = post_update(
        actor=approver,
        scope=scope_for(approver),
        post=post,
        content=content(categories, "Tiêu đề mới hơn"),
        version=post.version,
    )
    assert (
        edited.title == "Tiêu đề mới hơn"
        and edited.edited_by == approver
        and edited.version == post.version + 1
    )
    assert edited.slug == post.slug  # links already shared keep working
    with unchanged(), pytest.raises(Conflict):
        post_update(
            actor=approver,
            scope=scope_for(approver),
            post=edited,
            content=content(categories),
            version=post.version,
        )


@pytest.mark.parametrize(
    ("title", "body", "field"),
    [("Ngắn", BODY, "title"), ("Một tiêu đề đủ dài", "ngắn", "body")],
)
def test_invalid_content_is_refused(personas, tree, categories, unchanged, title, body, field):
    bad = PostContent(category=categories["thong-bao"], title=title, body=body)
    with unchanged(), pytest.raises(InvalidInput) as refused:
        post_create(
            actor=personas.approver, scope=scope_for(personas.approver), unit=tree.province, content=bad
        )
    assert field in refused.value.errors


def test_cover_is_checked_by_content_and_size(personas, tree, categories, media, unchanged, settings):
    approver = personas.approver
    fake = SimpleUploadedFile("anh.png", b"<script>alert(1)</script>", content_type="image/png")
    with unchanged(), pytest.raises(DomainError) as refused:
        post_create(
            actor=approver,
            scope=scope_for(approver),
            unit=tree.province,
            content=content(categories),
            cover=fake,
        )
    assert "JPEG, PNG hoặc WebP" in refused.value.errors["cover"][0]
    huge = SimpleUploadedFile("anh.png", PNG + b"\x00" * (2 * 1024 * 1024), content_type="image/png")
    with unchanged(), pytest.raises(DomainError):
        post_create(
            actor=approver,
            scope=scope_for(approver),
            unit=tree.province,
            content=content(categories),
            cover=huge,
        )
    good = SimpleUploadedFile("anh.gif", PNG, content_type="image/gif")
    post = post_create(
        actor=approver, scope=scope_for(approver), unit=tree.province, content=content(categories), cover=good
    )
    assert post.cover_type == "image/png" and post.cover.name.endswith(".png")
    assert Post.objects.get(pk=post.pk).cover.read() == PNG


def test_figures_count_published_news_views_and_comments(personas, tree, write):
    import datetime as dt

    from danvan.core.periods import Period
    from danvan.portal.models import Comment, CommentStatus
    from danvan.portal.stats import FIGURES, figures

    post = write(unit=tree.commune_a)
    write("Tin của tỉnh khác", unit=tree.other_province, user=personas.other_approver)
    write("Bản nháp không tính", status=PostStatus.DRAFT)
    Post.objects.filter(pk=post.pk).update(view_count=7)
    Comment.objects.create(post=post, name="An", body="Hay.", status=CommentStatus.APPROVED)
    Comment.objects.create(post=post, name="Bình", body="Tốt.")
    year = Period.parse(str(dt.date.today().year))
    result = figures(unit=tree.province, period=year)
    assert set(result) == set(FIGURES)
    assert result == {"news_published": 1, "news_views": 7, "comments_received": 2, "comments_approved": 1}
    assert figures(unit=tree.province, period=Period.parse("2019"))["news_published"] == 0
