"""Signing in with a username and password: Django's model backend, with the signed-in user read
by a query prepared once (core/fixed_sql.py), since every signed-in request reads it.
AUTHENTICATION_BACKENDS names it after django-axes' backend, which counts failed logins."""

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import ValidationError

from danvan.accounts.models import User
from danvan.core.fixed_sql import Prepared
from danvan.core.models import MAX_ID

_USER = Prepared("accounts.user", User, lambda pk: User.objects.filter(pk=pk))


class AccountBackend(ModelBackend):
    def get_user(self, user_id: Any) -> Any:
        """The active user with this key, or None (as ModelBackend.get_user)."""
        try:
            pk = User._meta.pk.to_python(user_id)
        except ValidationError:
            return None
        if not isinstance(pk, int) or not 1 <= pk <= MAX_ID:
            return None
        user: User | None = _USER.first(pk)
        return user if user is not None and self.user_can_authenticate(user) else None
