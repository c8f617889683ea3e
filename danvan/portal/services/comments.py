"""Readers' comments: held until approved, limited per address, refused when they look like spam.

Spam defences need no outside service: a hidden field people leave empty (the form's honeypot),
a minimum time to fill the form (checked by the form with a signed timestamp), a limit on links,
and a per-address rate limit kept in Django's cache. The address itself is never stored.
"""

import hashlib
import re
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.accounts.models import Role
from danvan.accounts.scope import UserScope
from danvan.audit.services import audit_record
from danvan.core.errors import Conflict, DomainError, InvalidInput, PermissionDenied
from danvan.portal.caching import invalidate_on_commit
from danvan.portal.models import Comment, CommentStatus, Post

MAX_LINKS = 2
MAX_BODY = 2000
COMMENTS_PER_WINDOW = getattr(settings, "DANVAN_PORTAL_COMMENTS_PER_WINDOW", 3)
COMMENT_WINDOW_SECONDS = getattr(settings, "DANVAN_PORTAL_COMMENT_WINDOW_SECONDS", 600)
_LINK = re.compile(r"(https?://|www\.|\[url)", re.IGNORECASE)


class TooManyComments(DomainError):
    status = 429

    def __init__(self, retry_after: int) -> None:
        super().__init__(
            "too_many_comments",
            _("Bạn vừa gửi nhiều ý kiến: vui lòng thử lại sau %(minutes)d phút.")
            % {"minutes": max(1, retry_after // 60)},
        )
        self.retry_after = retry_after


def _rate_key(address: str) -> str:
    return "portal:comments:" + hashlib.sha256(address.encode()).hexdigest()[:32]


def _count_attempt(address: str) -> None:
    key = _rate_key(address)
    cache.add(key, 0, COMMENT_WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, COMMENT_WINDOW_SECONDS)
        count = 1
    if count > COMMENTS_PER_WINDOW:
        raise TooManyComments(COMMENT_WINDOW_SECONDS)


def _check(name: str, body: str) -> None:
    errors: dict[str, list[str]] = {}
    if not 2 <= len(name) <= 80:
        errors["name"] = [_("Họ tên từ 2 đến 80 ký tự.")]
    if not 2 <= len(body) <= MAX_BODY:
        errors["body"] = [_("Ý kiến từ 2 đến %(n)d ký tự.") % {"n": MAX_BODY}]
    elif len(_LINK.findall(body)) > MAX_LINKS:
        errors["body"] = [_("Ý kiến có quá nhiều đường liên kết (tối đa %(n)d).") % {"n": MAX_LINKS}]
    if errors:
        raise InvalidInput("invalid_comment", _("Ý kiến chưa hợp lệ."), errors=errors)


@transaction.atomic
def comment_submit(*, post: Post, name: str, body: str, address: str) -> Comment:
    """A reader's comment on a published post, held for moderation."""
    if not post.is_published:
        raise Conflict("post_not_published", _("Tin bài này không nhận ý kiến."))
    name, body = " ".join(name.split()), body.strip().replace("\r\n", "\n")
    _check(name, body)
    _count_attempt(address)
    comment = Comment.objects.create(post=post, name=name, body=body)
    audit_record(
        actor=None,
        action="news.comment",
        obj=comment,
        unit=post.unit,
        changes={"post": post.pk, "status": CommentStatus.PENDING},
    )
    return comment


@transaction.atomic
def comment_moderate(*, actor: Any, scope: UserScope, comment: Comment, approve: bool) -> Comment:
    """Approve (shown on the portal) or reject a pending comment; an approver of the post's unit."""
    comment = Comment.objects.select_for_update().select_related("post__unit").get(pk=comment.pk)
    if not scope.covers(comment.post.unit, Role.APPROVER):
        raise PermissionDenied(_("Duyệt ý kiến bạn đọc cần quyền lãnh đạo duyệt trên đơn vị."))
    if comment.status != CommentStatus.PENDING:
        raise Conflict("comment_moderated", _("Ý kiến này đã được xử lý trước đó."))
    comment.status = CommentStatus.APPROVED if approve else CommentStatus.REJECTED
    comment.moderated_by, comment.moderated_at = actor, timezone.now()
    comment.save(update_fields=["status", "moderated_by", "moderated_at"])
    audit_record(
        actor=actor,
        action=f"news.comment_{comment.status}",
        obj=comment,
        unit=comment.post.unit,
        changes={"status": [CommentStatus.PENDING, comment.status]},
    )
    if approve:
        invalidate_on_commit()
    return comment
