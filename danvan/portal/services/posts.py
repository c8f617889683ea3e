"""Writing news posts: drafting, editing and the editorial flow draft → review → published."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from danvan.accounts.models import Role
from danvan.accounts.scope import UserScope
from danvan.audit.services import audit_record
from danvan.core.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from danvan.core.text import fold
from danvan.portal.caching import invalidate_on_commit
from danvan.portal.models import Category, Post, PostStatus, Tag
from danvan.portal.services.covers import check_cover, stored_cover_name
from danvan.territory.models import Unit

MAX_TAGS = 10
SLUG_LENGTH = 100


@dataclass
class PostContent:
    """What an editor writes, before it is checked."""

    category: Category
    title: str
    body: str
    summary: str = ""
    author_line: str = ""
    tags: Sequence[str] = ()
    cover_alt: str = ""

    def cleaned(self) -> "PostContent":
        tags = [" ".join(t.split()) for t in self.tags]
        return PostContent(
            category=self.category,
            title=" ".join(self.title.split()),
            body=self.body.strip().replace("\r\n", "\n"),
            summary=" ".join(self.summary.split()),
            author_line=" ".join(self.author_line.split()),
            tags=list(dict.fromkeys(t for t in tags if t)),
            cover_alt=" ".join(self.cover_alt.split()),
        )


def _check(content: PostContent) -> None:
    errors: dict[str, list[str]] = {}
    if not 5 <= len(content.title) <= 250:
        errors["title"] = [_("Tiêu đề từ 5 đến 250 ký tự.")]
    if len(content.body) < 20:
        errors["body"] = [_("Nội dung quá ngắn (tối thiểu 20 ký tự).")]
    if len(content.summary) > 500:
        errors["summary"] = [_("Tóm tắt tối đa 500 ký tự.")]
    if len(content.author_line) > 200:
        errors["author_line"] = [_("Tối đa 200 ký tự.")]
    if len(content.tags) > MAX_TAGS or any(len(t) > 60 or not slugify(fold(t)) for t in content.tags):
        errors["tags"] = [_("Tối đa %(n)d thẻ, mỗi thẻ tối đa 60 ký tự, có chữ hoặc số.") % {"n": MAX_TAGS}]
    if len(content.cover_alt) > 200:
        errors["cover_alt"] = [_("Tối đa 200 ký tự.")]
    if errors:
        raise InvalidInput("invalid_post", _("Tin bài chưa hợp lệ."), errors=errors)


def unique_slug(title: str) -> str:
    """An ASCII slug from the Vietnamese title («Dân vận khéo» → «dan-van-kheo»), made unique."""
    base = slugify(fold(title))[:SLUG_LENGTH].strip("-") or "tin"
    slug, number = base, 1
    while Post.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base[: SLUG_LENGTH - 6]}-{number}"
    return slug


def _tags(names: Sequence[str]) -> list[Tag]:
    tags = []
    for name in names:
        tag, _created = Tag.objects.get_or_create(slug=slugify(fold(name))[:80], defaults={"name": name})
        tags.append(tag)
    return tags


def _search_text(post: Post, tags: Sequence[str]) -> str:
    return fold(" ".join([post.title, post.summary, post.body, post.author_line, *tags]))


def _attach_cover(post: Post, cover: UploadedFile) -> None:
    content_type, extension = check_cover(cover)
    post.cover.save(stored_cover_name(extension), cover, save=False)
    post.cover_type = content_type


@transaction.atomic
def post_create(
    *,
    actor: Any,
    scope: UserScope,
    unit: Unit,
    content: PostContent,
    cover: UploadedFile | None = None,
) -> Post:
    """A new draft of `unit`, written by a reporter (or above) of that unit."""
    if not scope.covers(unit, Role.REPORTER):
        raise NotFound(_("Bạn không có quyền viết tin cho đơn vị này."))
    content = content.cleaned()
    _check(content)
    post = Post(
        unit=unit,
        unit_path=unit.path,
        category=content.category,
        title=content.title,
        slug=unique_slug(content.title),
        summary=content.summary,
        body=content.body,
        author_line=content.author_line,
        cover_alt=content.cover_alt,
        created_by=actor,
        edited_by=actor,
    )
    if cover is not None:
        _attach_cover(post, cover)
    post.search_folded = _search_text(post, content.tags)
    post.save()
    post.tags.set(_tags(content.tags))
    audit_record(
        actor=actor,
        action="news.create",
        obj=post,
        unit=unit,
        changes={"title": [None, post.title], "status": [None, post.status]},
    )
    return post


def may_edit(scope: UserScope, post: Post) -> bool:
    role = Role.APPROVER if post.status == PostStatus.PUBLISHED else Role.REPORTER
    return scope.covers(post.unit, role)


@transaction.atomic
def post_update(
    *,
    actor: Any,
    scope: UserScope,
    post: Post,
    content: PostContent,
    version: int | None = None,
    cover: UploadedFile | None = None,
    remove_cover: bool = False,
) -> Post:
    """Edit a post. A published post only by an approver; a stale `version` is refused."""
    if not may_edit(scope, post):
        raise PermissionDenied(_("Tin đã đăng chỉ người có quyền duyệt được sửa."))
    post = Post.objects.select_for_update().get(pk=post.pk)
    if version is not None and version != post.version:
        raise Conflict("stale_post", _("Tin bài vừa được người khác sửa: hãy tải lại trang rồi sửa tiếp."))
    content = content.cleaned()
    _check(content)
    fields = ("category", "title", "summary", "body", "author_line", "cover_alt")
    compared = {f: [str(getattr(post, f)), str(getattr(content, f))] for f in fields}
    changes: dict[str, Any] = {f: pair for f, pair in compared.items() if pair[0] != pair[1]}
    for name in fields:
        setattr(post, name, getattr(content, name))
    if remove_cover and post.cover:
        post.cover.delete(save=False)
        post.cover, post.cover_type = "", ""
        changes["cover"] = ["…", None]
    if cover is not None:
        _attach_cover(post, cover)
        changes["cover"] = [None, post.cover.name]
    old_tags = sorted(post.tags.values_list("name", flat=True))
    if sorted(content.tags) != old_tags:
        changes["tags"] = [old_tags, sorted(content.tags)]
    post.tags.set(_tags(content.tags))
    post.search_folded = _search_text(post, content.tags)
    post.edited_by, post.version = actor, post.version + 1
    post.save()
    audit_record(actor=actor, action="news.update", obj=post, unit=post.unit, changes=changes)
    if post.is_published:
        invalidate_on_commit()
    return post


# (from, to) → the role needed on the post's unit.
TRANSITIONS: dict[tuple[str, str], str] = {
    (PostStatus.DRAFT, PostStatus.REVIEW): Role.REPORTER,
    (PostStatus.REVIEW, PostStatus.DRAFT): Role.REPORTER,  # back for more work (by anyone of the unit)
    (PostStatus.REVIEW, PostStatus.PUBLISHED): Role.APPROVER,
    (PostStatus.DRAFT, PostStatus.PUBLISHED): Role.APPROVER,
    (PostStatus.PUBLISHED, PostStatus.DRAFT): Role.APPROVER,  # withdrawn from the portal
}


def allowed_steps(scope: UserScope, post: Post) -> list[str]:
    return [
        to
        for (origin, to), role in TRANSITIONS.items()
        if origin == post.status and scope.covers(post.unit, role)
    ]


@transaction.atomic
def post_transition(*, actor: Any, scope: UserScope, post: Post, to: str) -> Post:
    """Move a post one step in the editorial flow, recording who sent, published or withdrew it."""
    post = Post.objects.select_for_update().select_related("unit").get(pk=post.pk)
    role = TRANSITIONS.get((post.status, to))
    if role is None:
        raise Conflict("illegal_step", _("Không thể chuyển tin bài sang trạng thái này."))
    if not scope.covers(post.unit, role):
        raise PermissionDenied(_("Bước này cần quyền %(role)s trên đơn vị.") % {"role": Role(role).label})
    old = post.status
    post.status = to
    fields = ["status", "version", "updated_at"]
    if to == PostStatus.REVIEW:
        post.submitted_by = actor
        fields.append("submitted_by")
    if to == PostStatus.PUBLISHED:
        post.published_by = actor
        post.published_at = post.published_at or timezone.now()
        fields += ["published_by", "published_at"]
    post.version += 1
    post.save(update_fields=fields)
    audit_record(actor=actor, action=f"news.{to}", obj=post, unit=post.unit, changes={"status": [old, to]})
    if PostStatus.PUBLISHED in (old, to):
        invalidate_on_commit()
    return post


def post_count_view(*, post: Post) -> None:
    """One more view: a single UPDATE … SET view_count = view_count + 1, no row per view."""
    Post.objects.filter(pk=post.pk).update(view_count=F("view_count") + 1)
