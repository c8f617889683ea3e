"""Who may see and change news posts and readers' comments.

- Everyone (no login): published posts, their cover and their approved comments.
- Staff with a grant on the post's unit (its subtree): every post of the unit, drafts too.
  Viewer reads; reporter writes drafts and sends them for review; approver publishes, returns,
  withdraws and moderates comments.
- Anything else answers 404, the same as a missing post.
"""

from django.db.models import QuerySet

from danvan.accounts.models import Role
from danvan.accounts.scope import UserScope
from danvan.core.errors import NotFound, PermissionDenied
from danvan.portal.models import Comment, Post, PostStatus
from danvan.territory.models import Unit
from danvan.territory.tree import subtree_q

READ, EDIT, PUBLISH = "read", "edit", "publish"
_MIN_ROLE = {READ: Role.VIEWER, EDIT: Role.REPORTER, PUBLISH: Role.APPROVER}
MAX_ID = 2**63 - 1


def published_posts() -> QuerySet[Post]:
    return Post.objects.filter(status=PostStatus.PUBLISHED)


def visible_posts(scope: UserScope) -> QuerySet[Post]:
    """The posts of the user's units, whatever their state (the «Tin tức» management list)."""
    if not scope.is_authenticated:
        return Post.objects.none()
    if scope.is_system_admin:
        return Post.objects.all()
    return Post.objects.filter(subtree_q(scope.paths(Role.VIEWER), "unit_path"))


def can(scope: UserScope, post: Post, action: str) -> bool:
    if scope.is_system_admin:
        return True
    return any(post.unit_path.startswith(path) for path in scope.paths(_MIN_ROLE[action]))


def may_write_on(scope: UserScope, unit: Unit) -> bool:
    return scope.covers(unit, Role.REPORTER)


def writable_units(scope: UserScope) -> list[Unit]:
    """The units the user may draft news for: those they hold reporter or above on."""
    return [unit for unit in scope.units if scope.covers(unit, Role.REPORTER)]


def _check_id(object_id: int) -> None:
    if not 0 < object_id <= MAX_ID:
        raise NotFound()


def access_post(scope: UserScope, post_id: int, action: str = READ) -> Post:
    """The post if the user may `action` it; 404 alike when missing or not theirs."""
    _check_id(post_id)
    post = Post.objects.select_related("unit", "category").filter(pk=post_id).first()
    if post is None or not can(scope, post, READ):
        raise NotFound()
    if action != READ and not can(scope, post, action):
        raise PermissionDenied()
    return post


def access_public_post(slug: str) -> Post:
    """A published post by its slug; 404 for anything else."""
    post = published_posts().select_related("unit", "category").filter(slug=slug[:120]).first()
    if post is None:
        raise NotFound()
    return post


def access_comment(scope: UserScope, comment_id: int) -> Comment:
    """A comment the user may moderate (approver of the post's unit); 404 otherwise."""
    _check_id(comment_id)
    comment = Comment.objects.select_related("post__unit").filter(pk=comment_id).first()
    if comment is None or not can(scope, comment.post, PUBLISH):
        raise NotFound()
    return comment


def moderated_comments(scope: UserScope) -> QuerySet[Comment]:
    if scope.is_system_admin:
        return Comment.objects.all()
    if not scope.is_authenticated:
        return Comment.objects.none()
    return Comment.objects.filter(subtree_q(scope.paths(Role.APPROVER), "post__unit_path"))
