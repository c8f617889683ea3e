"""Fixtures of the accounts tests: a commune admin, API clients and a snapshot of the tables."""

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from danvan.accounts.models import ApiToken, Grant, Role, User
from danvan.accounts.services import token_create
from danvan.accounts.tests.factories import user_with_grant
from danvan.audit.models import AuditEvent


@pytest.fixture
def commune_admin(tree: Any) -> User:
    """unit_admin of commune A only."""
    return user_with_grant("quantri_xa_a", Role.UNIT_ADMIN, tree.commune_a)


@pytest.fixture
def api_for(db: Any) -> Callable[..., Client]:
    """A client sending a fresh bearer token of `user` (scope write unless told)."""

    def make(user: User, scope: str = ApiToken.Scope.WRITE) -> Client:
        _token, secret = token_create(user=user, name="thử nghiệm", scope=scope)
        return Client(HTTP_AUTHORIZATION=f"Bearer {secret}")

    return make


def db_state() -> dict[str, Any]:
    """Everything a refused request must leave as it was."""
    return {
        "users": list(
            User.objects.order_by("pk").values_list(
                "pk", "username", "full_name", "email", "is_active", "password"
            )
        ),
        "grants": list(Grant.objects.order_by("pk").values_list("pk", "user_id", "unit_id", "role")),
        "tokens": list(ApiToken.objects.order_by("pk").values_list("pk", "revoked_at")),
        "audit": AuditEvent.objects.count(),
    }


@pytest.fixture
def unchanged() -> Callable[[], Any]:
    """`with unchanged(): ...` asserts the block changed nothing in users, grants, tokens or audit."""
    from contextlib import contextmanager

    @contextmanager
    def check() -> Any:
        before = db_state()
        yield
        assert db_state() == before

    return check
