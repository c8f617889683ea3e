import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

from danvan.accounts.auth import TOKEN_PREFIX, hash_token
from danvan.accounts.models import ApiToken, Role
from danvan.accounts.scope import scope_for
from danvan.accounts.tests.factories import user_with_grant
from danvan.audit.models import AuditEvent
from danvan.portal.categories import seed_categories
from danvan.portal.models import Category, Comment, Post, PostStatus, Tag
from danvan.portal.services import PostContent, post_create, post_transition

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
BODY = "Hội nghị sơ kết công tác Dân vận khéo 6 tháng đầu năm, nhiều mô hình hay được nhân rộng."


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _quick_forms(settings: Any) -> None:
    settings.DANVAN_PORTAL_MIN_FILL_SECONDS = 0


@pytest.fixture
def media(settings: Any, tmp_path: Any) -> Any:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def categories(db: Any) -> dict[str, Category]:
    # A transactional (browser) test flushes the migration's rows: seed again, idempotently.
    seed_categories(Category)
    return {c.slug: c for c in Category.objects.all()}


@pytest.fixture
def viewer(tree: Any) -> Any:
    return user_with_grant("xem_tinh", Role.VIEWER, tree.province)


@pytest.fixture
def write(personas: Any, tree: Any, categories: dict[str, Category]) -> Callable[..., Post]:
    """A post of the province, written by the province approver (published unless told)."""

    def _write(
        title: str = "Sơ kết công tác Dân vận khéo",
        *,
        status: str = PostStatus.PUBLISHED,
        unit: Any = None,
        user: Any = None,
        category: str = "cong-tac-dan-van-mat-tran",
        **kw: Any,
    ) -> Post:
        actor = user or personas.approver
        content = PostContent(
            category=categories[category],
            title=title,
            body=kw.pop("body", BODY),
            tags=kw.pop("tags", ()),
            summary=kw.pop("summary", ""),
        )
        scope = scope_for(actor)
        post = post_create(actor=actor, scope=scope, unit=unit or tree.province, content=content, **kw)
        if status != PostStatus.DRAFT:
            post = post_transition(actor=actor, scope=scope, post=post, to=PostStatus.REVIEW)
        if status == PostStatus.PUBLISHED:
            post = post_transition(actor=actor, scope=scope, post=post, to=PostStatus.PUBLISHED)
        return post

    return _write


@pytest.fixture
def api_for(db: Any) -> Callable[..., Client]:
    def make(user: Any, scope: str = ApiToken.Scope.WRITE) -> Client:
        secret = TOKEN_PREFIX + secrets.token_urlsafe(24)
        ApiToken.objects.create(
            user=user, name="kiểm thử", prefix=secret[:8], key_hash=hash_token(secret), scope=scope
        )
        return Client(headers={"Authorization": f"Bearer {secret}"})

    return make


def snapshot() -> tuple[Any, ...]:
    return (
        list(Post.objects.order_by("pk").values()),
        list(Comment.objects.order_by("pk").values()),
        list(Tag.objects.order_by("pk").values_list("pk", "slug")),
        AuditEvent.objects.count(),
    )


@pytest.fixture
def unchanged() -> Callable[[], Any]:
    """`with unchanged(): ...` asserts the block changed no post, comment, tag or audit event."""

    @contextmanager
    def check() -> Iterator[None]:
        before = snapshot()
        yield
        assert snapshot() == before

    return check
