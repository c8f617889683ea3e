"""Signing in with a username and password: Django's model backend, with the signed-in user read
by fixed SQL (core/fixed_sql.py) on each request, since every signed-in request reads it.
AUTHENTICATION_BACKENDS names it after django-axes' backend, which counts failed logins."""

from typing import Any, cast

from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import ValidationError
from django.db import connections, router

from danvan.accounts.models import User
from danvan.core.fixed_sql import ModelColumns, fetch, select_by
from danvan.core.models import MAX_ID

_USER = ModelColumns(User, "u")


class AccountBackend(ModelBackend):
    def get_user(self, user_id: Any) -> Any:
        """The active user with this key, or None (as ModelBackend.get_user)."""
        try:
            pk = User._meta.pk.to_python(user_id)
        except ValidationError:
            return None
        if not isinstance(pk, int) or not 1 <= pk <= MAX_ID:
            return None
        connection = connections[router.db_for_read(User)]
        rows = fetch(connection, select_by(connection, _USER, "id"), [pk])
        user = cast(User, _USER.instance(rows[0], connection)) if rows else None
        return user if user is not None and self.user_can_authenticate(user) else None
