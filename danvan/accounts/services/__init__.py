"""Every write about users, grants and API tokens. Each service runs in one transaction,
validates, saves and records one audit event (never a password or a token secret)."""

from danvan.accounts.services.grants import grant_add, grant_remove
from danvan.accounts.services.imports import import_columns, users_import, users_import_template
from danvan.accounts.services.rules import GrantSpec
from danvan.accounts.services.tokens import token_create, token_revoke
from danvan.accounts.services.users import (
    user_create,
    user_deactivate,
    user_set_password,
    user_update,
)
from danvan.core.errors import InvalidInput

__all__ = [
    "GrantSpec",
    "InvalidInput",
    "grant_add",
    "grant_remove",
    "import_columns",
    "token_create",
    "token_revoke",
    "user_create",
    "user_deactivate",
    "user_set_password",
    "user_update",
    "users_import",
    "users_import_template",
]
